"""Non-Latin name pools of the demo data (Cyrillic, Arabic, Chinese, Greek), with Latin spellings.

Each entry is "native|LATIN1|LATIN2...": the Latin spellings are the transliteration variants
met in practice, one of which is picked per person, so searches must bridge them.
"""

from __future__ import annotations

from notices.demo.culture import Culture, pools

RUSSIAN = Culture(
    key="ru",
    script="cyrillic",
    countries=("RU", "BY", "KZ", "UA", "MD"),
    languages=("RUS", "ENG", "GER"),
    cities=pools(
        "MOSKVA|MOSCOW SANKT-PETERBURG NOVOSIBIRSK EKATERINBURG|YEKATERINBURG KAZAN "
        "SAMARA MINSK ALMATY ROSTOV-NA-DONU"
    ),
    male=pools(
        "Александр|ALEKSANDR|ALEXANDR|ALEXANDER Дмитрий|DMITRIY|DMITRII|DMITRY "
        "Сергей|SERGEY|SERGEI|SERGEJ Андрей|ANDREY|ANDREI|ANDREJ "
        "Алексей|ALEKSEY|ALEKSEI|ALEXEY Николай|NIKOLAY|NIKOLAI Михаил|MIKHAIL|MIHAIL "
        "Олег|OLEG Юрий|YURIY|IURII|JURIJ Евгений|EVGENIY|YEVGENIY|EVGENII "
        "Максим|MAKSIM|MAXIM Игорь|IGOR"
    ),
    female=pools(
        "Елена|ELENA|YELENA Ольга|OLGA Наталья|NATALYA|NATALIA "
        "Татьяна|TATYANA|TATIANA|TATJANA Ирина|IRINA Светлана|SVETLANA "
        "Юлия|YULIYA|IULIIA|YULIA Мария|MARIYA|MARIIA|MARIA Анна|ANNA "
        "Екатерина|EKATERINA|YEKATERINA Галина|GALINA Вера|VERA"
    ),
    roots=pools(
        "Гусак|GUSAK Журб|ZHURB|JOURB Клест|KLEST Дрозд|DROZD Чиж|CHIZH|CHIJ "
        "Ворон|VORON Кулик|KULIK Дуб|DUB Крут|KRUT Рыбак|RYBAK|RIBAK Ковыл|KOVYL|KOVIL"
    ),
    endings_m=pools("ов|OV|OFF ин|IN овский|OVSKIY|OVSKII|OVSKY"),
    endings_f=pools("ова|OVA ина|INA овская|OVSKAYA|OVSKAIA"),
)

UKRAINIAN = Culture(
    key="uk",
    script="cyrillic",
    countries=("UA", "PL", "MD"),
    languages=("UKR", "RUS", "ENG"),
    cities=pools("KYIV|KIEV KHARKIV|KHARKOV ODESA|ODESSA LVIV DNIPRO ZAPORIZHZHIA POLTAVA"),
    male=pools(
        "Олександр|OLEKSANDR|ALEKSANDR Богдан|BOHDAN|BOGDAN Тарас|TARAS "
        "Андрій|ANDRIY|ANDRII Сергій|SERHIY|SERHII|SERGIY Віталій|VITALIY|VITALII "
        "Юрій|YURIY|IURII Микола|MYKOLA|MIKOLA Петро|PETRO Дмитро|DMYTRO|DMITRO"
    ),
    female=pools(
        "Оксана|OKSANA Олена|OLENA Наталія|NATALIIA|NATALIYA Ірина|IRYNA|IRINA "
        "Тетяна|TETIANA|TETYANA Галина|HALYNA|GALINA Людмила|LIUDMYLA|LYUDMILA "
        "Світлана|SVITLANA"
    ),
    roots=pools(
        "Бондар|BONDAR Карп|KARP Гончар|HONCHAR|GONCHAR Марч|MARCH Савч|SAVCH "
        "Остап|OSTAP Гриц|HRYTS|GRITS Левч|LEVCH"
    ),
    endings_m=pools("енко|ENKO ук|UK"),
)

BULGARIAN = Culture(
    key="bg",
    script="cyrillic",
    countries=("BG", "MK"),
    languages=("BUL", "ENG"),
    cities=pools("SOFIA|SOFIYA PLOVDIV VARNA BURGAS RUSE STARA_ZAGORA"),
    male=pools(
        "Георги|GEORGI Стоян|STOYAN|STOJAN Христо|HRISTO|KHRISTO Димитър|DIMITAR "
        "Калоян|KALOYAN Пламен|PLAMEN Ивайло|IVAYLO|IVAILO Николай|NIKOLAY"
    ),
    female=pools(
        "Десислава|DESISLAVA Мария|MARIYA|MARIA Цветелина|TSVETELINA Радка|RADKA "
        "Елена|ELENA Йорданка|YORDANKA|JORDANKA Гергана|GERGANA Милена|MILENA"
    ),
    roots=pools(
        "Стоян|STOYAN Петк|PETK Тодор|TODOR Цвет|TSVET|CVET Кост|KOST Ранг|RANG "
        "Мит|MIT Бож|BOZH|BOJ"
    ),
    endings_m=pools("ов|OV"),
    endings_f=pools("ова|OVA"),
)

ARABIC = Culture(
    key="ar",
    script="arabic",
    countries=(
        "IQ",
        "SY",
        "EG",
        "SA",
        "JO",
        "LB",
        "MA",
        "DZ",
        "TN",
        "LY",
        "YE",
        "SD",
        "AE",
        "KW",
        "QA",
        "PS",
    ),
    languages=("ARA", "ENG", "FRE"),
    cities=pools(
        "BAGHDAD BASRA MOSUL DAMASCUS|DIMASHQ ALEPPO|HALAB AMMAN BEIRUT CAIRO|AL-QAHIRA "
        "ALEXANDRIA RIYADH JEDDAH SANAA ADEN TRIPOLI BENGHAZI TUNIS SFAX ALGIERS ORAN "
        "CASABLANCA RABAT KHARTOUM"
    ),
    male=pools(
        "محمد|MOHAMMED|MUHAMMAD|MOHAMED|MOHAMMAD|MOHAMAD أحمد|AHMED|AHMAD علي|ALI "
        "حسن|HASSAN|HASAN حسين|HUSSEIN|HUSAIN|HOSSEIN|HUSSAIN عمر|OMAR|UMAR "
        "خالد|KHALED|KHALID يوسف|YOUSSEF|YUSUF|YOUSEF إبراهيم|IBRAHIM|EBRAHIM "
        "عبد_الله|ABDULLAH|ABDALLAH|ABD_ALLAH "
        "عبد_الرحمن|ABDULRAHMAN|ABDUL_RAHMAN|ABD_AL-RAHMAN|ABDERRAHMANE "
        "مصطفى|MUSTAFA|MOSTAFA|MOUSTAFA سعيد|SAID|SAEED|SAYED طارق|TAREK|TARIQ|TAREQ "
        "ياسر|YASSER|YASIR ماجد|MAJED|MAJID عادل|ADEL|ADIL أسامة|USAMA|OSAMA|OUSSAMA "
        "كريم|KARIM|KAREEM"
    ),
    female=pools(
        "فاطمة|FATIMA|FATMA|FATEMA مريم|MARYAM|MARIAM|MERIEM عائشة|AISHA|AICHA|AYESHA "
        "زينب|ZAINAB|ZEINAB|ZAYNAB نور|NOUR|NUR|NOOR ليلى|LAYLA|LEILA|LAILA "
        "سارة|SARA|SARAH هدى|HUDA|HODA أمينة|AMINA|AMINAH خديجة|KHADIJA|KHADIDJA "
        "سلمى|SALMA|SELMA رانيا|RANIA|RANYA"
    ),
    surnames=pools(
        "نجار|NAJJAR|NAJAR|NADJAR حداد|HADDAD|HADAD خطيب|KHATIB|KHATEEB "
        "عطار|ATTAR حلبي|HALABI|HALABY صباغ|SABBAGH|SABAGH جابر|JABER|JABIR "
        "خوري|KHOURY|KHOURI زهراني|ZAHRANI عبيدي|OBEIDI|UBAYDI|OBAIDI "
        "شامي|SHAMI|CHAMI فارس|FARES|FARIS كعبي|KAABI|KAABY دباغ|DABBAGH|DABAGH "
        "سقا|SAQQA|SAKKA نعيمي|NUAIMI|NAIMI رفاعي|RIFAI|REFAEI"
    ),
    article=pools("ال|AL-|AL_|EL-|AL"),
)

CHINESE = Culture(
    key="zh",
    script="chinese",
    countries=("CN", "TW", "SG", "MY", "HK"),
    languages=("CHI", "ENG"),
    cities=pools("BEIJING SHANGHAI GUANGZHOU SHENZHEN CHENGDU WUHAN FUZHOU WENZHOU HARBIN TAIPEI"),
    male=pools(
        "志|ZHI 浩|HAO 宇|YU 振|ZHEN 永|YONG 文|WEN 世|SHI 宏|HONG 嘉|JIA 天|TIAN "
        "正|ZHENG 博|BO 建|JIAN 国|GUO"
    ),
    second_m=pools(
        "强|QIANG 辉|HUI 斌|BIN 鑫|XIN 磊|LEI 涛|TAO 勇|YONG 杰|JIE 豪|HAO 轩|XUAN "
        "新|XIN 峰|FENG 平|PING"
    ),
    female=pools(
        "秀|XIU 桂|GUI 玉|YU 春|CHUN 丽|LI 淑|SHU 慧|HUI 雪|XUE 美|MEI 晓|XIAO 静|JING 海|HAI"
    ),
    second_f=pools(
        "英|YING 兰|LAN 芳|FANG 霞|XIA 敏|MIN 燕|YAN 红|HONG 婷|TING 莉|LI 珍|ZHEN 华|HUA"
    ),
    surnames=pools(
        "王|WANG 李|LI 张|ZHANG 刘|LIU 陈|CHEN|CHAN 杨|YANG 黄|HUANG|WONG 赵|ZHAO "
        "吴|WU 徐|XU 孙|SUN 朱|ZHU 郭|GUO 何|HE 高|GAO 林|LIN|LAM 罗|LUO 郑|ZHENG "
        "梁|LIANG 谢|XIE 宋|SONG 唐|TANG 韩|HAN 冯|FENG 彭|PENG 曾|ZENG 肖|XIAO "
        "田|TIAN 袁|YUAN 潘|PAN 于|YU 蔡|CAI 杜|DU 叶|YE 程|CHENG 苏|SU 魏|WEI "
        "吕|LYU|LU|LV|LUE 丁|DING 沈|SHEN 卢|LU 崔|CUI 钟|ZHONG 谭|TAN 范|FAN 石|SHI "
        "廖|LIAO 夏|XIA 邹|ZOU 熊|XIONG 秦|QIN 薛|XUE 段|DUAN 雷|LEI 侯|HOU 龚|GONG "
        "钱|QIAN 欧阳|OUYANG 司徒|SITU"
    ),
)

GREEK = Culture(
    key="el",
    script="greek",
    countries=("GR", "CY"),
    languages=("GRE", "ENG"),
    cities=pools(
        "ATHINA|ATHENS THESSALONIKI PATRA IRAKLEIO|HERAKLION LARISA LEFKOSIA|NICOSIA "
        "LEMESOS|LIMASSOL"
    ),
    male=pools(
        "Γεώργιος|GEORGIOS|YEORYIOS Δημήτριος|DIMITRIOS Νικόλαος|NIKOLAOS "
        "Ιωάννης|IOANNIS Κωνσταντίνος|KONSTANTINOS|CONSTANTINOS "
        "Χρήστος|CHRISTOS|HRISTOS|KHRISTOS Παναγιώτης|PANAGIOTIS|PANAYIOTIS "
        "Βασίλειος|VASILEIOS|VASILIOS Αθανάσιος|ATHANASIOS Σπυρίδων|SPYRIDON|SPIRIDON "
        "Ευάγγελος|EVANGELOS|EVAGGELOS"
    ),
    female=pools(
        "Μαρία|MARIA Ελένη|ELENI Αικατερίνη|AIKATERINI|EKATERINI "
        "Βασιλική|VASILIKI|VASSILIKI Σοφία|SOFIA|SOPHIA Αγγελική|ANGELIKI|AGGELIKI "
        "Δέσποινα|DESPOINA|DESPINA Ευαγγελία|EVANGELIA|EVAGGELIA Ειρήνη|EIRINI|IRINI "
        "Παρασκευή|PARASKEVI Χαρίκλεια|CHARIKLEIA|HARIKLIA"
    ),
    roots=pools(
        "Γεωργ|GEORG Αντων|ANTON Σταυρ|STAVR Λαμπρ|LAMPR|LAMBR "
        "Καραγιανν|KARAGIANN|KARAYIANN Βλαχ|VLACH|VLAH|VLAKH Χατζ|CHATZ|HATZ|CHADJ "
        "Μανωλ|MANOL Πετρ|PETR Κωστ|KOST|COST Σαρ|SAR"
    ),
    endings_m=pools("όπουλος|OPOULOS ίδης|IDIS|IDES άκης|AKIS άτος|ATOS"),
    endings_f=pools("οπούλου|OPOULOU ίδου|IDOU άκη|AKI άτου|ATOU"),
)

WORLD_CULTURES = (RUSSIAN, UKRAINIAN, BULGARIAN, ARABIC, CHINESE, GREEK)
