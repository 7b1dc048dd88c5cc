"""What a report can group by and measure: dimensions, sums, and metrics computed from sums.

Every metric is computed from sums over the rows it covers, never from averages of other
rows, so a total's CTR is total clicks over total impressions. A ratio with a zero
denominator is 0. Money is summed in integer micros and turned into ``Decimal`` only here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final, Literal

from adplane.events.schema import REQUEST_TYPES, TRAFFIC_TYPES
from adplane.kit.money import MICROS

DimensionKind = Literal["int", "str", "bool", "date", "hour"]


@dataclass(frozen=True)
class Dimension:
    name: str
    kind: DimensionKind
    # The events column, for every dimension but the time buckets.
    column: str | None = None
    # The closed vocabulary of a coded dimension; filters outside it are refused.
    values: tuple[str, ...] | None = None


def _dims() -> dict[str, Dimension]:
    dims = [
        Dimension("date", "date"),
        Dimension("hour", "hour"),
    ]
    for name in ("account_id", "campaign_id", "creative_id", "stream_id", "landing_id"):
        dims.append(Dimension(name, "int", name))
    dims.append(Dimension("offer_id", "int", "offer_id"))
    for name in ("site_id", "spot_id"):
        dims.append(Dimension(name, "int", name))
    for name in (
        "country",
        "region",
        "city",
        "os",
        "browser",
        "device_type",
        "language",
        "carrier",
        "connection_type",
        "exchange",
        "ssp",
        "source",
        "publisher_id",
        "app_id",
        "app_name",
        "domain",
        "bundle",
        "page",
        "size",
        "sub_id_1",
        "sub_id_2",
        "sub_id_3",
        "sub_id_4",
        "sub_id_5",
    ):
        dims.append(Dimension(name, "str", name))
    dims.append(Dimension("traffic_type", "str", "traffic_type", TRAFFIC_TYPES))
    dims.append(Dimension("request_type", "str", "request_type", REQUEST_TYPES))
    dims.append(Dimension("is_pmp", "bool", "is_pmp"))
    return {d.name: d for d in dims}


DIMENSIONS: Final[Mapping[str, Dimension]] = _dims()

# The sums every metric is computed from. Counts are per event type; money is in micros.
Aggregate = Literal[
    "bids", "wins", "impressions", "clicks", "conversions", "visits", "reach", "spend", "revenue"
]
COUNTED_TYPES: Final[Mapping[str, str]] = {
    "bids": "bid",
    "wins": "win",
    "impressions": "impression",
    "clicks": "click",
    "conversions": "conversion",
    "visits": "visit",
}
AGGREGATES: Final[tuple[Aggregate, ...]] = (
    "bids",
    "wins",
    "impressions",
    "clicks",
    "conversions",
    "visits",
    "reach",
    "spend",
    "revenue",
)

_PLACES = Decimal("0.000001")
Sums = Mapping[str, int]
MetricValue = int | Decimal


def _money(micros: int) -> Decimal:
    return (Decimal(micros) / MICROS).quantize(_PLACES)


def _ratio(numerator: int, denominator: int, factor: int = 1) -> Decimal:
    if denominator == 0:
        return Decimal(0).quantize(_PLACES)
    return (Decimal(numerator) * factor / denominator).quantize(_PLACES, rounding=ROUND_HALF_EVEN)


def _money_ratio(micros: int, denominator: int, factor: int = 1) -> Decimal:
    if denominator == 0:
        return Decimal(0).quantize(_PLACES)
    value = Decimal(micros) * factor / denominator / MICROS
    return value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class Metric:
    """A reported value: the sums it needs and how it is computed from them.

    ``order`` is the same computation in terms of SQL aggregate aliases (``{spend}`` ...),
    used only to sort rows; the reported value is always computed exactly, in Python.
    """

    name: str
    needs: tuple[Aggregate, ...]
    compute: Callable[[Sums], MetricValue]
    order: str
    unit: Literal["count", "money", "percent"]
    description: str


def _count(name: Aggregate) -> Callable[[Sums], MetricValue]:
    def compute(sums: Sums) -> MetricValue:
        return sums[name]

    return compute


def _ratio_sql(numerator: str, denominator: str, factor: int = 1) -> str:
    scale = f" * {factor}" if factor != 1 else ""
    return (
        f"CASE WHEN {denominator} = 0 THEN 0 "
        f"ELSE CAST({numerator} AS DOUBLE){scale} / {denominator} END"
    )


def _metrics() -> dict[str, Metric]:
    metrics: list[Metric] = []
    for agg in ("bids", "wins", "impressions", "clicks", "conversions", "visits", "reach"):
        described = "distinct user_key count" if agg == "reach" else f"number of {agg}"
        metrics.append(Metric(agg, (agg,), _count(agg), f"{{{agg}}}", "count", described))
    metrics += [
        Metric("spend", ("spend",), lambda s: _money(s["spend"]), "{spend}", "money", "cost"),
        Metric(
            "revenue", ("revenue",), lambda s: _money(s["revenue"]), "{revenue}", "money", "revenue"
        ),
        Metric(
            "profit",
            ("spend", "revenue"),
            lambda s: _money(s["revenue"] - s["spend"]),
            "({revenue} - {spend})",
            "money",
            "revenue - spend",
        ),
        Metric(
            "ecpm",
            ("spend", "impressions"),
            lambda s: _money_ratio(s["spend"], s["impressions"], 1000),
            _ratio_sql("{spend}", "{impressions}", 1000),
            "money",
            "spend per 1000 impressions",
        ),
        Metric(
            "ecpc",
            ("spend", "clicks"),
            lambda s: _money_ratio(s["spend"], s["clicks"]),
            _ratio_sql("{spend}", "{clicks}"),
            "money",
            "spend per click",
        ),
        Metric(
            "cpa",
            ("spend", "conversions"),
            lambda s: _money_ratio(s["spend"], s["conversions"]),
            _ratio_sql("{spend}", "{conversions}"),
            "money",
            "spend per conversion",
        ),
        Metric(
            "epc",
            ("revenue", "clicks"),
            lambda s: _money_ratio(s["revenue"], s["clicks"]),
            _ratio_sql("{revenue}", "{clicks}"),
            "money",
            "revenue per click",
        ),
        Metric(
            "ctr",
            ("clicks", "impressions"),
            lambda s: _ratio(s["clicks"], s["impressions"], 100),
            _ratio_sql("{clicks}", "{impressions}", 100),
            "percent",
            "clicks / impressions x 100",
        ),
        Metric(
            "cr",
            ("conversions", "clicks"),
            lambda s: _ratio(s["conversions"], s["clicks"], 100),
            _ratio_sql("{conversions}", "{clicks}", 100),
            "percent",
            "conversions / clicks x 100",
        ),
        Metric(
            "winrate",
            ("wins", "bids"),
            lambda s: _ratio(s["wins"], s["bids"], 100),
            _ratio_sql("{wins}", "{bids}", 100),
            "percent",
            "wins / bids x 100",
        ),
        Metric(
            "roi",
            ("spend", "revenue"),
            lambda s: _ratio(s["revenue"] - s["spend"], s["spend"], 100),
            _ratio_sql("({revenue} - {spend})", "{spend}", 100),
            "percent",
            "(revenue - spend) / spend x 100",
        ),
    ]
    return {m.name: m for m in metrics}


METRICS: Final[Mapping[str, Metric]] = _metrics()
