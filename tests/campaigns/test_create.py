"""Creating campaigns: pending approval, as a draft, for an account, with every core field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from adplane.kit.db import Database
from adplane.models import Campaign
from tests.conftest import Actor
from tests.support.native import API, assert_problem, create_campaign

# A campaign using every group of core fields, as the five vendor documents define them.
FULL: dict[str, Any] = {
    "name": "Everything",
    "notes": "all fields",
    "group_id": 3,
    "position": 2,
    "format_id": 63,
    "creative_type": "video",
    "placement": "listing",
    "ad_format_options": ["pre-roll"],
    "pricing_model": "cpc",
    "bid_price": "0.35",
    "rtb_bid_price": "0.3",
    "adaptive_bid": True,
    "payout": "12.5",
    "daily_budget": "100",
    "total_budget": "3000",
    "use_total_budget": True,
    "budget_period": "weekly",
    "period_budget": "700",
    "daily_impressions_cap": 100000,
    "total_impressions_cap": 5000000,
    "daily_clicks_cap": 1000,
    "total_clicks_cap": 50000,
    "pacing": "asap",
    "frequency_enabled": True,
    "frequency_type": "ip",
    "frequency_cap": 3,
    "frequency_period": 24,
    "start_at": "2099-01-01T00:00:00Z",
    "end_at": "2099-03-01T00:00:00Z",
    "timezone": "Europe/Paris",
    "day_parting": "1" * 168,
    "traffic_type": "prime",
    "traffic_source_type": "direct",
    "network_traffic_type": "non_proxy",
    "targeting": {
        "countries": {"include": ["us", "GB"], "exclude": []},
        "oses": {"include": ["Android"], "exclude": ["iOS"]},
        "languages": {"include": ["en"]},
        "keywords": {"exclude": ["casino"]},
        "age_min": 18,
        "age_max": 65,
        "mobile_app": False,
    },
    "restriction_ids": [1, 9],
    "external_campaign_id": "ext-1",
    "deal_ids": ["AB-Agency1-0001", "XY-Agency2-0001"],
    "destination_url": "https://shop.example/?click={CLICK_ID}",
    "advertiser_domain": "shop.example",
    "alias": "everything-1",
    "rotation_type": "weight",
    "cookies_ttl_hours": 48,
    "cost_model": "CPA",
    "cost_value": "1.5",
    "cost_currency": "EUR",
    "bind_visitors": "sl",
    "tracker_parameters": {"keyword": {"name": "kw", "placeholder": "{keyword}"}},
    "postbacks": [{"url": "https://t.example/pb", "method": "GET"}],
}


async def count_campaigns(database: Database) -> int:
    async with database.sessionmaker() as session:
        return int((await session.execute(select(func.count(Campaign.id)))).scalar_one())


async def test_a_new_campaign_is_active_and_pending_approval(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="Spring sale")
    assert campaign["name"] == "Spring sale"
    assert campaign["account_id"] == advertiser.account_id
    assert campaign["created_by_user_id"] == advertiser.user_id
    assert (campaign["is_draft"], campaign["approval"], campaign["is_active"]) == (
        False,
        "pending",
        True,
    )
    assert campaign["status"] == "pending"
    assert campaign["is_running"] is False


async def test_a_campaign_has_an_integer_id_and_a_uuid(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    first = await create_campaign(client, advertiser.headers)
    second = await create_campaign(client, advertiser.headers)
    assert isinstance(first["id"], int)
    assert second["id"] > first["id"]
    assert len(first["uuid"]) == 36
    assert first["uuid"] != second["uuid"]


async def test_a_campaign_can_be_created_paused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, is_active=False)
    assert campaign["is_active"] is False


async def test_a_campaign_saved_as_a_draft_is_inactive(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, draft=True)
    assert campaign["is_draft"] is True
    assert campaign["is_active"] is False
    assert campaign["status"] == "draft"


async def test_every_core_field_is_stored_and_returned(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await create_campaign(client, advertiser.headers, **FULL)
    got = (await client.get(f"{API}/campaigns/{created['id']}", headers=advertiser.headers)).json()
    assert got == created
    for name in ("group_id", "format_id", "pacing", "timezone", "alias", "rotation_type"):
        assert got[name] == FULL[name]
    assert Decimal(got["bid_price"]) == Decimal("0.35")
    assert Decimal(got["cost_value"]) == Decimal("1.5")
    assert got["targeting"]["countries"] == {"include": ["US", "GB"], "exclude": []}
    # Catalogued values are stored as canonical codes, whatever case they were sent in.
    assert got["targeting"]["oses"] == {"include": ["android"], "exclude": ["ios"]}
    assert got["targeting"]["mobile_app"] is False
    assert got["start_at"].startswith("2099-01-01T00:00:00")
    assert got["tracker_parameters"] == FULL["tracker_parameters"]
    assert got["postbacks"] == FULL["postbacks"]
    assert got["restriction_ids"] == [1, 9]


async def test_unset_fields_take_their_defaults(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, complete=False)
    assert campaign["pricing_model"] == "cpm"
    assert campaign["timezone"] == "UTC"
    assert campaign["pacing"] == "even"
    assert campaign["bid_price"] is None
    assert campaign["targeting"]["countries"] == {"include": [], "exclude": []}


async def test_money_fields_keep_six_decimal_places_exactly(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(
        client, advertiser.headers, bid_price="0.000001", daily_budget="123456789012.123456"
    )
    assert Decimal(campaign["bid_price"]) == Decimal("0.000001")
    assert Decimal(campaign["daily_budget"]) == Decimal("123456789012.123456")


async def test_a_money_field_sent_as_a_json_number_is_exact(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/campaigns",
        content=b'{"name": "n", "daily_budget": 123456789012.123456, "bid_price": 0.1}',
        headers={**advertiser.headers, "content-type": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert Decimal(response.json()["daily_budget"]) == Decimal("123456789012.123456")
    assert Decimal(response.json()["bid_price"]) == Decimal("0.1")


async def test_more_than_six_decimal_places_are_refused(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    response = await client.post(
        f"{API}/campaigns",
        json={"name": "n", "bid_price": "0.0000001"},
        headers=advertiser.headers,
    )
    assert_problem(response, 422, field="bid_price")
    assert await count_campaigns(database) == 0


async def test_a_start_in_the_past_means_now(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers, start_at="2001-01-01T00:00:00Z")
    assert campaign["start_at"] > "2020"


async def test_a_name_is_required(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    response = await client.post(
        f"{API}/campaigns", json={"bid_price": "1"}, headers=advertiser.headers
    )
    assert_problem(response, 422, field="name")
    assert await count_campaigns(database) == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"format_id": 999}, "format_id"),
        ({"format_id": 1, "ad_format_options": ["pre-roll"]}, "ad_format_options"),
        ({"ad_format_options": ["pre-roll"]}, "ad_format_options"),
        ({"restriction_ids": [4242]}, "restriction_ids"),
        ({"targeting": {"spots": {"include": [4242]}}}, "targeting.spots"),
        ({"targeting": {"sites": {"exclude": [4242]}}}, "targeting.sites"),
        ({"start_at": "2099-02-01T00:00:00Z", "end_at": "2099-01-01T00:00:00Z"}, "end_at"),
        ({"targeting": {"age_min": 40, "age_max": 20}}, "targeting.age_max"),
        ({"autobidding_objective": "clicks"}, "autobidding_objective"),
        ({"exclusivity_price": "1"}, "exclusivity_price"),
        ({"product_ids": ["p1"], "placement": "listing"}, "product_ids"),
        ({"frequency_enabled": True}, "frequency_cap"),
        ({"cost_currency": "XYZ"}, "cost_currency"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"targeting": {"countries": {"include": ["XX"]}}}, "targeting.countries"),
        ({"deal_ids": [""]}, "deal_ids.0"),
        ({"deal_ids": ["a deal"]}, "deal_ids.0"),
        ({"deal_ids": ["x" * 129]}, "deal_ids.0"),
        ({"deal_ids": [f"d{i}" for i in range(101)]}, "deal_ids"),
    ],
)
async def test_rules_across_fields_and_the_catalogues_are_enforced(
    client: httpx.AsyncClient,
    advertiser: Actor,
    database: Database,
    fields: dict[str, Any],
    field: str,
) -> None:
    response = await client.post(
        f"{API}/campaigns", json={"name": "n", **fields}, headers=advertiser.headers
    )
    assert_problem(response, 422, field=field)
    assert await count_campaigns(database) == 0


async def test_a_taken_alias_is_refused_and_nothing_is_written(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, database: Database
) -> None:
    await create_campaign(client, advertiser.headers, alias="summer")
    response = await client.post(
        f"{API}/campaigns", json={"name": "n", "alias": "summer"}, headers=other_advertiser.headers
    )
    assert_problem(response, 422, field="alias")
    assert await count_campaigns(database) == 1


async def test_an_admin_creates_a_campaign_for_an_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, admin.headers, account_id=advertiser.account_id)
    assert campaign["account_id"] == advertiser.account_id
    assert campaign["created_by_user_id"] == admin.user_id
    mine = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert mine.status_code == 200


async def test_an_admin_acting_for_an_account_creates_there(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    headers = {**admin.headers, "X-Adplane-Account": str(advertiser.account_id)}
    campaign = await create_campaign(client, headers)
    assert campaign["account_id"] == advertiser.account_id


async def test_an_admin_must_name_the_account(
    client: httpx.AsyncClient, admin: Actor, database: Database
) -> None:
    response = await client.post(f"{API}/campaigns", json={"name": "n"}, headers=admin.headers)
    assert_problem(response, 422, field="account_id")
    assert await count_campaigns(database) == 0


async def test_an_admin_naming_a_missing_account_finds_nothing(
    client: httpx.AsyncClient, admin: Actor, database: Database
) -> None:
    response = await client.post(
        f"{API}/campaigns", json={"name": "n", "account_id": 424242}, headers=admin.headers
    )
    assert_problem(response, 404)
    assert await count_campaigns(database) == 0


async def test_an_advertiser_may_name_its_own_account(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, account_id=advertiser.account_id)
    assert campaign["account_id"] == advertiser.account_id


async def test_a_campaign_shows_its_accounts_wallet(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    assert Decimal(campaign["account_balance"]) == Decimal("1000")
    assert campaign["account_currency"] == "USD"
    assert campaign["no_funds"] is False


async def test_deal_ids_are_kept_once_each_in_the_order_given(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, deal_ids=["b-2", " a-1 ", "b-2"])
    assert campaign["deal_ids"] == ["b-2", "a-1"]
    assert (await create_campaign(client, advertiser.headers))["deal_ids"] == []
    response = await client.patch(
        f"{API}/campaigns/{campaign['id']}", json={"deal_ids": []}, headers=advertiser.headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["deal_ids"] == []
