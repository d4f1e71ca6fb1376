"""The bulk dataset: every active notice as gzipped JSON Lines, rewritten after each committed
load and by `notices data export`, served with ETag, Last-Modified and Content-Length, and
described on /data. Withdrawn notices are not in it."""

from __future__ import annotations

import gzip
import json
import os

from notices import dataset
from notices.cli import main
from notices.ingest.memo import MEMO_FILE
from tests.web.dataset import EXAMPLEMAN, TESTOVA
from tests.web.helpers import invoke, reload_without


def download(client, **headers):
    with client.get("/data/notices.jsonl.gz", headers=headers) as response:
        return response, response.data


def lines(body: bytes) -> tuple[dict, list[dict]]:
    header, *notices = [json.loads(line) for line in gzip.decompress(body).splitlines()]
    return header, notices


def test_the_first_load_wrote_every_active_notice(data_client):
    response, body = download(data_client)
    assert response.status_code == 200 and response.mimetype == "application/gzip"
    assert response.headers["Content-Length"] == str(len(body))
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    assert "attachment" in response.headers["Content-Disposition"]
    header, notices = lines(body)
    assert header["records"] == len(notices) == 7
    assert header["dataset"] == "notices" and "presumed innocent" in header["disclaimer"]
    assert "licence" in header and header["generated_at"].endswith("Z")
    exampleman = next(n for n in notices if n["entity_id"] == EXAMPLEMAN)
    assert exampleman["family_name"] == "EXAMPLEMAN" and exampleman["nationalities"] == ["FR", "BE"]
    assert exampleman["warrants"][1]["issuing_country"] == "914"
    assert exampleman["pictures"][0]["path"].startswith("/pictures/")
    assert exampleman["first_published"].endswith("Z")
    assert not {"id", "status", "content_hash", "withdrawn_at"} & set(exampleman)


def test_conditional_requests_get_304(data_client):
    response, _ = download(data_client)
    again, body = download(data_client, **{"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and body == b""
    since, _ = download(data_client, **{"If-Modified-Since": response.headers["Last-Modified"]})
    assert since.status_code == 304


def test_a_load_that_withdraws_rewrites_it_without_them(data_app, data_client, tmp_path):
    reload_without(data_app, tmp_path, TESTOVA)
    header, notices = lines(download(data_client)[1])
    assert header["records"] == 6 and TESTOVA not in {n["entity_id"] for n in notices}
    leftovers = [name for name in os.listdir(data_app.config["DATA_DIR"]) if name.endswith(".tmp")]
    assert leftovers == []


def test_the_export_command_rewrites_it(data_app, data_client):
    os.remove(dataset.dataset_path(data_app.config["DATA_DIR"]))
    assert data_client.get("/data/notices.jsonl.gz").status_code == 404
    assert "has not been written yet" in data_client.get("/data").get_data(as_text=True)
    result = invoke(data_app, ["data", "export"])
    assert "7 notices" in result.output
    assert lines(download(data_client)[1])[0]["records"] == 7


def test_the_data_page_describes_the_file(data_client):
    html = data_client.get("/data").get_data(as_text=True)
    assert 'href="/data/notices.jsonl.gz"' in html
    assert "<dd>7</dd>" in html and "JSON Lines" in html and "<time datetime=" in html
    assert "Licence" in html and "1,000" in html
    arabic = data_client.get("/ar/data").get_data(as_text=True)
    assert "البيانات المفتوحة" in arabic


def test_a_failed_rewrite_keeps_the_previous_file(data_app, monkeypatch):
    before = dataset.dataset_path(data_app.config["DATA_DIR"]).read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dataset.shutil, "copyfileobj", full_disk)
    result = data_app.test_cli_runner().invoke(main, ["data", "export"])
    assert result.exit_code == 1 and "No space left" in result.output
    assert dataset.dataset_path(data_app.config["DATA_DIR"]).read_bytes() == before
    # No half-written file is left behind (the ingest memo of the fixture's load lives here too).
    names = [name for name in os.listdir(data_app.config["DATA_DIR"]) if name != MEMO_FILE]
    assert names == ["notices.jsonl.gz"]


def test_a_disk_that_fills_while_notices_are_packed_keeps_the_previous_file(data_app, monkeypatch):
    """The notices are compressed in a thread of their own: its failure is the command's."""
    before = dataset.dataset_path(data_app.config["DATA_DIR"]).read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dataset.gzip.GzipFile, "write", full_disk)
    result = data_app.test_cli_runner().invoke(main, ["data", "export"])
    assert result.exit_code == 1 and "No space left" in result.output
    assert dataset.dataset_path(data_app.config["DATA_DIR"]).read_bytes() == before


def test_a_load_stays_saved_when_the_dataset_cannot_follow(data_app, tmp_path, monkeypatch):
    before = dataset.dataset_path(data_app.config["DATA_DIR"]).read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(dataset, "write_dataset", read_only)
    reload_without(data_app, tmp_path, TESTOVA)  # succeeds (exit code 0)
    assert dataset.dataset_path(data_app.config["DATA_DIR"]).read_bytes() == before


def test_a_load_that_changes_nothing_leaves_the_file_alone(data_app, tmp_path):
    path = dataset.dataset_path(data_app.config["DATA_DIR"])
    reload_without(data_app, tmp_path / "first", TESTOVA)  # a change: rewritten
    before = path.read_bytes()
    assert lines(before)[0]["journal_position"] > 0
    reload_without(data_app, tmp_path / "again", TESTOVA)  # the same extract: no change
    assert path.read_bytes() == before


def test_a_file_behind_the_database_is_rewritten_by_the_next_load(data_app, tmp_path):
    # As when an earlier rewrite failed: the file misses a committed change.
    path = dataset.dataset_path(data_app.config["DATA_DIR"])
    reload_without(data_app, tmp_path / "first", TESTOVA)
    header, notices = lines(path.read_bytes())
    header["journal_position"] -= 1
    path.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n"))
    reload_without(data_app, tmp_path / "again", TESTOVA)  # changes nothing, yet rewrites
    header, rewritten = lines(path.read_bytes())
    assert header["records"] == len(rewritten) == len(notices) == 6
