"""Native inventory management: ad formats, sites and spots. Admins write; everyone reads."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor

API = "/api/v1"


async def _made(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_the_seeded_formats_include_the_documented_ids(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(f"{API}/formats", headers=advertiser.headers)
    assert response.status_code == 200
    formats = {f["id"]: f for f in response.json()["items"]}
    assert {1, 63, 104} <= set(formats)
    assert formats[104]["options"] == ["web_push", "in_page_push"]
    assert formats[63]["options"] == ["pre-roll", "im-slider", "outstream"]


async def test_an_admin_manages_a_site_and_its_spots(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    site = await _made(
        await client.post(
            f"{API}/sites", json={"name": "News", "domain": "News.Example"}, headers=admin.headers
        )
    )
    assert (site["domain"], site["is_active"]) == ("news.example", True)
    spot = await _made(
        await client.post(
            f"{API}/spots",
            json={"site_id": site["id"], "name": "header", "format_id": 1, "codename": "hdr-1"},
            headers=admin.headers,
        )
    )
    assert (spot["site_id"], spot["codename"], spot["format_id"]) == (site["id"], "hdr-1", 1)
    generated = await _made(
        await client.post(
            f"{API}/spots", json={"site_id": site["id"], "name": "footer"}, headers=admin.headers
        )
    )
    assert len(generated["codename"]) == 32

    renamed = await client.patch(
        f"{API}/spots/{spot['id']}", json={"name": "top", "format_id": None}, headers=admin.headers
    )
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["format_id"]) == ("top", None)

    # Everyone authenticated reads.
    listed = await client.get(
        f"{API}/spots", params={"site_id": site["id"]}, headers=advertiser.headers
    )
    assert [s["id"] for s in listed.json()["items"]] == [spot["id"], generated["id"]]
    got = await client.get(f"{API}/sites/{site['id']}", headers=advertiser.headers)
    assert got.json()["name"] == "News"

    gone = await client.delete(f"{API}/spots/{spot['id']}", headers=admin.headers)
    assert (gone.status_code, gone.json()["is_active"]) == (200, False)
    active = await client.get(
        f"{API}/spots", params={"is_active": "true"}, headers=advertiser.headers
    )
    assert [s["id"] for s in active.json()["items"]] == [generated["id"]]
    site_gone = await client.delete(f"{API}/sites/{site['id']}", headers=admin.headers)
    assert site_gone.json()["is_active"] is False


async def test_an_admin_adds_a_format_with_its_own_id(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    chosen = await _made(
        await client.post(
            f"{API}/formats",
            json={"id": 500, "name": "Interstitial video", "kind": "video", "options": ["skip"]},
            headers=admin.headers,
        )
    )
    assert chosen["id"] == 500
    # The next format without an id does not collide with the chosen one.
    following = await _made(
        await client.post(
            f"{API}/formats", json={"name": "Sticky", "kind": "banner"}, headers=admin.headers
        )
    )
    assert following["id"] > 500
    taken = await client.post(
        f"{API}/formats", json={"id": 500, "name": "Again", "kind": "x"}, headers=admin.headers
    )
    assert taken.status_code == 409
    changed = await client.patch(
        f"{API}/formats/500", json={"options": ["skip", "mute"]}, headers=admin.headers
    )
    assert changed.json()["options"] == ["skip", "mute"]
    off = await client.delete(f"{API}/formats/500", headers=admin.headers)
    assert off.json()["is_active"] is False
    inactive = await client.get(
        f"{API}/formats", params={"is_active": "false"}, headers=admin.headers
    )
    assert [f["id"] for f in inactive.json()["items"]] == [500]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/formats", {"name": "X", "kind": "x"}),
        ("PATCH", "/formats/1", {"name": "X"}),
        ("DELETE", "/formats/1", None),
        ("POST", "/sites", {"name": "X", "domain": "x.example"}),
        ("POST", "/spots", {"site_id": 1, "name": "X"}),
    ],
)
async def test_an_advertiser_cannot_change_inventory(
    client: httpx.AsyncClient, advertiser: Actor, method: str, path: str, body: Any
) -> None:
    response = await client.request(method, f"{API}{path}", json=body, headers=advertiser.headers)
    assert response.status_code == 403


async def test_reading_needs_credentials(client: httpx.AsyncClient) -> None:
    for path in ("/formats", "/sites", "/spots"):
        assert (await client.get(f"{API}{path}")).status_code == 401


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/sites", {"name": "X", "domain": "not a domain"}, "domain"),
        ("/sites", {"name": "", "domain": "x.example"}, "name"),
        ("/spots", {"site_id": 987654, "name": "X"}, "site_id"),
        ("/spots", {"site_id": 0, "name": "X"}, "site_id"),
        ("/formats", {"name": "X", "kind": "Bad Kind"}, "kind"),
        ("/formats", {"name": "X", "kind": "x", "options": ["a", "a"]}, "options"),
        ("/formats", {"name": "X", "kind": "x", "id": 0}, "id"),
    ],
)
async def test_invalid_inventory_names_the_field(
    client: httpx.AsyncClient, admin: Actor, path: str, body: dict[str, Any], field: str
) -> None:
    response = await client.post(f"{API}{path}", json=body, headers=admin.headers)
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]]


async def test_spot_references_are_checked(client: httpx.AsyncClient, admin: Actor) -> None:
    site = await _made(
        await client.post(
            f"{API}/sites", json={"name": "S", "domain": "s.example"}, headers=admin.headers
        )
    )
    bad_format = await client.post(
        f"{API}/spots",
        json={"site_id": site["id"], "name": "X", "format_id": 987654},
        headers=admin.headers,
    )
    assert bad_format.status_code == 422
    assert bad_format.json()["errors"][0]["field"] == "format_id"
    await _made(
        await client.post(
            f"{API}/spots",
            json={"site_id": site["id"], "name": "X", "codename": "same"},
            headers=admin.headers,
        )
    )
    dup = await client.post(
        f"{API}/spots",
        json={"site_id": site["id"], "name": "Y", "codename": "same"},
        headers=admin.headers,
    )
    assert dup.status_code == 409
    null_name = await client.patch(
        f"{API}/sites/{site['id']}", json={"name": None}, headers=admin.headers
    )
    assert null_name.status_code == 422


@pytest.mark.parametrize("path", ["/formats/987654", "/sites/987654", "/spots/987654"])
async def test_unknown_inventory_is_not_found(
    client: httpx.AsyncClient, admin: Actor, path: str
) -> None:
    assert (await client.get(f"{API}{path}", headers=admin.headers)).status_code == 404
    assert (await client.delete(f"{API}{path}", headers=admin.headers)).status_code == 404
