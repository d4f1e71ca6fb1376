"""Fictitious charge texts of the demo data, in the issuing country's language, \\r\\n lines."""

from __future__ import annotations

import random

from notices.demo.codes import CHARGE_LANGUAGE, REFERENCE_DATE

CRIMES = (
    {
        "en": "Armed robbery\r\nUse of a firearm in the commission of an offence",
        "fr": "Vol à main armée\r\nUsage d'une arme à feu lors de la commission d'une infraction",
        "es": "Robo con violencia e intimidación\r\nTenencia ilícita de armas de fuego",
        "ru": "Разбой\r\nНезаконное хранение огнестрельного оружия",
        "ar": "السرقة بالإكراه\r\nحيازة سلاح ناري دون ترخيص",
        "de": "Schwerer Raub\r\nVerstoß gegen das Waffengesetz",
        "pt": "Roubo qualificado\r\nPorte ilegal de arma de fogo",
    },
    {
        "en": "Fraud\r\nMoney laundering\r\nParticipation in an organised criminal group",
        "fr": "Escroquerie en bande organisée\r\nBlanchiment d'argent",
        "es": "Estafa agravada\r\nBlanqueo de capitales\r\nPertenencia a organización criminal",
        "ru": "Мошенничество в особо крупном размере\r\n"
        "Легализация денежных средств, приобретённых преступным путём",
        "ar": "الاحتيال\r\nغسل الأموال\r\nالمشاركة في جماعة إجرامية منظمة",
        "de": "Gewerbsmäßiger Betrug\r\nGeldwäsche",
        "pt": "Estelionato\r\nLavagem de dinheiro\r\nAssociação criminosa",
    },
    {
        "en": "Drug trafficking\r\nConspiracy to import controlled substances",
        "fr": "Trafic de stupéfiants\r\nImportation de stupéfiants en bande organisée\r\n"
        "Association de malfaiteurs",
        "es": "Delito contra la salud pública (tráfico de drogas)\r\nOrganización criminal",
        "ru": "Незаконный сбыт наркотических средств в особо крупном размере\r\n"
        "Контрабанда наркотических средств",
        "ar": "الاتجار بالمواد المخدرة\r\nتهريب المخدرات عبر الحدود",
        "de": "Unerlaubtes Handeltreiben mit Betäubungsmitteln in nicht geringer Menge\r\n"
        "Bandenmäßige Einfuhr von Betäubungsmitteln",
        "pt": "Tráfico de drogas\r\nAssociação para o tráfico",
    },
    {
        "en": "Murder\r\nAttempted murder",
        "fr": "Meurtre\r\nTentative de meurtre",
        "es": "Homicidio\r\nHomicidio en grado de tentativa",
        "ru": "Убийство\r\nПокушение на убийство",
        "ar": "القتل العمد\r\nالشروع في القتل",
        "de": "Mord\r\nVersuchter Totschlag",
        "pt": "Homicídio qualificado\r\nTentativa de homicídio",
    },
    {
        "en": "Trafficking in human beings\r\nFacilitation of illegal immigration",
        "fr": "Traite des êtres humains\r\nAide à l'entrée et au séjour irréguliers",
        "es": "Trata de seres humanos\r\nFavorecimiento de la inmigración ilegal",
        "ru": "Торговля людьми\r\nОрганизация незаконной миграции",
        "ar": "الاتجار بالبشر\r\nتهريب المهاجرين",
        "de": "Menschenhandel\r\nEinschleusen von Ausländern",
        "pt": "Tráfico de pessoas\r\nAuxílio à imigração ilegal",
    },
    {
        "en": "Embezzlement of public funds\r\nAbuse of office",
        "fr": "Détournement de fonds publics\r\nAbus de biens sociaux",
        "es": "Malversación de caudales públicos\r\nPrevaricación",
        "ru": "Растрата\r\nПревышение должностных полномочий",
        "ar": "اختلاس المال العام\r\nإساءة استعمال السلطة",
        "de": "Untreue\r\nBestechlichkeit",
        "pt": "Peculato\r\nCorrupção passiva",
    },
    {
        "en": "Kidnapping\r\nExtortion",
        "fr": "Enlèvement et séquestration\r\nExtorsion",
        "es": "Secuestro\r\nExtorsión",
        "ru": "Похищение человека\r\nВымогательство",
        "ar": "الخطف\r\nالابتزاز",
        "de": "Erpresserischer Menschenraub\r\nErpressung",
        "pt": "Extorsão mediante sequestro",
    },
    {
        "en": "Unauthorised access to computer systems\r\nComputer-related fraud\r\nIdentity theft",
        "fr": "Accès frauduleux à un système de traitement automatisé de données\r\nEscroquerie",
        "es": "Descubrimiento y revelación de secretos\r\nEstafa informática",
        "ru": "Неправомерный доступ к компьютерной информации\r\n"
        "Мошенничество в сфере компьютерной информации",
        "ar": "الدخول غير المشروع إلى نظام معلوماتي\r\nالاحتيال الإلكتروني",
        "de": "Ausspähen von Daten\r\nComputerbetrug",
        "pt": "Invasão de dispositivo informático\r\nEstelionato eletrônico",
    },
    {
        "en": "Participation in a terrorist organisation\r\nFinancing of terrorism",
        "fr": "Association de malfaiteurs terroriste\r\nFinancement du terrorisme",
        "es": "Integración en organización terrorista\r\nFinanciación del terrorismo",
        "ru": "Участие в деятельности террористической организации\r\nФинансирование терроризма",
        "ar": "الانتماء إلى تنظيم إرهابي\r\nتمويل الإرهاب",
        "de": "Mitgliedschaft in einer terroristischen Vereinigung\r\nTerrorismusfinanzierung",
        "pt": "Integrar organização terrorista\r\nFinanciamento do terrorismo",
    },
    {
        "en": "Smuggling of excise goods\r\nTax evasion",
        "fr": "Contrebande de marchandises prohibées\r\nFraude fiscale",
        "es": "Contrabando\r\nDelito contra la Hacienda Pública",
        "ru": "Контрабанда\r\nУклонение от уплаты налогов",
        "ar": "التهريب الجمركي\r\nالتهرب الضريبي",
        "de": "Gewerbsmäßiger Schmuggel\r\nSteuerhinterziehung",
        "pt": "Contrabando\r\nSonegação fiscal",
    },
)

# A line saying where and when, added to some charges.
CIRCUMSTANCES = {
    "en": "Offences committed in {city} between {y1} and {y2}",
    "fr": "Faits commis à {city} entre {y1} et {y2}",
    "es": "Hechos cometidos en {city} entre {y1} y {y2}",
    "ru": "Преступления совершены в г. {city} в {y1}–{y2} гг.",
    "ar": "وقائع ارتكبت في {city} بين عامي {y1} و{y2}",
    "de": "Taten begangen in {city} zwischen {y1} und {y2}",
    "pt": "Fatos ocorridos em {city} entre {y1} e {y2}",
}

# International courts and missions (wanted-by codes 914, 916, 922, UNK) charge in English.
TRIBUNAL_CHARGES = (
    "Crimes against humanity (murder, persecution)\r\nWar crimes (attacks against civilians)",
    "Genocide\r\nComplicity in genocide",
    "Terrorist act resulting in death\r\nConspiracy aimed at committing a terrorist act",
    "War crimes against the civilian population",
)


def make_warrant(issuer: str, city: str, rng: random.Random) -> dict:
    """One arrest warrant as published: issuing country, charge, usually no translation."""
    if issuer.isdigit() or issuer == "UNK":
        charge, translation = rng.choice(TRIBUNAL_CHARGES), None
    else:
        charge, translation = _charge(CHARGE_LANGUAGE.get(issuer, "en"), city, rng)
    warrant = {"issuing_country_id": issuer, "charge": charge, "charge_translation": translation}
    if rng.random() < 0.3:
        order = list(warrant)
        rng.shuffle(order)
        warrant = {key: warrant[key] for key in order}
    return warrant


def _charge(language: str, city: str, rng: random.Random) -> tuple[str, str | None]:
    crime = rng.choice(CRIMES)
    charge, english = crime[language], crime["en"]
    if rng.random() < 0.35:
        y2 = rng.randint(2000, REFERENCE_DATE.year - 1)
        values = {"city": city.title(), "y1": y2 - rng.randint(0, 4), "y2": y2}
        charge += "\r\n" + CIRCUMSTANCES[language].format(**values)
        english += "\r\n" + CIRCUMSTANCES["en"].format(**values)
    translation = english if language != "en" and rng.random() < 0.12 else None
    return charge, translation
