"""Snapshot entries built in memory, for the index and matching tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from adplane.delivery.matching import IndexedMatcher
from adplane.delivery.model import (
    ALL_TRAFFIC,
    CampaignEntry,
    CreativeEntry,
    Features,
    FilterLink,
    FilterListEntry,
    ImpSpec,
    Snapshot,
    TargetingEntry,
    TrafficType,
)

# A Wednesday, noon UTC.
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
BANNER = ImpSpec("1", frozenset({"banner"}), sizes=((300, 250),))


def creative(id: int = 1, kind: str = "banner", **fields: Any) -> CreativeEntry:
    base: dict[str, Any] = {
        "id": id,
        "account_id": 1,
        "kind": kind,
        "variant": {"banner": "banner_tag", "native": "native", "video": "video_tag"}[kind],
        "width": 300 if kind == "banner" else None,
        "height": 250 if kind == "banner" else None,
        "bid_price_micros": None,
        "categories": (),
        "attributes": frozenset(),
        "advertiser_domain": None,
        "markup": "<b>ad</b>",
        "click_url": "https://shop.example/",
    }
    base.update(fields)
    return CreativeEntry(**base)


def campaign(
    id: int,
    *,
    include: Mapping[str, Iterable[object]] | None = None,
    exclude: Mapping[str, Iterable[object]] | None = None,
    traffic: Iterable[TrafficType] = ALL_TRAFFIC,
    links: Iterable[tuple[int, bool]] = (),
    creatives: Iterable[CreativeEntry] | None = None,
    **fields: Any,
) -> CampaignEntry:
    targeting = TargetingEntry(
        include={k: frozenset(str(v) for v in vs) for k, vs in (include or {}).items()},
        exclude={k: frozenset(str(v) for v in vs) for k, vs in (exclude or {}).items()},
        traffic=frozenset(traffic),
        filter_links=tuple(FilterLink(i, allow) for i, allow in links),
    )
    base: dict[str, Any] = {
        "id": id,
        "account_id": 1,
        "name": f"campaign {id}",
        "currency": "USD",
        "pricing_model": "cpm",
        "bid_price_micros": 1_000_000,
        "rtb_bid_price_micros": None,
        "spot_prices_micros": {},
        "daily_budget_micros": None,
        "total_budget_micros": None,
        "daily_impressions_cap": None,
        "total_impressions_cap": None,
        "daily_clicks_cap": None,
        "total_clicks_cap": None,
        "pacing": "asap",
        "frequency": None,
        "timezone": "UTC",
        "day_parting": None,
        "start_at": None,
        "end_at": None,
        "destination_url": "https://shop.example/",
        "advertiser_domain": None,
        "creatives": tuple(creatives) if creatives is not None else (creative(id * 10),),
        "targeting": targeting,
    }
    base.update(fields)
    return CampaignEntry(**base)


def snapshot(*campaigns: CampaignEntry, lists: Iterable[FilterListEntry] = ()) -> Snapshot:
    return Snapshot(
        campaigns={c.id: c for c in campaigns},
        accounts={},
        built_at=NOW,
        filter_lists={fl.id: fl for fl in lists},
    )


def filter_list(id: int, type: str, *values: str) -> FilterListEntry:
    return FilterListEntry(id, type, frozenset(values))


def matcher(*campaigns: CampaignEntry, lists: Iterable[FilterListEntry] = ()) -> IndexedMatcher:
    return IndexedMatcher.build(snapshot(*campaigns, lists=lists))


def features(**fields: Any) -> Features:
    return Features(auction_id="a", **fields)


def ids(
    m: IndexedMatcher,
    imp: ImpSpec = BANNER,
    now: datetime = NOW,
    **fields: Any,
) -> list[int]:
    """The candidate campaign ids, sorted."""
    return sorted(c.campaign.id for c in m.candidates(features(**fields), imp, now))


def with_creatives(entry: CampaignEntry, *creatives: CreativeEntry) -> CampaignEntry:
    return replace(entry, creatives=creatives)
