"""A real client generated from the served OpenAPI document (openapi-python-client) searches and
reads notices over HTTP, and its typed models carry what the service answered."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.web.dataset import EXAMPLEMAN, FICTIONELLI, SAMPLEDIN, TESTOVA
from tests.web.helpers import serving

GENERATOR = Path(sys.executable).parent / "openapi-python-client"
PACKAGE = "notices_api_client"
# The pictures answer image/jpeg, which the generator treats as bytes when told so.
CONFIG = f"""
package_name_override: {PACKAGE}
project_name_override: notices-api-client
content_type_overrides:
  image/jpeg: application/octet-stream
"""


def generate(base_url: str, workdir: Path) -> Path:
    """Generate the client from the served document, failing on any generator warning;
    returns the directory to put on sys.path."""
    with urllib.request.urlopen(f"{base_url}/api/v1/openapi.json") as response:
        spec = json.load(response)
    (workdir / "openapi.json").write_text(json.dumps(spec))
    (workdir / "config.yml").write_text(CONFIG)
    output = workdir / "client"
    environment = {**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(workdir / "openapi.json"),
            "--output-path",
            str(output),
            "--config",
            str(workdir / "config.yml"),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Warning" not in done.stdout + done.stderr, done.stdout + done.stderr
    return output


@pytest.fixture
def generated(data_app, tmp_path):
    """(the generated package, the base URL of the app it talks to)."""
    with serving(data_app) as base_url:
        path = generate(base_url, tmp_path)
        sys.path.insert(0, str(path))
        try:
            yield importlib.import_module(PACKAGE), base_url
        finally:
            sys.path.remove(str(path))
            for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
                del sys.modules[name]


def test_a_generated_client_searches_and_reads_notices(generated):
    package, base_url = generated
    search = importlib.import_module(f"{PACKAGE}.api.native.get_api_v1_search")
    detail = importlib.import_module(f"{PACKAGE}.api.native.get_api_v1_notices_kind_entity_id")
    models = importlib.import_module(f"{PACKAGE}.models")

    english = package.Client(base_url=base_url, raise_on_unexpected_status=True)
    page = search.sync(client=english, q="fictionelli marco")
    assert isinstance(page, models.SearchResponse)
    first = page.results[0]
    assert isinstance(first, models.SearchResult)
    assert (first.entity_id, first.path_id) == (FICTIONELLI, "2024-00102")
    assert (first.names.family_name, first.names.forename) == ("FICTIONELLI", "MARCO")
    assert [(c.code, c.label) for c in first.nationalities] == [("IT", "Italy")]
    assert first.sex.label == "Male" and first.band == models.Band.STRONG
    assert first.links.self_ == f"{base_url}/api/v1/notices/red/2024-00102"
    assert first.links.html == f"{base_url}/notices/red/2024-00102"
    facet = page.facets.nationality[0]
    assert (facet.value, facet.label, facet.count) == ("IT", "Italy", 1)
    assert "not an arrest warrant" in page.disclaimer
    assert page.links.self_.startswith(f"{base_url}/api/v1/search?")

    french = package.Client(
        base_url=base_url, headers={"Accept-Language": "fr"}, raise_on_unexpected_status=True
    )
    red = models.Kind.RED
    notice = detail.sync(red, EXAMPLEMAN, client=french)  # the id as published: 2024%2F00101
    assert isinstance(notice, models.Notice)
    assert notice.path_id == "2024-00101"
    assert [c.label for c in notice.nationalities] == ["France", "Belgique"]
    assert notice.warrants[1].issuing_country.label == "Cour pénale internationale"
    assert notice.sex.label == "Homme"
    assert notice.links.thumbnail.startswith(f"{base_url}/pictures/")
    assert notice.pictures[0].links.image.startswith(f"{base_url}/pictures/")
    assert "n’est pas un mandat d’arrêt" in notice.disclaimer

    yellow = detail.sync(models.Kind.YELLOW, "2023-04567", client=french)
    assert yellow.entity_id == TESTOVA
    assert yellow.disappearance.country.label == "Lettonie"
    person = detail.sync(models.Kind.UN_PERSON, SAMPLEDIN, client=english)
    assert person.un.reference == "QDi.999"
    assert person.un.identity_documents[0]["issuing_country"].label == "Yemen"

    missing = detail.sync_detailed(red, "2099-00001", client=english)
    assert missing.status_code == 404 and missing.parsed.error.code == "not_found"
