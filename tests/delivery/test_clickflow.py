"""The click engine over compiled campaigns: routing, landings' offer links, hops, events."""

from __future__ import annotations

import random
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from adplane.delivery.clickflow import ClickEngine, LandingTokens, TrackerSnapshot
from adplane.delivery.tracking import derive_key
from adplane.events import schema
from adplane.tracker import flow
from adplane.tracker.flow import ActionType, Campaign, Stream, StreamSchema, StreamType
from adplane.tracker.routing import Visitor

BASE = "https://trk.example"
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36"
)


def _engine(*campaigns: Campaign) -> ClickEngine:
    return ClickEngine(
        LandingTokens(derive_key("test-secret", "tracker-lp")),
        TrackerSnapshot.of(campaigns),
        rng=random.Random(1),
    )


def _campaign(id_: int, *streams: Stream, account: int = 1, alias: str | None = None) -> Campaign:
    return Campaign(
        id=id_,
        account_id=account,
        name=f"c{id_}",
        alias=alias,
        token=f"tok{id_}",
        streams=streams,
        cost_value=Decimal("0.05"),
    )


def _redirect(id_: int, url: str, kind: StreamType = StreamType.DEFAULT) -> Stream:
    return Stream(id_, kind, 1, 100, StreamSchema.REDIRECT, ActionType.HTTP, url)


def test_a_hit_by_alias_or_token_redirects_with_macros_and_yields_a_storable_click() -> None:
    engine = _engine(
        _campaign(3, _redirect(30, "https://o.example/?s={subid}&k={sub_id_1}"), alias="Go")
    )
    visitor = Visitor("8.8.8.8", CHROME, params={"sub_id_1": "a b", "source": "fb"})
    outcome = engine.hit("go", visitor, BASE)
    assert outcome is not None
    assert outcome.answer.status == 302
    location = dict(outcome.answer.headers)["location"]
    assert location == f"https://o.example/?s={outcome.subid}&k=a%20b"
    event = outcome.event
    assert event is not None
    assert (event["campaign_id"], event["stream_id"], event["country"]) == (3, 30, "US")
    assert event["cost"] == Decimal("0.05")
    schema.STORED.validate_python([event])
    assert engine.hit("tok3", Visitor("8.8.8.8", CHROME), BASE) is not None
    assert engine.hit("nope", Visitor("8.8.8.8", CHROME), BASE) is None


def test_each_click_has_its_own_subid() -> None:
    engine = _engine(_campaign(3, _redirect(30, "https://o.example/"), alias="go"))
    ids = set()
    for _ in range(20):
        outcome = engine.hit("go", Visitor("8.8.8.8", CHROME), BASE)
        assert outcome is not None
        ids.add(outcome.subid)
    assert len(ids) == 20


def test_a_landings_offer_link_continues_the_same_click() -> None:
    stream = Stream(
        40,
        StreamType.DEFAULT,
        1,
        100,
        StreamSchema.LANDINGS,
        ActionType.HTTP,
        landings=(flow.Landing(5, "lp", "https://lp.example/?next={offer}"),),
        offers=(flow.Offer(6, "of", "https://of.example/?c={subid}&lp={landing_id}"),),
    )
    engine = _engine(_campaign(4, stream, alias="lp"))
    first = engine.hit("lp", Visitor("8.8.8.8", CHROME), BASE)
    assert first is not None
    assert first.event is not None
    assert first.event["landing_id"] == 5
    landing_url = dict(first.answer.headers)["location"]
    offer_link = parse_qs(urlsplit(landing_url).query)["next"][0]
    assert offer_link.startswith(f"{BASE}/lp?_lp=1&_token=")
    params = {k: v[0] for k, v in parse_qs(urlsplit(offer_link).query).items()}
    second = engine.hit("lp", Visitor("8.8.8.8", CHROME, params=params), BASE)
    assert second is not None
    assert second.event is None  # the same click: not counted again
    assert second.subid == first.subid
    assert dict(second.answer.headers)["location"] == f"https://of.example/?c={first.subid}&lp=5"
    forged = dict(params, _token=params["_token"][:-2] + "AA")
    bad = engine.hit("lp", Visitor("8.8.8.8", CHROME, params=forged), BASE)
    assert bad is not None
    assert bad.answer.status == 404


def test_send_to_another_campaign_stays_inside_the_account() -> None:
    hop = Stream(50, StreamType.DEFAULT, 1, 100, StreamSchema.ACTION, ActionType.CAMPAIGN, "6")
    foreign = Stream(51, StreamType.DEFAULT, 1, 100, StreamSchema.ACTION, ActionType.CAMPAIGN, "7")
    engine = _engine(
        _campaign(5, hop, alias="a"),
        _campaign(8, foreign, alias="b"),
        _campaign(6, _redirect(60, "https://six.example/")),
        _campaign(7, _redirect(70, "https://seven.example/"), account=2),
    )
    outcome = engine.hit("a", Visitor("8.8.8.8", CHROME), BASE)
    assert outcome is not None
    assert dict(outcome.answer.headers)["location"] == "https://six.example/"
    assert outcome.event is not None
    assert outcome.event["campaign_id"] == 6
    refused = engine.hit("b", Visitor("8.8.8.8", CHROME), BASE)
    assert refused is not None
    assert refused.answer.status == 404


def test_a_loop_of_campaigns_ends_in_404() -> None:
    engine = _engine(
        _campaign(
            1,
            Stream(1, StreamType.DEFAULT, 1, 1, StreamSchema.ACTION, ActionType.CAMPAIGN, "2"),
            alias="x",
        ),
        _campaign(
            2, Stream(2, StreamType.DEFAULT, 1, 1, StreamSchema.ACTION, ActionType.CAMPAIGN, "1")
        ),
    )
    outcome = engine.hit("x", Visitor("8.8.8.8", CHROME), BASE)
    assert outcome is not None
    assert outcome.answer.status == 404


def test_no_stream_means_do_nothing_and_text_gets_raw_macros() -> None:
    us_only = flow.Filter(
        flow.FilterKind.COUNTRY, flow.FilterMode.ACCEPT, flow.ValuesPayload(("US",))
    )
    text = Stream(
        9,
        StreamType.REGULAR,
        1,
        1,
        StreamSchema.ACTION,
        ActionType.SHOW_TEXT,
        "hi {keyword}",
        filters=(us_only,),
    )
    engine = _engine(_campaign(9, text, alias="t9"))
    shown = engine.hit("t9", Visitor("8.8.8.8", CHROME, params={"keyword": "a b"}), BASE)
    assert shown is not None
    assert shown.answer.body == "hi a b"
    nothing = engine.hit("t9", Visitor("46.4.0.1", CHROME), BASE)
    assert nothing is not None
    assert (nothing.answer.status, nothing.answer.body) == (200, "")
    assert nothing.event is not None
    assert "stream_id" not in nothing.event
