"""Synthetic events: a consistent funnel, skewed traffic, costs that follow the pricing model."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import orjson
import pytest

from adplane.events import generator, schema
from adplane.events.generator import CampaignProfile
from adplane.targeting.catalogue import Dimension, builtin_catalogue

END = datetime(2026, 3, 15, tzinfo=UTC)
PROFILES = [
    CampaignProfile(1, 10, "cpm", 2_000_000, countries=("FR", "DE")),
    CampaignProfile(2, 10, "cpc", 400_000, tracker=True),
    CampaignProfile(3, 20, "cpa", 6_000_000),
    CampaignProfile(4, 20, "cpi", 1_000_000, spots=(71, 72)),
    CampaignProfile(5, 30, "cpm", 800_000),
]


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for chunk in generator.generate(PROFILES, count=60_000, days=7, seed=3, end=END):
        out.extend(chunk)
    return out


def test_exactly_the_requested_number_of_events_is_generated(events: list[dict[str, Any]]) -> None:
    assert len(events) == 60_000
    assert len({e["event_id"] for e in events}) == 60_000


def test_the_funnel_narrows_for_every_campaign(events: list[dict[str, Any]]) -> None:
    per: dict[int, Counter[str]] = defaultdict(Counter)
    for e in events:
        per[e["campaign_id"]][e["type"]] += 1
    assert set(per) == {1, 2, 3, 4, 5}
    for counts in per.values():
        assert counts["bid"] >= counts["win"] >= counts["impression"] >= counts["click"]
        assert counts["click"] >= counts["conversion"]
        assert counts["impression"] > 0


def test_costs_follow_each_pricing_model(events: list[dict[str, Any]]) -> None:
    charged: dict[int, set[str]] = defaultdict(set)
    for e in events:
        if e.get("cost"):
            charged[e["campaign_id"]].add(e["type"])
    assert charged[1] == {"impression"}
    assert charged[5] == {"impression"}
    assert charged[2] == {"click"}
    assert charged[3] <= {"conversion"}
    assert charged[4] <= {"conversion"}
    for e in events:
        cost = Decimal(e.get("cost", "0"))
        if e["campaign_id"] == 1 and e["type"] == "impression":
            # A CPM clearing price is at most the bid, per thousand impressions.
            assert 0 < cost * 1000 <= Decimal("2")
        if e["campaign_id"] == 2 and e["type"] == "click":
            assert cost == Decimal("0.4")
        if e["campaign_id"] == 3 and e["type"] == "conversion":
            assert cost == Decimal("6")


def test_the_campaigns_targeting_is_respected(events: list[dict[str, Any]]) -> None:
    assert {e["country"] for e in events if e["campaign_id"] == 1} <= {"FR", "DE"}
    assert {e["spot_id"] for e in events if e["campaign_id"] == 4} <= {71, 72}


def test_traffic_is_skewed_like_real_traffic(events: list[dict[str, Any]]) -> None:
    untargeted = [e for e in events if e["campaign_id"] != 1]
    countries = Counter(e["country"] for e in untargeted)
    top, share = countries.most_common(1)[0]
    assert top == "US"
    assert share / len(untargeted) > 0.2
    assert len(countries) > 15
    devices = Counter(e["device_type"] for e in events)
    assert devices.most_common(1)[0][0] == "phone"
    publishers = Counter(e["publisher_id"] for e in events).most_common()
    assert publishers[0][1] > 10 * publishers[len(publishers) // 2][1]


def test_visits_come_only_from_tracker_campaigns(events: list[dict[str, Any]]) -> None:
    assert {e["campaign_id"] for e in events if e["type"] == "visit"} == {2}


def test_events_lie_in_the_requested_window(events: list[dict[str, Any]]) -> None:
    stamps = [datetime.fromisoformat(e["ts"].replace("Z", "+00:00")) for e in events]
    assert min(stamps) >= END - timedelta(days=7)
    assert max(stamps) < END


def test_the_same_seed_gives_the_same_events() -> None:
    first = [e for chunk in generator.generate(PROFILES, count=500, seed=9, end=END) for e in chunk]
    again = [e for chunk in generator.generate(PROFILES, count=500, seed=9, end=END) for e in chunk]
    other = [e for chunk in generator.generate(PROFILES, count=500, seed=8, end=END) for e in chunk]
    assert first == again
    assert first != other


def test_generated_events_pass_the_ingestion_schema(events: list[dict[str, Any]]) -> None:
    lines = generator.to_lines(events[:5_000], with_account=False)
    parsed = schema.parse_lines(lines, lax=False, line_numbers=range(1, len(lines) + 1))
    assert len(parsed) == 5_000
    assert "account_id" not in orjson.loads(lines[0])


def test_every_traffic_and_request_type_occurs(events: list[dict[str, Any]]) -> None:
    assert {e["traffic_type"] for e in events} == set(schema.TRAFFIC_TYPES)
    assert {e["request_type"] for e in events} == set(schema.REQUEST_TYPES)
    assert {e["is_pmp"] for e in events} == {True, False}
    assert all(e["ssp"] and e["source"] for e in events)
    assert len({e["ssp"] for e in events}) > 3
    assert len({e["source"] for e in events}) > 100


def test_the_new_dimensions_agree_with_the_rest_of_the_request(
    events: list[dict[str, Any]],
) -> None:
    for e in events:
        is_app = e["traffic_type"] in {"mobile_app", "ctv", "dooh"}
        assert ("app_name" in e) == ("bundle" in e) == is_app
        assert ("domain" in e) != is_app
        if e["traffic_type"] == "ctv":
            assert e["device_type"] == "ctv"
            assert e["request_type"] in {"video", "audio"}
        if e["traffic_type"] == "desktop_web":
            assert e["device_type"] == "pc"
    pmp = Counter(e["is_pmp"] for e in events if e["type"] == "bid")
    # Deals are a minority of the traffic, as in real exchanges.
    assert 0.03 < pmp[True] / (pmp[True] + pmp[False]) < 0.2


CATALOGUED = {
    "region": Dimension.REGIONS,
    "device_type": Dimension.DEVICE_TYPES,
    "os": Dimension.OSES,
    "browser": Dimension.BROWSERS,
    "language": Dimension.LANGUAGES,
    "carrier": Dimension.CARRIERS,
    "connection_type": Dimension.CONNECTION_TYPES,
    "country": Dimension.COUNTRIES,
}


def test_catalogued_dimensions_carry_the_catalogues_codes(events: list[dict[str, Any]]) -> None:
    catalogue = builtin_catalogue()
    for field, dimension in CATALOGUED.items():
        seen = {e[field] for e in events if e.get(field) is not None}
        assert seen, field
        unknown = {v for v in seen if catalogue.by_code(dimension, v) is None}
        assert unknown == set(), f"{field}: {sorted(unknown)}"
    assert {"android", "ios", "windows"} <= {e["os"] for e in events}
    assert {"chrome", "samsung_internet"} <= {e.get("browser") for e in events}
    assert "US-CA" in {e.get("region") for e in events}
