"""``GET /v1.1/campaigns``: the envelope and every documented query parameter."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor, Factory
from tests.dialects.trafficstars.helpers import BASE, assert_campaign_shape, bearer, create

C = f"{BASE}/v1.1/campaigns"


async def _ids(client: httpx.AsyncClient, headers: dict[str, str], query: str = "") -> list[int]:
    response = await client.get(f"{C}{query}", headers=headers)
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["response"]]


@pytest.fixture
async def world(client: httpx.AsyncClient, advertiser: Actor, admin: Actor) -> dict[str, Any]:
    """Campaigns in several states and with different parameters, named by role."""
    h = bearer(advertiser.api_key)
    made = {
        "b_cpm": await create(client, h, name="b", price=2),
        "a_cpc": await create(client, h, name="a", price=3, pricing_model="cpc", is_prime=True),
        "c_flat": await create(
            client, h, name="c", price=1, flat_rate=10, format_id=104, traffic_source_type="direct"
        ),
        "draft": await create(
            client, h, "/v1.1/campaigns/draft", name="d", network_traffic_type="proxy"
        ),
        "archived": await create(client, h, name="e"),
        "rejected": await create(client, h, name="f", traffic_type="members_area"),
        "enabled": await create(client, h, name="g"),
    }
    archived = await client.put(
        f"{BASE}/v2/campaigns/archive",
        json={"campaign_ids": [made["archived"]["id"]]},
        headers=h,
    )
    assert archived.json()["success"] == [made["archived"]["id"]]
    await client.post(
        f"/api/v1/campaigns/{made['rejected']['id']}/reject", json={}, headers=admin.headers
    )
    await client.post(f"/api/v1/campaigns/{made['enabled']['id']}/approve", headers=admin.headers)
    return {"headers": h, **{k: v["id"] for k, v in made.items()}}


async def test_the_list_is_wrapped_in_response(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    response = await client.get(C, headers=world["headers"])
    assert list(response.json()) == ["response"]
    for item in response.json()["response"]:
        assert_campaign_shape(item, "list_campaigns")


async def test_archived_campaigns_are_left_out_by_default(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    ids = await _ids(client, world["headers"])
    assert world["archived"] not in ids
    assert len(ids) == 6


FILTERS: list[tuple[str, list[str]]] = [
    ("?order=name", ["a_cpc", "b_cpm", "c_flat", "draft", "rejected", "enabled"]),
    ("?order=-name", ["enabled", "rejected", "draft", "c_flat", "b_cpm", "a_cpc"]),
    ("?status[]=draft", ["draft"]),
    ("?status[]=rejected&status[]=enabled", ["rejected", "enabled"]),
    ("?status=unapproved", ["b_cpm", "a_cpc", "c_flat"]),
    ("?status[]=archived", ["archived"]),
    ("?pricing_model[]=cpc", ["a_cpc"]),
    ("?pricing_model=cpm,cpc&prime=true", ["a_cpc"]),
    ("?flat_rate=true", ["c_flat"]),
    ("?format_id[]=104", ["c_flat"]),
    ("?ad_format_id[]=104&ad_format_id[]=1&format_id[]=104", ["c_flat"]),
    ("?format_id[]=1&ad_format_id[]=104", []),
    ("?traffic_type=members_area", ["rejected"]),
    ("?prime=false&status[]=unapproved", ["b_cpm", "c_flat"]),
    ("?traffic_source_type=direct", ["c_flat"]),
    ("?network_traffic_type=proxy", ["draft"]),
]


async def test_query_parameters_filter_and_order(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    # One world for the whole table: building it is most of the cost.
    for query, expected in FILTERS:
        got = await _ids(client, world["headers"], query)
        assert got == [world[name] for name in expected], query


async def test_ids_filter_in_every_array_spelling(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    a, b = world["a_cpc"], world["b_cpm"]
    for query in (f"?id[]={a}&id[]={b}", f"?id={a}&id={b}", f"?id={a},{b}"):
        assert sorted(await _ids(client, world["headers"], query)) == sorted([a, b])


async def test_price_orders_both_ways(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    ascending = await _ids(client, world["headers"], "?order=price&status[]=unapproved")
    descending = await _ids(client, world["headers"], "?order=-price&status[]=unapproved")
    assert ascending == [world["c_flat"], world["b_cpm"], world["a_cpc"]]
    assert descending == ascending[::-1]


async def test_user_filters_and_email_order(
    client: httpx.AsyncClient, factory: Factory, admin: Actor
) -> None:
    first, second = await factory.advertiser(), await factory.advertiser()
    mine = await create(client, bearer(first.api_key))
    theirs = await create(client, bearer(second.api_key))
    admin_h = bearer(admin.api_key)
    assert await _ids(client, admin_h, f"?user_id[]={first.user_id}") == [mine["id"]]
    by_email = sorted([(first.email, mine["id"]), (second.email, theirs["id"])])
    assert await _ids(client, admin_h, "?order=user_email") == [i for _, i in by_email]
    assert await _ids(client, admin_h, "?order=-user_email") == [i for _, i in by_email[::-1]]


async def test_an_advertiser_lists_only_its_own(
    client: httpx.AsyncClient, world: dict[str, Any], other_advertiser: Actor, admin: Actor
) -> None:
    assert await _ids(client, bearer(other_advertiser.api_key)) == []
    assert len(await _ids(client, bearer(admin.api_key))) == 6


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?order=budget", "order"),
        ("?status[]=running", "status"),
        ("?pricing_model[]=cpx", "pricing_model"),
        ("?traffic_type=vip", "traffic_type"),
        ("?traffic_source_type=x", "traffic_source_type"),
        ("?network_traffic_type=x", "network_traffic_type"),
        ("?flat_rate=maybe", "flat_rate"),
        ("?prime=2", "prime"),
        ("?id[]=abc", "id"),
        ("?user_id[]=-1", "user_id"),
        ("?format_id[]=99999999999999999999", "format_id"),
    ],
)
async def test_a_bad_query_parameter_is_named(
    client: httpx.AsyncClient, advertiser: Actor, query: str, field: str
) -> None:
    response = await client.get(f"{C}{query}", headers=bearer(advertiser.api_key))
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == field
