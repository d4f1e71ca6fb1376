"""The `notices` staff command: thin click commands over the plain functions in operations."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from notices import contact_loads, create_app, operations
from notices.domain import KINDS
from notices.indexing import IndexUnavailable
from notices.ingest.report import LoadReport
from notices.progress import progress
from search_index import Drift


@click.group(
    cls=FlaskGroup, create_app=create_app, add_default_commands=True, add_version_option=False
)
@click.version_option(
    package_name="public-notices-search", prog_name="notices", message="%(prog)s %(version)s"
)
def main() -> None:
    """Staff commands of the public notices search service."""


def low_priority_option(command: Callable) -> Callable:
    """Staff commands run beside the public site: by default they yield the CPU to it."""
    return click.option(
        "--low-priority/--normal-priority",
        default=True,
        show_default=True,
        help="run at a lower CPU priority (nice 10) so serving stays responsive",
    )(command)


def _apply_priority(low: bool) -> None:
    if low and not current_app.testing:  # in-process test runs must not renice pytest
        os.nice(10)


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Create the database or bring its schema up to date (safe to run again)."""
    with _operator_errors():
        operations.upgrade_database(current_app.config)
    click.echo("database schema is up to date")


@main.command()
@click.argument("source")
@click.option(
    "--full/--partial",
    default=False,
    help="full: withdraw notices of the covered kinds that the source lacks",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="load only this kind (repeatable); a full load then covers only these",
)
@click.option("--dry-run", is_flag=True, help="report what would change, write nothing")
@click.option(
    "--allow-mass-withdrawal",
    is_flag=True,
    help="confirm a full load that withdraws an unusual share of active notices",
)
@low_priority_option
def load(
    source: str,
    full: bool,
    kinds: tuple[str, ...],
    dry_run: bool,
    allow_mass_withdrawal: bool,
    low_priority: bool,
) -> None:
    """Load notices from a directory, .zip/.tar.gz, JSON Lines file or web service URL."""
    _apply_priority(low_priority)
    with _operator_errors(""), progress("loading") as advance:
        report = operations.load(
            current_app,
            source,
            full=full,
            kinds=kinds,
            dry_run=dry_run,
            allow_mass_withdrawal=allow_mass_withdrawal,
            progress=advance,
        )
    _print_load_report(report)
    sys.exit(report.exit_code())


def _print_load_report(report: LoadReport) -> None:
    for rejection in report.rejections:
        click.echo(rejection.line(), err=True)
    if report.dry_run:
        for label, ids in (
            ("would add", report.added),
            ("would change", report.changed),
            ("would withdraw", report.withdrawn),
        ):
            for entity_id in ids:
                click.echo(f"{label} {entity_id}")
    if report.index_repair is not None:
        click.echo(_drift_line(report.index_repair, "left by an earlier load repaired"))
    verb = "would move" if report.dry_run or report.failure else "moved"
    for entity_id, old_kind, new_kind in report.moved:
        click.echo(f"{verb} {entity_id} from {old_kind} to {new_kind}")
    if report.failure:
        click.echo(f"error: {report.failure}", err=True)
    if report.index_failure:
        click.echo(f"warning: the load was saved, but {report.index_failure}", err=True)
    prefix = "dry run: " if report.dry_run else ""
    click.echo(prefix + report.summary_line())


@main.command("demo-data")
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--count", default=1000, show_default=True, type=click.IntRange(1, 2_000_000))
@click.option("--seed", default=1, show_default=True, type=int)
def demo_data(out: str, count: int, seed: int) -> None:
    """Write a synthetic extract of fictitious persons in the published layout."""
    from notices.demo import write_demo_extract

    with progress("writing demo data", total=count) as advance:
        summary = write_demo_extract(out, count, seed=seed, progress=advance)
    click.echo(f"wrote {summary.total} fictitious notices to {out}")


@main.group()
def loads() -> None:
    """What each load did."""


@loads.command("list")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
def loads_list(limit: int) -> None:
    """The most recent loads, newest first."""
    with _operator_errors():
        runs = operations.recent_loads(current_app, limit)
    for run in runs:
        click.echo(operations.describe_load(run))


@loads.command("show")
@click.argument("load_id", type=int)
def loads_show(load_id: int) -> None:
    """One load with every record it rejected."""
    with _operator_errors():
        run = operations.get_load(current_app, load_id)
    if run is None:
        raise click.ClickException(f"no load with id {load_id}")
    click.echo(operations.describe_load(run))
    for rejection in run.rejections:
        click.echo(f"  rejected {rejection.source} {rejection.json_path}: {rejection.reason}")


@main.group()
def contacts() -> None:
    """The contact directory shown on notice pages ("If you have information")."""


@contacts.command("load")
@click.argument("file", type=click.Path(dir_okay=False))
def contacts_load(file: str) -> None:
    """Replace the directory with a YAML or CSV file's valid rows (countries it lacks go)."""
    with _operator_errors(""):
        report = operations.load_contacts(current_app, file)
    _print_contacts_report(report)
    sys.exit(report.exit_code())


def _print_contacts_report(report: contact_loads.ContactLoadReport) -> None:
    errors, lines = contact_loads.report_lines(report)
    for line in errors:
        click.echo(line, err=True)
    for line in lines:
        click.echo(line)


@contacts.command("list")
def contacts_list() -> None:
    """Every contact of the directory, by country code, and its last load."""
    with _operator_errors():
        entries, last = operations.contact_directory(current_app)
    for contact in entries:
        click.echo(contact_loads.describe_contact(contact))
    click.echo(contact_loads.describe_load(last) if last else "the directory was never loaded")


@main.group()
def index() -> None:
    """The search index."""


@index.command("rebuild")
@low_priority_option
def index_rebuild(low_priority: bool) -> None:
    """Build a complete new index generation from the database, verify it, switch to it."""
    _apply_priority(low_priority)
    with _operator_errors(" (the live index is as it was)"), progress("indexing") as advance:
        info = operations.rebuild_index(current_app, advance)
    click.echo(
        f"index generation {info.name}: {info.doc_count} notices, {info.size_bytes / 1e6:.1f} MB"
    )


@index.command("update")
def index_update() -> None:
    """Bring the live index in line with the database (after an interrupted load, say)."""
    with _operator_errors():
        drift = operations.update_index(current_app)
    click.echo(_drift_line(drift, "repaired"))


@index.command("follow")
@click.option(
    "--interval",
    type=click.FloatRange(min=0.1),
    default=2.0,
    show_default=True,
    help="seconds between looks at the journal (on PostgreSQL a load's commit wakes it at once)",
)
@click.option("--once", is_flag=True, help="catch up once and exit (for cron or a health check)")
def index_follow(interval: float, once: bool) -> None:
    """Keep this node's index in step with the database: apply every change loads commit
    (adds, changes, withdrawals), and build the index if the node has none. Runs until
    stopped (SIGTERM or Ctrl-C); killed, it resumes where its index stands."""
    with _operator_errors():
        follower = operations.follower_for(current_app, interval, _say)
        if not once:
            _stop_on_signals(follower.stop)
            _say(f"following the change journal into {follower.home.root}")
        follower.run(once=once)
    if not once:
        _say("stopped")


def _say(line: str) -> None:
    click.echo(f"{datetime.now().isoformat(' ', 'seconds')} {line}")


def _stop_on_signals(stop: threading.Event) -> None:
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())


@index.command("check")
def index_check() -> None:
    """Report drift between database and index; exit 1 when there is any."""
    with _operator_errors():
        drift = operations.check_index(current_app)
    click.echo(_drift_line(drift, "found"))
    for label, ids in (("missing", drift.missing), ("extra", drift.extra), ("stale", drift.stale)):
        for entity_id in sorted(ids)[:50]:
            click.echo(f"  {label} {entity_id}")
    sys.exit(0 if drift.ok else 1)


@main.group()
def data() -> None:
    """The open-data bulk dataset."""


@data.command("export")
def data_export() -> None:
    """Rewrite the bulk dataset of active notices (loads do this after every commit)."""
    with _operator_errors(" (the previous file is still served)"):
        info = operations.export_dataset(current_app)
    click.echo(f"{info.path}: {info.records} notices, {info.size / 1e6:.1f} MB")


@contextmanager
def _operator_errors(unchanged: str | None = None) -> Iterator[None]:
    """An unreachable database, a full disk or a damaged index is one `error:` line for the
    operator (exit 1), saying "nothing was changed" when that is true, not a traceback."""
    suffix = f"; nothing was changed{unchanged}" if unchanged is not None else ""
    try:
        yield
    except OperationalError as error:
        _fail(f"cannot use the database {_database_name()}: {_first_line(error.orig)}{suffix}")
    except IndexUnavailable as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{error}{suffix}")


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _database_name() -> str:
    url = make_url(current_app.config["DATABASE_URL"])
    return url.render_as_string(hide_password=True)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _drift_line(drift: Drift, verb: str) -> str:
    if drift.ok:
        return "index matches the database"
    return (
        f"drift {verb}: {len(drift.missing)} missing, {len(drift.extra)} extra, "
        f"{len(drift.stale)} stale"
    )


@main.command("demo-load")
@click.argument("extract", type=click.Path(exists=True, file_okay=False))
def demo_load(extract: str) -> None:
    """Load a demo extract, but only into an empty database or one that holds demo data:
    notices that staff loaded are never replaced by fictitious ones."""
    from notices.demo import MARKER_FILE

    if not (Path(extract) / MARKER_FILE).is_file():
        raise click.ClickException(f"{extract} is not a demo extract (it has no {MARKER_FILE})")
    operations.upgrade_database(current_app.config)
    if operations.staff_notices_present(current_app):
        click.echo("the database holds notices loaded by staff: demo data not loaded")
        return
    report = operations.load(current_app, extract, full=True, allow_mass_withdrawal=True)
    _print_load_report(report)
    if report.exit_code() != 0:
        sys.exit(report.exit_code())
    if not _index_follows():
        operations.rebuild_index(current_app)
        click.echo("search index built")
    _load_demo_contacts()


def _load_demo_contacts() -> None:
    """The fictitious contact directory goes with demo notices, never over a staff one."""
    from notices.demo import DEMO_CONTACTS

    if operations.staff_contacts_present(current_app):
        click.echo("the contact directory was loaded by staff: demo contacts not loaded")
        return
    report = operations.load_contacts(current_app, str(DEMO_CONTACTS), demo=True)
    errors, lines = contact_loads.report_lines(report)
    for line in errors:
        click.echo(line, err=True)
    click.echo(f"demo contacts: {lines[-1]}")


def _index_follows() -> bool:
    """True when a live index exists and matches the database."""
    try:
        return operations.check_index(current_app).ok
    except Exception:  # noqa: BLE001 - no index yet, or a damaged one: a rebuild makes it
        return False
