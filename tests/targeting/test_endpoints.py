"""The native targeting catalogue endpoints: dimensions, values, filters, values admins add."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Actor
from tests.support.native import API, assert_problem

T = f"{API}/targeting"
DIMENSIONS = [
    "countries",
    "regions",
    "languages",
    "oses",
    "browsers",
    "device_types",
    "connection_types",
    "carriers",
    "categories",
]


async def test_the_dimensions_are_listed_with_their_sizes(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(T, headers=advertiser.headers)
    assert response.status_code == 200, response.text
    listed = {d["dimension"]: d for d in response.json()}
    assert list(listed) == DIMENSIONS
    assert listed["countries"]["total"] == 249
    assert listed["regions"]["total"] > 5000
    assert listed["languages"]["total"] == 184
    assert all(d["description"] for d in listed.values())


@pytest.mark.parametrize(
    ("dimension", "code", "value_id", "name"),
    [
        ("countries", "US", 840, "United States"),
        ("countries", "KR", 410, "South Korea"),
        ("regions", "US-CA", None, "California"),
        ("languages", "en", None, "English"),
        ("oses", "android", 1, "Android"),
        ("oses", "macos", 4, "macOS"),
        ("browsers", "chrome", 1, "Chrome"),
        ("browsers", "samsung_internet", 6, "Samsung Internet"),
        ("device_types", "ctv", 3, "Connected TV"),
        ("connection_types", "wifi", 2, "WIFI"),
        ("carriers", "verizon", 1, "Verizon"),
        ("categories", "IAB1", 1, "Arts & Entertainment"),
        ("categories", "IAB17-44", 1744, "World Soccer"),
    ],
)
async def test_a_value_is_found_by_its_code(
    client: httpx.AsyncClient,
    advertiser: Actor,
    dimension: str,
    code: str,
    value_id: int | None,
    name: str,
) -> None:
    response = await client.get(
        f"{T}/{dimension}", params={"code": code.lower()}, headers=advertiser.headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["total"], body["page"]) == (1, 1)
    (item,) = body["items"]
    assert set(item) == {"id", "code", "name"}
    assert (item["code"], item["name"]) == (code, name)
    if value_id is not None:
        assert item["id"] == value_id


async def test_values_are_paged_by_id(client: httpx.AsyncClient, advertiser: Actor) -> None:
    first = (await client.get(f"{T}/oses?page_size=5", headers=advertiser.headers)).json()
    second = (await client.get(f"{T}/oses?page_size=5&page=2", headers=advertiser.headers)).json()
    assert [i["id"] for i in first["items"]] == [1, 2, 3, 4, 5]
    assert [i["id"] for i in second["items"]] == [6, 7, 8, 9, 10]
    assert first["total"] == second["total"] >= 20
    assert (second["page"], second["page_size"]) == (2, 5)


async def test_q_matches_part_of_the_code_or_the_name(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    by_name = (await client.get(f"{T}/countries?q=germ", headers=advertiser.headers)).json()
    assert [i["code"] for i in by_name["items"]] == ["DE"]
    by_code = (await client.get(f"{T}/categories?q=iab26-", headers=advertiser.headers)).json()
    assert [i["code"] for i in by_code["items"]] == [f"IAB26-{m}" for m in range(1, 5)]
    nothing = (await client.get(f"{T}/browsers?q=netscape", headers=advertiser.headers)).json()
    assert (nothing["items"], nothing["total"]) == ([], 0)


async def test_an_unknown_dimension_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = assert_problem(await client.get(f"{T}/planets", headers=advertiser.headers), 404)
    assert "planets" in body["detail"]
    posted = await client.post(
        f"{T}/planets", json={"code": "mars", "name": "Mars"}, headers=advertiser.headers
    )
    assert posted.status_code in (403, 404)


async def test_the_catalogue_needs_credentials(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get(T), 401)
    assert_problem(await client.get(f"{T}/oses"), 401)


async def test_an_admin_adds_a_value_that_campaigns_can_then_use(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.post(
        f"{T}/carriers", json={"code": "Mint Mobile", "name": "Mint Mobile"}, headers=admin.headers
    )
    assert response.status_code == 201, response.text
    added = response.json()
    assert added == {"id": 1_000_000, "code": "mint_mobile", "name": "Mint Mobile"}
    found = (await client.get(f"{T}/carriers?code=mint_mobile", headers=admin.headers)).json()
    assert found["items"] == [added]
    second = await client.post(
        f"{T}/carriers", json={"code": "visible", "name": "Visible"}, headers=admin.headers
    )
    assert second.json()["id"] == 1_000_001


async def test_an_admin_may_choose_the_id_of_an_added_value(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.post(
        f"{T}/browsers",
        json={"code": "arc", "name": "Arc", "id": 1_000_500},
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    assert response.json()["id"] == 1_000_500


@pytest.mark.parametrize(
    ("dimension", "body", "status"),
    [
        ("oses", {"code": "android", "name": "Android again"}, 409),
        ("countries", {"code": "de", "name": "Germany again"}, 409),
        ("countries", {"code": "DEU", "name": "Three letters"}, 422),
        ("categories", {"code": "sports", "name": "Not an IAB code"}, 422),
        ("oses", {"code": "bad/slug", "name": "Slash"}, 422),
        ("oses", {"code": "ok", "name": "Low id", "id": 21}, 422),
        ("oses", {"code": "", "name": "Empty"}, 422),
        ("oses", {"code": "x", "name": "Extra", "colour": "red"}, 422),
        ("oses", {"code": "nul", "name": "a\x00b"}, 422),
    ],
    ids=[
        "taken",
        "taken-case",
        "shape",
        "iab-shape",
        "slug",
        "reserved-id",
        "empty",
        "extra",
        "nul",
    ],
)
async def test_a_bad_added_value_is_refused(
    client: httpx.AsyncClient, admin: Actor, dimension: str, body: dict[str, object], status: int
) -> None:
    response = await client.post(f"{T}/{dimension}", json=body, headers=admin.headers)
    assert_problem(response, status)


async def test_a_taken_id_is_refused(client: httpx.AsyncClient, admin: Actor) -> None:
    body = {"code": "one", "name": "One", "id": 1_000_010}
    assert (await client.post(f"{T}/oses", json=body, headers=admin.headers)).status_code == 201
    again = await client.post(f"{T}/oses", json={**body, "code": "two"}, headers=admin.headers)
    assert_problem(again, 409)


async def test_only_admins_add_values(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.post(
        f"{T}/oses", json={"code": "beos", "name": "BeOS"}, headers=advertiser.headers
    )
    assert_problem(response, 403)
    listed = (await client.get(f"{T}/oses?code=beos", headers=advertiser.headers)).json()
    assert listed["total"] == 0
