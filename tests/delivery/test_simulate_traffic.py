"""The exchange simulator's traffic, auctions and markup parsing, without a server."""

from __future__ import annotations

import json
import random
import subprocess
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest

from adplane.delivery.openrtb import Bid, decode_native_request, decode_request
from adplane.delivery.simulate import (
    MAX_DURATION_SECONDS,
    Rates,
    RequestGenerator,
    SimulationConfig,
    SimulationRefused,
    TrafficShape,
    bid_url,
    check,
    click_id_of,
    click_url,
    encode,
    fill_macros,
    run_auction,
)
from tests.support.server import BIN

SAMPLE = 2_000


def requests(seed: int = 7, count: int = SAMPLE) -> list[dict[str, Any]]:
    generator = RequestGenerator(seed)
    return [json.loads(encode(generator.request(i))) for i in range(count)]


def test_the_same_seed_draws_the_same_requests() -> None:
    assert requests(11, 50) == requests(11, 50)
    assert requests(11, 50) != requests(12, 50)


def test_a_request_does_not_depend_on_the_others_drawn_before_it() -> None:
    generator = RequestGenerator(5)
    alone = encode(generator.request(40))
    for i in range(40):
        generator.request(i)
    assert encode(generator.request(40)) == alone


def test_every_request_is_valid_openrtb_2_6() -> None:
    generator = RequestGenerator(9)
    for i in range(SAMPLE):
        parsed = decode_request(encode(generator.request(i)))
        assert parsed.imp
        for imp in parsed.imp:
            if imp.native is not None:
                assert decode_native_request(imp.native.request).assets


def test_traffic_covers_sites_apps_ctv_and_every_format() -> None:
    drawn = requests()
    kinds: Counter[str] = Counter()
    for request in drawn:
        for imp in request["imp"]:
            kinds.update(k for k in ("banner", "native", "video", "pmp") if k in imp)
    origins = Counter("site" if "site" in r else "app" for r in drawn)
    ctv = sum(1 for r in drawn if r["device"]["devicetype"] in (3, 7))
    assert origins["site"] > SAMPLE // 2
    assert origins["app"] > SAMPLE // 5
    assert ctv > 0
    assert kinds["banner"] > kinds["native"] > 0
    assert kinds["video"] > 0
    assert kinds["pmp"] > 0


def test_traffic_comes_from_many_countries_devices_and_publishers() -> None:
    drawn = requests()
    countries = {r["device"]["geo"]["country"] for r in drawn if "geo" in r["device"]}
    uas = {r["device"]["ua"] for r in drawn}
    publishers = {r.get("site", r.get("app", {}))["publisher"]["id"] for r in drawn}
    assert len(countries) >= 15
    assert all(len(c) == 3 and c.isupper() for c in countries)  # ISO alpha-3, as OpenRTB says
    assert len(uas) >= 10
    assert len(publishers) >= 10
    assert any("geo" not in r["device"] for r in drawn)  # some left to the IP lookup


def test_native_requests_are_native_1_2_documents() -> None:
    natives = [
        json.loads(imp["native"]["request"])
        for r in requests()
        for imp in r["imp"]
        if "native" in imp
    ]
    assert natives
    for native in natives:
        assert native["ver"] == "1.2"
        assert {a["id"] for a in native["assets"]} >= {1, 2}
        assert any("title" in a and a["required"] == 1 for a in native["assets"])


def test_requests_carry_floors_tmax_and_blocked_categories() -> None:
    drawn = requests()
    floors = [imp["bidfloor"] for r in drawn for imp in r["imp"]]
    assert all(0 < f < 100 for f in floors)
    assert len(set(floors)) > 20
    assert all(50 <= r["tmax"] <= 1000 for r in drawn)
    assert sum(1 for r in drawn if "bcat" in r) > SAMPLE // 4


def test_tag_ids_come_from_the_shape_when_given() -> None:
    generator = RequestGenerator(1, TrafficShape(tagids=("17", "18")))
    tags = {imp["tagid"] for i in range(100) for imp in generator.request(i).body["imp"]}
    assert tags == {"17", "18"}


def test_a_first_price_auction_clears_at_the_bid() -> None:
    rates = Rates(no_competition_ppm=1_000_000)
    outcome = run_auction(random.Random(1), 2_000_000, 500_000, 1, rates)
    assert outcome.won
    assert outcome.clearing_micros == 2_000_000


def test_a_second_price_auction_clears_between_the_floor_and_the_bid() -> None:
    rng = random.Random(3)
    outcomes = [run_auction(rng, 2_000_000, 300_000, 2, Rates()) for _ in range(2_000)]
    won = [o for o in outcomes if o.won]
    assert 0.4 < len(won) / len(outcomes) < 0.9
    assert all(300_000 <= o.clearing_micros <= 2_000_000 for o in won)
    assert len({o.clearing_micros for o in won}) > 100
    rendered = sum(o.rendered for o in won)
    assert 0.85 < rendered / len(won) < 0.95


def test_a_bid_under_the_floor_never_wins() -> None:
    rng = random.Random(4)
    assert not any(run_auction(rng, 100_000, 100_001, 2, Rates()).won for _ in range(500))


def test_clicks_and_conversions_follow_their_rates() -> None:
    rates = Rates(no_competition_ppm=1_000_000, render_ppm=1_000_000, ctr_ppm=20_000)
    rng = random.Random(5)
    outcomes = [run_auction(rng, 1_000_000, 0, 2, rates) for _ in range(50_000)]
    clicks = sum(o.clicked for o in outcomes)
    assert 800 < clicks < 1_200
    assert 0 < sum(o.converted for o in outcomes) < clicks // 10


def test_macros_are_filled_in_notice_urls() -> None:
    url = "http://h/t/win?p=${AUCTION_PRICE}&a=${AUCTION_ID}&i=${AUCTION_IMP_ID}&l=${AUCTION_LOSS}"
    bid = Bid(id="b", impid="2", price=Decimal("1.5"))
    filled = fill_macros(url, request_id="r1", bid=bid, seat=None, price="1.5", loss="0")
    assert filled == "http://h/t/win?p=1.5&a=r1&i=2&l=0"


def test_the_click_url_is_found_in_banner_native_and_vast_markup() -> None:
    link = "http://127.0.0.1:8000/t/click?c=1&s=abc"
    banner = f'<a href="{link.replace("&", "&amp;")}" target="_blank"><img src="x.png"></a>'
    native = json.dumps({"native": {"ver": "1.2", "link": {"url": link}, "assets": []}})
    vast = f"<VAST><Ad><InLine><VideoClicks><ClickThrough><![CDATA[{link}]]></ClickThrough>"
    assert click_url(banner) == link
    assert click_url(native) == link
    assert click_url(vast + "</VideoClicks></InLine></Ad></VAST>") == link
    assert click_url("<div>no link</div>") is None


def test_the_click_id_is_read_from_the_redirect() -> None:
    assert click_id_of("https://shop.example/landing?click=abc") == "abc"
    assert click_id_of("https://shop.example/landing?click={CLICK_ID}") is None
    assert click_id_of(None) is None


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (SimulationConfig(qps=10, duration=MAX_DURATION_SECONDS + 1), "--duration"),
        (SimulationConfig(qps=100_001, duration=1), "--qps"),
        (SimulationConfig(qps=0, duration=1), "--qps"),
        (SimulationConfig(qps=10, duration=1, url="http://ads.example"), "loopback"),
        (SimulationConfig(qps=10, duration=1, url="ftp://127.0.0.1"), "http"),
        (SimulationConfig(qps=10, duration=1, exchange="a/b"), "--exchange"),
    ],
)
def test_unbounded_or_remote_runs_are_refused(config: SimulationConfig, message: str) -> None:
    with pytest.raises(SimulationRefused, match=message):
        check(config)


def test_a_remote_url_needs_leave_and_an_exchange_gets_its_own_path() -> None:
    config = SimulationConfig(qps=1, duration=1, url="http://ads.example/", allow_remote=True)
    check(config)
    assert bid_url(config) == "http://ads.example/rtb/bid"
    named = SimulationConfig(qps=1, duration=1, exchange="openx")
    assert bid_url(named) == "http://127.0.0.1:8000/rtb/openx/bid"


def test_the_command_refuses_an_unbounded_run_with_a_message() -> None:
    result = subprocess.run(
        [str(BIN), "simulate", "--qps", "10", "--duration", "7200"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert "at most 3600 seconds" in result.stderr
    assert "Traceback" not in result.stderr
