"""A fictitious extract whose every text field carries an HTML, script or template payload, and
an app that loads and indexes it through the real `notices` commands (tests/web/test_xss.py)."""

from __future__ import annotations

from pathlib import Path

from notices import create_app
from notices.db import upgrade
from notices.domain import KIND_PATHS
from tests.web.dataset import dash, write_extract
from tests.web.helpers import invoke


def _links(kind: str, entity_id: str) -> dict:
    return {
        "self": {
            "href": f"https://ws-public.example.org/notices/v1/{KIND_PATHS[kind]}/{dash(entity_id)}"
        }
    }


# Each payload would run script, open a dialog or change the page if it reached the markup raw.
SCRIPT = "<script>window.__xss=1</script>"
IMG = '"><img src=x onerror="window.__xss=1">'
JS_URL = "javascript:alert(document.domain)"
TITLE = "</title><script>window.__xss=1</script>"
TEMPLATE = "{{7*7}}{% print 7*7 %}"
RLO = "\u202eSIHT DAER"  # no closing PDF: nothing ends the override but isolation
SVG = "<svg/onload=alert(1)><script>alert(1)</script></svg>"
ATTR = "' onmouseover='window.__xss=1' x='"
IFRAME = '<iframe src="javascript:alert(1)"></iframe>'
PAYLOADS = (SCRIPT, IMG, JS_URL, TITLE, TEMPLATE, RLO, SVG, ATTR, IFRAME)

RED = "2025/00001"
YELLOW = "2025/00002"
UN_PERSON = "2025/00003"
UN_ENTITY = "2025/00004"

DOCUMENTS = {
    "red": [
        {
            "entity_id": RED,
            "name": f"XSSRED {SCRIPT}",
            "forename": IMG,
            "name_in_original_script": TITLE,
            "forename_in_original_script": SVG,
            "date_of_birth": "1980/01/01",
            "sex_id": "M",
            "nationalities": ["FR"],
            "place_of_birth": JS_URL,
            "distinguishing_marks": f"{TEMPLATE}\r\n{IFRAME}",
            "arrest_warrants": [
                {
                    "issuing_country_id": "FR",
                    "charge": f"{SCRIPT}\r\n{IMG}",
                    "charge_translation": ATTR,
                }
            ],
            "_links": _links("red", RED),
        }
    ],
    "yellow": [
        {
            "entity_id": YELLOW,
            "name": f"XSSYELLOW {RLO}",
            "forename": ATTR,
            "birth_name": SVG,
            "date_of_birth": "2010/05",
            "sex_id": "F",
            "nationalities": ["LV"],
            "date_of_event": "2024/05/30",
            "place": JS_URL,
            "country": "LV",
            "father_name": TITLE,
            "father_forename": IMG,
            "mother_name": TEMPLATE,
            "mother_forename": SCRIPT,
            "_links": _links("yellow", YELLOW),
        }
    ],
    "un-person": [
        {
            "entity_id": UN_PERSON,
            "name": "XSSPERSON",
            "forename": IFRAME,
            "sex_id": "M",
            "date_of_birth": "1970/00/00",
            "nationalities": ["YE"],
            "place_of_birth": RLO,
            "un_reference": "QDi.998",
            "un_reference_date": "2019/03/00",
            "un_resolution": "1267",
            "summary": f"{TEMPLATE}\r\n{JS_URL}",
            "aliases": [SCRIPT, {"name": SVG, "forename": TITLE}],
            "identity_documents": [{"type": IMG, "number": ATTR, "issuing_country": "YE"}],
            "associates": [{"name": SCRIPT}],
            "adresses": [{"street": SVG, "city": JS_URL, "country": "YE"}],
            "_links": _links("un-person", UN_PERSON),
        }
    ],
    "un-entity": [
        {
            "entity_id": UN_ENTITY,
            "name": f"XSSENTITY {TITLE}",
            "also_known_as": [SVG, IFRAME],
            "formerly_known_as": SCRIPT,
            "main_activity": IMG,
            "legal_form": ATTR,
            "un_reference": "QDe.998",
            "un_reference_date": "2020/01/15",
            "un_resolution": "2253",
            "adresses": [{"city": TEMPLATE, "country": "YE"}],
            "_links": _links("un-entity", UN_ENTITY),
        }
    ],
}

# Payloads each notice's page must show as text.
SHOWN = {
    ("red", RED): (SCRIPT, IMG, TITLE, SVG, JS_URL, TEMPLATE, IFRAME, ATTR),
    ("yellow", YELLOW): (RLO, ATTR, SVG, JS_URL, TITLE, IMG, TEMPLATE, SCRIPT),
    ("un-person", UN_PERSON): (IFRAME, RLO, TEMPLATE, JS_URL, SCRIPT, SVG, TITLE, IMG, ATTR),
    ("un-entity", UN_ENTITY): (TITLE, SVG, IFRAME, SCRIPT, IMG, ATTR, TEMPLATE),
}


def loaded_xss_app(root: Path):
    """An app over the payload extract, loaded and indexed with the real commands."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "RATE_LIMITS_ENABLED": False,
            "DATABASE_URL": f"sqlite:///{root / 'notices.db'}",
            "INDEX_DIR": str(root / "index"),
            "MEDIA_DIR": str(root / "media"),
            "DATA_DIR": str(root / "data"),
        }
    )
    upgrade(app.config["DATABASE_URL"])
    invoke(app, ["load", str(write_extract(root / "extract", DOCUMENTS)), "--full"])
    invoke(app, ["index", "rebuild"])
    return app
