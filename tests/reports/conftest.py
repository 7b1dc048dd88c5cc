"""A DuckDB store loaded with generated events, and an independent reference computation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from adplane.events import generator
from adplane.events.runtime import recover
from adplane.events.segments import LogPaths, SegmentProducer
from adplane.events.store import AnalyticsStore

END = datetime(2026, 3, 15, tzinfo=UTC)
PROFILES = (
    generator.CampaignProfile(11, 1, "cpm", 1_500_000, countries=("US", "DE", "GB")),
    generator.CampaignProfile(12, 1, "cpc", 300_000, tracker=True),
    generator.CampaignProfile(13, 1, "cpa", 4_000_000),
    generator.CampaignProfile(21, 2, "cpm", 2_000_000, spots=(7, 8)),
    generator.CampaignProfile(22, 2, "cpi", 1_500_000, tracker=True),
)


@dataclass
class Loaded:
    store: AnalyticsStore
    events: list[dict[str, Any]]


@pytest.fixture(scope="package")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    """About 20,000 generated events over ten days, loaded through real segments."""
    root = tmp_path_factory.mktemp("reports")
    paths = LogPaths.under(root)
    producer = SegmentProducer(paths, "test", events_per_segment=7_000)
    events: list[dict[str, Any]] = []
    for chunk in generator.generate(PROFILES, count=20_000, days=10, seed=5, end=END):
        # Events without a user, with a null-able dimension left out, exist too.
        for i, e in enumerate(chunk):
            if i % 97 == 0:
                e.pop("user_key", None)
                e.pop("country", None)
        events.extend(chunk)
        producer.write(generator.to_lines(chunk))
    producer.publish()
    store = AnalyticsStore(root / "analytics.duckdb")
    recover(paths, store)
    try:
        yield Loaded(store, events)
    finally:
        store.close()


_PLACES = Decimal("0.000001")


def _micros(text: str | None) -> int:
    return int(Decimal(text or "0") * 1_000_000)


@dataclass
class _Group:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    users: set[str] = field(default_factory=set)
    spend: int = 0
    revenue: int = 0


def _ratio(numerator: Decimal, denominator: int) -> Decimal:
    if denominator == 0:
        return Decimal(0).quantize(_PLACES)
    return (numerator / denominator).quantize(_PLACES, rounding=ROUND_HALF_EVEN)


def _values(group: _Group, metrics: Sequence[str]) -> dict[str, Any]:
    c = group.counts
    spend = Decimal(group.spend) / 1_000_000
    revenue = Decimal(group.revenue) / 1_000_000
    every = {
        "bids": c["bid"],
        "wins": c["win"],
        "impressions": c["impression"],
        "clicks": c["click"],
        "conversions": c["conversion"],
        "visits": c["visit"],
        "reach": len(group.users),
        "spend": spend.quantize(_PLACES),
        "revenue": revenue.quantize(_PLACES),
        "profit": (revenue - spend).quantize(_PLACES),
        "ecpm": _ratio(spend * 1000, c["impression"]),
        "ecpc": _ratio(spend, c["click"]),
        "cpa": _ratio(spend, c["conversion"]),
        "epc": _ratio(revenue, c["click"]),
        "ctr": _ratio(Decimal(c["click"] * 100), c["impression"]),
        "cr": _ratio(Decimal(c["conversion"] * 100), c["click"]),
        "winrate": _ratio(Decimal(c["win"] * 100), c["bid"]),
        "roi": Decimal(0).quantize(_PLACES),
    }
    if group.spend:
        every["roi"] = ((revenue - spend) * 100 / spend).quantize(_PLACES, ROUND_HALF_EVEN)
    return {m: every[m] for m in metrics}


def _dimension(event: dict[str, Any], name: str, local: datetime) -> Any:
    if name == "date":
        return local.date().isoformat()
    if name == "hour":
        return local.replace(minute=0, second=0, microsecond=0, tzinfo=None).isoformat()
    return event.get(name)


def expected_report(
    events: Sequence[dict[str, Any]],
    *,
    first: date,
    last: date,
    timezone: str,
    dimensions: Sequence[str],
    metrics: Sequence[str],
    account_id: int | None = None,
    filters: dict[str, list[Any]] | None = None,
) -> tuple[dict[tuple[Any, ...], dict[str, Any]], dict[str, Any]]:
    """Rows keyed by dimension values, and totals, computed straight from the raw events."""
    zone = ZoneInfo(timezone)
    groups: dict[tuple[Any, ...], _Group] = defaultdict(_Group)
    total = _Group()
    for e in events:
        moment = datetime.fromisoformat(e["ts"].replace("Z", "+00:00"))
        local = moment.astimezone(zone)
        if not first <= local.date() <= last:
            continue
        if account_id is not None and e["account_id"] != account_id:
            continue
        if filters and any(_dimension(e, k, local) not in v for k, v in filters.items()):
            continue
        key = tuple(_dimension(e, d, local) for d in dimensions)
        for group in (groups[key], total):
            group.counts[e["type"]] += 1
            if e.get("user_key"):
                group.users.add(e["user_key"])
            group.spend += _micros(e.get("cost"))
            group.revenue += _micros(e.get("revenue"))
    rows = {key: _values(g, metrics) for key, g in groups.items()}
    return rows, _values(total, metrics)
