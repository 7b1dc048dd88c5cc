"""v2 bulk actions, and another account's campaign on every route."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.dialects.trafficstars.conftest import Inventory
from tests.dialects.trafficstars.helpers import BASE, EXAMPLES, assert_shape, bearer, create

C = f"{BASE}/v1.1/campaigns"
V2 = f"{BASE}/v2/campaigns"


async def _bulk(
    client: httpx.AsyncClient, headers: dict[str, str], action: str, ids: list[Any]
) -> dict[str, Any]:
    response = await client.put(f"{V2}/{action}", json={"campaign_ids": ids}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert_shape(body, EXAMPLES[f"bulk_{action}"])
    return body


async def _state(client: httpx.AsyncClient, headers: dict[str, str], cid: int) -> tuple[Any, ...]:
    c = (await client.get(f"{C}/{cid}", headers=headers)).json()
    return c["status"], c["active"], c["is_archived"]


async def test_bulk_actions_apply_to_each_campaign_alone(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    h = bearer(advertiser.api_key)
    first, second = (await create(client, h))["id"], (await create(client, h))["id"]
    draft = (await create(client, h, "/v1.1/campaigns/draft"))["id"]
    foreign = (await create(client, bearer(other_advertiser.api_key)))["id"]

    published = await _bulk(client, h, "publish", [draft, first, foreign, 987654])
    assert published == {"success": [draft], "failed": [first, foreign, 987654], "total": 4}
    assert await _state(client, h, draft) == ("unapproved", True, False)

    paused = await _bulk(client, h, "pause", [first, second, draft, first])
    assert paused == {"success": [first, second, draft], "failed": [], "total": 3}
    assert await _state(client, h, first) == ("unapproved", False, False)

    run = await _bulk(client, h, "run", [second, 0, -5])
    assert run == {"success": [second], "failed": [0, -5], "total": 3}

    archived = await _bulk(client, h, "archive", [first, foreign])
    assert archived == {"success": [first], "failed": [foreign], "total": 2}
    assert await _state(client, h, first) == ("unapproved", False, True)
    assert (await _bulk(client, h, "run", [first]))["failed"] == [first]

    restored = await _bulk(client, h, "unarchive", [first, second])
    assert restored == {"success": [first], "failed": [second], "total": 2}
    assert await _state(client, h, first) == ("unapproved", False, False)
    # The other account's campaign was never touched.
    assert await _state(client, bearer(other_advertiser.api_key), foreign) == (
        "unapproved",
        True,
        False,
    )


async def test_an_empty_bulk_does_nothing(client: httpx.AsyncClient, advertiser: Actor) -> None:
    body = await _bulk(client, bearer(advertiser.api_key), "run", [])
    assert body == {"success": [], "failed": [], "total": 0}


@pytest.mark.parametrize(
    "body",
    [{}, {"campaign_ids": "1,2"}, {"campaign_ids": ["x"]}, {"campaign_ids": [2**64]}, [1]],
    ids=["missing", "string", "not numbers", "too big", "array"],
)
async def test_a_bad_bulk_body_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, body: Any
) -> None:
    response = await client.put(f"{V2}/run", json=body, headers=bearer(advertiser.api_key))
    assert response.status_code == 422
    assert response.json()["error"] == "validation_failed"


async def test_an_unknown_bulk_action_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.put(
        f"{V2}/delete", json={"campaign_ids": [1]}, headers=bearer(advertiser.api_key)
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "action"


def _routes(cid: int, spot: int, site: int) -> list[tuple[str, str, Any]]:
    """Every route that names a campaign, with a body that would otherwise succeed."""
    return [
        ("GET", f"{C}/{cid}", None),
        ("PATCH", f"{C}/{cid}", {"price": 0.5}),
        ("PATCH", f"{C}/{cid}/draft", {"price": 0.5}),
        ("POST", C, {"id": cid}),
        ("POST", f"{C}/{cid}/save_as", {"price": 0.5}),
        ("PUT", f"{C}/{cid}/run", None),
        ("PUT", f"{C}/{cid}/pause", None),
        ("POST", f"{C}/{cid}/clone", None),
        ("POST", f"{C}/{cid}/clone/draft", None),
        ("PATCH", f"{C}/{cid}/targeting/include/spots", {"ids": [spot]}),
        ("PATCH", f"{C}/{cid}/targeting/exclude/spots", {"ids": [spot]}),
        ("PATCH", f"{C}/{cid}/targeting/include/sites", {"ids": [site]}),
        ("PATCH", f"{C}/{cid}/targeting/exclude/sites", {"ids": [site]}),
        ("GET", f"{C}/{cid}/prices", None),
        ("GET", f"{C}/{cid}/spot/{spot}/price", None),
        ("POST", f"{C}/{cid}/spot/{spot}/price", {"price": 0.1}),
        ("DELETE", f"{C}/{cid}/spot/{spot}/price", None),
        ("GET", f"{C}/{cid}/spending", None),
    ]


async def test_another_accounts_campaign_is_not_found_anywhere(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, inventory: Inventory
) -> None:
    owner = bearer(advertiser.api_key)
    draft = await create(client, owner, "/v1.1/campaigns/draft")
    spot, site = inventory.spot_ids[0], inventory.site_ids[0]
    await client.post(f"{C}/{draft['id']}/spot/{spot}/price", json={"price": 0.3}, headers=owner)
    before = (await client.get(f"{C}/{draft['id']}", headers=owner)).json()
    intruder = bearer(other_advertiser.api_key)
    for method, url, body in _routes(draft["id"], spot, site):
        response = await client.request(method, url, json=body, headers=intruder)
        assert response.status_code == 404, (method, url, response.text)
        assert response.json()["error"] == "not_found", (method, url)
    bulk = await _bulk(client, intruder, "publish", [draft["id"]])
    assert bulk["failed"] == [draft["id"]]
    assert (await client.get(f"{C}/{draft['id']}", headers=owner)).json() == before
    assert len((await client.get(f"{C}/{draft['id']}/prices", headers=owner)).json()) == 1
    assert (await client.get(C, headers=intruder)).json() == {"response": []}


async def test_an_unknown_campaign_is_not_found_anywhere(
    client: httpx.AsyncClient, advertiser: Actor, inventory: Inventory
) -> None:
    headers = bearer(advertiser.api_key)
    for method, url, body in _routes(987654, inventory.spot_ids[0], inventory.site_ids[0]):
        response = await client.request(method, url, json=body, headers=headers)
        assert response.status_code == 404, (method, url, response.text)
