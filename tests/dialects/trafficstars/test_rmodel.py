"""``_rmodel`` on every edit method is recorded in the campaign history the native API serves."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Actor
from tests.dialects.trafficstars.conftest import Inventory
from tests.dialects.trafficstars.helpers import BASE, CREATE_BODY, bearer, create

C = f"{BASE}/v1.1/campaigns"


async def _last_change(client: httpx.AsyncClient, actor: Actor, cid: int) -> dict[str, Any]:
    response = await client.get(
        f"/api/v1/campaigns/{cid}/history", params={"page_size": 500}, headers=actor.headers
    )
    assert response.status_code == 200, response.text
    change: dict[str, Any] = response.json()["items"][-1]
    return change


async def test_every_edit_method_records_its_rmodel(
    client: httpx.AsyncClient, advertiser: Actor, inventory: Inventory
) -> None:
    h = bearer(advertiser.api_key)
    spot = inventory.spot_ids[0]
    draft = (await create(client, h, "/v1.1/campaigns/draft"))["id"]
    live = (await create(client, h))["id"]

    async def send(method: str, url: str, body: Any, tag: str) -> httpx.Response:
        response = await client.request(method, url, params={"_rmodel": tag}, json=body, headers=h)
        assert response.status_code in (200, 204), (url, response.text)
        return response

    # (method, url, body, the campaign whose history shows it, expected action)
    steps: list[tuple[str, str, Any, int | None, str]] = [
        ("PATCH", f"{C}/{draft}/draft", {"price": 0.3}, draft, "update_draft"),
        ("PATCH", f"{C}/{live}", {"price": 0.3}, live, "update"),
        ("PUT", f"{C}/{live}/pause", None, live, "pause"),
        ("PUT", f"{C}/{live}/run", None, live, "run"),
        ("PATCH", f"{C}/{live}/targeting/include/spots", {"ids": [spot]}, live, "update"),
        (
            "PATCH",
            f"{C}/{live}/targeting/exclude/sites",
            {"ids": inventory.site_ids},
            live,
            "update",
        ),
        ("POST", f"{C}/{live}/spot/{spot}/price", {"price": 0.2}, live, "set_spot_price"),
        ("DELETE", f"{C}/{live}/spot/{spot}/price", None, live, "delete_spot_price"),
        ("PUT", f"{BASE}/v2/campaigns/pause", {"campaign_ids": [live]}, live, "bulk_pause"),
        ("POST", C, {"id": draft}, draft, "submit"),
        ("POST", C, CREATE_BODY, None, "create"),
        ("POST", f"{C}/draft", CREATE_BODY, None, "create_draft"),
        ("POST", f"{C}/{live}/save_as", {"price": 0.4}, None, "save_as"),
        ("POST", f"{C}/{live}/clone", None, None, "clone"),
    ]
    for index, (method, url, body, cid, action) in enumerate(steps):
        tag = f"r{index}"
        response = await send(method, url, body, tag)
        target = cid if cid is not None else response.json()["id"]
        change = await _last_change(client, advertiser, target)
        assert (change["tag"], change["action"]) == (tag, action), url
        assert change["user_id"] == advertiser.user_id

    copy_of_draft = (await create(client, h, "/v1.1/campaigns/draft"))["id"]
    response = await send("POST", f"{C}/{copy_of_draft}/clone/draft", None, "rdraft")
    change = await _last_change(client, advertiser, response.json()["id"])
    assert (change["tag"], change["action"]) == ("rdraft", "clone")


async def test_an_overlong_rmodel_is_refused(client: httpx.AsyncClient, advertiser: Actor) -> None:
    h = bearer(advertiser.api_key)
    response = await client.post(C, params={"_rmodel": "r" * 65}, json=CREATE_BODY, headers=h)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "_rmodel"
