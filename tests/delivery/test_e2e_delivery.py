"""Delivery end to end on both backends: campaigns set up through the native API, the
sample requests of ``shared/data/openrtb`` bid on, notices and clicks replayed and forged,
and the reports counting each once."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from adplane.billing import service as billing
from adplane.delivery.runtime import DeliveryRuntime
from adplane.kit.db import Database
from adplane.kit.time import utcnow
from tests.conftest import Actor, Factory
from tests.creatives.helpers import create, video_tag
from tests.creatives.test_media_variants import upload
from tests.delivery.test_snapshot import _approve_creative, _assign, running
from tests.media import files
from tests.support.native import API, SUBMITTABLE, act
from tests.support.server import LiveServer, new_user

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "data" / "openrtb"
if not SAMPLES.exists():  # a worktree sits beside main, under the same parent
    SAMPLES = Path("/work/shared/data/openrtb")
# A VAST 3.0 InLine ad, which the video sample's players (protocols 2 and 3) can play.
THIRD_PARTY_VAST = (
    '<VAST version="3.0"><Ad id="1"><InLine><AdSystem>x</AdSystem><AdTitle>t</AdTitle>'
    "<Impression>https://ads.example/imp</Impression><Creatives><Creative><Linear>"
    "<Duration>00:00:15</Duration><VideoClicks>"
    "<ClickThrough>https://shop.example/video</ClickThrough></VideoClicks><MediaFiles>"
    '<MediaFile delivery="progressive" type="video/mp4" width="640" height="480">'
    "https://cdn.example/v.mp4</MediaFile></MediaFiles></Linear></Creative></Creatives>"
    "</InLine></Ad></VAST>"
)
CLICK = "https://shop.example/landing?click={CLICK_ID}&cid={campaign_id}"


def sample(number: int) -> dict[str, Any]:
    (path,) = SAMPLES.glob(f"request-{number}-*.json")
    loaded: dict[str, Any] = orjson.loads(path.read_bytes())
    return loaded


async def _image_campaign(
    client: httpx.AsyncClient,
    admin: Actor,
    owner: Actor,
    width: int,
    height: int,
    price: str,
    *,
    attributes: list[int] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    image = await upload(client, owner, "b.png", files.image(width, height))
    creative = {
        "name": f"Image {width}x{height}",
        "content": {"variant": "banner_image", "media_id": image["id"], "click_url": CLICK},
        "bid_price": price,
        "categories": ["IAB3"],
        "attributes": attributes or [],
    }
    return await running(
        client, admin, owner, creative=creative, advertiser_domain="shop.example", **fields
    )


async def _bid(client: httpx.AsyncClient, request: dict[str, Any]) -> httpx.Response:
    return await client.post("/rtb/sample-exchange/bid", content=orjson.dumps(request))


async def _live(runtime: DeliveryRuntime) -> None:
    # The change notices refresh the snapshot within a second; don't wait for the timer.
    await runtime.refresh_now()


def _relative(url: str, **macros: str) -> str:
    for name, value in macros.items():
        url = url.replace("${" + name + "}", value)
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


async def _report(client: httpx.AsyncClient, owner: Actor, app: Any) -> dict[str, Any]:
    await app.state.events.flush()
    today = time.strftime("%Y-%m-%d", time.gmtime())
    response = await client.post(
        f"{API}/reports",
        json={
            "from": today,
            "to": today,
            "dimensions": ["campaign_id"],
            "metrics": ["impressions", "clicks", "spend"],
        },
        headers=owner.headers,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_the_simple_banner_sample_gets_a_300x250_bid(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await _image_campaign(client, admin, advertiser, 300, 250, "2.5")
    await _live(app.state.delivery)
    response = await _bid(client, sample(1))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["id"] == sample(1)["id"]
    (bid,) = body["seatbid"][0]["bid"]
    assert bid["impid"] == "1"
    assert bid["price"] == 2.5
    assert bid["cid"] == str(campaign["id"])
    assert bid["crid"] == str(campaign["creative_id"])
    assert (bid["w"], bid["h"]) == (300, 250)
    assert bid["adomain"] == ["shop.example"]
    assert "/t/click?t=" in bid["adm"]


async def test_the_expandable_sample_bids_a_creative_that_does_not_expand(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    # battr 13 blocks expandable-on-interaction creatives; ours carries no such attribute.
    await _image_campaign(client, admin, advertiser, 300, 250, "1")
    await _live(app.state.delivery)
    response = await _bid(client, sample(2))
    assert response.status_code == 200, response.text
    assert response.json()["seatbid"][0]["bid"][0]["price"] == 1.0


async def test_the_mobile_sample_gets_a_728x90_bid_above_its_floor(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    await _image_campaign(client, admin, advertiser, 300, 250, "3")
    leaderboard = await _image_campaign(client, admin, advertiser, 728, 90, "0.75")
    await _live(app.state.delivery)
    response = await _bid(client, sample(3))
    assert response.status_code == 200, response.text
    (bid,) = response.json()["seatbid"][0]["bid"]
    assert bid["cid"] == str(leaderboard["id"])
    assert bid["price"] >= 0.5


async def test_the_mobile_sample_under_its_floor_is_no_bid(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    await _image_campaign(client, admin, advertiser, 728, 90, "0.4")
    await _live(app.state.delivery)
    assert (await _bid(client, sample(3))).status_code == 204


async def test_the_video_sample_gets_a_vast_document(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await running(
        client,
        admin,
        advertiser,
        creative=video_tag(
            bid_price="4",
            content={
                "variant": "video_tag",
                "vast_xml": THIRD_PARTY_VAST,
                "mime_types": ["video/mp4"],
                "duration_seconds": 15,
            },
        ),
        creative_type="video",
    )
    await _live(app.state.delivery)
    response = await _bid(client, sample(4))
    assert response.status_code == 200, response.text
    (bid,) = response.json()["seatbid"][0]["bid"]
    assert bid["cid"] == str(campaign["id"])
    assert bid["adm"].startswith('<VAST version="3.0">')
    assert "<ClickThrough>https://shop.example/video</ClickThrough>" in bid["adm"]
    assert "[ADPLANE_" not in bid["adm"]
    assert "/t/click?t=" in bid["adm"]


async def test_the_private_deal_sample_is_no_bid_from_another_seat(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    # A private auction open to the deals of Agency1 and Agency2 (their wseat): our seat is
    # ADPLANE_DELIVERY_SEAT (adplane here), so even a campaign buying both deals may not bid
    # (test_e2e_deals.py bids them as seat Agency1).
    await _image_campaign(client, admin, advertiser, 300, 250, "3")
    await _image_campaign(
        client, admin, advertiser, 300, 250, "3", deal_ids=["AB-Agency1-0001", "XY-Agency2-0001"]
    )
    await _live(app.state.delivery)
    assert (await _bid(client, sample(5))).status_code == 204
    open_auction = sample(5)
    open_auction["imp"][0]["pmp"]["private_auction"] = 0
    response = await _bid(client, open_auction)
    assert response.status_code == 200
    (bid,) = response.json()["seatbid"][0]["bid"]
    assert "dealid" not in bid


async def test_a_creative_with_an_attribute_the_impression_blocks_is_not_bid(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    # Attribute 1: audio ad, autoplay.
    await _image_campaign(client, admin, advertiser, 300, 250, "2", attributes=[1])
    await _live(app.state.delivery)
    response = await _bid(client, sample(1))
    assert response.status_code == 200, response.text
    assert response.json()["seatbid"][0]["bid"][0]["attr"] == [1]
    blocking = sample(1)
    blocking["imp"][0]["banner"]["battr"] = [1]
    assert (await _bid(client, blocking)).status_code == 204
    # The expandable sample blocks attribute 13 only.
    assert (await _bid(client, sample(2))).status_code == 200


async def test_a_pause_stops_bids_within_a_second(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await _image_campaign(client, admin, advertiser, 300, 250, "2")
    await _live(app.state.delivery)
    assert (await _bid(client, sample(1))).status_code == 200
    await act(client, advertiser.headers, campaign["id"], "pause")
    paused = time.monotonic()
    while (await _bid(client, sample(1))).status_code != 204:
        assert time.monotonic() - paused < 1.0, "still bidding a second after the pause"
        await asyncio.sleep(0.02)


async def test_replayed_notices_and_clicks_count_once_in_the_reports(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await _image_campaign(client, admin, advertiser, 300, 250, "2")
    await _live(app.state.delivery)
    (bid,) = (await _bid(client, sample(1))).json()["seatbid"][0]["bid"]
    start = bid["adm"].index("/t/click?t=")
    click = bid["adm"][start : bid["adm"].index('"', start)].replace("&amp;", "&")
    for _ in range(3):
        await client.get(_relative(bid["nurl"], AUCTION_PRICE="1.5"))
        await client.get(_relative(bid["burl"], AUCTION_PRICE="1.5"))
        redirect = await client.get(click)
        assert redirect.status_code == 302
    assert redirect.headers["location"].startswith("https://shop.example/landing?click=")
    assert f"cid={campaign['id']}" in redirect.headers["location"]
    # Forged: another campaign's id cannot be signed in.
    await client.get("/rtb/bill?t=x.y&price=1.5")
    (row,) = (await _report(client, advertiser, app))["rows"]
    assert row["impressions"] == 1
    assert row["clicks"] == 1
    # 1.5 CPM is 0.0015 an impression.
    assert row["spend"] in ("0.0015", "0.001500", 0.0015)


async def test_a_bid_for_a_new_campaign_needs_an_approved_creative(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await running(client, admin, advertiser)
    made = await create(
        client,
        advertiser.headers,
        {
            "name": "unreviewed",
            "content": {"variant": "banner_tag", "tag": "<b>x</b>"},
            "size": {"width": 300, "height": 250},
            "bid_price": "2",
        },
    )
    await _assign(client, advertiser, campaign["id"], [made["id"]])
    await _live(app.state.delivery)
    assert (await _bid(client, sample(1))).status_code == 204
    await _approve_creative(client, admin, made["id"])
    await _live(app.state.delivery)
    assert (await _bid(client, sample(1))).status_code == 200


async def test_the_wallet_falls_by_exactly_the_reported_spend(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    cpm = await _image_campaign(client, admin, advertiser, 300, 250, "2")
    await _live(app.state.delivery)
    before = await _account(client, advertiser)
    prices = ["1.234567", "1.999999", "0.5", "9"]  # the last claims more than the bid
    for index, price in enumerate(prices):
        request = {**sample(1), "id": f"wallet-{index}"}
        (bid,) = (await _bid(client, request)).json()["seatbid"][0]["bid"]
        for _ in range(2):  # a replay charges nothing
            await client.get(_relative(bid["burl"], AUCTION_PRICE=price))
    # 1234.567 -> 1235, 1999.999 -> 2000, 500, and 9.00 capped at the 2.00 bid: 2000 micros.
    expected = Decimal("0.005735")
    await app.state.events.flush()
    report = json.loads(
        (
            await client.post(
                f"{API}/reports",
                json={
                    "from": time.strftime("%Y-%m-%d", time.gmtime()),
                    "to": time.strftime("%Y-%m-%d", time.gmtime()),
                    "metrics": ["impressions", "spend"],
                },
                headers=advertiser.headers,
            )
        ).text,
        parse_float=Decimal,
    )
    assert report["totals"]["impressions"] == len(prices)
    assert Decimal(str(report["totals"]["spend"])) == expected
    after = await _account(client, advertiser)
    assert before["available"] - after["available"] == expected
    # Posted to the wallet as a spend transaction once its hour has closed: the balance
    # falls by the same amount, and the available funds stay where they were.
    for _ in range(2):
        async with database.sessionmaker() as session, session.begin():
            await billing.post_spend(
                session, app.state.events.spend_reader, utcnow() + timedelta(hours=2)
            )
    posted = await _account(client, advertiser)
    assert before["balance"] - posted["balance"] == expected
    assert posted["available"] == after["available"]
    assert cpm["id"]


async def _account(client: httpx.AsyncClient, actor: Actor) -> dict[str, Decimal]:
    response = await client.get(f"{API}/accounts/{actor.account_id}", headers=actor.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    return {"balance": Decimal(body["balance"]), "available": Decimal(body["available"])}


async def test_an_account_out_of_funds_stops_bidding_and_a_deposit_starts_it_again(
    app: Any, client: httpx.AsyncClient, admin: Actor, factory: Factory
) -> None:
    poor = await factory.advertiser(balance=Decimal("0.005"))
    await _image_campaign(client, admin, poor, 300, 250, "2")
    await _live(app.state.delivery)
    billed = 0
    for index in range(5):
        response = await _bid(client, {**sample(1), "id": f"funds-{index}"})
        if response.status_code == 204:
            break
        (bid,) = response.json()["seatbid"][0]["bid"]
        await client.get(_relative(bid["burl"], AUCTION_PRICE="2"))
        billed += 1
    # 0.002 an impression: two leave 0.001, less than a third would cost.
    assert billed == 2
    deposit = await client.post(
        f"{API}/accounts/{poor.account_id}/deposit", json={"amount": "1"}, headers=admin.headers
    )
    assert deposit.status_code == 201, deposit.text
    deposited = time.monotonic()
    while (await _bid(client, {**sample(1), "id": "funds-again"})).status_code != 200:
        assert time.monotonic() - deposited < 1.0, "no bid a second after the deposit"
        await asyncio.sleep(0.02)


def test_a_real_server_bids_and_counts_a_replayed_billing_notice_once(
    live_server: LiveServer,
) -> None:
    owner = new_user(live_server)
    admin = {"Authorization": f"Bearer {live_server.admin_key}"}
    # A size of its own: the server is shared with other tests' campaigns.
    size = {"width": 333, "height": 111}
    with httpx.Client(base_url=live_server.base_url, timeout=30) as http:
        made = http.post(
            f"{API}/campaigns",
            json={"name": "Live", **SUBMITTABLE, "advertiser_domain": "live.example"},
            headers=owner.headers,
        )
        assert made.status_code == 201, made.text
        campaign = made.json()["id"]
        creative = http.post(
            f"{API}/creatives",
            json={
                "name": "Live tag",
                "content": {"variant": "banner_tag", "tag": "<a href='{CLICK_URL}'>ad</a>"},
                "size": size,
                "bid_price": "3",
            },
            headers=owner.headers,
        ).json()["id"]
        for call in (
            http.post(f"{API}/campaigns/{campaign}/approve", headers=admin),
            http.post(
                f"{API}/creatives/{creative}/review", json={"approval": "approved"}, headers=admin
            ),
            http.put(
                f"{API}/campaigns/{campaign}/creatives",
                json={"ids": [creative]},
                headers=owner.headers,
            ),
        ):
            assert call.is_success, call.text
        request = {
            "id": f"live-{campaign}",
            "imp": [{"id": "1", "banner": {"w": 333, "h": 111}}],
            "site": {"id": "s1", "domain": "live-site.example"},
        }
        deadline = time.monotonic() + 5
        while True:
            answer = http.post("/rtb/live/bid", content=orjson.dumps(request))
            if answer.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert answer.status_code == 200, "no bid five seconds after the campaign was set up"
        (bid,) = answer.json()["seatbid"][0]["bid"]
        assert (bid["cid"], bid["crid"], bid["price"]) == (str(campaign), str(creative), 3.0)
        for _ in range(3):
            assert http.get(_relative(bid["burl"], AUCTION_PRICE="2.5")).status_code == 204
        today = time.strftime("%Y-%m-%d", time.gmtime())
        deadline = time.monotonic() + 10
        while True:
            report = http.post(
                f"{API}/reports",
                json={"from": today, "to": today, "metrics": ["impressions", "spend"]},
                headers=owner.headers,
            ).json()
            if report["totals"]["impressions"] or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert report["totals"]["impressions"] == 1
        assert Decimal(str(report["totals"]["spend"])) == Decimal("0.0025")
