"""The seam between the report engine and an analytics backend.

The engine (``engine.py``) writes one SQL statement per report in portable SQL, asking the
backend's :class:`SqlDialect` only for what differs between engines: how a parameter is
written, how a timestamp is shifted to local time and cut into days and hours, how events of
a type are counted, how distinct users are counted. DuckDB is the embedded default; a
ClickHouse backend implements the same two protocols (``countIf``, ``uniq``, ``toDate``,
``toStartOfHour``, ``{name:Type}`` parameters) and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise
from typing import Any, Protocol

from adplane.events.store import AnalyticsStore
from adplane.reports.timezones import OffsetSpan


class SqlDialect(Protocol):
    """How one backend spells the few things that differ between SQL engines."""

    name: str
    table: str

    def param(self, name: str, kind: str) -> str:
        """A placeholder for the named parameter; ``kind`` is int, str, date, timestamp."""
        ...

    def timestamp_literal(self, value: datetime) -> str: ...

    def local_time(self, column: str, spans: Sequence[OffsetSpan]) -> str:
        """``column`` (UTC) shifted into local time, given the zone's offsets over the range."""
        ...

    def to_date(self, expression: str) -> str: ...

    def to_hour(self, expression: str) -> str: ...

    def count_type(self, event_type: str) -> str:
        """The number of rows of one event type."""
        ...

    def count_distinct(self, column: str) -> str: ...

    def sum_int(self, column: str) -> str:
        """The sum of an integer column; 0 (not NULL) over no rows."""
        ...


class Backend(Protocol):
    """An analytics store that runs the engine's SQL."""

    dialect: SqlDialect

    async def fetch(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]: ...


class DuckDBDialect:
    name = "duckdb"
    table = "events"

    def param(self, name: str, kind: str) -> str:
        return f"${name}"

    def timestamp_literal(self, value: datetime) -> str:
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"

    def local_time(self, column: str, spans: Sequence[OffsetSpan]) -> str:
        if len(spans) == 1:
            if spans[0].seconds == 0:
                return column
            return f"({column} + INTERVAL ({spans[0].seconds}) SECOND)"
        cases = " ".join(
            f"WHEN {column} < {self.timestamp_literal(nxt.start)} THEN {span.seconds}"
            for span, nxt in pairwise(spans)
        )
        return f"({column} + to_seconds(CASE {cases} ELSE {spans[-1].seconds} END))"

    def to_date(self, expression: str) -> str:
        return f"CAST({expression} AS DATE)"

    def to_hour(self, expression: str) -> str:
        return f"date_trunc('hour', {expression})"

    def count_type(self, event_type: str) -> str:
        return f"count(*) FILTER (WHERE type = '{event_type}')"

    def count_distinct(self, column: str) -> str:
        return f"count(DISTINCT {column})"

    def sum_int(self, column: str) -> str:
        return f"coalesce(sum({column}), 0)"


class DuckDBBackend:
    """Reports over the embedded DuckDB store."""

    dialect: SqlDialect = DuckDBDialect()

    def __init__(self, store: AnalyticsStore) -> None:
        self.store = store

    async def fetch(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        # Off the event loop, on the store's bounded read pool.
        return await self.store.read(self.store.fetch, sql, params)
