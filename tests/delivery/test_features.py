"""Bid request -> canonical features and impressions, checked against the samples and the spec."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from adplane.delivery.features import (
    catalogue_connection_type,
    catalogue_device_type,
    country_of_ip,
    extract,
    floor_micros,
    openrtb_connection_type,
    openrtb_device_type,
)
from adplane.delivery.model import DealSpec, Features, ImpSpec, NativeAssetRequest
from adplane.delivery.openrtb import decode_request

SAMPLES = Path(__file__).parent / "samples"
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _sample(name: str) -> tuple[Features, list[ImpSpec]]:
    request = decode_request((SAMPLES / f"{name}.json").read_bytes())
    return extract(request, NOW, "sample-exchange")


def _extract(body: dict[str, Any], **kwargs: Any) -> tuple[Features, list[ImpSpec]]:
    base: dict[str, Any] = {"id": "auction-1", "imp": [{"id": "1", "banner": {"w": 1, "h": 1}}]}
    return extract(decode_request(json.dumps({**base, **body}).encode()), NOW, None, **kwargs)


def _features(**body: Any) -> Features:
    return _extract(body)[0]


def _imp(**imp: Any) -> ImpSpec:
    return _extract({"imp": [{"id": "1", **imp}]})[1][0]


# --- The samples -------------------------------------------------------------------------


def test_sample_1_simple_banner() -> None:
    features, imps = _sample("request-1-simple-banner")
    assert features == Features(
        auction_id="80ce30c53c16e6ede735f123ef6e32361bfc7b22",
        traffic_type="desktop_web",
        site_id="102855",
        publisher_id="8953",
        domain="www.foobar.com",
        page="http://www.foobar.com/1234.html",
        user_key="55816b39711f9b5acf3b90e313ed29e51665623f",
        categories=("IAB3-1",),
        exchange="sample-exchange",
    )
    assert imps == [
        ImpSpec(
            imp_id="1", kinds=frozenset({"banner"}), sizes=((300, 250),), bidfloor_micros=30_000
        )
    ]


def test_sample_2_expandable_creative_blocks_attribute_13() -> None:
    features, imps = _sample("request-2-expandable-creative")
    # user.id comes before buyeruid as the frequency key.
    assert features.user_key == "55816b39711f9b5acf3b90e313ed29e51665623f"
    assert features.traffic_type == "desktop_web"
    assert imps == [
        ImpSpec(
            imp_id="1",
            kinds=frozenset({"banner"}),
            sizes=((300, 250),),
            battr=frozenset({13}),
            bidfloor_micros=30_000,
        )
    ]


def test_sample_3_mobile_app() -> None:
    features, imps = _sample("request-3-mobile")
    assert features == Features(
        auction_id="IxexyLDIIk",
        os="ios",
        browser="safari",
        device_type="1",
        language="en",
        carrier="verizon",
        connection_type="3",
        traffic_type="mobile_app",
        app_id="agltb3B1Yi1pbmNyDAsSA0FwcBiJkfIUDA",
        publisher_id="agltb3B1Yi1pbmNyDAsSA0FwcBiJkfTUCV",
        bundle="12345",
        app_name="Yahoo Weather",
        user_agent=(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 6_1 like Mac OS X) AppleWebKit/534.46 "
            "(KHTML, like Gecko) Version/5.1 Mobile/9A334 Safari/7534.48.3"
        ),
        user_key="ffffffd5135596709273b3a1a07e466ea2bf4fff",
        categories=("IAB15", "IAB15-10"),
        bcat=frozenset({"IAB25", "IAB7-39", "IAB8-18", "IAB8-5", "IAB9-9"}),
        badv=frozenset({"apple.com", "go-text.me", "heywire.com"}),
        exchange="sample-exchange",
    )
    assert imps == [
        ImpSpec(
            imp_id="1",
            kinds=frozenset({"banner"}),
            spot="agltb3B1Yi1pbmNyDQsSBFNpdGUY7fD0FAw",
            sizes=((728, 90),),
            battr=frozenset({14}),
            bidfloor_micros=500_000,
        )
    ]


def test_sample_4_video_on_a_desktop_site() -> None:
    features, imps = _sample("request-4-video")
    assert (features.os, features.browser, features.device_type) == ("macos", "firefox", "2")
    assert features.traffic_type == "desktop_web"
    assert features.domain == "siteabcd.com"
    assert features.publisher_id == "pub12345"
    assert features.categories == ("IAB2-1", "IAB2-2")
    assert features.keywords == ("keyword-a", "keyword-b", "keyword-c")
    assert features.user_key == "456789876567897654678987656789"
    assert imps == [
        ImpSpec(
            imp_id="1",
            kinds=frozenset({"video"}),
            video_mimes=frozenset({"video/x-flv", "video/mp4", "application/javascript"}),
            video_min_duration=5,
            video_max_duration=30,
            video_protocols=frozenset({2, 3}),
            video_size=(640, 480),
            battr=frozenset({13, 14}),
            bidfloor_micros=30_000,
        )
    ]


def test_sample_5_private_auction_with_two_deals() -> None:
    features, imps = _sample("request-5-pmp-with-direct-deal")
    assert (features.os, features.browser, features.traffic_type) == (
        "macos",
        "safari",
        "desktop_web",
    )
    assert imps == [
        ImpSpec(
            imp_id="1",
            kinds=frozenset({"banner"}),
            sizes=((300, 250),),
            bidfloor_micros=30_000,
            deals=(
                DealSpec("AB-Agency1-0001", 2_500_000),
                DealSpec("XY-Agency2-0001", 2_000_000),
            ),
            private_auction=True,
        )
    ]


def test_only_the_deals_whose_wseat_names_our_seat_are_kept() -> None:
    request = decode_request((SAMPLES / "request-5-pmp-with-direct-deal.json").read_bytes())
    (agency1,) = extract(request, NOW, None, seat="Agency1")[1]
    assert agency1.deal_ids == ("AB-Agency1-0001",)
    (ours,) = extract(request, NOW, None, seat="adplane")[1]
    assert ours.deals == ()
    assert ours.private_auction


def test_a_deal_without_a_floor_or_wseat_is_held_to_the_impressions_floor() -> None:
    imp = _imp(bidfloor=0.5, pmp={"deals": [{"id": " d1 ", "wadomain": ["Shop.Example", " "]}]})
    assert imp.deals == (DealSpec("d1", 500_000, frozenset({"shop.example"})),)


def test_a_deal_floor_is_in_its_own_currency_and_an_unknown_one_takes_no_bid() -> None:
    (imp,) = _extract(
        {
            "imp": [
                {
                    "id": "1",
                    "banner": {"w": 1, "h": 1},
                    "bidfloor": 1,
                    "bidfloorcur": "EUR",
                    "pmp": {
                        "deals": [
                            {"id": "usd", "bidfloor": 2},
                            {"id": "eur", "bidfloor": 2, "bidfloorcur": "EUR"},
                            {"id": "jpy", "bidfloor": 2, "bidfloorcur": "JPY"},
                        ]
                    },
                }
            ]
        },
        rates={"USD": Decimal(1), "EUR": Decimal("1.1")},
    )[1]
    assert imp.bidfloor_micros == 1_100_000
    assert [(d.id, d.floor_micros) for d in imp.deals] == [
        ("usd", 2_000_000),
        ("eur", 2_200_000),
        ("jpy", None),
    ]


# --- Geography ---------------------------------------------------------------------------


def test_country_alpha_3_becomes_alpha_2_with_the_us_state_as_region() -> None:
    features = _features(device={"geo": {"country": "USA", "region": "CA", "city": "San Jose"}})
    assert (features.country, features.region, features.city) == ("US", "US-CA", "San Jose")


def test_region_already_in_iso_3166_2_form_is_kept() -> None:
    assert _features(device={"geo": {"country": "GBR", "region": "gb-lnd"}}).region == "GB-LND"


def test_unknown_region_is_dropped_but_the_country_stays() -> None:
    features = _features(device={"geo": {"country": "DEU", "region": "ZZ9"}})
    assert (features.country, features.region) == ("DE", None)


def test_user_geo_is_used_when_the_device_has_none() -> None:
    features = _features(device={"geo": {"city": "x"}}, user={"geo": {"country": "FRA"}})
    assert features.country == "FR"


def test_country_comes_from_the_ip_when_no_geo_says() -> None:
    features = _features(device={"ip": "8.8.8.8"})
    assert features.country == country_of_ip("8.8.8.8") == "US"
    assert features.ip == "8.8.8.8"


def test_country_comes_from_the_ipv6_address_too() -> None:
    assert _features(device={"ipv6": "2001:4860:4860::8888"}).country == "US"


@pytest.mark.parametrize("ip", ["10.0.0.1", "127.0.0.1", "not an ip", "999.1.1.1", ""])
def test_private_or_invalid_ip_has_no_country(ip: str) -> None:
    assert _features(device={"ip": ip}).country is None


def test_ip_is_in_filter_list_canonical_form() -> None:
    assert _features(device={"ipv6": "2001:DB8:0:0::1"}).ip == "2001:db8::1"


# --- User agents -------------------------------------------------------------------------

UAS: dict[str, tuple[str, str | None, str | None, str | None]] = {
    "chrome android": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Mobile Safari/537.36",
        "android",
        "chrome",
        "4",
    ),
    "android tablet": (
        "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Safari/537.36",
        "android",
        "chrome",
        "5",
    ),
    "safari ios": (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "ios",
        "safari",
        "4",
    ),
    "ipad": (
        "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
        "ios",
        "safari",
        "5",
    ),
    "edge windows": (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
        "windows",
        "edge",
        "2",
    ),
    "firefox linux": (
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "linux",
        "firefox",
        "2",
    ),
    "samsung internet": (
        "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) "
        "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
        "android",
        "samsung_internet",
        "4",
    ),
    "opera desktop": (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0",
        "windows",
        "opera",
        "2",
    ),
    "chrome macos": (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "macos",
        "chrome",
        "2",
    ),
    "android webview": (
        "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36",
        "android",
        "chrome",
        "4",
    ),
    "samsung smart tv": (
        "Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) "
        "76.0.3809.146/6.0 TV Safari/537.36",
        "tizen",
        "safari",
        "3",
    ),
    "lg webos tv": (
        "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/94.0.4606.128 Safari/537.36 WebAppManager",
        "webos",
        "chrome",
        "3",
    ),
    "fire tv": (
        "Mozilla/5.0 (Linux; Android 9; AFTKA Build/PS7633) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/120.0.6099.230 Mobile Safari/537.36",
        "android",
        "chrome",
        "3",
    ),
    "roku": ("Roku/DVP-9.10 (519.10E04111A)", "other", "other", "3"),
    "googlebot": (
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "other",
        "other",
        None,
    ),
    "unrecognised text": ("\x01 garbage \u2603", "other", "other", None),
}


@pytest.mark.parametrize(("ua", "os", "browser", "device_type"), UAS.values(), ids=UAS.keys())
def test_user_agent_maps_to_catalogue_codes(
    ua: str, os: str, browser: str | None, device_type: str | None
) -> None:
    features = _features(device={"ua": ua})
    assert (features.os, features.browser, features.device_type) == (os, browser, device_type)
    assert features.user_agent == ua


def test_declared_device_os_and_type_win_over_the_user_agent() -> None:
    features = _features(device={"ua": UAS["chrome macos"][0], "os": "Android", "devicetype": 5})
    assert (features.os, features.device_type) == ("android", "5")


def test_no_user_agent_means_no_os_browser_or_inferred_device_type() -> None:
    features = _features(device={"ip": "10.0.0.1"})
    assert (features.os, features.browser, features.device_type) == (None, None, None)


def test_client_hints_stand_in_for_a_missing_user_agent() -> None:
    features = _features(
        device={
            "sua": {
                "browsers": [
                    {"brand": "Not A(Brand", "version": ["99"]},
                    {"brand": "Chromium", "version": ["124"]},
                    {"brand": "Microsoft Edge", "version": ["124"]},
                ],
                "platform": {"brand": "Windows", "version": ["15"]},
                "mobile": 0,
            }
        }
    )
    assert (features.os, features.browser) == ("windows", "edge")


# --- Device, language, carrier -----------------------------------------------------------


@pytest.mark.parametrize(
    ("carrier", "code"),
    [
        ("VERIZON", "verizon"),
        ("Verizon Wireless", "verizon"),
        ("AT&T Wireless", "att"),
        ("T-Mobile USA", "t_mobile_us"),
        ("Vodafone UK", "vodafone"),
        ("O2 - UK", "o2"),
        ("Some Local ISP", None),
    ],
)
def test_carrier_names_resolve_to_catalogue_codes(carrier: str, code: str | None) -> None:
    assert _features(device={"carrier": carrier}).carrier == code


@pytest.mark.parametrize(
    ("device", "language"),
    [({"language": "EN"}, "en"), ({"langb": "pt-BR"}, "pt"), ({"language": "xx"}, None)],
)
def test_language_is_the_iso_639_1_code(device: dict[str, str], language: str | None) -> None:
    assert _features(device=device).language == language


def test_device_and_connection_types_are_openrtb_codes_with_catalogue_names() -> None:
    features = _features(device={"devicetype": 4, "connectiontype": 2})
    assert (features.device_type, features.connection_type) == ("4", "2")
    assert catalogue_device_type(features.device_type) == "phone"
    assert catalogue_connection_type(features.connection_type) == "wifi"


@pytest.mark.parametrize(
    ("code", "device_type"), [("mobile", "1"), ("pc", "2"), ("ctv", "3"), ("phone", "4")]
)
def test_catalogue_device_type_codes_map_to_openrtb_codes(code: str, device_type: str) -> None:
    assert openrtb_device_type(code) == device_type
    assert catalogue_device_type(device_type) == code


def test_catalogue_connection_type_codes_map_to_openrtb_codes() -> None:
    assert openrtb_connection_type("wifi") == "2"
    assert openrtb_connection_type("cellular_4g") == "6"
    assert openrtb_connection_type("nope") is None


def test_unknown_device_type_code_is_dropped() -> None:
    assert _features(device={"devicetype": 42}).device_type is None


# --- Traffic type ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "traffic"),
    [
        ({"site": {"id": "1"}}, "desktop_web"),
        ({"site": {"id": "1"}, "device": {"devicetype": 2}}, "desktop_web"),
        ({"site": {"id": "1"}, "device": {"devicetype": 1}}, "mobile_web"),
        ({"site": {"id": "1"}, "device": {"devicetype": 4}}, "mobile_web"),
        ({"site": {"id": "1"}, "device": {"devicetype": 5}}, "mobile_web"),
        ({"site": {"id": "1"}, "device": {"ua": UAS["safari ios"][0]}}, "mobile_web"),
        ({"app": {"id": "1"}, "device": {"devicetype": 4}}, "mobile_app"),
        ({"app": {"id": "1"}, "device": {"devicetype": 3}}, "ctv"),
        ({"app": {"id": "1"}, "device": {"devicetype": 7}}, "ctv"),
        ({"app": {"id": "1"}, "device": {"ua": UAS["roku"][0]}}, "ctv"),
        ({"dooh": {"id": "1"}}, "dooh"),
        ({}, None),
    ],
)
def test_traffic_type(body: dict[str, Any], traffic: str | None) -> None:
    assert _features(**body).traffic_type == traffic


# --- Placement ---------------------------------------------------------------------------


def test_domain_falls_back_to_the_page_host_in_lower_case() -> None:
    features = _features(site={"page": "HTTPS://News.Example.COM:8443/a?b=c"})
    assert features.domain == "news.example.com"
    assert features.page == "https://news.example.com:8443/a?b=c"


def test_user_key_falls_back_to_buyeruid_then_ifa_but_not_the_zero_ifa() -> None:
    ifa = "6d92078a-8246-4ba4-ae5b-76104861e7dc"
    assert _features(user={"buyeruid": "b1"}, device={"ifa": ifa}).user_key == "b1"
    assert _features(user={}, device={"ifa": ifa}).user_key == ifa
    zero = "00000000-0000-0000-0000-000000000000"
    assert _features(device={"ifa": zero}).user_key is None


def test_categories_join_cat_sectioncat_and_pagecat_once_each() -> None:
    features = _features(
        site={"cat": ["iab1", "IAB1-2"], "sectioncat": ["IAB1-2", "IAB19"], "pagecat": ["nope"]}
    )
    assert features.categories == ("IAB1", "IAB1-2", "IAB19")


def test_categories_of_another_taxonomy_are_not_read_as_iab_1() -> None:
    assert _features(app={"cattax": 2, "cat": ["IAB1"]}).categories == ()


def test_keywords_come_from_the_placement_its_content_and_the_user() -> None:
    features = _features(
        app={"keywords": "Cars, trucks,,", "content": {"kwarray": ["racing"]}},
        user={"keywords": "cars,boats"},
    )
    assert features.keywords == ("cars", "trucks", "racing", "boats")


def test_bcat_and_badv_are_normalised_sets() -> None:
    features = _features(bcat=[" iab25 ", "IAB7-39"], badv=["Ford.com"], test=1)
    assert features.bcat == frozenset({"IAB25", "IAB7-39"})
    assert features.badv == frozenset({"ford.com"})
    assert features.test


def test_odd_but_well_typed_values_extract_without_error() -> None:
    features, imps = _extract(
        {
            "site": {"id": " ", "domain": "not a domain", "page": "javascript:alert(1)"},
            "device": {"ua": "x" * 10_000, "ip": "::ffff:1.2.3.4", "geo": {"country": ""}},
            "user": {"id": "", "geo": {"country": "ZZZ", "region": "CA"}},
            "imp": [{"id": "1", "native": {"request": "{"}, "bidfloorcur": ""}],
        }
    )
    assert features.site_id is None
    assert features.domain is None
    assert features.page == "javascript:alert(1)"
    assert imps[0].kinds == frozenset()


# --- Impressions -------------------------------------------------------------------------


def test_banner_sizes_join_w_h_and_format_once_each() -> None:
    imp = _imp(banner={"w": 300, "h": 250, "format": [{"w": 300, "h": 250}, {"w": 320, "h": 50}]})
    assert imp.sizes == ((300, 250), (320, 50))


def test_battr_is_the_union_over_the_offered_formats() -> None:
    imp = _imp(banner={"battr": [1]}, video={"mimes": ["video/mp4"], "battr": [2]})
    assert imp.battr == frozenset({1, 2})
    assert imp.kinds == frozenset({"banner", "video"})


NATIVE_REQUEST = {
    "ver": "1.2",
    "assets": [
        {"id": 1, "required": 1, "title": {"len": 90}},
        {"id": 2, "required": 1, "img": {"type": 3, "wmin": 1200, "hmin": 627}},
        {"id": 3, "img": {"type": 1, "w": 80, "h": 80}},
        {"id": 4, "data": {"type": 2, "len": 140}},
        {"id": 5, "video": {"mimes": ["video/mp4"]}},
    ],
}
NATIVE_ASSETS = (
    NativeAssetRequest(1, True, "title", len=90),
    NativeAssetRequest(2, True, "img", type=3, wmin=1200, hmin=627),
    NativeAssetRequest(3, False, "img", type=1, w=80, h=80),
    NativeAssetRequest(4, False, "data", type=2, len=140),
    NativeAssetRequest(5, False, "video"),
)


@pytest.mark.parametrize(
    "request_field",
    [
        json.dumps(NATIVE_REQUEST),
        NATIVE_REQUEST,
        json.dumps({"native": NATIVE_REQUEST}),
        {"native": NATIVE_REQUEST},
    ],
    ids=["string", "object", "wrapped string", "wrapped object"],
)
def test_native_request_assets(request_field: Any) -> None:
    imp = _imp(native={"request": request_field, "ver": "1.2", "battr": [3]})
    assert imp.kinds == frozenset({"native"})
    assert imp.native_ver == "1.2"
    assert imp.native_assets == NATIVE_ASSETS
    assert imp.battr == frozenset({3})


@pytest.mark.parametrize("payload", ["{", "[]", json.dumps({"ver": "1.2", "assets": []}), None])
def test_unreadable_native_request_cannot_be_filled(payload: str | None) -> None:
    assert _imp(native={"request": payload}).kinds == frozenset()


def test_video_protocol_of_openrtb_2_2_counts() -> None:
    assert _imp(video={"protocols": [2], "protocol": 7}).video_protocols == frozenset({2, 7})


def test_spot_secure_and_deals() -> None:
    imp = _imp(tagid="42", secure=1, pmp={"private_auction": 0, "deals": [{"id": "d1"}]})
    assert (imp.spot, imp.secure, imp.deal_ids, imp.private_auction) == ("42", True, ("d1",), False)


# --- Floors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bidfloor", "micros"),
    [
        (0.0, 0),
        (0.03, 30_000),
        (0.1, 100_000),
        (0.7, 700_000),
        (1.1, 1_100_000),
        (2.675, 2_675_000),
        (9.43, 9_430_000),
        (1e-06, 1),
        # A fraction of a micro rounds up: a bid at the result is never under the floor.
        (1.0000001, 1_000_001),
        (123456.789012, 123_456_789_012),
    ],
)
def test_floor_is_exact_usd_micros(bidfloor: float, micros: int) -> None:
    assert floor_micros(bidfloor, "USD") == micros


def test_floor_in_another_currency_uses_the_rate() -> None:
    rates = {"USD": Decimal(1), "EUR": Decimal("1.08")}
    imp = _extract({"imp": [{"id": "1", "bidfloor": 0.5, "bidfloorcur": "eur"}]}, rates=rates)[1]
    assert imp[0].bidfloor_micros == 540_000


def test_floor_in_a_currency_without_a_rate_is_unknown() -> None:
    assert _imp(bidfloor=0.5, bidfloorcur="JPY").bidfloor_micros is None
    # A zero floor is zero in any currency.
    assert _imp(bidfloor=0, bidfloorcur="JPY").bidfloor_micros == 0


def test_missing_floor_currency_is_usd() -> None:
    assert _imp(bidfloor=2).bidfloor_micros == 2_000_000
