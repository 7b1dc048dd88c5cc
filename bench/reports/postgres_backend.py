"""The report engine's SQL on PostgreSQL, for the side-by-side comparison.

This is the backend seam in use: the same ``compile_report`` output, with PostgreSQL's
spelling of the few dialect-specific pieces, run over a plain table of the same rows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise
from typing import Any

import psycopg

from adplane.reports.timezones import OffsetSpan


class PostgresDialect:
    name = "postgresql"
    table = "events"

    def param(self, name: str, kind: str) -> str:
        return f"%({name})s"

    def timestamp_literal(self, value: datetime) -> str:
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"

    def local_time(self, column: str, spans: Sequence[OffsetSpan]) -> str:
        if len(spans) == 1:
            return f"({column} + interval '{spans[0].seconds} seconds')"
        cases = " ".join(
            f"WHEN {column} < {self.timestamp_literal(nxt.start)} THEN {span.seconds}"
            for span, nxt in pairwise(spans)
        )
        return f"({column} + (CASE {cases} ELSE {spans[-1].seconds} END) * interval '1 second')"

    def to_date(self, expression: str) -> str:
        return f"CAST({expression} AS date)"

    def to_hour(self, expression: str) -> str:
        return f"date_trunc('hour', {expression})"

    def count_type(self, event_type: str) -> str:
        return f"count(*) FILTER (WHERE type = '{event_type}')"

    def count_distinct(self, column: str) -> str:
        return f"count(DISTINCT {column})"

    def sum_int(self, column: str) -> str:
        return f"coalesce(sum({column}), 0)"


class PostgresBackend:
    dialect = PostgresDialect()

    def __init__(self, dsn: str) -> None:
        self.connection = psycopg.connect(dsn, autocommit=True)

    def _fetch(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql.encode(), params)
            return list(cursor.fetchall())

    async def fetch(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        return await asyncio.to_thread(self._fetch, sql, params)

    def close(self) -> None:
        self.connection.close()
