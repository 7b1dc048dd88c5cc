"""The inverted indexes: every targeting dimension, filter lists, day-parting, patching."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from adplane.campaigns.schemas import Targeting
from adplane.delivery import index
from adplane.delivery import snapshot as snapshots
from adplane.delivery.index import CampaignIndex, networks
from adplane.delivery.matching import IndexedMatcher
from adplane.delivery.model import ImpSpec
from tests.delivery.campaign_entries import (
    BANNER,
    NOW,
    campaign,
    filter_list,
    ids,
    matcher,
    snapshot,
)

# dimension -> (the request field that tells it, a value, another value)
DIMENSIONS: list[tuple[str, str, Any, Any]] = [
    ("countries", "country", "US", "DE"),
    ("regions", "region", "US-CA", "US-NY"),
    ("cities", "city", "Berlin", "Paris"),
    ("languages", "language", "en", "de"),
    ("carriers", "carrier", "t_mobile", "vodafone"),
    ("connection_types", "connection_type", "2", "6"),
    ("oses", "os", "android", "ios"),
    ("browsers", "browser", "chrome", "firefox"),
    ("device_types", "device_type", "4", "2"),
    ("sites", "site_id", "17", "18"),
    ("categories", "categories", ("IAB1",), ("IAB2",)),
    ("keywords", "keywords", ("Shoes",), ("hats",)),
    ("applications", "bundle", "com.example.game", "com.other.app"),
]


def _stored(dim: str, value: Any) -> list[str]:
    """The values as a compiled campaign holds them (free-form ones lower case)."""
    values = list(value) if isinstance(value, tuple) else [value]
    return [v.lower() for v in values] if dim in ("cities", "keywords") else values


@pytest.mark.parametrize(("dim", "field", "value", "other"), DIMENSIONS)
def test_each_dimension_includes_and_excludes(dim: str, field: str, value: Any, other: Any) -> None:
    stored = _stored(dim, value)
    m = matcher(
        campaign(1, include={dim: stored}),
        campaign(2, exclude={dim: stored}),
        campaign(3),
    )
    assert ids(m, **{field: value}) == [1, 3]
    assert ids(m, **{field: other}) == [2, 3]


@pytest.mark.parametrize(("dim", "field", "value", "other"), DIMENSIONS)
def test_an_unknown_value_matches_only_campaigns_without_an_include_list(
    dim: str, field: str, value: Any, other: Any
) -> None:
    stored = _stored(dim, value)
    m = matcher(campaign(1, include={dim: stored}), campaign(2, exclude={dim: stored}))
    empty: Any = () if isinstance(value, tuple) else None
    assert ids(m, **{field: empty}) == [2]


def test_spots_are_the_impressions_tagid() -> None:
    m = matcher(campaign(1, include={"spots": [42]}), campaign(2, exclude={"spots": [42]}))
    assert ids(m, replace(BANNER, spot="42")) == [1]
    assert ids(m, replace(BANNER, spot="43")) == [2]
    assert ids(m, BANNER) == [2]


def test_a_content_category_matches_its_parent() -> None:
    m = matcher(
        campaign(1, include={"categories": ["IAB1"]}),
        campaign(2, include={"categories": ["IAB1-2"]}),
    )
    assert ids(m, categories=("IAB1-2",)) == [1, 2]
    assert ids(m, categories=("IAB1",)) == [1]


def test_the_app_id_or_the_bundle_matches_applications() -> None:
    m = matcher(campaign(1, include={"applications": ["app-7"]}))
    assert ids(m, app_id="app-7") == [1]
    assert ids(m, bundle="app-7") == [1]
    assert ids(m, app_id="app-8", bundle="com.x") == []


def test_several_include_dimensions_must_all_match() -> None:
    m = matcher(campaign(1, include={"countries": ["US"], "oses": ["ios"]}))
    assert ids(m, country="US", os="ios") == [1]
    assert ids(m, country="US", os="android") == []
    assert ids(m, country="DE", os="ios") == []


def test_traffic_type_flags() -> None:
    m = matcher(
        campaign(1, traffic=["mobile_app"]),
        campaign(2, traffic=["desktop_web", "mobile_web"]),
        campaign(3),
    )
    assert ids(m, traffic_type="mobile_app") == [1, 3]
    assert ids(m, traffic_type="desktop_web") == [2, 3]
    assert ids(m, traffic_type="ctv") == [3]
    assert ids(m, traffic_type=None) == [3]


def test_ip_ranges_by_cidr_address_and_range() -> None:
    m = matcher(
        campaign(1, include={"ip_ranges": ["10.1.0.0/16"]}),
        campaign(2, exclude={"ip_ranges": ["10.1.2.0/24"]}),
        campaign(3, include={"ip_ranges": ["192.0.2.10-192.0.2.20", "2001:db8::/32"]}),
    )
    assert ids(m, ip="10.1.2.3") == [1]
    assert ids(m, ip="10.1.3.3") == [1, 2]
    assert ids(m, ip="192.0.2.15") == [2, 3]
    assert ids(m, ip="192.0.2.21") == [2]
    assert ids(m, ip="2001:db8::5") == [2, 3]
    assert ids(m, ip=None) == [2]


def test_ranges_become_networks() -> None:
    assert sorted(networks(["192.0.2.0-192.0.2.3", "bad", "10.0.0.1"])) == [
        (4, 30, 0xC0000200 >> 2),
        (4, 32, 0x0A000001),
    ]


def test_a_dimension_no_request_tells_only_excludes() -> None:
    m = matcher(
        campaign(1, include={"device_brands": ["samsung"]}), campaign(2, exclude={"sub_ids": ["x"]})
    )
    assert ids(m) == [2]


# filter lists


def test_a_domain_list_matches_the_domain_and_its_parents() -> None:
    lists = [filter_list(5, "domains", "news.example"), filter_list(6, "domains", "bad.example")]
    m = matcher(campaign(1, links=[(5, True)]), campaign(2, links=[(6, False)]), lists=lists)
    assert ids(m, domain="news.example") == [1, 2]
    assert ids(m, domain="sport.news.example") == [1, 2]
    assert ids(m, domain="www.bad.example") == []
    assert ids(m, domain="other.example") == [2]
    assert ids(m, domain=None) == [2]


def test_ip_lists_hold_addresses_and_cidr_networks() -> None:
    lists = [
        filter_list(5, "ips", "203.0.113.0/24", "198.51.100.7"),
        filter_list(6, "ips", "2001:db8::/48"),
    ]
    m = matcher(campaign(1, links=[(5, False)]), campaign(2, links=[(6, True)]), lists=lists)
    assert ids(m, ip="203.0.113.200") == []
    assert ids(m, ip="198.51.100.7") == []
    assert ids(m, ip="198.51.100.8") == [1]
    assert ids(m, ip="2001:db8:0:1::1") == [1, 2]


def test_bundle_publisher_and_tag_lists() -> None:
    lists = [
        filter_list(5, "bundles", "com.example.game"),
        filter_list(6, "publishers", "pub-1"),
        filter_list(7, "tags", "42"),
    ]
    m = matcher(
        campaign(1, links=[(5, True)]),
        campaign(2, links=[(6, False)]),
        campaign(3, links=[(7, True)]),
        lists=lists,
    )
    assert ids(m, bundle="com.example.game", publisher_id="pub-2") == [1, 2]
    assert ids(m, bundle="com.other", publisher_id="pub-1") == []
    assert ids(m, replace(BANNER, spot="42"), publisher_id="pub-1") == [3]


def test_allow_only_lists_of_one_type_are_one_allowed_set() -> None:
    lists = [filter_list(5, "domains", "a.example"), filter_list(6, "domains", "b.example")]
    m = matcher(campaign(1, links=[(5, True), (6, True)]), lists=lists)
    assert ids(m, domain="a.example") == [1]
    assert ids(m, domain="b.example") == [1]
    assert ids(m, domain="c.example") == []


def test_a_link_to_a_list_that_is_not_in_the_snapshot_filters_nothing() -> None:
    assert ids(matcher(campaign(1, links=[(99, True)]))) == [1]


# day-parting and schedule


def _hours_on(*hours: int) -> str:
    return "".join("1" if h in hours else "0" for h in range(168))


def test_day_parting_reads_the_hour_in_the_campaigns_time_zone() -> None:
    # NOW is Wednesday 12:00 UTC: 21:00 in Tokyo, 07:00 in New York (hour of week 2*24+h).
    tokyo = campaign(1, timezone="Asia/Tokyo", day_parting=_hours_on(2 * 24 + 21))
    new_york = campaign(2, timezone="America/New_York", day_parting=_hours_on(2 * 24 + 7))
    utc_evening = campaign(3, day_parting=_hours_on(2 * 24 + 21))
    m = matcher(tokyo, new_york, utc_evening, campaign(4, day_parting="1" * 168))
    assert ids(m) == [1, 2, 4]
    assert ids(m, now=NOW + timedelta(hours=9)) == [3, 4]


def test_a_24_hour_day_parting_repeats_every_day() -> None:
    m = matcher(campaign(1, day_parting="0" * 12 + "1" + "0" * 11))
    assert ids(m) == [1]
    assert ids(m, now=NOW + timedelta(days=3)) == [1]
    assert ids(m, now=NOW + timedelta(hours=1)) == []


def test_the_schedule_bounds_delivery() -> None:
    m = matcher(
        campaign(1, start_at=NOW + timedelta(hours=1)),
        campaign(2, end_at=NOW),
        campaign(3, start_at=NOW - timedelta(days=1), end_at=NOW + timedelta(days=1)),
    )
    assert ids(m) == [3]
    assert ids(m, now=NOW + timedelta(hours=2)) == [1, 3]


# patching


def test_a_patched_index_matches_a_fresh_build_and_leaves_the_old_one_alone() -> None:
    lists = [filter_list(5, "domains", "a.example")]
    old = snapshot(
        campaign(1, include={"countries": ["US"]}),
        campaign(2, links=[(5, True)]),
        campaign(3),
        lists=lists,
    )
    m = IndexedMatcher.build(old)
    new_lists = {5: filter_list(5, "domains", "b.example")}
    campaigns = dict(old.campaigns)
    campaigns[1] = campaign(1, include={"countries": ["DE"]})
    del campaigns[3]
    campaigns[4] = campaign(4, exclude={"countries": ["US"]})
    new = replace(old, campaigns=campaigns, filter_lists=new_lists, version=1)
    patched = m.patched(new, [1, 3, 4])
    fresh = IndexedMatcher.build(new)
    for request in (
        {"country": "US", "domain": "a.example"},
        {"country": "DE", "domain": "b.example"},
        {"country": None, "domain": None},
    ):
        assert ids(patched, **request) == ids(fresh, **request)
    assert ids(patched, country="DE", domain="b.example") == [1, 2, 4]
    assert ids(m, country="US", domain="a.example") == [1, 2, 3]


def test_an_index_with_mostly_holes_is_built_again() -> None:
    entries = [campaign(i) for i in range(1, 3000)]
    m = IndexedMatcher.build(snapshot(*entries))
    current = m
    for round_ in range(3):
        ids_ = [e.id for e in entries]
        new = snapshot(*[replace(e, name=f"v{round_}") for e in entries])
        current = current.patched(new, ids_)
    assert isinstance(current.index, CampaignIndex)
    assert len(current.index.slots) <= 3 * len(entries)
    assert ids(current, ImpSpec("1", frozenset({"banner"}), sizes=((300, 250),)))[:3] == [1, 2, 3]


def test_every_targeting_list_is_compiled_once_and_either_indexed_or_unknowable() -> None:
    lists = {
        name
        for name, info in Targeting.model_fields.items()
        if hasattr(info.annotation, "model_fields") and "include" in info.annotation.model_fields
    }
    compiled = [*snapshots.CODE_DIMENSIONS, *snapshots.CASE_FOLDED, *snapshots.AS_GIVEN]
    assert sorted(compiled) == sorted(lists)
    assert sorted([*index.INDEXED, "ip_ranges", *index.UNKNOWABLE]) == sorted(lists)
