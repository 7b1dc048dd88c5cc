"""``adplane jobs run-once``: one tick of the periodic job, outside the server."""

from __future__ import annotations

import asyncio
import json

import typer

from adplane import bootstrap
from adplane.events.runtime import DuckDBSpendReader, open_store, recover
from adplane.events.segments import LoaderLock, LogPaths
from adplane.jobs import tick
from adplane.jobs.tick import TickReport
from adplane.reports.backends import DuckDBBackend
from adplane.settings import Settings

jobs_app = typer.Typer(
    help="The periodic job: rules, spend posted to wallets, state sweeps.", no_args_is_help=True
)


async def _tick(settings: Settings) -> TickReport:
    store = await asyncio.to_thread(open_store, settings)
    db = bootstrap.open_database(settings)
    reader = DuckDBSpendReader(store)
    try:
        # Events logged but not loaded yet count: load them first, as a starting server does.
        await asyncio.to_thread(recover, LogPaths.under(settings.data_dir), store)
        return await tick.run(db, DuckDBBackend(store), reader)
    finally:
        await db.dispose()
        await asyncio.to_thread(store.close)


@jobs_app.command("run-once")
def run_once() -> None:
    """Evaluate every rule, post closed hours of spend, sweep campaign states; print it."""
    try:
        settings = bootstrap.load_settings()
        bootstrap.migrate(settings)
    except bootstrap.StartupError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    # DuckDB has one writer: the process holding the loader lock. A server holding it runs
    # the same job on its own schedule.
    lock = LoaderLock(LogPaths.under(settings.data_dir))
    if not lock.try_acquire():
        typer.echo(
            "error: a server is running on this data directory; it runs the jobs itself "
            "(every ADPLANE_JOBS_INTERVAL_SECONDS)",
            err=True,
        )
        raise typer.Exit(1)
    try:
        report = asyncio.run(_tick(settings))
    finally:
        lock.release()
    typer.echo(json.dumps(report.summary()))
    if report.failed or report.sweep_failed:
        raise typer.Exit(1)
