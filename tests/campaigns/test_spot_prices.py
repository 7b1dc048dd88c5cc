"""Per-spot price overrides of a campaign: listed and dropped through the native API."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from adplane.campaigns import service as campaigns
from adplane.inventory import service as inventory
from adplane.kit.db import Database
from tests.conftest import Actor
from tests.support.native import API, act, assert_problem, create_campaign


@pytest.fixture
async def spot_id(database: Database) -> int:
    async with database.sessionmaker() as session, session.begin():
        site = await inventory.create_site(session, None, name="News", domain="news.example")
        spot = await inventory.create_spot(session, None, site_id=site.id, name="top", format_id=1)
        return spot.id


async def set_price(
    database: Database, owner: Actor, campaign_id: int, spot: int, price: str
) -> None:
    async with database.sessionmaker() as session, session.begin():
        await campaigns.set_spot_price(session, owner.principal, campaign_id, spot, Decimal(price))


async def test_a_campaign_lists_its_spot_prices(
    client: httpx.AsyncClient, advertiser: Actor, database: Database, spot_id: int
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await set_price(database, advertiser, campaign["id"], spot_id, "0.123456")
    response = await client.get(
        f"{API}/campaigns/{campaign['id']}/spot-prices", headers=advertiser.headers
    )
    assert response.status_code == 200
    [price] = response.json()
    assert (price["campaign_id"], price["spot_id"]) == (campaign["id"], spot_id)
    assert Decimal(price["price"]) == Decimal("0.123456")


async def test_a_new_campaign_has_no_spot_prices(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await client.get(
        f"{API}/campaigns/{campaign['id']}/spot-prices", headers=advertiser.headers
    )
    assert response.json() == []


async def test_a_spot_price_can_be_dropped(
    client: httpx.AsyncClient, advertiser: Actor, database: Database, spot_id: int
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await set_price(database, advertiser, campaign["id"], spot_id, "1")
    response = await client.delete(
        f"{API}/campaigns/{campaign['id']}/spot-prices/{spot_id}", headers=advertiser.headers
    )
    assert response.status_code == 204
    listing = await client.get(
        f"{API}/campaigns/{campaign['id']}/spot-prices", headers=advertiser.headers
    )
    assert listing.json() == []


async def test_dropping_a_price_that_is_not_set_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor, spot_id: int
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await client.delete(
        f"{API}/campaigns/{campaign['id']}/spot-prices/{spot_id}", headers=advertiser.headers
    )
    assert_problem(response, 404)


async def test_a_clone_copies_the_spot_prices(
    client: httpx.AsyncClient, advertiser: Actor, database: Database, spot_id: int
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await set_price(database, advertiser, campaign["id"], spot_id, "2.5")
    clone = await act(client, advertiser.headers, campaign["id"], "clone")
    prices = await client.get(
        f"{API}/campaigns/{clone['id']}/spot-prices", headers=advertiser.headers
    )
    assert [(p["spot_id"], Decimal(p["price"])) for p in prices.json()] == [
        (spot_id, Decimal("2.5"))
    ]
