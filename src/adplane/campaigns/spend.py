"""The port through which the core reads campaign spend counters.

The reader is passed in, never installed in the process: whoever opens a unit of work
(the app for each request, the jobs for each tick) says which reader its sessions see, by
opening them with ``session_info(reader)``, and the campaign views read it back with
``reader_of(session)``. Two apps in one process (or an app and a job on other data) thus
never see each other's spend. A session opened without a reader (the CLI, a test that only
needs the database) sees zero everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class SpendCounters:
    """Spend (micros) and delivery counts of one campaign, today and in total."""

    spend_today_micros: int = 0
    spend_total_micros: int = 0
    impressions_today: int = 0
    impressions_total: int = 0
    clicks_today: int = 0
    clicks_total: int = 0


ZERO = SpendCounters()


class SpendReader(Protocol):
    async def counters(
        self, campaign_ids: Sequence[int], *, day_start: datetime
    ) -> dict[int, SpendCounters]:
        """Counters per campaign id; ``day_start`` is the UTC instant "today" began."""
        ...

    async def spend_since(self, since: Mapping[int, datetime]) -> dict[int, int]:
        """Spend (micros) of each campaign from its own instant until now.

        Budgets longer than a day (weekly, monthly) need the spend since their period began,
        which differs per campaign; a campaign with no spend may be left out.
        """
        ...


class NoSpend:
    """The reader used when no analytics store is attached."""

    async def counters(
        self, campaign_ids: Sequence[int], *, day_start: datetime
    ) -> dict[int, SpendCounters]:
        return {}

    async def spend_since(self, since: Mapping[int, datetime]) -> dict[int, int]:
        return {}


NO_SPEND = NoSpend()
# The key under ``Session.info`` (SQLAlchemy's per-session dictionary for application data).
_KEY = "adplane.campaigns.spend_reader"


def session_info(reader: SpendReader) -> dict[str, Any]:
    """``info`` for a session factory (``sessionmaker(info=...)``): its sessions read ``reader``."""
    return {_KEY: reader}


def reader_of(session: AsyncSession) -> SpendReader:
    """The reader the session was opened with; no spend when it was opened without one."""
    found: SpendReader = session.info.get(_KEY, NO_SPEND)
    return found
