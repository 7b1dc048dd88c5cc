"""The delivery routes on a running app, from a hand-built snapshot: bids, notices, clicks,
postbacks, replays and forgeries, and the answers to garbage."""

from __future__ import annotations

import asyncio
import gzip
import html
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import orjson
import pytest

from adplane.delivery.guard import BudgetGuard
from adplane.delivery.runtime import DeliveryRuntime
from tests.delivery import entries

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)

BANNER_REQUEST = {
    "id": "auction-1",
    "imp": [{"id": "1", "bidfloor": 0.03, "banner": {"w": 300, "h": 250}}],
    "site": {"id": "102855", "domain": "www.foobar.com", "publisher": {"id": "8953"}},
}


@pytest.fixture
def delivery(app: Any) -> DeliveryRuntime:
    runtime: DeliveryRuntime = app.state.delivery
    snapshot = entries.snapshot(entries.campaign())
    runtime.install(snapshot, entries.TinyMatcher(snapshot), pin=True)
    return runtime


async def _events(app: Any) -> list[tuple[Any, ...]]:
    await app.state.events.flush()
    rows: list[tuple[Any, ...]] = app.state.events.store.fetch(
        "SELECT type, event_id, campaign_id, creative_id, cost_micros, click_id, exchange, "
        "domain FROM events ORDER BY ts, event_id"
    )
    return rows


async def _bid(client: httpx.AsyncClient, request: dict[str, Any] = BANNER_REQUEST) -> Any:
    response = await client.post("/rtb/openx/bid", content=orjson.dumps(request))
    assert response.status_code == 200, response.text
    return response.json()["seatbid"][0]["bid"][0]


def _path(url: str, **macros: str) -> str:
    for name, value in macros.items():
        url = url.replace("${" + name + "}", value)
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


async def test_a_bid_carries_the_creative_price_and_signed_notices(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    response = await client.post("/rtb/bid", content=orjson.dumps(BANNER_REQUEST))
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "auction-1"
    assert body["seatbid"][0]["seat"] == "adplane"
    bid = body["seatbid"][0]["bid"][0]
    assert bid["impid"] == "1"
    assert bid["price"] == 2.0
    assert (bid["crid"], bid["cid"], bid["adomain"]) == ("11", "1", ["shop.example"])
    assert (bid["w"], bid["h"], bid["cat"]) == (300, 250, ["IAB3-1"])
    assert "${AUCTION_PRICE}" in bid["nurl"]
    assert "${AUCTION_PRICE}" in bid["burl"]
    assert "${AUCTION_LOSS}" in bid["lurl"]
    assert "/t/click?t=" in bid["adm"]
    assert entries.BANNER_CLICK.replace("&", "&amp;") not in bid["adm"]


async def test_a_notice_logs_the_device_type_as_its_catalogue_code(
    client: httpx.AsyncClient, delivery: DeliveryRuntime, app: Any
) -> None:
    bid = await _bid(client, {**BANNER_REQUEST, "device": {"devicetype": 4}})
    response = await client.get(_path(bid["burl"], AUCTION_PRICE="1.5"))
    assert response.status_code in (200, 204)
    await app.state.events.flush()
    rows = app.state.events.store.fetch("SELECT type, device_type FROM events")
    assert rows == [("impression", "phone")]  # the billing notice is the impression


async def test_no_candidate_is_a_204_with_no_body(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    request = {**BANNER_REQUEST, "imp": [{"id": "1", "banner": {"w": 728, "h": 90}}]}
    response = await client.post("/rtb/bid", content=orjson.dumps(request))
    assert response.status_code == 204
    assert response.content == b""


async def test_a_floor_above_the_bid_is_a_204(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    request = {
        **BANNER_REQUEST,
        "imp": [{"id": "1", "bidfloor": 2.01, "banner": {"w": 300, "h": 250}}],
    }
    response = await client.post("/rtb/bid", content=orjson.dumps(request))
    assert response.status_code == 204


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"[]",
        b'{"id": 1, "imp": []}',
        b'{"id": "a", "imp": "x"}',
        b"\xff\xfe",
        b"null",
        b'{"id": "a\\u0000", "imp": [{"id": "1"}]}',
        b'{"id":"a","imp":[{"id":"1","bidfloor":1e400}]}',
    ],
)
async def test_a_malformed_bid_request_is_a_400(
    client: httpx.AsyncClient, delivery: DeliveryRuntime, body: bytes
) -> None:
    response = await client.post("/rtb/bid", content=body)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_a_huge_bid_request_is_refused(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    response = await client.post("/rtb/bid", content=b" " * (2 << 20))
    assert response.status_code == 413


async def test_a_bad_exchange_name_is_a_400(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    response = await client.post("/rtb/-x!/bid", content=orjson.dumps(BANNER_REQUEST))
    assert 400 <= response.status_code < 500


async def test_the_noop_endpoint_answers_204(client: httpx.AsyncClient) -> None:
    assert (await client.get("/rtb/noop")).status_code == 204
    assert (await client.post("/rtb/noop", content=b"{}")).status_code == 204


async def test_a_billing_notice_charges_the_clearing_price_once_however_often_replayed(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    bid = await _bid(client)
    win = _path(bid["nurl"], AUCTION_PRICE="1.234567")
    bill = _path(bid["burl"], AUCTION_PRICE="1.234567")
    for _ in range(3):
        assert (await client.get(win)).status_code == 204
        assert (await client.get(bill)).status_code == 204
    rows = await _events(app)
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("win", "win:auction-1:1", 0),
        # 1.234567 CPM is 1234.567 micros an impression, rounded half-even to the micro.
        ("impression", "imp:auction-1:1", 1235),
    ]
    assert rows[0][6] == "openx"
    assert rows[0][7] == "www.foobar.com"


async def test_a_notice_claiming_more_than_the_bid_is_charged_the_bid(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    bid = await _bid(client)
    await client.get(_path(bid["burl"], AUCTION_PRICE="9.50"))
    assert [r[4] for r in await _events(app)] == [2000]


async def test_an_unfilled_price_is_charged_the_bid_and_an_audit_nothing(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    bid = await _bid(client)
    await client.get(_path(bid["burl"], AUCTION_PRICE="AUDIT"))
    assert await _events(app) == []
    await client.get(_path(bid["burl"]))
    assert [r[4] for r in await _events(app)] == [2000]


async def test_a_forged_or_altered_notice_records_nothing_and_answers_alike(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    bid = await _bid(client)
    genuine = _path(bid["burl"], AUCTION_PRICE="1.00")
    token = parse_qs(urlsplit(genuine).query)["t"][0]
    forged = genuine.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    for url in (forged, "/rtb/bill?t=nonsense&price=1", "/rtb/bill", "/rtb/win?t=", "/rtb/loss"):
        response = await client.get(url)
        assert (response.status_code, response.content) == (204, b"")
    assert await _events(app) == []


async def test_a_click_redirects_with_macros_filled_and_counts_once(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    target = "https://shop.example/landing?click={CLICK_ID}&cid=${CAMPAIGN_ID}&x={unknown}"
    markup = f'<a href="{html.escape(target)}"><img src="https://cdn.example/a.png"/></a>'
    item = entries.creative(click_url=target, markup=markup)
    snapshot = entries.snapshot(entries.campaign(creatives=(item,)))
    delivery.install(snapshot, entries.TinyMatcher(snapshot))
    bid = await _bid(client)
    start = bid["adm"].index("/t/click?t=")
    click = bid["adm"][start : bid["adm"].index('"', start)].replace("&amp;", "&")
    for _ in range(2):
        response = await client.get(click)
        assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert location.netloc == "shop.example"
    query = parse_qs(location.query)
    assert query["cid"] == ["1"]
    assert query["x"] == ["{unknown}"]
    conversion_token = query["click"][0]
    rows = await _events(app)
    assert [(r[0], r[1]) for r in rows] == [("click", "click:auction-1:1")]
    # The postback names the click by the id its destination received.
    for _ in range(2):
        answer = await client.get("/t/conv", params={"click_id": conversion_token, "txid": "T1"})
        assert answer.headers["content-type"] == "image/gif"
    answer = await client.post("/t/conv", data={"click_id": conversion_token, "txid": "T2"})
    assert answer.status_code == 204
    rows = await _events(app)
    conversions = [r for r in rows if r[0] == "conversion"]
    assert len(conversions) == 2
    assert {r[5] for r in rows} == {rows[0][5]}


async def test_a_forged_click_records_nothing_and_goes_to_the_fallback(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    response = await client.get("/t/click?t=forged.token")
    assert response.status_code == 302
    assert response.headers["location"] == "http://testserver/"
    answer = await client.get("/t/conv", params={"click_id": "forged", "txid": "1"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/gif"
    assert await _events(app) == []


async def test_a_notice_token_is_no_click(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    bid = await _bid(client)
    token = parse_qs(urlsplit(bid["burl"]).query)["t"][0]
    response = await client.get("/t/click", params={"t": token})
    assert response.headers["location"] == "http://testserver/"
    assert await _events(app) == []


@pytest.mark.parametrize(
    "path", ["/rtb/win", "/rtb/bill", "/rtb/loss", "/t/imp", "/t/click", "/t/conv"]
)
async def test_a_nul_in_a_tracking_query_is_a_400(
    client: httpx.AsyncClient, delivery: DeliveryRuntime, path: str
) -> None:
    response = await client.get(f"{path}?t=a%00b")
    assert response.status_code == 400


async def test_the_surfaces_publish_their_documents(client: httpx.AsyncClient) -> None:
    for prefix in ("/rtb", "/t"):
        document = (await client.get(f"{prefix}/openapi.json")).json()
        assert document["openapi"].startswith("3.1")
        assert document["paths"]


def _click_of(bid: dict[str, Any]) -> str:
    start = bid["adm"].index("/t/click?t=")
    return str(bid["adm"][start : bid["adm"].index('"', start)].replace("&amp;", "&"))


async def test_a_cpc_campaign_pays_at_the_click_and_not_at_the_impression(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    cpc = entries.campaign(pricing_model="cpc", bid_price_micros=400_000)
    snapshot = entries.snapshot(cpc)
    delivery.install(snapshot, entries.TinyMatcher(snapshot), pin=True)
    bid = await _bid(client)
    await client.get(_path(bid["burl"], AUCTION_PRICE="0.9"))
    for _ in range(2):
        await client.get(_click_of(bid))
    rows = await _events(app)
    assert [(r[0], r[4]) for r in rows] == [("impression", 0), ("click", 400_000)]


async def _cpa_click(client: httpx.AsyncClient, delivery: DeliveryRuntime) -> str:
    """A CPA campaign bid on and clicked: the click id its destination got."""
    cpa = entries.campaign(
        pricing_model="cpa",
        bid_price_micros=3_000_000,
        destination_url="https://shop.example/?c={click_id}",
        creatives=(
            entries.creative(
                click_url=None, variant="banner_tag", markup="<a href='{CLICK_URL}'>x</a>"
            ),
        ),
    )
    snapshot = entries.snapshot(cpa)
    delivery.install(snapshot, entries.TinyMatcher(snapshot), pin=True)
    bid = await _bid(client)
    start = bid["adm"].index("/t/click?t=")
    click = bid["adm"][start : bid["adm"].index("'", start)]
    location = (await client.get(click)).headers["location"]
    token = parse_qs(urlsplit(location).query)["c"][0]
    return token


async def test_a_cpa_campaign_pays_at_the_conversion_once_per_transaction(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    token = await _cpa_click(client, delivery)
    for txid in ("T1", "T1", "T2"):
        await client.get("/t/conv", params={"click_id": token, "txid": txid, "payout": "12.5"})
    rows = await _events(app)
    assert sorted((r[0], r[4]) for r in rows) == [
        ("click", 0),
        ("conversion", 3_000_000),
        ("conversion", 3_000_000),
    ]
    revenue = app.state.events.store.fetch(
        "SELECT sum(revenue_micros) FROM events WHERE type = 'conversion'"
    )
    assert revenue == [(25_000_000,)]


async def test_a_conversion_with_an_unreadable_payout_is_recorded_without_revenue(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    token = await _cpa_click(client, delivery)
    for txid, payout in (("T1", "NaN"), ("T2", "-5"), ("T3", "1e9")):
        response = await client.get(
            "/t/conv", params={"click_id": token, "txid": txid, "payout": payout}
        )
        assert response.status_code == 200
    await app.state.events.flush()
    rows = app.state.events.store.fetch(
        "SELECT count(*), sum(coalesce(revenue_micros, 0)) FROM events WHERE type = 'conversion'"
    )
    assert rows == [(3, 0)]


async def test_a_tmax_the_work_cannot_meet_is_no_bid(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    # 5 ms less the 10 ms margin kept for the way back: the deadline has passed on arrival.
    response = await client.post("/rtb/bid", content=orjson.dumps({**BANNER_REQUEST, "tmax": 5}))
    assert response.status_code == 204
    response = await client.post("/rtb/bid", content=orjson.dumps({**BANNER_REQUEST, "tmax": 500}))
    assert response.status_code == 200


async def test_concurrent_replays_of_a_billing_notice_record_one_impression(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    bid = await _bid(client)
    bill = _path(bid["burl"], AUCTION_PRICE="2")
    answers = await asyncio.gather(*(client.get(bill) for _ in range(8)))
    assert {a.status_code for a in answers} == {204}
    assert [(r[0], r[4]) for r in await _events(app)] == [("impression", 2000)]


async def test_a_test_auction_answers_but_records_nothing(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    bid = await _bid(client, {**BANNER_REQUEST, "test": 1})
    await client.get(_path(bid["nurl"], AUCTION_PRICE="1"))
    await client.get(_path(bid["burl"], AUCTION_PRICE="1"))
    response = await client.get(_click_of(bid))
    assert response.headers["location"].startswith("https://shop.example/")
    assert await _events(app) == []


def _guard(delivery: DeliveryRuntime) -> BudgetGuard:
    assert isinstance(delivery.guard, BudgetGuard)
    return delivery.guard


async def test_the_guard_holds_a_bid_and_moves_once_at_the_billing_notice(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    guard = _guard(delivery)
    now = datetime.now(UTC)
    funds = guard.funds(1)
    bid = await _bid(client)
    # One impression at the 2.00 bid is held until a notice says what it cost.
    assert guard.spend_today(1, now) == 2000
    for _ in range(3):
        await client.get(_path(bid["burl"], AUCTION_PRICE="0.5"))
    assert guard.spend_today(1, now) == 500
    assert guard.funds(1) == funds - 500


async def test_a_loss_notice_gives_the_held_spend_back(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    guard = _guard(delivery)
    bid = await _bid(client)
    assert guard.spend_today(1, datetime.now(UTC)) == 2000
    await client.get(_path(bid["lurl"], AUCTION_PRICE="2.5", AUCTION_LOSS="102"))
    assert guard.spend_today(1, datetime.now(UTC)) == 0


async def test_a_campaign_whose_daily_budget_is_spent_stops_bidding(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    tight = entries.campaign(daily_budget_micros=5000)
    snapshot = entries.snapshot(tight)
    delivery.install(snapshot, entries.TinyMatcher(snapshot), pin=True)
    made = 0
    for index in range(10):
        request = {**BANNER_REQUEST, "id": f"auction-{index}"}
        response = await client.post("/rtb/bid", content=orjson.dumps(request))
        if response.status_code == 204:
            break
        made += 1
        bid = response.json()["seatbid"][0]["bid"][0]
        await client.get(_path(bid["burl"], AUCTION_PRICE="2"))
    # 2.00 CPM is 2,000 micros an impression: two fit in 5,000, a third would not.
    assert made == 2
    assert _guard(delivery).spend_today(1, datetime.now(UTC)) == 4000


async def test_an_exchange_without_billing_notices_bills_at_the_win_once(
    app: Any, client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    delivery.settings.delivery_bill_on_win = "openx"
    bid = await _bid(client)
    for _ in range(2):
        await client.get(_path(bid["nurl"], AUCTION_PRICE="1.5"))
    await client.get(_path(bid["burl"], AUCTION_PRICE="1.5"))
    rows = await _events(app)
    assert [(r[0], r[4]) for r in rows] == [("win", 0), ("impression", 1500)]


async def test_the_metrics_show_the_snapshot_and_the_bids(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    await _bid(client)
    text = (await client.get("/metrics")).text
    assert "adplane_delivery_snapshot_campaigns 1.0" in text
    assert "adplane_delivery_bids_total 1.0" in text
    assert "adplane_delivery_snapshot_age_seconds" in text


async def test_a_gzip_bid_request_is_read_and_a_gzip_bomb_refused(
    client: httpx.AsyncClient, delivery: DeliveryRuntime
) -> None:
    packed = gzip.compress(orjson.dumps(BANNER_REQUEST))
    response = await client.post("/rtb/bid", content=packed, headers={"content-encoding": "gzip"})
    assert response.status_code == 200
    bomb = gzip.compress(b" " * (4 << 20))
    response = await client.post("/rtb/bid", content=bomb, headers={"content-encoding": "gzip"})
    assert response.status_code == 400
    response = await client.post(
        "/rtb/bid", content=b"not gzip", headers={"content-encoding": "gzip"}
    )
    assert response.status_code == 400
