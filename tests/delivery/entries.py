"""Hand-built snapshot entries and a tiny matcher, for testing the bidder on its own."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from adplane.creatives import vast
from adplane.delivery.model import (
    AccountEntry,
    CampaignEntry,
    Candidate,
    CreativeEntry,
    Features,
    ImpSpec,
    NativeContent,
    Snapshot,
)

BANNER_CLICK = "https://shop.example/landing?c=1&d=2"


def creative(id: int = 11, account_id: int = 1, **changes: Any) -> CreativeEntry:
    """A 300x250 banner image linking to ``BANNER_CLICK``."""
    entry = CreativeEntry(
        id=id,
        account_id=account_id,
        kind="banner",
        variant="banner_image",
        width=300,
        height=250,
        bid_price_micros=None,
        categories=("IAB3-1",),
        attributes=frozenset(),
        advertiser_domain="shop.example",
        markup=(
            '<a target="_blank" href="https://shop.example/landing?c=1&amp;d=2">'
            '<img src="https://cdn.example/a.png" width="300" height="250" alt=""/></a>'
        ),
        click_url=BANNER_CLICK,
    )
    return replace(entry, **changes)


def video_creative(id: int = 21, account_id: int = 1) -> CreativeEntry:
    document = vast.render_inline(
        id,
        "Spot",
        vast.VideoFile("https://cdn.example/v.mp4", "video/mp4", 640, 480, 1_000_000, 15_000),
        "https://shop.example/video",
    )
    return creative(
        id,
        account_id,
        kind="video",
        variant="video_media",
        width=640,
        height=480,
        markup=document,
        click_url="https://shop.example/video",
        video_mimes=frozenset({"video/mp4"}),
        video_duration_seconds=15,
        video_protocols=frozenset({2, 3, 5, 6}),
    )


def native_creative(id: int = 31, account_id: int = 1) -> CreativeEntry:
    return creative(
        id,
        account_id,
        kind="native",
        variant="native",
        width=None,
        height=None,
        markup=None,
        click_url="https://shop.example/native",
        native=NativeContent(
            title="A very good offer for you",
            text="Buy now, pay later",
            sponsor="Shop",
            call_to_action="Buy",
            image_url="https://cdn.example/main.png",
            image_size=(1200, 627),
            logo_url="https://cdn.example/logo.png",
            logo_size=(80, 80),
        ),
    )


def campaign(id: int = 1, account_id: int = 1, **changes: Any) -> CampaignEntry:
    """A CPM campaign bidding 2.00 with one banner."""
    entry = CampaignEntry(
        id=id,
        account_id=account_id,
        name=f"Campaign {id}",
        currency="USD",
        pricing_model="cpm",
        bid_price_micros=2_000_000,
        rtb_bid_price_micros=None,
        spot_prices_micros={},
        daily_budget_micros=None,
        total_budget_micros=None,
        daily_impressions_cap=None,
        total_impressions_cap=None,
        daily_clicks_cap=None,
        total_clicks_cap=None,
        pacing="asap",
        frequency=None,
        timezone="UTC",
        day_parting=None,
        start_at=None,
        end_at=None,
        destination_url="https://shop.example/landing?click={CLICK_ID}&cid={campaign_id}",
        advertiser_domain="shop.example",
        creatives=(creative(account_id=account_id),),
    )
    return replace(entry, **changes)


def snapshot(*campaigns: CampaignEntry) -> Snapshot:
    accounts = {c.account_id: AccountEntry(c.account_id, "USD", 10**12) for c in campaigns}
    return Snapshot({c.id: c for c in campaigns}, accounts, datetime.now(UTC))


@dataclass
class TinyMatcher:
    """Every campaign whose creative fits the impression's kind and size, highest bid first."""

    snapshot: Snapshot

    def candidates(self, features: Features, imp: ImpSpec, now: datetime) -> list[Candidate]:
        found = []
        for entry in self.snapshot.campaigns.values():
            for item in entry.creatives:
                if item.kind not in imp.kinds:
                    continue
                if item.kind == "banner" and (item.width, item.height) not in imp.sizes:
                    continue
                price = (
                    item.bid_price_micros or entry.rtb_bid_price_micros or entry.bid_price_micros
                )
                if entry.pricing_model != "cpm":
                    price = entry.rtb_bid_price_micros or 1_000_000
                found.append(Candidate(entry, item, price or 0))
        return sorted(found, key=lambda c: -c.price_micros)
