"""The contact directory as staff load it: `notices contacts load FILE` (YAML or CSV), every bad
row rejected with its file:line and reason, the valid rest replacing the directory at once, and
a file that cannot be read changing nothing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from notices.contacts import note_in, read_directory, reporting_countries, tel_uri
from notices.demo import DEMO_CONTACTS
from notices.models import Notice, Warrant
from tests.web.helpers import invoke

GOOD_YAML = """\
contacts:
  - country: FR
    name: Demo Liaison Office for France
    phone: "+44 20 7946 0011"
    email: liaison-fr@example.org
    url: https://example.org/demo-liaison/fr
    notes:
      en: Fictitious office.
      fr: Bureau fictif.
  - country: de
    name: Demo Liaison Office for Germany
    email: liaison-de@example.net
"""

GOOD_CSV = """\
country,name,phone,email,url,note_en,note_ar
FR,Demo Liaison Office for France,+44 20 7946 0011,liaison-fr@example.org,,Fictitious.,مكتب وهمي.
DE,Demo Liaison Office for Germany,,,https://example.net/demo-liaison/de,,
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def summary(result) -> str:
    """The load's last line: its counts."""
    return result.output.splitlines()[-1]


def directory(runner) -> dict[str, str]:
    """country -> the staff listing's line, read through `notices contacts list`."""
    result = runner.invoke(["contacts", "list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()[:-1]  # the last line describes the last load
    return {line.split()[0]: line for line in lines}


@pytest.mark.parametrize("name, text", [("good.yaml", GOOD_YAML), ("good.csv", GOOD_CSV)])
def test_a_good_file_fills_the_directory(app, runner, tmp_path, name, text):
    result = invoke(app, ["contacts", "load", str(write(tmp_path, name, text))])
    assert result.output.splitlines()[-1] == (
        "added 2, changed 0, unchanged 0, removed 0, rejected 0"
    )
    listed = directory(runner)
    assert set(listed) == {"DE", "FR"}
    assert (
        "Demo Liaison Office for France: +44 20 7946 0011, liaison-fr@example.org" in listed["FR"]
    )
    again = invoke(app, ["contacts", "load", str(write(tmp_path, name, text))])
    assert summary(again) == "added 0, changed 0, unchanged 2, removed 0, rejected 0"


# One bad row each, after a good first row (line 2 of the YAML list, row 2 of the CSV).
BAD_ROWS = [
    ("XY", "Office", "+44 20 7946 0001", "", "", {}, "unknown country code 'XY'"),
    ("IT", "", "+44 20 7946 0001", "", "", {}, "no name"),
    ("IT", "Office", "", "", "", {}, "no way of contact"),
    ("IT", "Office", "", "liaison.example.org", "", {}, "bad e-mail 'liaison.example.org'"),
    ("IT", "Office", "", "", "ftp://example.org/it", {}, "is not an http:// or https://"),
    ("IT", "Office", "", "", "javascript:alert(1)", {}, "is not an http:// or https://"),
    ("FR", "Office", "+44 20 7946 0001", "", "", {}, "duplicate country FR (first given at"),
    ("IT", "Office", "+44 20 7946 0001", "", "", {"de": "Hallo"}, "unknown note language 'de'"),
    ("IT", "Office", "call us", "", "", {}, "bad phone number 'call us'"),
]


def _yaml_file(tmp_path: Path, row: tuple) -> Path:
    country, name, phone, email, url, notes, _ = row
    lines = ["contacts:", "  - country: FR", "    name: Good", "    email: good@example.org"]
    lines.append(f"  - country: {country}")
    for key, value in (("name", name), ("phone", phone), ("email", email), ("url", url)):
        if value:
            lines.append(f'    {key}: "{value}"')
    if notes:
        lines.append("    notes:")
        lines += [f"      {language}: {text}" for language, text in notes.items()]
    return write(tmp_path, "contacts.yaml", "\n".join(lines) + "\n")


def _csv_file(tmp_path: Path, row: tuple) -> Path:
    country, name, phone, email, url, notes, _ = row
    languages = sorted({"en", *notes})
    header = ",".join(
        ["country", "name", "phone", "email", "url", *(f"note_{x}" for x in languages)]
    )
    good = ",".join(["FR", "Good", "", "good@example.org", "", *("" for _ in languages)])
    bad = ",".join([country, name, phone, email, url, *(notes.get(x, "") for x in languages)])
    return write(tmp_path, "contacts.csv", f"{header}\n{good}\n{bad}\n")


@pytest.mark.parametrize("row", BAD_ROWS, ids=[row[-1].split(" (")[0] for row in BAD_ROWS])
@pytest.mark.parametrize("make, line", [(_yaml_file, 5), (_csv_file, 3)], ids=["yaml", "csv"])
def test_each_bad_row_is_rejected_with_its_place_and_reason(runner, tmp_path, row, make, line):
    path = make(tmp_path, row)
    result = runner.invoke(["contacts", "load", str(path)])
    assert result.exit_code == 3, result.output
    rejected = [text for text in result.output.splitlines() if text.startswith("rejected ")]
    assert len(rejected) == 1
    assert rejected[0].startswith(f"rejected {path}:{line}: ")
    assert row[-1] in rejected[0]
    assert (
        result.output.splitlines()[-1] == "added 1, changed 0, unchanged 0, removed 0, rejected 1"
    )
    assert set(directory(runner)) == {"FR"}  # the valid row was kept


def test_a_phone_number_yaml_reads_as_a_number_must_be_quoted(tmp_path):
    path = write(tmp_path, "c.yaml", "contacts:\n  - {country: IT, name: Office, phone: 0123}\n")
    (rejection,) = read_directory(path).rejections
    assert rejection.source == f"{path}:2"
    assert "the phone number must be text (put it in quotes)" in rejection.reason


UNREADABLE = [
    ("broken.yaml", "contacts:\n  - country: FR\n   name: [unclosed\n", "not valid YAML"),
    ("list.yaml", "contacts: FR\n", "expected a mapping with one key, `contacts`"),
    ("empty.yaml", "", "expected a mapping with one key, `contacts`"),
    ("columns.csv", "country,name,fax\nFR,Office,123\n", "unknown CSV column 'fax'"),
    ("noname.csv", "country,email\nFR,a@example.org\n", "the CSV header has no name column"),
    ("contacts.json", '{"contacts": []}', "expected a .yaml, .yml or .csv file"),
]


@pytest.mark.parametrize("name, text, reason", UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_a_file_that_cannot_be_read_changes_nothing(app, runner, tmp_path, name, text, reason):
    invoke(app, ["contacts", "load", str(write(tmp_path, "good.yaml", GOOD_YAML))])
    before = directory(runner)
    result = runner.invoke(["contacts", "load", str(write(tmp_path, name, text))])
    assert result.exit_code == 1
    assert reason in result.output
    assert result.output.splitlines()[-1].startswith("nothing was changed: ")
    assert directory(runner) == before


def test_a_missing_or_non_utf8_file_changes_nothing(app, runner, tmp_path):
    invoke(app, ["contacts", "load", str(write(tmp_path, "good.yaml", GOOD_YAML))])
    before = directory(runner)
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("country,name,email\nFR,Bureau de démo,a@example.org\n".encode("latin-1"))
    for path, reason in ((tmp_path / "missing.yaml", "No such file"), (latin1, "not UTF-8")):
        result = runner.invoke(["contacts", "load", str(path)])
        assert result.exit_code == 1 and reason in result.output
    assert directory(runner) == before


def test_a_file_whose_every_row_is_rejected_changes_nothing(app, runner, tmp_path):
    invoke(app, ["contacts", "load", str(write(tmp_path, "good.yaml", GOOD_YAML))])
    bad = write(tmp_path, "bad.yaml", "contacts:\n  - {country: XY, name: Office}\n")
    result = runner.invoke(["contacts", "load", str(bad)])
    assert result.exit_code == 1
    assert "every row was rejected" in result.output
    assert set(directory(runner)) == {"DE", "FR"}


def test_a_load_replaces_the_directory(app, runner, tmp_path):
    invoke(app, ["contacts", "load", str(write(tmp_path, "good.yaml", GOOD_YAML))])
    new = """\
    contacts:
      - {country: FR, name: Demo Liaison Office for France, phone: "+44 20 7946 0099"}
      - {country: ES, name: Demo Liaison Office for Spain, email: liaison-es@example.org}
    """
    result = invoke(app, ["contacts", "load", str(write(tmp_path, "new.yaml", new))])
    assert "removed DE" in result.output
    assert (
        result.output.splitlines()[-1] == "added 1, changed 1, unchanged 0, removed 1, rejected 0"
    )
    listed = directory(runner)
    assert set(listed) == {"ES", "FR"}
    assert "+44 20 7946 0099" in listed["FR"]
    assert "loaded from" in runner.invoke(["contacts", "list"]).output.splitlines()[-1]


def test_a_country_whose_new_row_is_rejected_keeps_its_previous_contact(app, runner, tmp_path):
    invoke(app, ["contacts", "load", str(write(tmp_path, "good.yaml", GOOD_YAML))])
    new = "contacts:\n  - {country: FR, name: Office, email: a@example.org}\n  - {country: DE}\n"
    result = runner.invoke(["contacts", "load", str(write(tmp_path, "new.yaml", new))])
    assert result.exit_code == 3
    assert "kept the previous contact of DE: its new row was rejected" in result.output
    assert "Demo Liaison Office for Germany" in directory(runner)["DE"]


def test_the_demo_directory_is_valid_and_fictitious():
    parsed = read_directory(DEMO_CONTACTS)
    assert parsed.rejections == [] and len(parsed.entries) >= 20
    for entry in parsed.entries:
        assert entry.name.startswith("Demo Liaison Office for ")
        assert entry.phone.startswith("+44 20 7946 0")  # Ofcom's range for drama
        assert entry.email.split("@")[1] in ("example.org", "example.net")
        assert entry.url.startswith(("https://example.org/", "https://example.net/"))
        assert "Fictitious" in entry.notes["en"]


def test_notes_fall_back_to_english_then_to_any_language():
    assert note_in({"en": "E", "ar": "A"}, "ar") == ("ar", "A")
    assert note_in({"en": "E", "ar": "A"}, "zh") == ("en", "E")
    assert note_in({"ru": "R"}, "fr") == ("ru", "R")
    assert note_in({}, "fr") is None


def test_which_countries_a_notice_names_for_contacts():
    red = Notice(kind="red", warrants=[Warrant(issuing_country=c) for c in ("FR", "914", "FR")])
    assert reporting_countries(red) == ["FR", "914"]
    missing = Notice(kind="yellow", event_country="LV", nationalities=["EE"])
    assert reporting_countries(missing) == ["LV"]
    assert reporting_countries(Notice(kind="yellow", nationalities=["EE", "LT"])) == ["EE", "LT"]
    assert reporting_countries(Notice(kind="un-person", nationalities=["YE"])) == []
    assert tel_uri("+44 20 7946 0011") == "tel:+442079460011"
