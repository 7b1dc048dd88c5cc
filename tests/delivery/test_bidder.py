"""One auction on its own: a hand-built snapshot, a tiny matcher and a guard that keeps count."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal
from urllib.parse import parse_qs, urlsplit

import orjson
import pytest
from pydantic import ValidationError

from adplane.delivery.bidder import (
    Bidder,
    BidderConfig,
    OpenRtbReader,
    Outcome,
    ParsedRequest,
    price_number,
    price_text,
)
from adplane.delivery.matching import IndexedMatcher
from adplane.delivery.model import (
    CampaignEntry,
    Candidate,
    Change,
    DealSpec,
    Features,
    ImpSpec,
    Matcher,
    NativeAssetRequest,
    Reservation,
    Snapshot,
)
from adplane.delivery.runtime import DeliveryRuntime
from adplane.delivery.tracking import Signer, derive_key
from adplane.events.runtime import AppendResult
from adplane.events.store import EventKey
from adplane.settings import Settings
from tests.delivery import entries

SIGNER = Signer(derive_key("k" * 40))
BASE = "https://ads.example"
FEATURES = Features(auction_id="A1", country="US", os="ios", exchange="openx", domain="a.example")
BANNER = ImpSpec("1", frozenset({"banner"}), sizes=((300, 250),), bidfloor_micros=30_000)


@dataclass
class CountingGuard:
    """Admits unless told to refuse a campaign; remembers what it held and released."""

    refuse: set[int] = field(default_factory=set)
    held: list[tuple[str, str]] = field(default_factory=list)
    released: list[tuple[str, str]] = field(default_factory=list)

    def admit(
        self, candidate: Candidate, features: Features, imp: ImpSpec, now: datetime
    ) -> Reservation | None:
        if candidate.campaign.id in self.refuse:
            return None
        key = (features.auction_id, imp.imp_id)
        self.held.append(key)
        return Reservation(
            key,
            candidate.campaign.id,
            candidate.campaign.account_id,
            candidate.creative.id,
            candidate.price_micros // 1000,
            candidate.campaign.pricing_model,
            now,
        )

    def settle(self, key: tuple[str, str], amount_micros: int, now: datetime) -> bool:
        return True

    def release(self, key: tuple[str, str]) -> None:
        self.released.append(key)

    def record(self, campaign_id: int, kind: Literal["impression", "click"], now: datetime) -> None:
        return None

    def charge(self, campaign_id: int, amount_micros: int, now: datetime) -> None:
        return None

    def refresh(self, snapshot: Snapshot) -> None:
        return None


@dataclass
class SlowMatcher:
    inner: Matcher
    seconds: float

    def candidates(self, features: Features, imp: ImpSpec, now: datetime) -> list[Candidate]:
        time.sleep(self.seconds)
        return self.inner.candidates(features, imp, now)


def _bidder(matcher: Matcher, guard: CountingGuard, margin_ms: int = 10) -> Bidder:
    def never(body: bytes, exchange: str | None) -> ParsedRequest:
        raise AssertionError("the tests call auction() with a parsed request")

    return Bidder(
        never, lambda: matcher, lambda: guard, SIGNER, BidderConfig("seat-1", margin_ms=margin_ms)
    )


def _auction(bidder: Bidder, *imps: ImpSpec, tmax: int | None = None) -> Outcome:
    request = ParsedRequest("A1", FEATURES, imps or (BANNER,), tmax)
    return bidder.auction(request, BASE, time.monotonic())


def _matcher(*campaigns: CampaignEntry) -> entries.TinyMatcher:
    return entries.TinyMatcher(entries.snapshot(*campaigns))


def test_the_price_is_the_exact_decimal_of_the_micros() -> None:
    assert price_text(1_234_567) == "1.234567"
    assert price_text(2_000_000) == "2"
    assert price_text(10) == "0.00001"
    item = entries.creative(bid_price_micros=1_234_567)
    outcome = _auction(_bidder(_matcher(entries.campaign(creatives=(item,))), CountingGuard()))
    assert outcome.body is not None
    assert b'"price":1.234567' in outcome.body


def test_the_first_admitted_candidate_bids() -> None:
    rich = entries.campaign(1, creatives=(entries.creative(11, bid_price_micros=5_000_000),))
    modest = entries.campaign(2, creatives=(entries.creative(12),))
    guard = CountingGuard(refuse={1})
    outcome = _auction(_bidder(_matcher(rich, modest), guard))
    (bid,) = outcome.bids
    assert bid.candidate.campaign.id == 2
    assert bid.body["cid"] == "2"


def test_the_notice_token_carries_the_bid_and_the_dimensions() -> None:
    outcome = _auction(_bidder(_matcher(entries.campaign()), CountingGuard()))
    (bid,) = outcome.bids
    token = parse_qs(urlsplit(str(bid.body["burl"])).query)["t"][0]
    payload = SIGNER.verify(token, time.time())
    assert payload is not None
    assert (payload.kind, payload.auction_id, payload.imp_id) == ("notice", "A1", "1")
    assert (payload.campaign_id, payload.creative_id, payload.account_id) == (1, 11, 1)
    assert (payload.price_micros, payload.pricing_model) == (2_000_000, "cpm")
    assert (payload.country, payload.os, payload.exchange) == ("US", "ios", "openx")
    assert (payload.size, payload.request_type) == ("300x250", "banner")
    assert str(bid.body["burl"]).startswith(f"{BASE}/rtb/bill?t=")


def test_every_impression_gets_its_own_bid() -> None:
    second = ImpSpec("2", frozenset({"banner"}), sizes=((300, 250),))
    outcome = _auction(_bidder(_matcher(entries.campaign()), CountingGuard()), BANNER, second)
    assert outcome.body is not None
    bids = orjson.loads(outcome.body)["seatbid"][0]["bid"]
    assert [b["impid"] for b in bids] == ["1", "2"]
    assert orjson.loads(outcome.body)["seatbid"][0]["seat"] == "seat-1"


def test_a_floor_in_an_unknown_currency_or_a_private_auction_is_no_bid() -> None:
    bidder = _bidder(_matcher(entries.campaign()), CountingGuard())
    unknown = ImpSpec("1", frozenset({"banner"}), sizes=((300, 250),), bidfloor_micros=None)
    private = ImpSpec("1", frozenset({"banner"}), sizes=((300, 250),), private_auction=True)
    assert _auction(bidder, unknown).body is None
    assert _auction(bidder, private).body is None


def test_an_answer_past_tmax_is_no_bid_and_frees_its_reservations() -> None:
    guard = CountingGuard()
    slow = SlowMatcher(_matcher(entries.campaign()), 0.03)
    outcome = _auction(_bidder(slow, guard, margin_ms=10), tmax=20)
    assert outcome.body is None
    assert outcome.late
    assert guard.released == guard.held == [("A1", "1")]


def test_within_tmax_the_bid_stands() -> None:
    outcome = _auction(_bidder(_matcher(entries.campaign()), CountingGuard()), tmax=200)
    assert outcome.body is not None


def test_a_native_impression_gets_native_json_and_a_creative_without_an_asset_is_skipped() -> None:
    title = NativeAssetRequest(1, True, "title", len=25)
    video = NativeAssetRequest(2, True, "video")
    imp = ImpSpec("1", frozenset({"native"}), native_ver="1.2", native_assets=(title,))
    campaign = entries.campaign(creatives=(entries.native_creative(),))
    outcome = _auction(_bidder(_matcher(campaign), CountingGuard()), imp)
    (bid,) = outcome.bids
    native = orjson.loads(str(bid.body["adm"]))
    assert native["assets"] == [
        {"id": 1, "title": {"text": "A very good offer for you"}, "required": 1}
    ]
    assert native["link"]["url"].startswith(f"{BASE}/t/click?t=")
    assert "w" not in bid.body
    guard = CountingGuard()
    needs_video = ImpSpec("1", frozenset({"native"}), native_assets=(title, video))
    assert _auction(_bidder(_matcher(campaign), guard), needs_video).body is None
    assert guard.released == guard.held == [("A1", "1")]


def test_currency_rates_are_read_from_the_settings() -> None:
    settings = Settings(delivery_currency_rates="eur=1.08, GBP=1.27")
    assert settings.currency_rates == {
        "USD": Decimal(1),
        "EUR": Decimal("1.08"),
        "GBP": Decimal("1.27"),
    }
    with pytest.raises(ValidationError):
        Settings(delivery_currency_rates="EUR=abc")


async def test_a_burst_of_changes_is_one_refresh_and_the_refresher_stops_cleanly() -> None:
    calls: list[str] = []

    async def build(now: datetime) -> Snapshot:
        calls.append("build")
        return entries.snapshot(entries.campaign())

    async def refresh(snapshot: Snapshot, changes: list[Change], now: datetime) -> Snapshot:
        calls.append(f"refresh {sorted(i for c in changes for i in c.ids)}")
        return snapshot

    runtime = DeliveryRuntime(Settings(), EVENTS_UNUSED)
    runtime.configure(
        reader=OpenRtbReader({}),
        guard=CountingGuard(),
        build=build,
        refresh=refresh,
        make_matcher=lambda snapshot, _matcher, _before: entries.TinyMatcher(snapshot),
    )
    await runtime.start()
    for campaign_id in range(1, 6):
        runtime.notice([Change("campaign", (campaign_id,))])
    await asyncio.sleep(0.5)
    await runtime.stop()
    assert calls == ["build", "refresh [1, 2, 3, 4, 5]"]
    assert runtime.destination(1, 11) == entries.BANNER_CLICK


class _NoEvents:
    async def append(
        self, keys: list[EventKey], lines: list[bytes], span: object = None
    ) -> AppendResult:
        raise AssertionError("nothing is recorded here")


EVENTS_UNUSED = _NoEvents()


def test_a_bid_under_a_deal_names_it_and_may_bid_under_the_open_floor() -> None:
    deal_campaign = entries.campaign(deal_ids=frozenset({"AB-1"}))
    matcher = IndexedMatcher.build(entries.snapshot(deal_campaign))
    # The open floor (3.00) is above the campaign's 2.00; the deal's floor (1.50) is not.
    imp = ImpSpec(
        "1",
        frozenset({"banner"}),
        sizes=((300, 250),),
        bidfloor_micros=3_000_000,
        deals=(DealSpec("AB-1", 1_500_000),),
        private_auction=True,
    )
    outcome = _auction(_bidder(matcher, CountingGuard()), imp)
    assert outcome.body is not None
    (bid,) = orjson.loads(outcome.body)["seatbid"][0]["bid"]
    assert bid["dealid"] == "AB-1"
    assert bid["price"] == 2.0
    token = parse_qs(urlsplit(bid["burl"]).query)["t"][0]
    payload = SIGNER.verify(token, time.time())
    assert payload is not None
    assert payload.deal_id == "AB-1"


def test_an_open_market_bid_names_no_deal() -> None:
    matcher = IndexedMatcher.build(entries.snapshot(entries.campaign()))
    imp = ImpSpec("1", frozenset({"banner"}), sizes=((300, 250),), deals=(DealSpec("AB-1", 0),))
    outcome = _auction(_bidder(matcher, CountingGuard()), imp)
    assert outcome.body is not None
    (bid,) = orjson.loads(outcome.body)["seatbid"][0]["bid"]
    assert "dealid" not in bid


def test_a_creatives_attributes_are_the_bids_attr() -> None:
    item = entries.creative(attributes=frozenset({16, 1}))
    outcome = _auction(_bidder(_matcher(entries.campaign(creatives=(item,))), CountingGuard()))
    assert outcome.body is not None
    (bid,) = orjson.loads(outcome.body)["seatbid"][0]["bid"]
    assert bid["attr"] == [1, 16]


def test_the_reader_keeps_the_deals_open_to_its_seat() -> None:
    body = orjson.dumps(
        {
            "id": "A1",
            "imp": [
                {
                    "id": "1",
                    "banner": {"w": 300, "h": 250},
                    "pmp": {
                        "private_auction": 1,
                        "deals": [
                            {"id": "mine", "wseat": ["seat-1"]},
                            {"id": "theirs", "wseat": ["seat-2"]},
                            {"id": "anyone"},
                        ],
                    },
                }
            ],
        }
    )
    (imp,) = OpenRtbReader({"USD": Decimal(1)}, "seat-1")(body, None).imps
    assert imp.deal_ids == ("mine", "anyone")


def test_the_bid_price_number_is_the_double_of_the_exact_decimal() -> None:
    for micros in (1, 10, 1_234_567, 2_000_000, 999_999_999, 1_500_001):
        assert price_number(micros) == float(price_text(micros))
