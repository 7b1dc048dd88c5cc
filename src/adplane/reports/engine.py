"""The report engine: a validated report query -> one SQL statement -> rows and totals.

Every report of every dialect runs through here. The statement groups the matching events by
the requested dimensions and totals them in the same statement, so the totals cover all rows,
not just the page. Totals of counts and sums are the sums of the groups' (a few dozen rows,
against a second aggregation of every event); only a distinct count (reach) cannot be added
up, so a report that asks for one groups over everything as well (``GROUPING SETS``), which
counts each user exactly once. Only sums come back from the database; every metric is
computed from them in Python, exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from adplane.reports.backends import Backend, SqlDialect
from adplane.reports.catalog import AGGREGATES, COUNTED_TYPES, Dimension, Metric
from adplane.reports.schemas import ReportResult, Value
from adplane.reports.timezones import offset_spans

FilterScalar = bool | int | str | date | datetime


@dataclass(frozen=True)
class Filter:
    """Keep events whose ``dimension`` is one of ``values`` (or missing, with ``include_null``)."""

    dimension: Dimension
    values: tuple[FilterScalar, ...]
    include_null: bool = False


@dataclass(frozen=True)
class ReportQuery:
    """A report in engine terms: UTC bounds (naive, end exclusive) and resolved names."""

    start: datetime
    end: datetime
    timezone: str
    dimensions: tuple[Dimension, ...]
    metrics: tuple[Metric, ...]
    filters: tuple[Filter, ...] = ()
    account_id: int | None = None
    order_by: str | None = None
    descending: bool = False
    page: int = 1
    page_size: int = 100


@dataclass(frozen=True)
class CompiledReport:
    sql: str
    params: dict[str, Any]
    aggregates: tuple[str, ...]
    grouped: bool


@dataclass
class _Builder:
    query: ReportQuery
    dialect: SqlDialect
    params: dict[str, Any] = field(default_factory=dict)
    _local: str | None = None

    def param(self, value: Any, kind: str) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return self.dialect.param(name, kind)

    def local_time(self) -> str:
        if self._local is None:
            spans = offset_spans(self.query.timezone, self.query.start, self.query.end)
            self._local = self.dialect.local_time("ts", spans)
        return self._local

    def dimension(self, dimension: Dimension) -> str:
        if dimension.kind == "date":
            return self.dialect.to_date(self.local_time())
        if dimension.kind == "hour":
            return self.dialect.to_hour(self.local_time())
        assert dimension.column is not None
        return dimension.column

    def aggregate(self, name: str) -> str:
        if name in COUNTED_TYPES:
            return self.dialect.count_type(COUNTED_TYPES[name])
        if name == "reach":
            return self.dialect.count_distinct("user_key")
        if name == "spend":
            return self.dialect.sum_int("cost_micros")
        if name == "revenue":
            return self.dialect.sum_int("revenue_micros")
        raise ValueError(f"unknown aggregate {name}")

    def where(self) -> str:
        q = self.query
        clauses = [
            f"ts >= {self.param(q.start, 'timestamp')}",
            f"ts < {self.param(q.end, 'timestamp')}",
        ]
        if q.account_id is not None:
            clauses.append(f"account_id = {self.param(q.account_id, 'int')}")
        for f in q.filters:
            expression = self.dimension(f.dimension)
            kind = {"date": "date", "hour": "timestamp"}.get(f.dimension.kind, f.dimension.kind)
            alternatives = []
            if f.values:
                placeholders = ", ".join(self.param(v, kind) for v in f.values)
                alternatives.append(f"{expression} IN ({placeholders})")
            if f.include_null:
                alternatives.append(f"{expression} IS NULL")
            clauses.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(clauses)


# The event columns aggregates read.
_SOURCE_COLUMNS = ("type", "cost_micros", "revenue_micros", "user_key")
# Aggregates whose total is not the sum of the groups' values.
_NOT_ADDITIVE = frozenset({"reach"})


def _needed(metrics: Sequence[Metric]) -> tuple[str, ...]:
    wanted = {name for m in metrics for name in m.needs}
    return tuple(a for a in AGGREGATES if a in wanted)


def _order(query: ReportQuery, aggregates: Sequence[str]) -> str:
    aliases = {name: f"a_{name}" for name in aggregates}
    terms = []
    direction = "DESC" if query.descending else "ASC"
    tie_breaks = [f"d_{d.name} ASC NULLS LAST" for d in query.dimensions]
    if query.order_by is not None:
        metric = next((m for m in query.metrics if m.name == query.order_by), None)
        if metric is not None:
            terms.append(f"{metric.order.format(**aliases)} {direction}")
        else:
            terms.append(f"d_{query.order_by} {direction} NULLS LAST")
            tie_breaks = [t for t in tie_breaks if not t.startswith(f"d_{query.order_by} ")]
    return ", ".join(terms + tie_breaks)


def compile_report(query: ReportQuery, dialect: SqlDialect) -> CompiledReport:
    """The one SQL statement (and its parameters) that answers ``query`` on ``dialect``."""
    b = _Builder(query, dialect)
    aggregates = _needed(query.metrics)
    measures = ", ".join(f"{b.aggregate(a)} AS a_{a}" for a in aggregates)
    where = b.where()
    if not query.dimensions:
        sql = f"SELECT {measures} FROM {dialect.table} WHERE {where}"
        return CompiledReport(sql, b.params, aggregates, grouped=False)
    dims = ", ".join(f"{b.dimension(d)} AS d_{d.name}" for d in query.dimensions)
    dim_aliases = ", ".join(f"d_{d.name}" for d in query.dimensions)
    columns = f"{dim_aliases}, " + ", ".join(f"a_{a}" for a in aggregates)
    first = f"d_{query.dimensions[0].name}"
    order = _order(query, aggregates)
    limit = b.param(query.page_size, "int")
    offset = b.param((query.page - 1) * query.page_size, "int")
    # Dimensions are computed in a subquery so that GROUP BY and GROUPING() name plain
    # columns, which every engine accepts.
    base = (
        f"(SELECT {dims}, {', '.join(_SOURCE_COLUMNS)} FROM {dialect.table} WHERE {where}) AS base"
    )
    page = (
        f"(SELECT {columns}, is_total, count(*) OVER () AS total_rows FROM report "
        f"WHERE is_total = 0 ORDER BY {order} LIMIT {limit} OFFSET {offset})"
    )
    if any(a in _NOT_ADDITIVE for a in aggregates):
        grouped = (
            f"SELECT {dim_aliases}, {measures}, GROUPING({first}) AS is_total FROM {base} "
            f"GROUP BY GROUPING SETS (({dim_aliases}), ())"
        )
        totals = f"SELECT {columns}, is_total, 0 AS total_rows FROM report WHERE is_total = 1"
    else:
        # The totals add up the groups: aggregating every event a second time (the empty
        # grouping set) cost about a quarter of a large report's CPU.
        grouped = (
            f"SELECT {dim_aliases}, {measures}, 0 AS is_total FROM {base} GROUP BY {dim_aliases}"
        )
        nulls = ", ".join(f"NULL AS d_{d.name}" for d in query.dimensions)
        sums = ", ".join(f"coalesce(sum(a_{a}), 0) AS a_{a}" for a in aggregates)
        totals = f"SELECT {nulls}, {sums}, 1 AS is_total, 0 AS total_rows FROM report"
    sql = (
        f"WITH report AS MATERIALIZED ({grouped}) "
        f"SELECT * FROM ({page} UNION ALL ({totals})) AS page ORDER BY is_total, {order}"
    )
    return CompiledReport(sql, b.params, aggregates, grouped=True)


def _render_dimension(dimension: Dimension, value: Any) -> Value:
    if value is None:
        return None
    if dimension.kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if dimension.kind == "hour":
        return value.isoformat(timespec="seconds") if isinstance(value, datetime) else str(value)
    if dimension.kind == "int":
        return int(value)
    if dimension.kind == "bool":
        return bool(value)
    return str(value)


def _metrics(query: ReportQuery, sums: dict[str, int]) -> dict[str, Value]:
    return {m.name: m.compute(sums) for m in query.metrics}


async def run_report(query: ReportQuery, backend: Backend) -> ReportResult:
    """Run ``query`` on ``backend``: the requested page of rows, totals and the row count."""
    compiled = compile_report(query, backend.dialect)
    raw = await backend.fetch(compiled.sql, compiled.params)
    aggregates = compiled.aggregates
    if not compiled.grouped:
        sums = {a: int(v or 0) for a, v in zip(aggregates, raw[0], strict=True)}
        only = _metrics(query, sums)
        return ReportResult([only], dict(only), query.page, query.page_size, 1)
    n_dims = len(query.dimensions)
    rows: list[dict[str, Value]] = []
    totals: dict[str, Value] | None = None
    total_rows = 0
    for record in raw:
        sums = {
            a: int(v or 0)
            for a, v in zip(aggregates, record[n_dims : n_dims + len(aggregates)], strict=True)
        }
        is_total, count = record[-2], record[-1]
        if is_total:
            totals = _metrics(query, sums)
            continue
        total_rows = int(count)
        row: dict[str, Value] = {
            d.name: _render_dimension(d, v) for d, v in zip(query.dimensions, record, strict=False)
        }
        row.update(_metrics(query, sums))
        rows.append(row)
    if totals is None:
        totals = _metrics(query, dict.fromkeys(aggregates, 0))
    if not rows and totals and query.page > 1:
        # Past the last page the window count is gone; one cheap query restores it.
        total_rows = await _count_rows(query, backend)
    return ReportResult(rows, totals, query.page, query.page_size, total_rows)


async def _count_rows(query: ReportQuery, backend: Backend) -> int:
    b = _Builder(query, backend.dialect)
    dims = ", ".join(f"{b.dimension(d)} AS d_{d.name}" for d in query.dimensions)
    aliases = ", ".join(f"d_{d.name}" for d in query.dimensions)
    sql = (
        f"SELECT count(*) FROM (SELECT {dims} FROM {backend.dialect.table} "
        f"WHERE {b.where()} GROUP BY {aliases}) AS grouped"
    )
    rows = await backend.fetch(sql, b.params)
    return int(rows[0][0])
