"""Builders of small published-format extract trees with fictitious persons, for ingest tests."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

KIND_DIRS = {
    "red": "red",
    "yellow": "yellow",
    "un-person": "un/persons",
    "un-entity": "un/entities",
}


def red_doc(number: int, **overrides) -> dict:
    """A red notice detail document as the web service publishes it."""
    entity_id = f"2021/{number:05d}"
    doc = {
        "entity_id": entity_id,
        "name": f"TESTOVA{number}",
        "forename": "MARTA ELENA",
        "date_of_birth": "1984/03/07",
        "sex_id": "F",
        "nationalities": ["PL", "DE"],
        "country_of_birth_id": "PL",
        "place_of_birth": "KRAKOW",
        "height": 1.68,
        "weight": 0,
        "eyes_colors_id": ["BLU"],
        "hairs_id": None,
        "languages_spoken_ids": ["POL", "GER"],
        "distinguishing_marks": None,
        "arrest_warrants": [
            {
                "issuing_country_id": "DE",
                "charge": "Betrug\r\nUrkundenfälschung",
                "charge_translation": None,
            }
        ],
        "_embedded": {"links": []},
        "_links": {"self": {"href": f"https://example.invalid/notices/v1/red/{dash(entity_id)}"}},
    }
    doc.update(overrides)
    return doc


def yellow_doc(number: int, **overrides) -> dict:
    entity_id = f"2022/{number:05d}"
    doc = {
        "entity_id": entity_id,
        "name": f"TESTSON{number}",
        "forename": "-",
        "date_of_birth": "2009/05",
        "sex_id": "M",
        "nationalities": None,
        "date_of_event": "2024/01/15",
        "place": "LYON",
        "country": "FR",
        "father_name": f"TESTSON{number}",
        "father_forename": "PIERRE",
        "mother_name": "EXAMPLE",
        "mother_forename": "ANNE",
        "countries_likely_to_be_visited": ["ES"],
    }
    doc.update(overrides)
    return doc


def un_person_doc(number: int, **overrides) -> dict:
    doc = {
        "entity_id": f"2019/{number:05d}",
        "name": f"EXAMPLEV{number}",
        "forename": "IVAN",
        "date_of_birth": "1975/00/00",
        "un_reference": f"QDi.{number}",
        "un_resolution": "1267",
        "aliases": [{"name": "EXAMPLOV", "forename": "IWAN"}],
    }
    doc.update(overrides)
    return doc


def un_entity_doc(number: int, **overrides) -> dict:
    doc = {
        "entity_id": f"2018/{number:05d}",
        "name": f"EXAMPLE TRADING COMPANY {number}",
        "also_known_as": "EXAMPLE TRADERS; EXTRA CO",
        "un_reference": f"QDe.{number}",
    }
    doc.update(overrides)
    return doc


def dash(entity_id: str) -> str:
    return entity_id.replace("/", "-")


def jpeg_bytes(colour=(120, 130, 140), size=(60, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def write_tree(
    root: Path,
    docs: dict[str, list[dict]],
    pictures: dict[str, list[bytes]] = None,
    raw: dict[str, bytes] = None,
) -> Path:
    """Write documents per kind (and pictures per entity id, and raw files by path) under root."""
    for kind, kind_docs in docs.items():
        folder = root / KIND_DIRS[kind]
        folder.mkdir(parents=True, exist_ok=True)
        for doc in kind_docs:
            name = dash(doc["entity_id"])
            (folder / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
            for number, data in enumerate((pictures or {}).get(doc["entity_id"], []), 1):
                images = folder / name / "images"
                images.mkdir(parents=True, exist_ok=True)
                (images / f"{60000 + number}.jpg").write_bytes(data)
    for path, data in (raw or {}).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return root
