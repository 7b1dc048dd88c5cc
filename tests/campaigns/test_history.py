"""A campaign's history: who changed what, when, oldest first."""

from __future__ import annotations

from decimal import Decimal

import httpx

from tests.conftest import Actor
from tests.support.native import API, act, assert_problem, create_campaign


async def test_every_change_is_recorded_with_its_author(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="Old")
    await client.patch(
        f"{API}/campaigns/{campaign['id']}", json={"name": "New"}, headers=advertiser.headers
    )
    await act(client, admin.headers, campaign["id"], "approve")
    await act(client, advertiser.headers, campaign["id"], "pause")
    response = await client.get(
        f"{API}/campaigns/{campaign['id']}/history", headers=advertiser.headers
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [(c["action"], c["user_id"]) for c in items] == [
        ("create", advertiser.user_id),
        ("update", advertiser.user_id),
        ("approve", admin.user_id),
        ("pause", advertiser.user_id),
    ]
    assert items[1]["changes"] == {"name": ["Old", "New"]}
    assert all(c["campaign_id"] == campaign["id"] and c["created_at"] for c in items)


async def test_a_creation_records_the_fields_that_were_set(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="n", bid_price="0.5")
    history = await client.get(
        f"{API}/campaigns/{campaign['id']}/history", headers=advertiser.headers
    )
    changes = history.json()["items"][0]["changes"]
    assert changes["name"] == [None, "n"]
    assert changes["bid_price"][0] is None
    assert Decimal(changes["bid_price"][1]) == Decimal("0.5")


async def test_a_rejection_records_its_reasons(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await client.post(
        f"{API}/campaigns/{campaign['id']}/reject",
        json={"reason_codes": [2]},
        headers=admin.headers,
    )
    history = await client.get(f"{API}/campaigns/{campaign['id']}/history", headers=admin.headers)
    last = history.json()["items"][-1]
    assert (last["action"], last["changes"]) == ("reject", {"reject_reason_codes": [None, [2]]})


async def test_the_history_pages(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    for _ in range(3):
        await act(client, advertiser.headers, campaign["id"], "pause")
    response = await client.get(
        f"{API}/campaigns/{campaign['id']}/history",
        params={"page": 2, "page_size": 3},
        headers=advertiser.headers,
    )
    body = response.json()
    assert (body["total"], body["page"], body["page_size"]) == (4, 2, 3)
    assert [c["action"] for c in body["items"]] == ["pause"]


async def test_the_history_of_a_missing_campaign_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(f"{API}/campaigns/424242/history", headers=advertiser.headers)
    assert_problem(response, 404)
