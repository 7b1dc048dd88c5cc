"""The report engine against sums computed independently, in Python, from the raw events."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from adplane.accounts.principal import Principal, Role
from adplane.kit.errors import ValidationFailed
from adplane.reports import service
from adplane.reports.backends import DuckDBBackend
from adplane.reports.catalog import DIMENSIONS, METRICS
from adplane.reports.schemas import ReportRequest, ReportResult
from tests.reports.conftest import Loaded, expected_report

ADMIN = Principal(1, Role.ADMIN, None)
ALL_METRICS = list(METRICS)


async def run(loaded: Loaded, principal: Principal = ADMIN, **body: Any) -> ReportResult:
    request = ReportRequest.model_validate(
        {"from": "2026-03-05", "to": "2026-03-14", "page_size": 50_000, **body}
    )
    return await service.run(DuckDBBackend(loaded.store), principal, request)


def keyed(result: ReportResult, dimensions: list[str]) -> dict[tuple[Any, ...], dict[str, Any]]:
    rows = {}
    for row in result.rows:
        key = tuple(row[d] for d in dimensions)
        rows[key] = {k: v for k, v in row.items() if k not in dimensions}
    return rows


SHAPES = [
    pytest.param("UTC", ["date", "campaign_id"], ALL_METRICS, id="date-campaign-utc"),
    pytest.param(
        "Etc/GMT+10",
        ["date", "campaign_id", "creative_id"],
        ["bids", "wins", "impressions", "clicks", "spend", "winrate", "ctr"],
        id="date-campaign-creative-gmt+10",
    ),
    pytest.param(
        "America/New_York",
        ["hour", "campaign_id"],
        ["impressions", "clicks", "conversions", "spend", "revenue", "roi"],
        id="hour-campaign-across-dst",
    ),
    pytest.param("Asia/Kathmandu", ["date"], ALL_METRICS, id="date-plus-5h45"),
    pytest.param("UTC", ["country", "device_type"], ["reach", "impressions", "ecpm"], id="geo"),
    pytest.param("Europe/Berlin", [], ALL_METRICS, id="no-dimensions"),
]


@pytest.mark.parametrize(("timezone", "dimensions", "metrics"), SHAPES)
async def test_rows_and_totals_equal_independent_sums(
    loaded: Loaded, timezone: str, dimensions: list[str], metrics: list[str]
) -> None:
    result = await run(loaded, timezone=timezone, dimensions=dimensions, metrics=metrics)
    rows, totals = expected_report(
        loaded.events,
        first=date(2026, 3, 5),
        last=date(2026, 3, 14),
        timezone=timezone,
        dimensions=dimensions,
        metrics=metrics,
    )
    assert result.totals == totals
    if dimensions:
        assert keyed(result, dimensions) == rows
        assert result.total_rows == len(rows)
    else:
        assert result.rows == [totals]


@pytest.mark.parametrize("dimension", sorted(set(DIMENSIONS) - {"date", "hour"}))
async def test_every_dimension_groups_like_the_raw_events(loaded: Loaded, dimension: str) -> None:
    metrics = ["bids", "impressions", "clicks", "visits", "spend", "revenue"]
    result = await run(loaded, dimensions=[dimension], metrics=metrics)
    rows, totals = expected_report(
        loaded.events,
        first=date(2026, 3, 5),
        last=date(2026, 3, 14),
        timezone="UTC",
        dimensions=[dimension],
        metrics=metrics,
    )
    assert keyed(result, [dimension]) == rows
    assert result.totals == totals


async def test_filters_keep_listed_values_and_null_matches_missing(loaded: Loaded) -> None:
    filters: dict[str, list[Any]] = {"campaign_id": [11, 21], "country": ["US", None]}
    result = await run(
        loaded,
        dimensions=["campaign_id", "country"],
        metrics=["impressions", "spend"],
        filters=filters,
    )
    rows, totals = expected_report(
        loaded.events,
        first=date(2026, 3, 5),
        last=date(2026, 3, 14),
        timezone="UTC",
        dimensions=["campaign_id", "country"],
        metrics=["impressions", "spend"],
        filters=filters,
    )
    assert keyed(result, ["campaign_id", "country"]) == rows
    assert {key[1] for key in rows} == {"US", None}
    assert result.totals == totals


async def test_filtering_by_a_date_in_the_reports_time_zone(loaded: Loaded) -> None:
    result = await run(
        loaded,
        timezone="Etc/GMT-10",
        dimensions=["date"],
        metrics=["bids"],
        filters={"date": "2026-03-09"},
    )
    rows, _ = expected_report(
        loaded.events,
        first=date(2026, 3, 9),
        last=date(2026, 3, 9),
        timezone="Etc/GMT-10",
        dimensions=["date"],
        metrics=["bids"],
    )
    assert keyed(result, ["date"]) == rows


async def test_an_advertiser_sees_only_its_own_accounts_events(loaded: Loaded) -> None:
    advertiser = Principal(7, Role.ADVERTISER, 2)
    result = await run(loaded, advertiser, dimensions=["campaign_id"], metrics=["bids", "spend"])
    rows, totals = expected_report(
        loaded.events,
        first=date(2026, 3, 5),
        last=date(2026, 3, 14),
        timezone="UTC",
        dimensions=["campaign_id"],
        metrics=["bids", "spend"],
        account_id=2,
    )
    assert keyed(result, ["campaign_id"]) == rows
    assert {key[0] for key in rows} == {21, 22}
    assert result.totals == totals


async def test_asking_for_another_accounts_campaign_finds_nothing(loaded: Loaded) -> None:
    advertiser = Principal(7, Role.ADVERTISER, 2)
    result = await run(
        loaded,
        advertiser,
        dimensions=["campaign_id"],
        metrics=["bids"],
        filters={"campaign_id": 11},
    )
    assert result.rows == []
    assert result.totals == {"bids": 0}
    assert result.total_rows == 0


async def test_pages_cover_every_row_once_and_totals_cover_all_rows(loaded: Loaded) -> None:
    body: dict[str, Any] = {
        "dimensions": ["date", "campaign_id"],
        "metrics": ["impressions", "ctr"],
        "order_by": "impressions",
        "order": "desc",
    }
    whole = await run(loaded, **body)
    pages = []
    for page in range(1, 6):
        result = await run(loaded, page=page, page_size=12, **{**body})
        assert result.totals == whole.totals
        assert result.total_rows == whole.total_rows
        assert result.page == page
        pages.extend(result.rows)
    assert pages == whole.rows
    impressions = [int(str(row["impressions"])) for row in whole.rows]
    assert impressions == sorted(impressions, reverse=True)


async def test_a_page_past_the_end_is_empty_but_counts_the_rows(loaded: Loaded) -> None:
    result = await run(loaded, dimensions=["campaign_id"], metrics=["bids"], page=50, page_size=2)
    assert result.rows == []
    assert result.total_rows == 5
    assert int(str(result.totals["bids"])) > 0


async def test_ordering_by_a_ratio_sorts_by_its_exact_value(loaded: Loaded) -> None:
    result = await run(
        loaded, dimensions=["creative_id"], metrics=["ctr", "ecpm"], order_by="ecpm", order="asc"
    )
    values = [Decimal(str(row["ecpm"])) for row in result.rows]
    assert values == sorted(values)


async def test_default_order_is_by_dimensions_ascending(loaded: Loaded) -> None:
    result = await run(loaded, dimensions=["date", "campaign_id"], metrics=["bids"])
    keys = [(str(row["date"]), int(str(row["campaign_id"]))) for row in result.rows]
    assert keys == sorted(keys)


async def test_a_range_with_no_events_has_zero_totals(loaded: Loaded) -> None:
    body: dict[str, Any] = {
        "from": "2030-01-01",
        "to": "2030-01-31",
        "dimensions": ["date"],
        "metrics": ["impressions", "spend", "reach"],
    }
    result = await run(loaded, **body)
    assert result.rows == []
    assert result.totals == {"impressions": 0, "spend": Decimal("0.000000"), "reach": 0}


# The statistic dimensions of the vendor documents, in core names (the SmartyAds `groupBy`
# list, seed 003 L164-L191, mapped in dialects/smartyads): each must be an engine dimension.
STATISTIC_DIMENSIONS = (
    "date", "hour", "campaign_id", "creative_id", "country", "connection_type", "carrier",
    "ssp", "region", "city", "browser", "os", "app_name", "domain", "source", "publisher_id",
    "page", "traffic_type", "request_type", "device_type", "language", "size", "is_pmp",
)  # fmt: skip


def test_every_statistic_dimension_is_an_engine_dimension() -> None:
    assert len(STATISTIC_DIMENSIONS) == 23
    assert set(STATISTIC_DIMENSIONS) <= set(DIMENSIONS)


def _first_value(loaded: Loaded, dimension: str) -> Any:
    return next(e[dimension] for e in loaded.events if e.get(dimension) is not None)


@pytest.mark.parametrize(
    "dimension", ["app_name", "source", "ssp", "traffic_type", "request_type", "is_pmp"]
)
async def test_filtering_by_a_new_dimension_keeps_only_its_value(
    loaded: Loaded, dimension: str
) -> None:
    value = _first_value(loaded, dimension)
    filters: dict[str, list[Any]] = {dimension: [value]}
    metrics = ["bids", "impressions", "spend"]
    result = await run(
        loaded, dimensions=["campaign_id", dimension], metrics=metrics, filters=filters
    )
    rows, totals = expected_report(
        loaded.events,
        first=date(2026, 3, 5),
        last=date(2026, 3, 14),
        timezone="UTC",
        dimensions=["campaign_id", dimension],
        metrics=metrics,
        filters=filters,
    )
    assert rows
    assert keyed(result, ["campaign_id", dimension]) == rows
    assert {row[dimension] for row in result.rows} == {value}
    assert result.totals == totals


async def test_the_generated_traffic_covers_every_coded_value(loaded: Loaded) -> None:
    result = await run(
        loaded, dimensions=["traffic_type", "request_type", "is_pmp"], metrics=["bids"]
    )
    seen = {(r["traffic_type"], r["request_type"], r["is_pmp"]) for r in result.rows}
    assert {t for t, _, _ in seen} == set(DIMENSIONS["traffic_type"].values or ())
    assert {r for _, r, _ in seen} == set(DIMENSIONS["request_type"].values or ())
    assert {p for _, _, p in seen} == {True, False}


@pytest.mark.parametrize("flag", [True, "true", 1, "1"])
async def test_a_flag_filter_reads_booleans_numbers_and_words_alike(
    loaded: Loaded, flag: Any
) -> None:
    result = await run(loaded, dimensions=["is_pmp"], metrics=["bids"], filters={"is_pmp": flag})
    assert [row["is_pmp"] for row in result.rows] == [True]


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"traffic_type": "tv"}, "filters.traffic_type"),
        ({"request_type": ["banner", "display"]}, "filters.request_type"),
        ({"is_pmp": "maybe"}, "filters.is_pmp"),
        ({"is_pmp": 2}, "filters.is_pmp"),
        ({"campaign_id": True}, "filters.campaign_id"),
    ],
)
async def test_a_filter_outside_a_dimensions_vocabulary_is_refused(
    loaded: Loaded, filters: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await run(loaded, metrics=["bids"], filters=filters)
    assert [e.field for e in caught.value.errors] == [field]
