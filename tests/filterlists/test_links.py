"""Campaign links: list, replace, append, remove, each included or excluded; tenancy."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from adplane.filterlists import service
from adplane.filterlists.items import ListMode
from adplane.filterlists.schemas import Effect, effect_of
from adplane.kit.db import Database
from tests.conftest import Actor
from tests.filterlists.test_endpoints import make_list
from tests.support.native import API, assert_problem, create_campaign


def summary(links: list[dict[str, Any]]) -> list[tuple[int, bool, str]]:
    return [(link["filter_list"]["id"], link["include"], link["effect"]) for link in links]


@pytest.mark.parametrize(
    ("mode", "include", "effect"),
    [
        (ListMode.WHITE, True, Effect.ALLOW_ONLY),
        (ListMode.BLACK, True, Effect.DENY),
        (ListMode.WHITE, False, Effect.DENY),
        (ListMode.BLACK, False, Effect.ALLOW_ONLY),
    ],
)
def test_a_links_effect_comes_from_the_list_mode_and_the_include_flag(
    mode: ListMode, include: bool, effect: Effect
) -> None:
    assert effect_of(mode, include) is effect


async def test_links_are_replaced_appended_and_removed(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    black = await make_list(client, advertiser, ["a.example"])
    white = await make_list(client, advertiser, ["192.0.2.1"], type="ips", mode="white")
    third = await make_list(client, advertiser, type="bundles")
    url = f"{API}/campaigns/{campaign['id']}/filterlists"
    h = advertiser.headers

    assert (await client.get(url, headers=h)).json() == []
    replaced = await client.put(
        url,
        json={"links": [{"filter_list_id": black["id"]}, {"filter_list_id": white["id"]}]},
        headers=h,
    )
    assert summary(replaced.json()) == [
        (black["id"], True, "deny"),
        (white["id"], True, "allow_only"),
    ]
    appended = await client.post(
        url,
        json={
            "links": [
                {"filter_list_id": white["id"], "include": False},
                {"filter_list_id": third["id"], "include": False},
            ]
        },
        headers=h,
    )
    assert summary(appended.json()) == [
        (black["id"], True, "deny"),
        (white["id"], False, "deny"),
        (third["id"], False, "allow_only"),
    ]
    removed = await client.request(
        "DELETE", url, json={"filter_list_ids": [black["id"], 987654321]}, headers=h
    )
    assert [i for i, *_ in summary(removed.json())] == [white["id"], third["id"]]
    again = await client.put(url, json={"links": [{"filter_list_id": third["id"]}]}, headers=h)
    assert summary(again.json()) == [(third["id"], True, "deny")]
    assert summary((await client.get(url, headers=h)).json()) == summary(again.json())


async def test_the_delivery_port_reads_links_of_many_campaigns(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    first = await create_campaign(client, advertiser.headers)
    second = await create_campaign(client, advertiser.headers)
    listed = await make_list(client, advertiser, ["a.example"])
    await client.put(
        f"{API}/campaigns/{first['id']}/filterlists",
        json={"links": [{"filter_list_id": listed["id"], "include": False}]},
        headers=advertiser.headers,
    )
    async with database.sessionmaker() as session:
        links = await service.links_for_campaigns(session, [first["id"], second["id"]])
    assert [(link.filter_list.id, link.effect) for link in links[first["id"]]] == [
        (listed["id"], Effect.ALLOW_ONLY)
    ]
    assert links[second["id"]] == []


async def test_a_list_named_twice_is_refused(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    listed = await make_list(client, advertiser)
    body = {"links": [{"filter_list_id": listed["id"]}, {"filter_list_id": listed["id"]}]}
    response = await client.put(
        f"{API}/campaigns/{campaign['id']}/filterlists", json=body, headers=advertiser.headers
    )
    assert_problem(response, 422, field="links[1].filter_list_id")


async def test_deleting_a_list_unlinks_it(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    listed = await make_list(client, advertiser, ["a.example"])
    url = f"{API}/campaigns/{campaign['id']}/filterlists"
    await client.put(
        url, json={"links": [{"filter_list_id": listed["id"]}]}, headers=advertiser.headers
    )
    await client.delete(f"{API}/filterlists/{listed['id']}", headers=advertiser.headers)
    assert (await client.get(url, headers=advertiser.headers)).json() == []


@pytest.mark.parametrize("method", ["PUT", "POST"])
async def test_another_accounts_list_cannot_be_linked(
    client: httpx.AsyncClient,
    advertiser: Actor,
    other_advertiser: Actor,
    admin: Actor,
    method: str,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    foreign = await make_list(client, other_advertiser, ["a.example"])
    url = f"{API}/campaigns/{campaign['id']}/filterlists"
    answers = []
    for list_id in (foreign["id"], 987654321):
        body = {"links": [{"filter_list_id": list_id}]}
        response = await client.request(method, url, json=body, headers=advertiser.headers)
        assert_problem(response, 404)
        answers.append(response.json()["detail"].replace(str(list_id), "N"))
        # Not even an admin joins two accounts' resources.
        assert_problem(await client.request(method, url, json=body, headers=admin.headers), 404)
    assert answers[0] == answers[1]
    assert (await client.get(url, headers=advertiser.headers)).json() == []


@pytest.mark.parametrize(
    ("method", "body"),
    [
        ("GET", None),
        ("PUT", {"links": []}),
        ("POST", {"links": []}),
        ("DELETE", {"filter_list_ids": []}),
    ],
)
async def test_another_accounts_campaign_is_not_found(
    client: httpx.AsyncClient,
    advertiser: Actor,
    other_advertiser: Actor,
    method: str,
    body: dict[str, Any] | None,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    own = await make_list(client, other_advertiser)
    listed = await make_list(client, advertiser)
    await client.put(
        f"{API}/campaigns/{campaign['id']}/filterlists",
        json={"links": [{"filter_list_id": listed["id"]}]},
        headers=advertiser.headers,
    )
    if body and "links" in body:
        body = {"links": [{"filter_list_id": own["id"]}]}
    foreign = await client.request(
        method,
        f"{API}/campaigns/{campaign['id']}/filterlists",
        json=body,
        headers=other_advertiser.headers,
    )
    assert_problem(foreign, 404)
    kept = await client.get(
        f"{API}/campaigns/{campaign['id']}/filterlists", headers=advertiser.headers
    )
    assert summary(kept.json()) == [(listed["id"], True, "deny")]
