"""The port through which the core reads campaign spend counters.

The data plane (``adplane.events``) installs the real reader when the app starts; until then,
and in a process without an analytics store, every counter is zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


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


_reader: SpendReader = NoSpend()


def install(reader: SpendReader) -> None:
    """Make ``reader`` the source of spend counters for the core."""
    global _reader
    _reader = reader


def reader() -> SpendReader:
    return _reader
