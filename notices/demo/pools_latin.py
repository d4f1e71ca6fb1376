"""Latin-script name pools of the demo data: common given names and family-name stems and endings.

Stems and endings are combined at random, so most family names are plausible but rare or made
up; pools were checked so that no well-known person's full name can come out of them.
"""

from __future__ import annotations

from notices.demo.culture import Culture, pools

POLISH = Culture(
    key="pl",
    script="latin",
    countries=("PL",),
    languages=("POL", "ENG", "GER"),
    cities=pools("WARSZAWA KRAKÓW ŁÓDŹ WROCŁAW POZNAŃ GDAŃSK SZCZECIN LUBLIN BIAŁYSTOK"),
    male=pools(
        "Piotr Krzysztof Tomasz Paweł Michał Marcin Łukasz Grzegorz Mateusz Wojciech "
        "Dawid Przemysław"
    ),
    female=pools(
        "Agnieszka Katarzyna Małgorzata Ewa Joanna Magdalena Monika Beata Dorota "
        "Żaneta Grażyna Urszula"
    ),
    roots=pools("Kowal Grab Jabłon Dąbr Pietr Żur Wróbl Mazur Gołęb Krzyż Ślusar Szczep"),
    endings_m=pools("owski ak ik iewicz"),
    endings_f=pools("owska ak ik iewicz"),
)

CZECH = Culture(
    key="cs",
    script="latin",
    countries=("CZ", "SK"),
    languages=("CZE", "SLO", "ENG"),
    cities=pools("PRAHA BRNO OSTRAVA PLZEŇ OLOMOUC LIBEREC BRATISLAVA KOŠICE"),
    male=pools("Jiří Jan Petr Tomáš Lukáš Martin Ondřej Vojtěch Zdeněk Radek Jaroslav Miroslav"),
    female=pools("Jana Eva Hana Lenka Kateřina Petra Věra Lucie Tereza Markéta Zuzana Jitka"),
    roots=pools("Dvoř Kříž Hruš Blaž Štěp Zem Kop Vrb Kub Hol Chlup Souč"),
    endings_m=pools("ák ánek ecký ovský"),
    endings_f=pools("áková ánková ecká ovská"),
)

TURKISH = Culture(
    key="tr",
    script="latin",
    countries=("TR", "DE", "CY"),
    languages=("TUR", "GER", "ENG"),
    cities=pools("İSTANBUL ANKARA İZMİR BURSA ADANA KONYA GAZİANTEP DİYARBAKIR TRABZON"),
    male=pools(
        "Mehmet Mustafa Ahmet Hüseyin Hasan İbrahim İsmail Ömer Yusuf Murat Emre Serkan Volkan"
    ),
    female=pools("Fatma Ayşe Hatice Zeynep Elif Şule Özlem Gülsüm Büşra Derya Sevgi Merve"),
    roots=pools("Kara Öz Ak Gök Kılıç Çakır Demir Ay Tunç Bal"),
    endings_m=pools("kaya türk soy taş can oğlu alp er"),
)

VIETNAMESE = Culture(
    key="vi",
    script="latin",
    countries=("VN",),
    languages=("VIE", "ENG"),
    cities=pools("HÀ_NỘI HẢI_PHÒNG ĐÀ_NẴNG HUẾ CẦN_THƠ NHA_TRANG VINH"),
    male=pools("Anh Hùng Dũng Tuấn Thành Nam Khoa Sơn Hải Bình Tài Hiếu"),
    female=pools("Lan Hương Mai Hoa Linh Trang Hằng Thảo Nhung Yến Vy Loan"),
    surnames=pools("Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh"),
    middles_m=pools("Văn Đức Quốc Hữu Mạnh"),
    middles_f=pools("Thị Ngọc Thu Bích Diệu"),
)

SPANISH = Culture(
    key="es",
    script="latin",
    countries=("ES", "MX", "CO", "AR", "PE", "VE", "EC", "GT", "HN", "SV"),
    languages=("SPA", "ENG"),
    cities=pools(
        "MADRID SEVILLA VALENCIA BOGOTÁ MEDELLÍN CALI GUADALAJARA MONTERREY LIMA "
        "CARACAS ROSARIO QUITO"
    ),
    male=pools("José Juan Luis Carlos Javier Alejandro Andrés Sergio Álvaro Jorge Iván Rubén"),
    female=pools("María Carmen Lucía Ana Isabel Rocío Pilar Beatriz Marta Inés Elena Nuria"),
    surnames=pools(
        "Fernández González Rodríguez Martínez López Gómez Díaz Ruiz Jiménez Moreno "
        "Muñoz Álvarez Navarro Torres Domínguez Vázquez Gil Serrano Ortega Núñez "
        "Peña Cabrera Medina Herrera"
    ),
    second_surname=0.7,
)

PORTUGUESE = Culture(
    key="pt",
    script="latin",
    countries=("BR", "PT", "AO", "MZ", "CV"),
    languages=("POR", "ENG"),
    cities=pools(
        "SÃO_PAULO RIO_DE_JANEIRO SALVADOR RECIFE CURITIBA PORTO LISBOA BRAGA LUANDA MAPUTO"
    ),
    male=pools(
        "João Gonçalo Rodrigo Vinícius Fábio Márcio Sérgio Leandro Gustavo Diogo Renato Caio"
    ),
    female=pools(
        "Ana Beatriz Conceição Fernanda Juliana Mariana Patrícia Letícia Raquel Simone "
        "Larissa Tânia"
    ),
    surnames=pools(
        "Silva Oliveira Souza Pereira Costa Rodrigues Almeida Nascimento Araújo "
        "Fernandes Carvalho Gomes Ribeiro Martins Rocha Barbosa Azevedo Teixeira "
        "Moreira Cardoso Correia dos_Santos da_Costa"
    ),
    second_surname=0.6,
)

GERMAN = Culture(
    key="de",
    script="latin",
    countries=("DE", "AT", "CH"),
    languages=("GER", "ENG"),
    cities=pools("BERLIN HAMBURG MÜNCHEN KÖLN LEIPZIG DRESDEN WIEN GRAZ ZÜRICH BASEL"),
    male=pools("Jürgen Stefan Andreas Matthias Jörg Uwe Tobias Lukas Jonas Florian Dieter Günter"),
    female=pools(
        "Jutta Sabine Claudia Stefanie Katrin Anja Lena Birgit Heike Dörte Mareike Svenja"
    ),
    roots=pools("Grün Stein Weiß Hoff Bäck Würz Kräm Hein Brand Lind Mühl Schäf Voß"),
    endings_m=pools("er mann bauer berger hofer ling"),
)

NORDIC = Culture(
    key="nordic",
    script="latin",
    countries=("SE", "NO", "DK", "FI", "IS"),
    languages=("SWE", "NOR", "DAN", "FIN", "ENG"),
    cities=pools("STOCKHOLM GÖTEBORG MALMÖ OSLO BERGEN KØBENHAVN AARHUS HELSINKI TROMSØ UPPSALA"),
    male=pools("Lars Anders Erik Magnus Mikael Jens Søren Bjørn Håkan Ola Petter Jukka"),
    female=pools("Ingrid Astrid Sigrid Linnea Maja Karin Åsa Solveig Kirsten Mette Sanna Liv"),
    roots=pools("Lind Sand Ek Fjell Ås Bjørk Dal Holm Nord Sjö Strand Norr"),
    endings_m=pools("ström lund qvist gård dahl mark by haug"),
)

SOUTH_SLAVIC = Culture(
    key="sh",
    script="latin",
    countries=("RS", "HR", "BA", "ME"),
    languages=("SRP", "HRV", "BOS"),
    cities=pools("BEOGRAD NOVI_SAD NIŠ ZAGREB SPLIT RIJEKA SARAJEVO MOSTAR PODGORICA OSIJEK"),
    male=pools("Dragan Goran Zoran Nenad Milan Dejan Marko Ivan Stjepan Đorđe Dražen Saša"),
    female=pools(
        "Jelena Ivana Marija Snežana Dragana Mirjana Vesna Ljiljana Tijana Maja Nataša Đurđica"
    ),
    roots=pools("Đur Kovač Stanoj Vukov Jovan Grub Ćos Lazar Mitr Pavl Radoj Đerm"),
    endings_m=pools("ić ović ević"),
)

FRENCH = Culture(
    key="fr",
    script="latin",
    countries=("FR", "BE", "CH", "LU", "CA"),
    languages=("FRE", "ENG"),
    cities=pools("PARIS LYON MARSEILLE LILLE NANTES TOULOUSE BRUXELLES LIÈGE GENÈVE MONTRÉAL"),
    male=pools(
        "Jean Pierre Julien Mathieu Sébastien Guillaume Olivier Frédéric Cédric Jérôme Loïc Benoît"
    ),
    female=pools(
        "Nathalie Isabelle Sylvie Céline Aurélie Émilie Sandrine Véronique Hélène "
        "Margaux Chloé Maëlle"
    ),
    roots=pools("Dub Bouch Mor Gir Lebr Marc Fontan Garn Pell Cloutr Vach Lamb"),
    endings_m=pools("ois eau ard ier et on"),
)

ENGLISH = Culture(
    key="en",
    script="latin",
    countries=("GB", "US", "AU", "CA", "IE", "NZ"),
    languages=("ENG",),
    cities=pools(
        "LONDON MANCHESTER BIRMINGHAM GLASGOW DUBLIN NEW_YORK CHICAGO HOUSTON SYDNEY TORONTO"
    ),
    male=pools("James David Michael Daniel Matthew Andrew Steven Mark Paul Ryan Gareth Liam"),
    female=pools("Sarah Emma Laura Rachel Claire Jennifer Rebecca Amy Hannah Lucy Siobhan Megan"),
    roots=pools("Ash Brad Whit Hart Thorn Fair Hol Crans Lang Brook Wen Stan"),
    endings_m=pools("ford well ton wood field worth by"),
)

LATIN_CULTURES = (
    POLISH,
    CZECH,
    TURKISH,
    VIETNAMESE,
    SPANISH,
    PORTUGUESE,
    GERMAN,
    NORDIC,
    SOUTH_SLAVIC,
    FRENCH,
    ENGLISH,
)
