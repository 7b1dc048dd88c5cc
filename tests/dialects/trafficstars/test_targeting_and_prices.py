"""Targeting include/exclude of spots and sites, per-spot prices, and reject reasons."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Actor
from tests.dialects.trafficstars.conftest import Inventory
from tests.dialects.trafficstars.helpers import BASE, EXAMPLES, assert_shape, bearer, create

C = f"{BASE}/v1.1/campaigns"


@pytest.fixture
def ts(advertiser: Actor) -> dict[str, str]:
    return bearer(advertiser.api_key)


@pytest.mark.parametrize("dimension", ["spots", "sites"])
async def test_targeting_includes_and_excludes_ids(
    client: httpx.AsyncClient, ts: dict[str, str], inventory: Inventory, dimension: str
) -> None:
    ids = inventory.spot_ids if dimension == "spots" else inventory.site_ids
    excluded = "exclude_spots" if dimension == "spots" else "exclude_sites"
    cid = (await create(client, ts))["id"]
    included = await client.patch(
        f"{C}/{cid}/targeting/include/{dimension}", json={"ids": ids}, headers=ts
    )
    assert included.status_code == 200, included.text
    assert included.text == "OK"
    assert included.headers["content-type"].startswith("text/plain")
    campaign = (await client.get(f"{C}/{cid}", headers=ts)).json()
    assert (campaign[dimension], campaign[excluded]) == (ids, [])
    moved = await client.patch(
        f"{C}/{cid}/targeting/exclude/{dimension}", json={"ids": ids[:1]}, headers=ts
    )
    assert moved.text == "OK"
    campaign = (await client.get(f"{C}/{cid}", headers=ts)).json()
    assert (campaign[dimension], campaign[excluded]) == (ids[1:], ids[:1])


async def test_included_spots_show_their_codenames(
    client: httpx.AsyncClient, ts: dict[str, str], inventory: Inventory
) -> None:
    cid = (await create(client, ts))["id"]
    await client.patch(
        f"{C}/{cid}/targeting/include/spots", json={"ids": inventory.spot_ids[:2]}, headers=ts
    )
    campaign = (await client.get(f"{C}/{cid}", headers=ts)).json()
    assert campaign["adspots"] == inventory.codenames[:2]


@pytest.mark.parametrize(
    "body",
    [{"ids": [987654]}, {"ids": ["x"]}, {"ids": [0]}, {}, {"ids": 5}],
    ids=["unknown", "not a number", "zero", "missing", "not a list"],
)
async def test_targeting_ids_are_checked(
    client: httpx.AsyncClient, ts: dict[str, str], body: dict[str, object]
) -> None:
    cid = (await create(client, ts))["id"]
    response = await client.patch(f"{C}/{cid}/targeting/include/sites", json=body, headers=ts)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"].startswith("ids")


async def test_an_unknown_targeting_dimension_is_not_found(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    cid = (await create(client, ts))["id"]
    response = await client.patch(
        f"{C}/{cid}/targeting/include/zones", json={"ids": [1]}, headers=ts
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "dimension"


async def test_spot_prices_are_set_read_and_deleted(
    client: httpx.AsyncClient, ts: dict[str, str], inventory: Inventory
) -> None:
    cid = (await create(client, ts))["id"]
    spot = inventory.spot_ids[0]
    url = f"{C}/{cid}/spot/{spot}/price"
    assert (await client.get(f"{C}/{cid}/prices", headers=ts)).json() == []
    missing = await client.get(url, headers=ts)
    assert missing.status_code == 404
    set_ = await client.post(url, json={"price": 0.0007}, headers=ts)
    assert set_.status_code == 200, set_.text
    assert_shape(set_.json(), {**EXAMPLES["set_price"], "campaign_id": 0, "spot_id": 0})
    assert (set_.json()["campaign_id"], set_.json()["spot_id"], set_.json()["price"]) == (
        cid,
        spot,
        0.0007,
    )
    got = await client.get(url, headers=ts)
    assert got.json() == set_.json()
    listed = (await client.get(f"{C}/{cid}/prices", headers=ts)).json()
    assert listed == [set_.json()]
    changed = await client.post(url, json={"price": 0.002}, headers=ts)
    assert changed.json()["price"] == 0.002
    deleted = await client.delete(url, headers=ts)
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert (await client.get(url, headers=ts)).status_code == 404
    assert (await client.delete(url, headers=ts)).status_code == 404


@pytest.mark.parametrize(
    ("body", "status"),
    [({"price": -1}, 422), ({"price": "cheap"}, 422), ({}, 422), ({"price": 1e-9}, 422)],
    ids=["negative", "not a number", "missing", "too precise"],
)
async def test_a_bad_spot_price_is_refused(
    client: httpx.AsyncClient,
    ts: dict[str, str],
    inventory: Inventory,
    body: dict[str, object],
    status: int,
) -> None:
    cid = (await create(client, ts))["id"]
    response = await client.post(
        f"{C}/{cid}/spot/{inventory.spot_ids[0]}/price", json=body, headers=ts
    )
    assert response.status_code == status
    assert response.json()["errors"][0]["field"] == "price"


async def test_a_price_for_an_unknown_spot_is_not_found(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    cid = (await create(client, ts))["id"]
    response = await client.post(f"{C}/{cid}/spot/987654/price", json={"price": 1}, headers=ts)
    assert response.status_code == 404


async def test_reject_reasons_are_the_documented_constants(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    response = await client.get(f"{C}/reject_reasons", headers=ts)
    assert response.status_code == 200
    reasons = response.json()
    for reason in reasons:
        assert_shape(reason, EXAMPLES["reject_reasons"][0])
    assert [r["id"] for r in reasons] == list(range(9))
    assert reasons[0]["Title"] == "Forbidden creative and/or URL"
    assert reasons[8]["Title"] == "Other"
