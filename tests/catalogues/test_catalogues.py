"""The native catalogue endpoints: restrictions, audience segments, reject reasons."""

from __future__ import annotations

import httpx

from tests.conftest import Actor
from tests.support.native import API, assert_problem, create_campaign


async def test_reject_reasons_are_listed_by_code(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(f"{API}/reject-reasons", headers=advertiser.headers)
    assert response.status_code == 200, response.text
    reasons = response.json()
    assert [r["code"] for r in reasons] == list(range(9))
    assert (reasons[0]["code"], reasons[0]["title"]) == (0, "Forbidden creative and/or URL")


async def test_reject_reasons_are_read_only(client: httpx.AsyncClient, admin: Actor) -> None:
    response = await client.post(
        f"{API}/reject-reasons", json={"code": 99, "title": "x"}, headers=admin.headers
    )
    assert_problem(response, 405)


async def test_catalogues_need_credentials(client: httpx.AsyncClient) -> None:
    for path in ("/reject-reasons", "/restrictions", "/segments"):
        assert_problem(await client.get(f"{API}{path}"), 401)


async def test_seeded_restrictions_include_adult_traffic(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(f"{API}/restrictions", headers=advertiser.headers)
    assert response.status_code == 200, response.text
    items = {r["id"]: r for r in response.json()["items"]}
    assert items[9]["name"] == "Adult traffic"
    assert items[9]["description"] == (
        "Any type of traffic related to adult, porn or sexy contents is not allowed."
    )
    one = await client.get(f"{API}/restrictions/9", headers=advertiser.headers)
    assert one.json()["name"] == "Adult traffic"


async def test_an_admin_manages_restrictions(client: httpx.AsyncClient, admin: Actor) -> None:
    created = await client.post(
        f"{API}/restrictions",
        json={"name": "Cashback traffic", "description": "No cashback sites."},
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    rid = created.json()["id"]
    assert rid > 9
    changed = await client.patch(
        f"{API}/restrictions/{rid}", json={"description": "None at all."}, headers=admin.headers
    )
    assert changed.json()["name"] == "Cashback traffic"
    assert changed.json()["description"] == "None at all."
    deleted = await client.delete(f"{API}/restrictions/{rid}", headers=admin.headers)
    assert deleted.status_code == 204
    assert_problem(await client.get(f"{API}/restrictions/{rid}", headers=admin.headers), 404)


async def test_an_advertiser_cannot_change_restrictions(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    h = advertiser.headers
    assert_problem(await client.post(f"{API}/restrictions", json={"name": "X"}, headers=h), 403)
    assert_problem(await client.patch(f"{API}/restrictions/9", json={"name": "X"}, headers=h), 403)
    assert_problem(await client.delete(f"{API}/restrictions/9", headers=h), 403)


async def test_a_restriction_in_use_cannot_be_deleted(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, restriction_ids=[3, 9])
    assert_problem(await client.delete(f"{API}/restrictions/9", headers=admin.headers), 409)
    await client.patch(
        f"{API}/campaigns/{campaign['id']}", json={"restriction_ids": [3]}, headers=admin.headers
    )
    assert (await client.delete(f"{API}/restrictions/9", headers=admin.headers)).status_code == 204


async def test_a_restriction_name_must_not_be_blank(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.post(f"{API}/restrictions", json={"name": "  "}, headers=admin.headers)
    assert_problem(response, 422, field="name")


async def _segment(client: httpx.AsyncClient, actor: Actor, **body: object) -> dict[str, object]:
    response = await client.post(
        f"{API}/segments", json={"name": "Segment", **body}, headers=actor.headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, object] = response.json()
    return created


async def test_an_admin_segment_without_account_is_platform_wide(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    segment = await _segment(client, admin, name="Returning buyers", type="user_segment")
    assert segment["account_id"] is None
    assert segment["type"] == "user_segment"
    seen = await client.get(f"{API}/segments/{segment['id']}", headers=advertiser.headers)
    assert seen.status_code == 200
    assert seen.json()["name"] == "Returning buyers"


async def test_an_advertiser_segment_belongs_to_its_account(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    segment = await _segment(client, advertiser, name="My buyers")
    assert segment["account_id"] == advertiser.account_id


async def test_another_accounts_segment_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    segment = await _segment(client, advertiser)
    path = f"{API}/segments/{segment['id']}"
    h = other_advertiser.headers
    assert_problem(await client.get(path, headers=h), 404)
    assert_problem(await client.patch(path, json={"name": "Mine"}, headers=h), 404)
    assert_problem(await client.delete(path, headers=h), 404)


async def test_segment_lists_show_platform_wide_and_own_segments(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    shared = await _segment(client, admin, name="Shared")
    own = await _segment(client, advertiser, name="Own")
    foreign = await _segment(client, other_advertiser, name="Foreign")
    mine = await client.get(f"{API}/segments", headers=advertiser.headers)
    assert [s["id"] for s in mine.json()["items"]] == [shared["id"], own["id"]]
    assert mine.json()["total"] == 2
    everything = await client.get(f"{API}/segments", headers=admin.headers)
    assert [s["id"] for s in everything.json()["items"]] == [shared["id"], own["id"], foreign["id"]]
    by_account = await client.get(
        f"{API}/segments", params={"account_id": other_advertiser.account_id}, headers=admin.headers
    )
    assert [s["id"] for s in by_account.json()["items"]] == [foreign["id"]]
    not_mine = await client.get(
        f"{API}/segments",
        params={"account_id": other_advertiser.account_id},
        headers=advertiser.headers,
    )
    assert not_mine.json()["items"] == []


async def test_an_admin_creates_a_segment_for_an_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    segment = await _segment(client, admin, account_id=advertiser.account_id)
    assert segment["account_id"] == advertiser.account_id
    hidden = await client.get(f"{API}/segments/{segment['id']}", headers=other_advertiser.headers)
    assert_problem(hidden, 404)
    missing = await client.post(
        f"{API}/segments", json={"name": "X", "account_id": 10**9}, headers=admin.headers
    )
    assert_problem(missing, 422, field="account_id")


async def test_an_advertiser_cannot_create_a_segment_for_another_account(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/segments",
        json={"name": "X", "account_id": other_advertiser.account_id},
        headers=advertiser.headers,
    )
    assert_problem(response, 404)


async def test_an_advertiser_manages_its_own_segments(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    segment = await _segment(client, advertiser)
    path = f"{API}/segments/{segment['id']}"
    changed = await client.patch(
        path, json={"name": "Renamed", "description": "Bought twice"}, headers=advertiser.headers
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["name"] == "Renamed"
    assert changed.json()["description"] == "Bought twice"
    assert (await client.delete(path, headers=advertiser.headers)).status_code == 204
    assert_problem(await client.get(path, headers=advertiser.headers), 404)


async def test_an_advertiser_cannot_change_a_platform_wide_segment(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    segment = await _segment(client, admin)
    path = f"{API}/segments/{segment['id']}"
    h = advertiser.headers
    assert_problem(await client.patch(path, json={"name": "Mine"}, headers=h), 403)
    assert_problem(await client.delete(path, headers=h), 403)


async def test_a_segment_in_use_cannot_be_deleted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    segment = await _segment(client, advertiser)
    campaign = await create_campaign(
        client,
        advertiser.headers,
        segments={"exclusion": {"is_active": True, "items": [{"segment_id": segment["id"]}]}},
    )
    path = f"{API}/segments/{segment['id']}"
    assert_problem(await client.delete(path, headers=advertiser.headers), 409)
    await client.patch(
        f"{API}/campaigns/{campaign['id']}", json={"segments": {}}, headers=advertiser.headers
    )
    assert (await client.delete(path, headers=advertiser.headers)).status_code == 204


async def test_a_campaign_cannot_use_another_accounts_segment(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    foreign = await _segment(client, other_advertiser)
    response = await client.post(
        f"{API}/campaigns",
        json={
            "name": "C",
            "segments": {
                "multipliers": {"items": [{"segment_id": foreign["id"], "multiplier": 2}]}
            },
        },
        headers=advertiser.headers,
    )
    assert_problem(response, 422, field="segments.multipliers")


async def test_a_nul_character_is_refused_before_the_database(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    for path in ("/restrictions", "/segments"):
        response = await client.post(
            f"{API}{path}", json={"name": "a\u0000"}, headers=admin.headers
        )
        assert_problem(response, 422, field="name")
