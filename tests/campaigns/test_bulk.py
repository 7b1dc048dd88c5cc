"""Bulk actions: one action over many campaigns, each id succeeding or failing on its own."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.support.native import API, SUBMITTABLE, act, assert_problem, create_campaign


async def bulk(
    client: httpx.AsyncClient, actor: Actor, action: str, ids: list[int]
) -> dict[str, Any]:
    response = await client.post(
        f"{API}/campaigns/bulk/{action}", json={"ids": ids}, headers=actor.headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def get(client: httpx.AsyncClient, actor: Actor, campaign_id: int) -> dict[str, Any]:
    body: dict[str, Any] = (
        await client.get(f"{API}/campaigns/{campaign_id}", headers=actor.headers)
    ).json()
    return body


async def test_bulk_pause_pauses_every_campaign(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    ids = [(await create_campaign(client, advertiser.headers))["id"] for _ in range(3)]
    result = await bulk(client, advertiser, "pause", ids)
    assert result == {"success": ids, "failed": [], "total": 3}
    assert [(await get(client, advertiser, i))["is_active"] for i in ids] == [False] * 3


async def test_bulk_run_switches_every_campaign_on(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    ids = [
        (await create_campaign(client, advertiser.headers, is_active=False))["id"] for _ in range(2)
    ]
    result = await bulk(client, advertiser, "run", ids)
    assert result["success"] == ids
    assert [(await get(client, advertiser, i))["is_active"] for i in ids] == [True, True]


async def test_bulk_archive_and_unarchive(client: httpx.AsyncClient, advertiser: Actor) -> None:
    ids = [(await create_campaign(client, advertiser.headers))["id"] for _ in range(2)]
    assert (await bulk(client, advertiser, "archive", ids))["success"] == ids
    assert [(await get(client, advertiser, i))["status"] for i in ids] == ["archived"] * 2
    assert (await bulk(client, advertiser, "unarchive", ids))["success"] == ids
    assert [(await get(client, advertiser, i))["is_archived"] for i in ids] == [False] * 2


async def test_bulk_publish_submits_drafts(client: httpx.AsyncClient, advertiser: Actor) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True, **SUBMITTABLE)
    result = await bulk(client, advertiser, "publish", [draft["id"]])
    assert result["success"] == [draft["id"]]
    assert (await get(client, advertiser, draft["id"]))["status"] == "pending"


async def test_bulk_publish_refuses_an_incomplete_draft_naming_what_it_lacks(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    result = await bulk(client, advertiser, "publish", [draft["id"]])
    assert result["failed"] == [
        {
            "id": draft["id"],
            "reason": "the campaign cannot be submitted without "
            "format_id, bid_price, daily_budget, day_parting",
        }
    ]
    assert (await get(client, advertiser, draft["id"]))["status"] == "draft"


async def test_a_failure_leaves_the_successes_in_place(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    ok = await create_campaign(client, advertiser.headers)
    draft = await create_campaign(client, advertiser.headers, draft=True)
    result = await bulk(client, advertiser, "pause", [ok["id"], draft["id"], 424242])
    assert result["success"] == [ok["id"]]
    assert result["failed"] == [
        {"id": draft["id"], "reason": "a draft cannot be paused; submit it first"},
        {"id": 424242, "reason": "not found"},
    ]
    assert result["total"] == 3
    assert (await get(client, advertiser, ok["id"]))["is_active"] is False
    assert (await get(client, advertiser, draft["id"]))["is_draft"] is True


@pytest.mark.parametrize(
    ("action", "make", "reason"),
    [
        ("archive", "archived", "the campaign is already archived"),
        ("unarchive", "live", "the campaign is not archived"),
        ("publish", "live", "the campaign is not a draft"),
        ("run", "archived", "an archived campaign cannot be run"),
    ],
)
async def test_a_refused_transition_is_reported_per_id(
    client: httpx.AsyncClient, advertiser: Actor, action: str, make: str, reason: str
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    if make == "archived":
        await act(client, advertiser.headers, campaign["id"], "archive")
    result = await bulk(client, advertiser, action, [campaign["id"]])
    assert result == {
        "success": [],
        "failed": [{"id": campaign["id"], "reason": reason}],
        "total": 1,
    }


async def test_repeated_ids_count_once(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    result = await bulk(client, advertiser, "pause", [campaign["id"]] * 3)
    assert result == {"success": [campaign["id"]], "failed": [], "total": 1}


async def test_another_accounts_campaign_fails_like_a_missing_one(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    theirs = await create_campaign(client, other_advertiser.headers)
    result = await bulk(client, advertiser, "archive", [theirs["id"]])
    assert result["failed"] == [{"id": theirs["id"], "reason": "not found"}]
    assert (await get(client, other_advertiser, theirs["id"]))["is_archived"] is False


async def test_an_admin_acts_on_every_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    a = await create_campaign(client, advertiser.headers)
    b = await create_campaign(client, other_advertiser.headers)
    result = await bulk(client, admin, "pause", [a["id"], b["id"]])
    assert result["success"] == [a["id"], b["id"]]


async def test_each_bulk_change_is_in_the_history(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await bulk(client, advertiser, "pause", [campaign["id"]])
    history = await client.get(
        f"{API}/campaigns/{campaign['id']}/history", headers=advertiser.headers
    )
    assert [c["action"] for c in history.json()["items"]] == ["create", "bulk_pause"]


async def test_an_unknown_bulk_action_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/campaigns/bulk/explode", json={"ids": [1]}, headers=advertiser.headers
    )
    assert_problem(response, 422, field="action")


@pytest.mark.parametrize(
    "body",
    [{"ids": []}, {}, {"ids": [0]}, {"ids": ["one"]}, {"ids": [1], "all": True}, {"ids": 1}],
)
async def test_a_malformed_id_list_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, body: dict[str, Any]
) -> None:
    response = await client.post(
        f"{API}/campaigns/bulk/pause", json=body, headers=advertiser.headers
    )
    assert_problem(response, 422)


async def test_more_than_a_thousand_ids_are_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/campaigns/bulk/pause",
        json={"ids": list(range(1, 1002))},
        headers=advertiser.headers,
    )
    assert_problem(response, 422, field="ids")
