"""Which creatives a campaign shows: list, replace (PUT), append (PATCH), remove (DELETE)."""

from __future__ import annotations

import httpx

from adplane.creatives import service
from adplane.kit.db import Database
from tests.conftest import Actor
from tests.creatives.helpers import banner_tag, create, video_tag
from tests.support.native import API, assert_problem, create_campaign


async def _ids(client: httpx.AsyncClient, headers: dict[str, str], campaign_id: int) -> list[int]:
    response = await client.get(f"{API}/campaigns/{campaign_id}/creatives", headers=headers)
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["items"]]


async def test_replace_append_and_remove(client: httpx.AsyncClient, advertiser: Actor) -> None:
    h = advertiser.headers
    campaign = await create_campaign(client, h)
    a, b, c = [(await create(client, h, banner_tag(name=n)))["id"] for n in "abc"]
    url = f"{API}/campaigns/{campaign['id']}/creatives"

    replaced = await client.put(url, json={"ids": [b, a, a]}, headers=h)
    assert replaced.status_code == 200, replaced.text
    assert replaced.json() == {"campaign_id": campaign["id"], "creative_ids": [a, b]}
    appended = await client.patch(url, json={"ids": [c, a]}, headers=h)
    assert appended.status_code == 200, appended.text
    assert appended.json()["creative_ids"] == [a, b, c]
    assert await _ids(client, h, campaign["id"]) == [a, b, c]
    removed = await client.request("DELETE", url, json={"ids": [b, 987654]}, headers=h)
    assert removed.json()["creative_ids"] == [a, c]
    cleared = await client.put(url, json={"ids": []}, headers=h)
    assert cleared.json()["creative_ids"] == []


async def test_a_creative_serves_many_campaigns(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    h = advertiser.headers
    first, second = await create_campaign(client, h), await create_campaign(client, h)
    creative = await create(client, h, banner_tag())
    for campaign in (first, second):
        await client.patch(
            f"{API}/campaigns/{campaign['id']}/creatives", json={"ids": [creative["id"]]}, headers=h
        )
        assert await _ids(client, h, campaign["id"]) == [creative["id"]]
    await client.delete(f"{API}/creatives/{creative['id']}", headers=h)
    assert await _ids(client, h, first["id"]) == []
    assert await _ids(client, h, second["id"]) == []


async def test_an_unknown_or_foreign_creative_is_not_assigned(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    h = advertiser.headers
    campaign = await create_campaign(client, h)
    mine = await create(client, h, banner_tag())
    theirs = await create(client, other_advertiser.headers, banner_tag())
    url = f"{API}/campaigns/{campaign['id']}/creatives"
    await client.put(url, json={"ids": [mine["id"]]}, headers=h)
    for method in ("PUT", "PATCH"):
        foreign = await client.request(method, url, json={"ids": [theirs["id"]]}, headers=h)
        missing = await client.request(method, url, json={"ids": [987654]}, headers=h)
        assert_problem(foreign, 404)
        assert_problem(missing, 404)
        assert foreign.json()["detail"].replace(str(theirs["id"]), "N") == missing.json()[
            "detail"
        ].replace("987654", "N")
    assert await _ids(client, h, campaign["id"]) == [mine["id"]]


async def test_an_admin_cannot_mix_accounts(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, admin: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    theirs = await create(client, other_advertiser.headers, banner_tag())
    response = await client.put(
        f"{API}/campaigns/{campaign['id']}/creatives",
        json={"ids": [theirs["id"]]},
        headers=admin.headers,
    )
    assert_problem(response, 422, field="ids")


async def test_another_accounts_campaign_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    creative = await create(client, advertiser.headers, banner_tag())
    own = f"{API}/campaigns/{campaign['id']}/creatives"
    await client.put(own, json={"ids": [creative["id"]]}, headers=advertiser.headers)
    intruder = other_advertiser.headers
    for method, body in (
        ("GET", None),
        ("PUT", {"ids": []}),
        ("PATCH", {"ids": [creative["id"]]}),
        ("DELETE", {"ids": [creative["id"]]}),
    ):
        foreign = await client.request(method, own, json=body, headers=intruder)
        missing = await client.request(
            method, f"{API}/campaigns/987654/creatives", json=body, headers=intruder
        )
        assert_problem(foreign, 404)
        assert foreign.status_code == missing.status_code
    assert await _ids(client, advertiser.headers, campaign["id"]) == [creative["id"]]


async def test_delivery_reads_only_approved_active_creatives(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor, database: Database
) -> None:
    h = advertiser.headers
    campaign = await create_campaign(client, h)
    approved = await create(client, h, banner_tag())
    paused = await create(client, h, video_tag(is_active=False))
    pending = await create(client, h, banner_tag(name="pending"))
    for creative in (approved, paused):
        await client.post(
            f"{API}/creatives/{creative['id']}/review",
            json={"approval": "approved"},
            headers=admin.headers,
        )
    ids = [approved["id"], paused["id"], pending["id"]]
    await client.put(f"{API}/campaigns/{campaign['id']}/creatives", json={"ids": ids}, headers=h)
    async with database.sessionmaker() as session:
        found = await service.approved_for_campaigns(session, [campaign["id"], 987654])
        single = await service.approved_for_campaign(session, campaign["id"])
    assert [c.id for c in found[campaign["id"]]] == [approved["id"]]
    assert found[987654] == []
    assert [c.markup for c in single] == [approved["markup"]]
