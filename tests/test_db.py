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
