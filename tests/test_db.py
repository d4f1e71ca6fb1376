"""Schema creation through the migrations and the `notices db upgrade` command."""

from sqlalchemy import inspect

from notices.db import current_revision, make_engine


def test_db_upgrade_creates_every_table_and_is_idempotent(app, runner):
    url = app.config["DATABASE_URL"]
    for _ in range(2):
        result = runner.invoke(["db", "upgrade"])
        assert result.exit_code == 0, result.output
        assert "up to date" in result.output
    engine = make_engine(url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"notice", "warrant", "picture", "load_run", "load_rejection"} <= tables
    assert current_revision(url) is not None


def test_models_match_the_migrations(app):
    """A model change without a migration would make `db upgrade` build the wrong schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from notices.models import Base

    engine = make_engine(app.config["DATABASE_URL"])
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_the_upgrade_to_0003_orders_stored_notices_by_their_own_ids(new_database_url):
    """Notices stored before publication_order existed get theirs from their entity ids."""
    from datetime import datetime

    from sqlalchemy import text

    from notices.db import upgrade

    url = new_database_url("old")
    upgrade(url, "0002")
    engine = make_engine(url)
    now = datetime(2024, 1, 1)
    with engine.begin() as connection:
        for number, entity_id in enumerate(("2024/120", "2023/7")):
            connection.execute(
                text(
                    "INSERT INTO notice (id, entity_id, kind, status, aliases, nationalities, "
                    "eye_colors, hair_colors, languages, countries_likely_visited, "
                    "identity_documents, associates, addresses, also_known_as, "
                    "formerly_known_as, content_hash, first_published, last_changed) VALUES "
                    "(:id, :entity_id, 'red', 'active', '[]', '[]', '[]', '[]', '[]', '[]', "
                    "'[]', '[]', '[]', '[]', '[]', 'x', :now, :now)"
                ),
                {"id": number + 1, "entity_id": entity_id, "now": now},
            )
    upgrade(url)
    with engine.connect() as connection:
        rows = dict(
            connection.execute(text("SELECT entity_id, publication_order FROM notice")).all()
        )
    engine.dispose()
    assert rows == {"2024/120": 20240000120, "2023/7": 20230000007}


def test_json_columns_are_stored_as_readable_utf8_and_read_back_unchanged(app, runner, tmp_path):
    """Names in other scripts stay legible to whoever reads the database directly."""
    from sqlalchemy import text

    from notices.models import Notice
    from tests.fakeservice import notice_document, write_notice

    aliases = ['JOSÉ "PEPE" NÚÑEZ', "محمد علي", "王伟", "back\\slash"]
    write_notice(tmp_path / "tree", "un-person", notice_document("un-person", 7, aliases=aliases))
    assert runner.invoke(["load", str(tmp_path / "tree")]).exit_code == 0

    sessions = app.extensions["notices"].sessions
    with sessions() as session:
        stored = session.scalar(text("SELECT CAST(aliases AS TEXT) FROM notice"))
        notice = session.query(Notice).one()
        assert notice.aliases == aliases
    assert stored == '["JOSÉ \\"PEPE\\" NÚÑEZ","محمد علي","王伟","back\\\\slash"]'
