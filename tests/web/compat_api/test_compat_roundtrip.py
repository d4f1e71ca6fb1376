"""A mirror loads from our compatible API over real HTTP and gets the same notices and pictures."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from notices import create_app
from notices.db import upgrade
from notices.ingest.record import NoticeRecord
from notices.models import Notice
from tests.web.helpers import invoke, serving

COLUMNS = [
    name for name in NoticeRecord.__dataclass_fields__ if name not in ("pictures", "warrants")
]


def snapshot(app) -> dict:
    """Every published field, warrant and picture of every notice."""
    query = select(Notice).options(selectinload(Notice.warrants), selectinload(Notice.pictures))
    with app.extensions["notices"].sessions() as session:
        return {
            notice.entity_id: (
                {name: getattr(notice, name) for name in COLUMNS},
                [(w.issuing_country, w.charge, w.charge_translation) for w in notice.warrants],
                # Pictures are re-encoded on every load, so their bytes differ; sizes do not.
                [(p.picture_id, p.width, p.height) for p in notice.pictures],
            )
            for notice in session.scalars(query)
        }


def test_a_mirror_loads_the_same_notices_from_our_api(data_app, tmp_path):
    mirror_dir = tmp_path / "mirror"
    mirror = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": f"sqlite:///{mirror_dir / 'notices.db'}",
            "INDEX_DIR": str(mirror_dir / "index"),
            "MEDIA_DIR": str(mirror_dir / "media"),
            "DATA_DIR": str(mirror_dir / "data"),
            "FETCH_RATE_PER_SECOND": 1000.0,
        }
    )
    upgrade(mirror.config["DATABASE_URL"])
    with serving(data_app) as base_url:
        result = invoke(mirror, ["load", base_url, "--full"])
    assert result.output.strip().splitlines()[-1].startswith("added 7,")
    original, copied = snapshot(data_app), snapshot(mirror)
    assert copied == original
    mirror.extensions["notices"].engine.dispose()
