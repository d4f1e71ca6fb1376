"""A small fictitious extract of every kind, with pictures, that the web tests load and index."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from notices.domain import KIND_PATHS

EXAMPLEMAN = "2024/00101"  # red, two warrants (FR and the ICC), two pictures
FICTIONELLI = "2024/00102"  # red, year-only date of birth, one picture
DEMOVIC = "2024/00103"  # red, year+month date of birth, wanted by UNMIK, no picture
FICTIONELLA = "2024/00104"  # red, wanted by DE
TESTOVA = "2023/04567"  # yellow
SAMPLEDIN = "2019/00088"  # UN person
EXAMPLE_TRADING = "2020/00007"  # UN entity


def _links(kind: str, entity_id: str) -> dict:
    href = f"https://ws-public.example.org/notices/v1/{KIND_PATHS[kind]}/{dash(entity_id)}"
    return {"self": {"href": href}}


def dash(entity_id: str) -> str:
    return entity_id.replace("/", "-")


def red(entity_id, name, forename, born, sex, nationalities, warrants, **extra) -> dict:
    doc = {
        "entity_id": entity_id,
        "name": name,
        "forename": forename,
        "date_of_birth": born,
        "sex_id": sex,
        "nationalities": nationalities,
        "arrest_warrants": [
            {"issuing_country_id": country, "charge": charge, "charge_translation": None}
            for country, charge in warrants
        ],
        "_links": _links("red", entity_id),
    }
    doc.update(extra)
    return doc


DOCUMENTS = {
    "red": [
        red(
            EXAMPLEMAN,
            "EXAMPLEMAN",
            "JOHAN ALEXANDER",
            "1980/04/12",
            "M",
            ["FR", "BE"],
            [
                ("FR", "Escroquerie en bande organisée\r\nFaux et usage de faux"),
                ("914", "Crimes against humanity"),
            ],
            place_of_birth="SAMPLEVILLE",
            country_of_birth_id="FR",
            height=1.83,
            weight=82,
            eyes_colors_id=["BROH"],
            hairs_id=["BLA"],
            languages_spoken_ids=["FRE", "GER"],
            distinguishing_marks="Scar on the left forearm\r\nTattoo of an anchor",
        ),
        red(
            FICTIONELLI,
            "FICTIONELLI",
            "MARCO",
            "1975",
            "M",
            ["IT"],
            [("IT", "Rapina aggravata")],
            languages_spoken_ids=["ITA", "CHI"],
        ),
        red(
            DEMOVIC,
            "DEMOVIC",
            "ANA",
            "1990/07",
            "F",
            ["HR", "RS"],
            [("UNK", "War crimes against the civilian population")],
        ),
        red(FICTIONELLA, "FICTIONELLA", "GIULIA", "1988/02/02", "F", ["IT"], [("DE", "Betrug")]),
    ],
    "yellow": [
        {
            "entity_id": TESTOVA,
            "name": "TESTOVA",
            "forename": "-",
            "birth_name": "SAMPLEVA",
            "date_of_birth": "2009/07",
            "sex_id": "F",
            "nationalities": ["LV"],
            "languages_spoken_ids": ["RUS", "LAV"],
            "eyes_colors_id": ["BLU"],
            "date_of_event": "2023/05/30",
            "place": "Riverside park",
            "country": "LV",
            "father_name": "TESTOV",
            "father_forename": "PETERIS",
            "mother_forename": "ANNA",
            "mother_name": "TESTOVA",
            "countries_likely_to_be_visited": ["EE", "LT"],
            "name_in_original_script": "ТЕСТОВА",
            "_links": _links("yellow", TESTOVA),
        }
    ],
    "un-person": [
        {
            "entity_id": SAMPLEDIN,
            "name": "SAMPLEDIN",
            "forename": "ABDEL EXAMPLE",
            "name_in_original_script": "سامبلدين",
            "date_of_birth": "1975/00/00",
            "sex_id": "M",
            "nationalities": ["YE"],
            "place_of_birth": "Testabad",
            "un_reference": "QDi.999",
            "un_reference_date": "2019/03/00",
            "un_resolution": "1267",
            "summary": "Listed for financing a fictitious group.\r\nNo further information.",
            "aliases": ["ABU EXAMPLE", {"name": "SAMPLEDEEN", "forename": "ABDUL"}],
            "identity_documents": [
                {"type": "Passport", "number": "123456789", "issuing_country": "YE"}
            ],
            "associates": [{"name": "FICTITIOUS NETWORK"}],
            "adresses": [{"street": "1 Example Street", "city": "Testabad", "country": "YE"}],
            "_links": _links("un-person", SAMPLEDIN),
        }
    ],
    "un-entity": [
        {
            "entity_id": EXAMPLE_TRADING,
            "name": "EXAMPLE TRADING COMPANY LIMITED",
            "also_known_as": "EXAMPLE TRADING CO.; ETC LTD",
            "formerly_known_as": "SAMPLE IMPEX",
            "main_activity": "Import and export of fictitious goods",
            "legal_form": "Limited company",
            "un_reference": "QDe.999",
            "un_reference_date": "2020/01/15",
            "un_resolution": "2253",
            "adresses": [{"city": "Testabad", "country": "YE"}],
            "_links": _links("un-entity", EXAMPLE_TRADING),
        }
    ],
}


def portrait(colour: tuple[int, int, int], size=(300, 400)) -> bytes:
    """A plain fictitious 'portrait': a coloured card with a lighter oval."""
    image = Image.new("RGB", size, colour)
    lighter = tuple(min(255, c + 60) for c in colour)
    oval = Image.new("RGB", (size[0] // 2, size[1] // 2), lighter)
    image.paste(oval, (size[0] // 4, size[1] // 5))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


PICTURES = {
    EXAMPLEMAN: [("61234567", portrait((70, 90, 120))), ("61234568", portrait((120, 90, 70)))],
    FICTIONELLI: [("61234570", portrait((60, 110, 80)))],
    TESTOVA: [("61234580", portrait((140, 120, 150)))],
}


def write_extract(root: Path, documents: dict | None = None) -> Path:
    """Write the extract in the published directory layout under `root`."""
    for kind, docs in (documents or DOCUMENTS).items():
        folder = root / KIND_PATHS[kind]
        folder.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            name = dash(doc["entity_id"])
            (folder / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
            for picture_id, data in PICTURES.get(doc["entity_id"], ()):
                images = folder / name / "images"
                images.mkdir(parents=True, exist_ok=True)
                (images / f"{picture_id}.jpg").write_bytes(data)
    return root
