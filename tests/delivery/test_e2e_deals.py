"""PMP deals end to end: campaigns naming deal ids through the native API, the PMP sample of
``shared/data/openrtb`` bid on as the seat its first deal names (``Agency1``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from adplane.settings import Settings
from tests.conftest import TEST_SECRET, Actor
from tests.delivery.test_e2e_delivery import _bid, _image_campaign, _live, sample
from tests.support.native import API

SEAT = "Agency1"
PRIVATE_DEAL = "AB-Agency1-0001"  # wseat Agency1, floor 2.50
OTHER_SEATS_DEAL = "XY-Agency2-0001"  # wseat Agency2, floor 2.00


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        env="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        database_url=database_url,
        delivery_seat=SEAT,
    )


def _only_bid(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["seatbid"][0]["seat"] == SEAT
    (bid,) = body["seatbid"][0]["bid"]
    return dict(bid)


async def test_the_private_deal_sample_is_bid_under_the_deal_open_to_our_seat(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    await _image_campaign(client, admin, advertiser, 300, 250, "9")  # open market only
    other = await _image_campaign(
        client, admin, advertiser, 300, 250, "8", deal_ids=[OTHER_SEATS_DEAL]
    )
    dealt = await _image_campaign(
        client, admin, advertiser, 300, 250, "3", deal_ids=[PRIVATE_DEAL, "unrelated"]
    )
    await _live(app.state.delivery)
    bid = _only_bid(await _bid(client, sample(5)))
    assert bid["cid"] == str(dealt["id"]) != str(other["id"])
    assert bid["dealid"] == PRIVATE_DEAL
    assert bid["price"] == 3.0


async def test_a_deal_bid_must_meet_the_deals_floor(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    # 2.00 is above the impression's open floor (0.03), under the deal's 2.50.
    await _image_campaign(client, admin, advertiser, 300, 250, "2", deal_ids=[PRIVATE_DEAL])
    await _live(app.state.delivery)
    assert (await _bid(client, sample(5))).status_code == 204
    cheaper = sample(5)
    cheaper["imp"][0]["pmp"]["deals"][0]["bidfloor"] = 1.5
    assert _only_bid(await _bid(client, cheaper))["dealid"] == PRIVATE_DEAL


async def test_an_open_auction_with_deals_is_bid_by_the_best_of_the_deal_and_the_open_market(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    open_market = await _image_campaign(client, admin, advertiser, 300, 250, "1")
    open_auction = sample(5)
    open_auction["imp"][0]["pmp"]["private_auction"] = 0
    await _live(app.state.delivery)
    bid = _only_bid(await _bid(client, open_auction))
    assert (bid["cid"], "dealid" in bid, bid["price"]) == (str(open_market["id"]), False, 1.0)
    dealt = await _image_campaign(client, admin, advertiser, 300, 250, "4", deal_ids=[PRIVATE_DEAL])
    await _live(app.state.delivery)
    bid = _only_bid(await _bid(client, open_auction))
    assert (bid["cid"], bid["dealid"], bid["price"]) == (str(dealt["id"]), PRIVATE_DEAL, 4.0)


async def test_a_campaign_naming_deals_does_not_bid_in_the_open_market(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    await _image_campaign(client, admin, advertiser, 300, 250, "3", deal_ids=[PRIVATE_DEAL])
    await _live(app.state.delivery)
    assert (await _bid(client, sample(1))).status_code == 204


async def test_a_deal_added_to_a_running_campaign_is_live_at_the_next_refresh(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await _image_campaign(client, admin, advertiser, 300, 250, "3")
    await _live(app.state.delivery)
    assert (await _bid(client, sample(5))).status_code == 204
    response = await client.patch(
        f"{API}/campaigns/{campaign['id']}",
        json={"deal_ids": [PRIVATE_DEAL]},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    await _live(app.state.delivery)
    assert _only_bid(await _bid(client, sample(5)))["dealid"] == PRIVATE_DEAL
