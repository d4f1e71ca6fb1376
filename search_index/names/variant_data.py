"""Curated groups of spellings of the same name (our own compilation; data only).

One group per line (indented lines continue the line above); the first form is the group id.
Latin forms are folded (lower case, no marks, no spaces: "abubakr"); Arabic-script forms are
written as usual (vowel marks and alef variants are normalised when the table is loaded). A
form may belong to several groups when it really is ambiguous (Cantonese "wong" is both Wang
and Huang). Related but different names (Ivan/Ivana, Hassan/Hussein, Muhammad/Mahmud) are
deliberately kept in separate groups: two names from different groups are scored as different
names.
"""

GROUPS = """
muhammad mohammed mohamed mohammad muhammed mohamad muhamad muhamed mouhamed mouhammad
    mohamud mohammod mohd muhammet mouhamadou mohamadou mahamat mamadou محمد
ahmad ahmed ahmet achmed ahmadou ahmedou ehmed احمد
mahmud mahmoud mahmood mehmood mahmut mahamud mehmud محمود
mustafa mustapha mostafa moustafa mostapha moustapha mustafe mostefa مصطفى
usama osama oussama ousama usamah osamah ossama اسامه
yusuf yousef youssef yusef yousuf yussuf yosuf yousif youcef yussef jusuf yusup yusupov
    يوسف
ibrahim ebrahim ibraheem brahim ibragim ibrahima ebrahem ابراهيم
ismail ismael ismaeel esmail ismayil ismoil ismaila ismaiel اسماعيل
hussein husayn hussain husain hosein hossein husein hussien houssein husseyin huseyin
    hussen حسين
hassan hasan hassen hacen hasen hasane hassane حسن
ali aly alee aliyu علي
omar umar omer oumar umer omor عمر
uthman othman osman usman ousmane usmon utman othmane عثمان
abubakr abubakar abubaker aboubakar aboubacar abubakir aboubakr boubacar abubakari ابوبكر
khalid khaled halid haled khaleed khalit halit خالد
walid waleed oualid ualid velid وليد
tariq tarek tarik tareq tarique طارق
karim kareem kerim karimou كريم
jamal gamal djamal jamel djamel cemal jamaal جمال
kamal kemal kamel kamaal كمال
nasser nasir naser nacer nassir nassar ناصر
yasser yasir yaser yassir yassar ياسر
rashid rasheed rachid rachide reshid rashed rasid رشيد
said saeed saied saaid sayeed saidou سعيد
saad saadi saadou سعد
salah salaheddine salahuddin salaheldin صلاح
saleh salih صالح
faisal faysal feisal faycal faisel فيصل
suleiman sulayman sulaiman suleyman soliman sulejman slimane souleymane suleman سليمان
khalil halil khaleel khelil خليل
hamza hamzah hamsa hamzat حمزه
abdullah abdallah abdulla abdellah abdalla abdillahi abdoullah abdulah عبدالله
abdulrahman abdelrahman abdalrahman abdurrahman abderrahmane abdirahman abdourahmane
    abdulrehman abderrahman عبدالرحمن
abdulaziz abdelaziz abdalaziz abdulazeez abdoulaziz عبدالعزيز
abdulkarim abdelkarim abdulkareem abdelkrim abdoulkarim عبدالكريم
aisha ayesha aicha aysha aishah aishatu aissatou عائشه
fatima fatma fatimah fatouma fatuma fatimata فاطمه
zainab zaynab zeinab zainabu zeynep زينب
maryam mariam meryem mariyam miriam مريم
khadija khadijah hadiza khadidja hatice kadija خديجه
amina aminah amineh aminata aminatou امينه
amin ameen emin amine امين
hamid hameed hamed حامد
mansur mansour mansoor mansoer منصور
musa moussa mousa mosa mussa موسى
issa isa eisa aissa عيسى
yahya yahia yehia yahiya yehya يحيى
yunus younes younis yunis younous يونس
idris idriss edris idrissa ادريس
ilyas elyas ilias iliyas ilyes الياس
jafar jaafar djafar gafar jafer جعفر
qasim kasim qasem kassem kacem qassim kassim kasem قاسم
hakim hakeem حكيم
hashim hashem hachem هاشم
habib habeeb habibou حبيب
haidar haider hayder heydar haydar حيدر
murad mourad murat morad مراد
nabil nabeel نبيل
nur nour noor nuur نور
reza riza rida rza ridha رضا
mahdi mehdi mahdy مهدي
sharif sherif cherif shareef charif شريف
sheikh shaikh sheik shaykh cheikh شيخ
tahir taher tahar tahirou طاهر
zakariya zakaria zakariyya zakarya زكريا
bilal belal bilaal بلال
anwar anouar anvar anuar انور
fuad fouad fuat فواد
ghassan ghasan gassan غسان
hisham hesham hicham hisam هشام
imad emad imed عماد
jalal djalal jelal celal جلال
marwan merouane marouane مروان
mohsen muhsin mohsin محسن
nadir nader nadeer نادر
imran omran emran imraan عمران
ramadan ramazan ramdane ramadhan رمضان
samir sameer smir سمير
tawfiq tawfik taufik toufik tofik توفيق
ziad ziyad zyad زياد
abdulqadir abdelkader abdulkadir abdelkadir abdikadir عبدالقادر
alina aline alyna
aleksei alexei alexey aleksey aleksej alexej oleksii oleksiy aliaksei
aleksandr alexander aleksander alexandr oleksandr oleksander aliaksandr aleksandar
    alexandar
aleksandra alexandra oleksandra aleksandrah
yevgeny evgeny evgenii evgeniy yevgeniy evgueni evgeni jewgeni ievgen yevhen yevgen eugeni
yevgenia evgenia evgeniya yevgeniya ievgenia
yuri yury yuriy iouri iurii juri jurij yurii yurij
dmitri dmitry dmitrii dmitriy dimitri dmytro dmitrij dimitry
sergei sergey sergej sergii serhii serhiy serguei sergiy
andrei andrey andrej andrii andriy andrij
nikolai nikolay nikolaj mykola nicolai mikola
mikhail michail mikhael mykhailo mikhailo mihail
vladimir wladimir volodymyr uladzimir vladimer wlodzimierz
ivan iwan yvan
ivana iwana
pavel pavlo paval pawel
pyotr petr piotr petro pjotr
fyodor fedor fiodor feodor fedir
grigory grigori grigoriy hryhoriy grigorij hryhorii
vasily vasiliy vasili vassili vasyl wassili vasilii
anatoly anatoliy anatoli anatolii anatolij
vyacheslav viacheslav vjatcheslav wjatscheslaw viatcheslav
yaroslav jaroslav iaroslav jaroslaw
vitaly vitaliy vitali vitalii vitalij
oleg oleh aleh
igor ihor ygor
konstantin kostiantyn konstantyn constantin
timur temur teymur timour
natalia natalya nataliya natalja nataliia
tatiana tatyana tatjana tetiana
yelena elena jelena olena alena ielena
olga olha volha
yulia julia yuliya iulia julija yuliia
ekaterina yekaterina katerina kateryna jekaterina
svetlana swetlana sviatlana
irina iryna
anastasia anastasiya anastasija anastassia
maria mariya marija mariia
mario marijo
miller millar
helena
hanna hannah
anna ana
danielle daniela daniella
marco marko
mark marc
andreas andres
nicole nikol
hamida hameeda
rasheeda rashida
fareeda farida
salma selma
sofia sofiya sophia sofija
lyudmila ludmila liudmila ljudmila lyudmyla
georgios giorgos yiorgos yorgos georgos giorgios
konstantinos constantinos kostantinos kostas
dimitrios dimitris demetrios dimitrius
ioannis yiannis giannis yannis ioanis
nikolaos nikos nicolaos nikolas
vasileios vasilis vassilis vasilios
panagiotis panayiotis panagotis
evangelos vangelis evaggelos
athanasios thanasis thanassis
spyridon spiros spyros
christos hristos khristos
joseph josef jozef jozsef
jonathan jonathon jonatan yonatan
catherine katherine kathryn katharina katarina kathrin catharine katrin
stephen steven stefan stephan stefen
philip phillip filip philipp
nicholas nicolas nikolas niklas nicholaus
michael michel michal mikael
matthew mathew matthieu
thomas tomas tomasz tamas tomass
jacob jakob jakub yakov iakov jakov yaakov yacoub yaqub
isaac yitzhak itzhak ishaq isaak
david dawid davit dawud dawood daoud
daniel danijel daniil danylo
christopher kristopher christoph krzysztof kristof
muller mueller
meyer meier mayer maier myer
schmidt schmitt schmid
fischer fisher
hoffmann hofmann hoffman hofman
mcdonald macdonald
smith smyth
wang wong vuong
chen chan tan chin
zhang chang cheung teoh
li lee lei
huang hwang wong
zhou chow chou
liu lau lao
lin lam lim
he ho
guo kuo kwok quek
zhao chao chiu
xu hsu tsui
zhu chu choo
liang leung
xie hsieh tse
yang yeung
zheng cheng
deng teng
feng fung fong
cai tsai
xiao siu hsiao
gao kao
jiang chiang keung
song sung
kim gim
lee yi rhee ri i
park pak bak
choi choe chwe
jung jeong chung jong
nguyen nguen ngyuen
"""

# Groups that are the same name in another language's spelling tradition: scored lower than
# spelling variants, but above unrelated names.
COGNATES = """
muhammad mehmet
yusuf joseph
ibrahim abraham
musa moses
isaac
aleksandr alexandros
mikhail michael
pyotr peter petros
georgios george
vasileios vasily basil
yelena helena eleni helen
ioannis john ivan
konstantinos konstantin constantine
dimitrios dmitri
nikolaos nicholas nikolai
ekaterina catherine aikaterini
andreas andrei andrew
stephen stefanos stepan
"""

# Extra groups used only by COGNATES (their forms are not variants of anything above).
COGNATE_FORMS = """
mehmet mehmed
abraham avraham
moses moshe
alexandros alexandre alessandro alejandro
peter pieter pietro pedro pierre
petros
george georges georg jorge giorgio
basil basile basilio
eleni
helen helene
john johann johannes giovanni juan
constantine constantin costantino
aikaterini aikaterine
andrew
stefanos stephanos
stepan
"""
