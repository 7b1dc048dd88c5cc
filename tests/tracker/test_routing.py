"""Routing over real GeoIP and user-agent data: filters, stream order, rotation, macros, actions."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from decimal import Decimal

from adplane.tracker import flow
from adplane.tracker.flow import (
    ActionType,
    Campaign,
    Filter,
    FilterJoin,
    FilterKind,
    FilterMode,
    Stream,
    StreamSchema,
    StreamType,
)
from adplane.tracker.routing import (
    ClickState,
    Visitor,
    answer,
    choose_stream,
    macros,
    new_subid,
    pick_offer,
    substitute,
    takes,
)

US_IP = "8.8.8.8"
DE_IP = "46.4.0.1"  # Hetzner, Germany
CHROME_WIN = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36"
)
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def _stream(
    id_: int,
    kind: StreamType = StreamType.REGULAR,
    *,
    position: int = 1,
    weight: int = 100,
    filters: tuple[Filter, ...] = (),
    join: FilterJoin = FilterJoin.AND,
) -> Stream:
    return Stream(
        id=id_,
        type=kind,
        position=position,
        weight=weight,
        schema=StreamSchema.REDIRECT,
        action_type=ActionType.HTTP,
        action_payload=f"https://example.com/{id_}",
        filters=filters,
        filter_join=join,
    )


def _campaign(*streams: Stream, **kw: object) -> Campaign:
    return Campaign(
        id=7, account_id=1, name="Spring sale", alias="spring", token="tok", streams=streams, **kw
    )  # type: ignore[arg-type]


def _values(kind: FilterKind, *values: str, mode: FilterMode = FilterMode.ACCEPT) -> Filter:
    return Filter(kind, mode, flow.ValuesPayload(values))


def test_country_comes_from_the_ip_through_geoip() -> None:
    stream = _stream(1, filters=(_values(FilterKind.COUNTRY, "us"),))
    campaign = _campaign(stream)
    state = ClickState()
    assert takes(campaign, stream, Visitor(US_IP, CHROME_WIN), state)
    assert not takes(campaign, stream, Visitor(DE_IP, CHROME_WIN), state)


def test_reject_mode_inverts_and_or_join_needs_one() -> None:
    not_us = _stream(1, filters=(_values(FilterKind.COUNTRY, "US", mode=FilterMode.REJECT),))
    either = _stream(
        2,
        filters=(_values(FilterKind.COUNTRY, "FR"), _values(FilterKind.OS, "iOS")),
        join=FilterJoin.OR,
    )
    both = _stream(3, filters=(_values(FilterKind.COUNTRY, "FR"), _values(FilterKind.OS, "iOS")))
    campaign = _campaign(not_us, either, both)
    state = ClickState()
    iphone_us = Visitor(US_IP, SAFARI_IPHONE)
    assert not takes(campaign, not_us, iphone_us, state)
    assert takes(campaign, not_us, Visitor(DE_IP, CHROME_WIN), state)
    assert takes(campaign, either, iphone_us, state)
    assert not takes(campaign, both, iphone_us, state)


def test_os_browser_device_come_from_ua_parser() -> None:
    state = ClickState()
    campaign = _campaign()
    windows = _stream(1, filters=(_values(FilterKind.OS, "Windows"),))
    chrome = _stream(2, filters=(_values(FilterKind.BROWSER, "Chrome"),))
    phone = _stream(3, filters=(_values(FilterKind.DEVICE, "mobile"),))
    desktop = Visitor(US_IP, CHROME_WIN)
    iphone = Visitor(US_IP, SAFARI_IPHONE)
    assert takes(campaign, windows, desktop, state)
    assert not takes(campaign, windows, iphone, state)
    assert takes(campaign, chrome, desktop, state)
    assert not takes(campaign, chrome, iphone, state)
    assert takes(campaign, phone, iphone, state)
    assert not takes(campaign, phone, desktop, state)


def test_language_ip_cidr_keyword_referrer_and_sub_ids() -> None:
    state = ClickState()
    campaign = _campaign()
    visitor = Visitor(
        "203.0.113.9",
        CHROME_WIN,
        referrer="https://news.example.org/a",
        accept_language="de-DE,de;q=0.9,en;q=0.5",
        params={"keyword": "cheap flights", "sub_id_3": "zoneA"},
    )
    cases = [
        (_values(FilterKind.LANGUAGE, "de"), True),
        (_values(FilterKind.LANGUAGE, "en"), False),
        (_values(FilterKind.IP, "203.0.113.0/24"), True),
        (_values(FilterKind.IP, "203.0.113.10", "not-an-ip"), False),
        (_values(FilterKind.KEYWORD, "flights"), True),
        (_values(FilterKind.REFERRER, "news.example.org"), True),
        (_values(FilterKind.REFERRER, "other.example"), False),
        (
            Filter(
                FilterKind.SUB_ID, FilterMode.ACCEPT, flow.ParameterPayload("sub_id_3", ("zonea",))
            ),
            True,
        ),
        (
            Filter(FilterKind.SUB_ID, FilterMode.ACCEPT, flow.ParameterPayload("sub_id_4", ("x",))),
            False,
        ),
        (Filter(FilterKind.EMPTY_REFERRER, FilterMode.ACCEPT, flow.FlagPayload()), False),
    ]
    for item, expected in cases:
        assert takes(campaign, _stream(1, filters=(item,)), visitor, state) is expected, item


def test_schedule_reads_the_time_zone_and_interval_is_half_open() -> None:
    # Wednesday 2026-12-02 23:30 UTC is Thursday 00:30 in Berlin (CET).
    now = datetime(2026, 12, 2, 23, 30, tzinfo=UTC).timestamp()
    visitor = Visitor(US_IP, CHROME_WIN, now=now)
    state = ClickState()
    campaign = _campaign()
    thursday_berlin = flow.SchedulePayload((flow.ScheduleWindow((3,), 0, 1),), "Europe/Berlin")
    wednesday_utc = flow.SchedulePayload((flow.ScheduleWindow((2,), 23, 24),))
    for payload, expected in [(thursday_berlin, True), (wednesday_utc, True)]:
        item = Filter(FilterKind.SCHEDULE, FilterMode.ACCEPT, payload)
        assert takes(campaign, _stream(1, filters=(item,)), visitor, state) is expected
    monday = flow.SchedulePayload((flow.ScheduleWindow((0,), 0, 24),))
    item = Filter(FilterKind.SCHEDULE, FilterMode.ACCEPT, monday)
    assert not takes(campaign, _stream(1, filters=(item,)), visitor, state)
    ended = Filter(FilterKind.INTERVAL, FilterMode.ACCEPT, flow.IntervalPayload(end=now))
    assert not takes(campaign, _stream(1, filters=(ended,)), visitor, state)


def test_bots_from_signatures_empty_agent_and_lists() -> None:
    state = ClickState()
    campaign = _campaign()
    bots = _stream(1, filters=(Filter(FilterKind.BOT, FilterMode.ACCEPT, flow.FlagPayload()),))
    assert takes(campaign, bots, Visitor(US_IP, GOOGLEBOT), state)
    assert takes(campaign, bots, Visitor(US_IP, ""), state)
    assert takes(campaign, bots, Visitor(US_IP, "curl/8.5.0"), state)
    assert takes(campaign, bots, Visitor(US_IP, CHROME_WIN, bot_ips=frozenset({US_IP})), state)
    assert not takes(campaign, bots, Visitor(US_IP, CHROME_WIN), state)


def test_uniqueness_by_cookie_then_ip_and_agent_within_the_ttl() -> None:
    unique = Filter(
        FilterKind.UNIQUENESS,
        FilterMode.ACCEPT,
        flow.UniquenessPayload(flow.UniquenessScope.CAMPAIGN),
    )
    stream = _stream(1, filters=(unique,))
    campaign = _campaign(stream, uniqueness=flow.Uniqueness(ttl_hours=1))
    state = ClickState()
    first = Visitor(US_IP, CHROME_WIN, now=1000.0)
    assert takes(campaign, stream, first, state)
    assert state.record(campaign, stream, first) == {
        "campaign": True,
        "global": True,
        "stream": True,
    }
    again = Visitor(US_IP, CHROME_WIN, now=1500.0)
    assert not takes(campaign, stream, again, state)
    assert takes(campaign, stream, Visitor(US_IP, CHROME_WIN, cookie_id="abc", now=1500.0), state)
    assert takes(campaign, stream, Visitor(US_IP, CHROME_WIN, now=1000.0 + 3600), state)


def test_limit_counts_the_streams_clicks() -> None:
    limit = Filter(FilterKind.LIMIT, FilterMode.ACCEPT, flow.LimitPayload(2))
    capped = _stream(1, filters=(limit,))
    fallback = _stream(2, StreamType.DEFAULT)
    campaign = _campaign(capped, fallback)
    state = ClickState()
    chosen = []
    for n in range(3):
        visitor = Visitor(US_IP, CHROME_WIN, now=1000.0 + n)
        stream = choose_stream(campaign, visitor, state)
        assert stream is not None
        state.record(campaign, stream, visitor)
        chosen.append(stream.id)
    assert chosen == [1, 1, 2]


def test_selection_order_forced_then_regular_by_position_then_default_then_nothing() -> None:
    us_only = (_values(FilterKind.COUNTRY, "US"),)
    forced = _stream(1, StreamType.FORCED, filters=(_values(FilterKind.OS, "iOS"),))
    late = _stream(2, position=2)
    early = _stream(3, position=1, filters=us_only)
    default = _stream(4, StreamType.DEFAULT)
    campaign = _campaign(late, early, forced, default)
    state = ClickState()

    def pick(visitor: Visitor, c: Campaign = campaign) -> int | None:
        stream = choose_stream(c, visitor, state)
        return stream.id if stream else None

    assert pick(Visitor(US_IP, SAFARI_IPHONE)) == 1
    assert pick(Visitor(US_IP, CHROME_WIN)) == 3
    assert pick(Visitor(DE_IP, CHROME_WIN)) == 2
    assert pick(Visitor(DE_IP, CHROME_WIN), _campaign(early, default)) == 4
    assert pick(Visitor(DE_IP, CHROME_WIN), _campaign(early)) is None


def test_weight_rotation_follows_weights_and_binds_visitors() -> None:
    heavy = _stream(1, weight=90)
    light = _stream(2, weight=10)
    never = _stream(3, weight=0)
    campaign = _campaign(heavy, light, never, rotation=flow.RotationType.WEIGHT)
    rng = random.Random(12)
    state = ClickState()
    counts = {1: 0, 2: 0, 3: 0}
    for _ in range(2000):
        stream = choose_stream(campaign, Visitor(US_IP, CHROME_WIN), state, rng)
        assert stream is not None
        counts[stream.id] += 1
    assert counts[3] == 0
    assert 1650 < counts[1] < 1950

    bound = _campaign(heavy, light, rotation=flow.RotationType.WEIGHT, bind_visitors=True)
    state = ClickState()
    visitor = Visitor(US_IP, CHROME_WIN, cookie_id="v1", now=1000.0)
    first = choose_stream(bound, visitor, state, rng)
    assert first is not None
    state.record(bound, first, visitor)
    for n in range(50):
        later = Visitor(US_IP, CHROME_WIN, cookie_id="v1", now=1001.0 + n)
        again = choose_stream(bound, later, state, rng)
        assert again is not None
        assert again.id == first.id


def test_offers_rotate_by_share() -> None:
    offers = (
        flow.Offer(1, "a", "https://a.example/", share=75, payout=Decimal("1.50")),
        flow.Offer(2, "b", "https://b.example/", share=25),
    )
    stream = Stream(
        1, StreamType.REGULAR, 1, 100, StreamSchema.OFFERS, ActionType.HTTP, offers=offers
    )
    rng = random.Random(3)
    counts = {1: 0, 2: 0}
    for _ in range(4000):
        offer = pick_offer(stream, rng)
        assert offer is not None
        counts[offer.id] += 1
    assert 2800 < counts[1] < 3200


def test_macros_are_url_encoded_with_raw_and_date_forms() -> None:
    stream = _stream(5)
    campaign = _campaign(stream)
    visitor = Visitor(
        US_IP,
        CHROME_WIN,
        params={"sub_id_1": "a b&c", "keyword": "k/w", "source": "fb", "custom": "x y"},
        now=datetime(2026, 12, 3, 10, 4, 5, tzinfo=UTC).timestamp(),
    )
    offer = flow.Offer(9, "o", "https://o.example/")
    values = macros(campaign, stream, visitor, "abc123", offer=offer)
    url = substitute(
        "https://o.example/?s={subid}&c={campaign_id}&n={campaign_name}&st={stream_id}&o={offer_id}"
        "&s1={sub_id_1}&r={sub_id_1:raw}&s30={sub_id_30}&k={keyword}&cc={country}&os={os}"
        "&b={browser}&ip={ip}&src={source}&d={date:Y-m-d}&x={custom}&u={unknown}",
        values,
        visitor.now,
    )
    assert url == (
        "https://o.example/?s=abc123&c=7&n=Spring%20sale&st=5&o=9&s1=a%20b%26c&r=a b&c&s30="
        "&k=k%2Fw&cc=US&os=Windows&b=Chrome&ip=8.8.8.8&src=fb&d=2026-12-03&x=x%20y&u={unknown}"
    )


def test_subids_are_unique() -> None:
    ids = {new_subid() for _ in range(1000)}
    assert len(ids) == 1000


def test_actions_answer() -> None:
    target = 'https://t.example/?a=1&b="x"'
    assert answer(ActionType.HTTP, target).headers == (("location", target),)
    assert answer(ActionType.HTTP, target).status == 302
    meta = answer(ActionType.META, target)
    assert 'http-equiv="refresh"' in meta.body
    assert "&amp;b=&quot;x&quot;" in meta.body
    js = answer(ActionType.JS, "https://t.example/</script>")
    assert "</script>" not in js.body.split("<script>", 1)[1].split("</script>", 1)[0]
    assert ("referrer-policy", "no-referrer") in answer(ActionType.BLANK_REFERRER, target).headers
    double = answer(ActionType.DOUBLE_META, target, double_meta_url="https://us.example/hop")
    assert "https://us.example/hop" in double.body
    assert answer(ActionType.SHOW_TEXT, "hi").media_type.startswith("text/plain")
    assert answer(ActionType.SHOW_HTML, "<b>hi</b>").body == "<b>hi</b>"
    assert answer(ActionType.NOT_FOUND, "").status == 404
    assert answer(ActionType.CAMPAIGN, "12").campaign_id == 12
    assert answer(ActionType.CAMPAIGN, "nope").status == 404
