"""Native filter lists: create, read, change, delete; items added, replaced, removed, read."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from adplane.filterlists import service
from adplane.kit.db import Database
from tests.conftest import Actor
from tests.support.native import API, assert_problem


async def make_list(
    client: httpx.AsyncClient, actor: Actor, items: list[str] | None = None, **fields: Any
) -> dict[str, Any]:
    body = {"name": "Blocked sites", "type": "domains", "mode": "black", **fields}
    if items is not None:
        body["items"] = items
    response = await client.post(f"{API}/filterlists", json=body, headers=actor.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def items_of(client: httpx.AsyncClient, actor: Actor, list_id: int) -> list[str]:
    response = await client.get(
        f"{API}/filterlists/{list_id}/items", params={"page_size": 500}, headers=actor.headers
    )
    assert response.status_code == 200, response.text
    found: list[str] = response.json()["items"]
    return found


async def test_a_list_is_created_with_canonical_items_once_each(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await make_list(
        client, advertiser, ["Example.COM", "example.com.", "bücher.example", " b.example "]
    )
    assert created["item_count"] == 3
    assert created["account_id"] == advertiser.account_id
    assert (created["type"], created["mode"], created["is_active"]) == ("domains", "black", True)
    assert await items_of(client, advertiser, created["id"]) == [
        "b.example",
        "example.com",
        "xn--bcher-kva.example",
    ]
    fetched = await client.get(f"{API}/filterlists/{created['id']}", headers=advertiser.headers)
    assert fetched.json() == created


async def test_a_bad_item_is_named_by_position_and_nothing_is_stored(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = {
        "name": "n",
        "type": "ips",
        "mode": "white",
        "items": ["10.0.0.1", "not-an-ip", "10.0.0.0/8", "10.0.0.1/8"],
    }
    response = await client.post(f"{API}/filterlists", json=body, headers=advertiser.headers)
    problem = assert_problem(response, 422, field="items[1]")
    fields = {e["field"]: e["message"] for e in problem["errors"]}
    assert set(fields) == {"items[1]", "items[3]"}
    assert "'not-an-ip'" in fields["items[1]"]
    assert "10.0.0.0/8" in fields["items[3]"]  # host bits set: the network is named
    listing = await client.get(f"{API}/filterlists", headers=advertiser.headers)
    assert listing.json()["total"] == 0


async def test_items_are_added_idempotently_and_counted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await make_list(client, advertiser, ["a.example"])
    url = f"{API}/filterlists/{created['id']}/items"
    first = await client.post(
        url, json={"items": ["b.example", "A.example", "c.example"]}, headers=advertiser.headers
    )
    assert first.json() == {"added": 2, "item_count": 3}
    again = await client.post(url, json={"items": ["c.example"]}, headers=advertiser.headers)
    assert again.json() == {"added": 0, "item_count": 3}
    removed = await client.request(
        "DELETE", url, json={"items": ["B.example", "z.example"]}, headers=advertiser.headers
    )
    assert removed.json() == {"removed": 1, "item_count": 2}
    assert await items_of(client, advertiser, created["id"]) == ["a.example", "c.example"]


async def test_add_items_port_returns_only_new_items(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    created = await make_list(client, advertiser, type="bundles", mode="white")
    async with database.sessionmaker() as session, session.begin():
        assert await service.add_items(session, created["id"], ["com.a", "com.b"]) == 2
    async with database.sessionmaker() as session, session.begin():
        assert await service.add_items(session, created["id"], ["com.b", "com.c", "com.c"]) == 1
    async with database.sessionmaker() as session:
        streamed = [
            v async for chunk in service.iter_values(session, created["id"], 2) for v in chunk
        ]
    assert streamed == ["com.a", "com.b", "com.c"]
    fetched = await client.get(f"{API}/filterlists/{created['id']}", headers=advertiser.headers)
    assert fetched.json()["item_count"] == 3


async def test_replacing_items_keeps_only_the_new_ones(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await make_list(client, advertiser, ["a.example", "b.example"])
    response = await client.put(
        f"{API}/filterlists/{created['id']}/items",
        json={"items": ["c.example", "b.example"]},
        headers=advertiser.headers,
    )
    assert response.json()["item_count"] == 2
    assert await items_of(client, advertiser, created["id"]) == ["b.example", "c.example"]
    bad = await client.put(
        f"{API}/filterlists/{created['id']}/items",
        json={"items": ["d.example", "http://e.example/x"]},
        headers=advertiser.headers,
    )
    assert_problem(bad, 422, field="items[1]")
    assert await items_of(client, advertiser, created["id"]) == ["b.example", "c.example"]


async def test_items_are_paged_and_exported_as_text(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await make_list(client, advertiser, [f"s{i:02}.example" for i in range(25)])
    page = await client.get(
        f"{API}/filterlists/{created['id']}/items",
        params={"page": 2, "page_size": 10},
        headers=advertiser.headers,
    )
    assert page.json()["total"] == 25
    assert page.json()["items"] == [f"s{i:02}.example" for i in range(10, 20)]
    text = await client.get(
        f"{API}/filterlists/{created['id']}/items.txt", headers=advertiser.headers
    )
    assert text.headers["content-type"].startswith("text/plain")
    assert text.text.splitlines() == [f"s{i:02}.example" for i in range(25)]


async def test_a_list_is_renamed_switched_and_deleted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await make_list(client, advertiser, ["a.example"])
    url = f"{API}/filterlists/{created['id']}"
    changed = await client.patch(
        url,
        json={"name": "Allowed", "mode": "white", "is_active": False},
        headers=advertiser.headers,
    )
    assert (changed.json()["name"], changed.json()["mode"], changed.json()["is_active"]) == (
        "Allowed",
        "white",
        False,
    )
    assert_problem(
        await client.patch(url, json={"type": "ips"}, headers=advertiser.headers), 422, field="type"
    )
    assert_problem(
        await client.patch(url, json={"name": None}, headers=advertiser.headers), 422, field="name"
    )
    assert (await client.delete(url, headers=advertiser.headers)).status_code == 204
    assert_problem(await client.get(url, headers=advertiser.headers), 404)


async def test_lists_are_filtered_by_type_and_mode(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    await make_list(client, advertiser)
    await make_list(client, advertiser, type="ips", mode="white")
    only_ips = await client.get(
        f"{API}/filterlists", params={"type": "ips"}, headers=advertiser.headers
    )
    assert [i["type"] for i in only_ips.json()["items"]] == ["ips"]
    black = await client.get(
        f"{API}/filterlists", params={"mode": "black"}, headers=advertiser.headers
    )
    assert [i["mode"] for i in black.json()["items"]] == ["black"]


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("PATCH", "", {"name": "x"}),
        ("DELETE", "", None),
        ("GET", "/items", None),
        ("GET", "/items.txt", None),
        ("POST", "/items", {"items": ["x.example"]}),
        ("PUT", "/items", {"items": ["x.example"]}),
        ("DELETE", "/items", {"items": ["a.example"]}),
    ],
)
async def test_another_accounts_list_is_not_found(
    client: httpx.AsyncClient,
    advertiser: Actor,
    other_advertiser: Actor,
    method: str,
    suffix: str,
    body: dict[str, Any] | None,
) -> None:
    owned = await make_list(client, advertiser, ["a.example"])
    foreign = await client.request(
        method,
        f"{API}/filterlists/{owned['id']}{suffix}",
        json=body,
        headers=other_advertiser.headers,
    )
    missing = await client.request(
        method, f"{API}/filterlists/987654321{suffix}", json=body, headers=other_advertiser.headers
    )
    assert_problem(foreign, 404)
    assert foreign.json()["detail"].replace(str(owned["id"]), "N") == missing.json()[
        "detail"
    ].replace("987654321", "N")
    assert await items_of(client, advertiser, owned["id"]) == ["a.example"]
    assert (
        await client.get(f"{API}/filterlists/{owned['id']}", headers=advertiser.headers)
    ).json() == owned


async def test_an_advertiser_lists_only_its_own_lists(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, admin: Actor
) -> None:
    mine = await make_list(client, advertiser)
    await make_list(client, other_advertiser)
    listing = await client.get(f"{API}/filterlists", headers=advertiser.headers)
    assert [i["id"] for i in listing.json()["items"]] == [mine["id"]]
    snooping = await client.get(
        f"{API}/filterlists",
        params={"account_id": other_advertiser.account_id},
        headers=advertiser.headers,
    )
    assert snooping.json()["total"] == 0
    everything = await client.get(f"{API}/filterlists", headers=admin.headers)
    assert everything.json()["total"] == 2


async def test_a_list_cannot_be_created_for_another_account(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, admin: Actor
) -> None:
    body = {"name": "n", "type": "tags", "mode": "white", "account_id": other_advertiser.account_id}
    assert_problem(
        await client.post(f"{API}/filterlists", json=body, headers=advertiser.headers), 404
    )
    for_other = await client.post(f"{API}/filterlists", json=body, headers=admin.headers)
    assert for_other.status_code == 201
    assert for_other.json()["account_id"] == other_advertiser.account_id
    body["account_id"] = 987654321
    assert_problem(await client.post(f"{API}/filterlists", json=body, headers=admin.headers), 404)
