"""Editing campaigns with PATCH: only the fields sent change, and every rule still holds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.support.native import API, assert_problem, create_campaign


async def patch(
    client: httpx.AsyncClient, actor: Actor, campaign_id: int, body: dict[str, Any]
) -> httpx.Response:
    return await client.patch(f"{API}/campaigns/{campaign_id}", json=body, headers=actor.headers)


async def test_only_the_fields_sent_change(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(
        client, advertiser.headers, name="Old", bid_price="1", pacing="asap"
    )
    response = await patch(client, advertiser, campaign["id"], {"name": "New"})
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["name"] == "New"
    assert (updated["bid_price"], updated["pacing"]) == (campaign["bid_price"], "asap")
    assert updated["updated_at"] >= campaign["updated_at"]


async def test_an_edit_is_visible_to_the_next_read(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await patch(client, advertiser, campaign["id"], {"daily_budget": "55.5"})
    got = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert Decimal(got.json()["daily_budget"]) == Decimal("55.5")


async def test_a_nullable_field_can_be_cleared(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, daily_budget="10")
    updated = (await patch(client, advertiser, campaign["id"], {"daily_budget": None})).json()
    assert updated["daily_budget"] is None


async def test_targeting_is_replaced_as_a_whole(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(
        client,
        advertiser.headers,
        targeting={"countries": {"include": ["US"]}, "oses": {"include": ["Android"]}},
    )
    body = {"targeting": {"countries": {"include": ["DE"]}}}
    updated = (await patch(client, advertiser, campaign["id"], body)).json()
    assert updated["targeting"]["countries"]["include"] == ["DE"]
    assert updated["targeting"]["oses"]["include"] == []


async def test_an_empty_patch_is_refused(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    assert_problem(await patch(client, advertiser, campaign["id"], {}), 422, field="body")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": None}, "name"),
        ({"name": "   "}, "name"),
        ({"pricing_model": None}, "pricing_model"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"bid_price": "-1"}, "bid_price"),
        ({"status": "active"}, "status"),
        ({"is_active": True}, "is_active"),
        ({"approval": "approved"}, "approval"),
        ({"account_id": 1}, "account_id"),
        ({"ad_format_options": ["not-an-option"]}, "ad_format_options"),
    ],
)
async def test_an_invalid_edit_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, advertiser: Actor, body: dict[str, Any], field: str
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="Kept", format_id=63)
    assert_problem(await patch(client, advertiser, campaign["id"], body), 422, field=field)
    got = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert got.json() == campaign


async def test_state_is_changed_by_actions_not_by_edits(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await patch(client, advertiser, campaign["id"], {"is_archived": True})
    assert_problem(response, 422, field="is_archived")


async def test_an_alias_taken_by_another_campaign_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers, alias="taken")
    campaign = await create_campaign(client, advertiser.headers)
    assert_problem(
        await patch(client, advertiser, campaign["id"], {"alias": "taken"}), 422, field="alias"
    )


async def test_a_campaign_may_keep_its_own_alias(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, alias="mine")
    response = await patch(client, advertiser, campaign["id"], {"alias": "mine", "name": "x"})
    assert response.status_code == 200


async def test_the_bidding_strategy_may_only_change_to_autobidding(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, bidding_strategy="exclusive")
    refused = await patch(client, advertiser, campaign["id"], {"bidding_strategy": "manual"})
    assert_problem(refused, 422, field="bidding_strategy")
    allowed = await patch(client, advertiser, campaign["id"], {"bidding_strategy": "autobidding"})
    assert allowed.json()["bidding_strategy"] == "autobidding"


async def test_an_edited_draft_stays_a_draft(client: httpx.AsyncClient, advertiser: Actor) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    updated = (await patch(client, advertiser, draft["id"], {"name": "Still a draft"})).json()
    assert updated["status"] == "draft"


async def test_editing_a_missing_campaign_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    assert_problem(await patch(client, advertiser, 424242, {"name": "x"}), 404)
