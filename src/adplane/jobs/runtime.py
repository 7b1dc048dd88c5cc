"""Starting the jobs plane: in the server (a scheduler) or once from the command line."""

from __future__ import annotations

from adplane.campaigns.spend import SpendReader
from adplane.events.store import AnalyticsStore
from adplane.jobs import tick
from adplane.jobs.scheduler import Scheduler
from adplane.jobs.tick import TickReport
from adplane.kit.db import Database
from adplane.reports.backends import DuckDBBackend
from adplane.settings import Settings


def scheduler_for(
    database: Database, store: AnalyticsStore, spend_reader: SpendReader, interval: float
) -> Scheduler:
    backend = DuckDBBackend(store)

    async def work() -> TickReport:
        return await tick.run(database, backend, spend_reader)

    return Scheduler(interval, work)


def start(
    settings: Settings, database: Database, store: AnalyticsStore, spend_reader: SpendReader
) -> Scheduler | None:
    """The server's scheduler, started; None when ``ADPLANE_JOBS_INTERVAL_SECONDS`` is 0."""
    if settings.jobs_interval_seconds <= 0:
        return None
    scheduler = scheduler_for(database, store, spend_reader, settings.jobs_interval_seconds)
    scheduler.start()
    return scheduler
