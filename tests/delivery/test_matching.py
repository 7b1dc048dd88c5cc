"""Creative matching and prices: sizes, native assets, video, bcat/badv/battr, floors, spots."""

from __future__ import annotations

from dataclasses import replace

from adplane.campaigns.schemas import CodeList, Targeting
from adplane.delivery.matching import IndexedMatcher, effective_cpm, parent_domains
from adplane.delivery.model import DealSpec, ImpSpec, NativeAssetRequest, NativeContent
from adplane.delivery.snapshot import compile_targeting
from tests.delivery.campaign_entries import (
    BANNER,
    NOW,
    campaign,
    creative,
    features,
    ids,
    matcher,
    snapshot,
)

NATIVE = NativeContent(
    title="A title",
    text="Some text",
    sponsor="Brand",
    image_url="https://cdn.example/i.png",
    image_size=(1200, 627),
    logo_url=None,
)
VIDEO = ImpSpec(
    "1",
    frozenset({"video"}),
    video_mimes=frozenset({"video/mp4"}),
    video_min_duration=5,
    video_max_duration=30,
    video_protocols=frozenset({2, 3, 7}),
)


def price_of(m: IndexedMatcher, imp: ImpSpec) -> int:
    """The one candidate's price."""
    (found,) = m.candidates(features(), imp, NOW)
    return found.price_micros


def test_a_banner_must_have_one_of_the_impressions_sizes() -> None:
    m = matcher(
        campaign(1, creatives=[creative(1, width=300, height=250)]),
        campaign(2, creatives=[creative(2, width=728, height=90)]),
    )
    assert ids(m, ImpSpec("1", frozenset({"banner"}), sizes=((728, 90), (320, 50)))) == [2]
    assert ids(m, BANNER) == [1]
    assert ids(m, ImpSpec("1", frozenset({"banner"}))) == [1, 2]
    assert ids(m, ImpSpec("1", frozenset({"video"}))) == []


def test_a_native_creative_fills_the_required_assets_it_has() -> None:
    m = matcher(campaign(1, creatives=[creative(1, "native", native=NATIVE)]))
    title = NativeAssetRequest(1, True, "title", len=25)
    main = NativeAssetRequest(2, True, "img", type=3, wmin=600, hmin=300)
    sponsor = NativeAssetRequest(3, True, "data", type=1)
    icon = NativeAssetRequest(4, True, "img", type=1, w=80, h=80)
    optional_icon = replace(icon, required=False)
    imp = ImpSpec("1", frozenset({"native"}), native_assets=(title, main, sponsor))
    assert ids(m, imp) == [1]
    assert ids(m, replace(imp, native_assets=(title, main, optional_icon))) == [1]
    assert ids(m, replace(imp, native_assets=(title, icon))) == []
    assert ids(m, replace(imp, native_assets=(replace(title, len=3),))) == []
    assert ids(m, replace(imp, native_assets=(replace(main, wmin=2000),))) == []
    assert ids(m, replace(imp, native_assets=(NativeAssetRequest(5, True, "data", type=12),))) == []


def test_video_mimes_duration_and_protocols() -> None:
    mp4 = creative(
        1,
        "video",
        video_mimes=frozenset({"video/mp4"}),
        video_duration_seconds=15,
        video_protocols=frozenset({7}),
    )
    webm = replace(mp4, id=2, video_mimes=frozenset({"video/webm"}))
    long = replace(mp4, id=3, video_duration_seconds=60)
    wrapper = replace(mp4, id=4, video_protocols=frozenset({8}))
    m = matcher(*(campaign(c.id, creatives=[c]) for c in (mp4, webm, long, wrapper)))
    assert ids(m, VIDEO) == [1]
    assert ids(m, replace(VIDEO, video_max_duration=None, video_protocols=frozenset())) == [1, 3, 4]


def test_bcat_blocks_a_category_and_its_subcategories() -> None:
    m = matcher(
        campaign(1, creatives=[creative(1, categories=("IAB1-2",))]),
        campaign(2, creatives=[creative(2, categories=("IAB3",))]),
    )
    assert ids(m, bcat=frozenset({"IAB1"})) == [2]
    assert ids(m, bcat=frozenset({"IAB1-2"})) == [2]
    assert ids(m, bcat=frozenset({"IAB1-3"})) == [1, 2]


def test_badv_blocks_the_advertisers_domain() -> None:
    m = matcher(
        campaign(1, creatives=[creative(1, advertiser_domain="shop.brand.example")]),
        campaign(2, creatives=[creative(2, advertiser_domain="other.example")]),
    )
    assert ids(m, badv=frozenset({"brand.example"})) == [2]
    assert parent_domains("a.b.example") == ["a.b.example", "b.example"]


def test_battr_blocks_a_creatives_attributes() -> None:
    m = matcher(campaign(1, creatives=[creative(1, attributes=frozenset({6}))]), campaign(2))
    assert ids(m, replace(BANNER, battr=frozenset({6, 7}))) == [2]
    assert ids(m, BANNER) == [1, 2]


def test_battr_falls_back_to_a_creative_without_the_attribute() -> None:
    expanding = creative(1, attributes=frozenset({1, 3}), bid_price_micros=3_000_000)
    m = matcher(campaign(1, creatives=[expanding, creative(2)]))
    (found,) = m.candidates(features(), replace(BANNER, battr=frozenset({1})), NOW)
    assert found.creative.id == 2


def test_the_floor_and_an_unknown_floor() -> None:
    m = matcher(campaign(1, bid_price_micros=2_000_000), campaign(2, bid_price_micros=500_000))
    assert ids(m, replace(BANNER, bidfloor_micros=1_000_000)) == [1]
    assert ids(m, replace(BANNER, bidfloor_micros=2_000_000)) == [1]
    assert ids(m, replace(BANNER, bidfloor_micros=None)) == []


def test_prices_spot_override_then_creative_then_rtb_then_bid() -> None:
    entry = campaign(
        1,
        bid_price_micros=1_000_000,
        rtb_bid_price_micros=1_500_000,
        spot_prices_micros={"42": 3_000_000},
        creatives=[creative(1, bid_price_micros=2_000_000)],
    )
    m = matcher(entry)
    assert price_of(m, replace(BANNER, spot="42")) == 3_000_000
    assert price_of(m, replace(BANNER, spot="43")) == 2_000_000
    plain = matcher(replace(entry, creatives=(creative(1),)))
    assert price_of(plain, BANNER) == 1_500_000
    bare = matcher(replace(entry, creatives=(creative(1),), rtb_bid_price_micros=None))
    assert price_of(bare, BANNER) == 1_000_000


def test_a_cpc_campaign_bids_its_effective_cpm() -> None:
    m = matcher(campaign(1, pricing_model="cpc", bid_price_micros=400_000))
    assert price_of(m, BANNER) == 400_000
    assert effective_cpm(5_000_000, "cpa") == 500_000
    assert effective_cpm(1_000_000, "cpm") == 1_000_000


def test_candidates_come_best_price_first_with_the_best_creative() -> None:
    m = matcher(
        campaign(
            1,
            creatives=[
                creative(1, bid_price_micros=500_000),
                creative(2, bid_price_micros=900_000),
            ],
        ),
        campaign(2, bid_price_micros=2_000_000),
    )
    found = m.candidates(features(), BANNER, NOW)
    assert [(c.campaign.id, c.creative.id, c.price_micros) for c in found] == [
        (2, 20, 2_000_000),
        (1, 2, 900_000),
    ]


def _deals(*deals: DealSpec, private: bool = False, floor: int = 0) -> ImpSpec:
    return replace(BANNER, deals=deals, private_auction=private, bidfloor_micros=floor)


def _found(m: IndexedMatcher, imp: ImpSpec) -> list[tuple[int, str | None, int]]:
    return sorted(
        (c.campaign.id, c.deal_id, c.price_micros) for c in m.candidates(features(), imp, NOW)
    )


def test_a_private_auction_takes_only_the_campaigns_buying_one_of_its_deals() -> None:
    m = matcher(
        campaign(1),
        campaign(2, deal_ids=frozenset({"d1"})),
        campaign(3, deal_ids=frozenset({"d9"})),
    )
    assert _found(m, _deals(DealSpec("d1", 500_000), private=True)) == [(2, "d1", 1_000_000)]
    assert _found(m, _deals(private=True)) == []
    assert _found(m, _deals(DealSpec("d2", 500_000), private=True)) == []


def test_a_private_auction_with_no_campaign_buying_deals_gets_no_candidates() -> None:
    m = matcher(campaign(1))
    assert ids(m, _deals(DealSpec("d1", 0), private=True)) == []
    assert ids(m, _deals(DealSpec("d1", 0))) == [1]


def test_an_open_auction_with_deals_takes_the_open_market_at_the_open_floor_too() -> None:
    m = matcher(
        campaign(1, bid_price_micros=600_000),
        campaign(2, deal_ids=frozenset({"d1"}), bid_price_micros=3_000_000),
    )
    imp = _deals(DealSpec("d1", 2_500_000), floor=500_000)
    assert _found(m, imp) == [(1, None, 600_000), (2, "d1", 3_000_000)]
    # Under the open floor: only the deal's floor counts for the deal campaign.
    assert _found(m, replace(imp, bidfloor_micros=4_000_000)) == [(2, "d1", 3_000_000)]


def test_a_campaign_naming_deals_buys_only_through_them() -> None:
    m = matcher(campaign(1, deal_ids=frozenset({"d1"})), campaign(2))
    assert ids(m, BANNER) == [2]
    assert ids(m, _deals(DealSpec("other", 0))) == [2]


def test_a_bid_under_a_deal_meets_the_deals_floor() -> None:
    m = matcher(campaign(1, deal_ids=frozenset({"d1"}), bid_price_micros=2_000_000))
    assert _found(m, _deals(DealSpec("d1", 2_000_000), private=True)) == [(1, "d1", 2_000_000)]
    assert _found(m, _deals(DealSpec("d1", 2_000_001), private=True)) == []
    # A deal whose currency has no rate takes no bid.
    assert _found(m, _deals(DealSpec("d1", None), private=True)) == []


def test_of_several_deals_the_lowest_floor_the_bid_meets_is_chosen() -> None:
    m = matcher(campaign(1, deal_ids=frozenset({"d1", "d2", "d3"}), bid_price_micros=2_000_000))
    imp = _deals(
        DealSpec("d1", 1_500_000),
        DealSpec("d2", 1_000_000),
        DealSpec("d3", 3_000_000),
        private=True,
    )
    assert _found(m, imp) == [(1, "d2", 2_000_000)]


def test_a_deals_wadomain_must_take_the_creatives_advertiser() -> None:
    brand = creative(10, advertiser_domain="shop.brand.example")
    m = matcher(campaign(1, deal_ids=frozenset({"d1", "d2"}), creatives=[brand]))
    narrow = DealSpec("d1", 0, frozenset({"other.example"}))
    wide = DealSpec("d2", 500_000, frozenset({"brand.example"}))
    assert _found(m, _deals(narrow, private=True)) == []
    assert _found(m, _deals(narrow, wide, private=True)) == [(1, "d2", 1_000_000)]


def test_deals_follow_a_patch() -> None:
    before = campaign(1)
    m = matcher(before, campaign(2))
    imp = _deals(DealSpec("d1", 0), private=True)
    assert ids(m, imp) == []
    after = replace(before, deal_ids=frozenset({"d1"}))
    patched = m.patched(snapshot(after, campaign(2)), [1])
    assert ids(patched, imp) == [1]
    assert ids(patched, BANNER) == [2]
    undone = patched.patched(snapshot(before, campaign(2)), [1])
    assert ids(undone, imp) == []
    assert ids(undone, BANNER) == [1, 2]


def test_at_most_the_limit_come_back_and_they_are_the_best() -> None:
    entries = [campaign(i, bid_price_micros=i * 100_000) for i in range(1, 41)]
    m = matcher(*entries)
    found = m.candidates(features(), BANNER, NOW)
    assert [c.campaign.id for c in found] == list(range(40, 40 - m.limit, -1))


def test_a_patched_in_campaign_is_weighed_against_the_ordered_ones() -> None:
    entries = [campaign(i, bid_price_micros=i * 100_000) for i in range(1, 41)]
    m = matcher(*entries)
    top = campaign(7, bid_price_micros=9_000_000)
    new = replace(m.snapshot, campaigns={**m.snapshot.campaigns, 7: top}, version=1)
    patched = m.patched(new, [7])
    found = patched.candidates(features(), BANNER, NOW)
    assert [c.campaign.id for c in found][:3] == [7, 40, 39]
    assert 7 not in [c.campaign.id for c in m.candidates(features(), BANNER, NOW)]


def test_a_spot_price_lifts_a_campaign_over_the_ordered_walk() -> None:
    entries = [campaign(i, bid_price_micros=i * 100_000) for i in range(1, 41)]
    entries[0] = replace(entries[0], spot_prices_micros={"9": 50_000_000})
    m = matcher(*entries)
    found = m.candidates(features(), replace(BANNER, spot="9"), NOW)
    assert found[0].campaign.id == 1
    assert found[0].price_micros == 50_000_000


def test_device_and_connection_targeting_in_catalogue_codes_matches_a_requests_numbers() -> None:
    """Targeting stores ``phone`` and ``wifi``; a request says devicetype 4, connectiontype 2."""
    targeting = compile_targeting(
        Targeting(
            device_types=CodeList(include=["phone"]),
            connection_types=CodeList(exclude=["wifi"]),
        ),
        links=[],
    )
    m = matcher(replace(campaign(1), targeting=targeting))
    assert ids(m, device_type="4", connection_type="6") == [1]
    assert ids(m, device_type="2", connection_type="6") == []
    assert ids(m, device_type="4", connection_type="2") == []
