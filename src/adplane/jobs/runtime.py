"""Starting the jobs plane: in the server (a scheduler) or once from the command line."""

from __future__ import annotations

from typing import Any

from adplane.campaigns.spend import SpendReader
from adplane.events.store import AnalyticsStore
from adplane.jobs import tick
from adplane.jobs.scheduler import Scheduler
from adplane.jobs.tick import TickReport
from adplane.kit.apart import Apart
from adplane.kit.db import Database
from adplane.reports.backends import Backend, DuckDBBackend, SqlDialect
from adplane.settings import Settings


class HomeBackend:
    """A report backend used from the tick's thread whose queries run on the serving loop.

    The analytics store's read pool (its slots, its counts) belongs to the serving loop; the
    tick's few report queries wait their turn there beside the API's reports.
    """

    def __init__(self, apart: Apart, backend: Backend) -> None:
        self.apart = apart
        self.backend = backend
        self.dialect: SqlDialect = backend.dialect

    async def fetch(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        return await self.apart.home(lambda: self.backend.fetch(sql, params))


def scheduler_for(
    database: Database, store: AnalyticsStore, spend_reader: SpendReader, interval: float
) -> Scheduler:
    apart = Apart(database, name="adplane-jobs")
    backend = HomeBackend(apart, DuckDBBackend(store))

    async def work(tick_database: Database) -> TickReport:
        return await tick.run(tick_database, backend, spend_reader)

    return Scheduler(interval, work, apart)


def start(
    settings: Settings, database: Database, store: AnalyticsStore, spend_reader: SpendReader
) -> Scheduler | None:
    """The server's scheduler, started; None when ``ADPLANE_JOBS_INTERVAL_SECONDS`` is 0."""
    if settings.jobs_interval_seconds <= 0:
        return None
    scheduler = scheduler_for(database, store, spend_reader, settings.jobs_interval_seconds)
    scheduler.start()
    return scheduler
