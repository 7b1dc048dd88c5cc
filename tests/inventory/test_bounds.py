"""Issue 9, defect 4: every integer id and filter of inventory is bounded to 64 bits.

``2**70`` used to reach the database and answer 500; it is a 422 problem now, as a list filter,
in a path and in a write, and nothing is written. Checked in process and against a real server.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.support.native import assert_problem
from tests.support.server import LiveServer

API = "/api/v1"
HUGE = 2**70


@pytest.mark.parametrize("param", ["site_id", "format_id"])
async def test_an_oversized_spot_filter_is_a_422(
    client: httpx.AsyncClient, advertiser: Actor, param: str
) -> None:
    response = await client.get(f"{API}/spots", params={param: HUGE}, headers=advertiser.headers)
    assert_problem(response, 422, field=param)


@pytest.mark.parametrize("kind", ["formats", "sites", "spots"])
async def test_an_oversized_path_id_is_a_422(
    client: httpx.AsyncClient, admin: Actor, kind: str
) -> None:
    assert_problem(await client.get(f"{API}/{kind}/{HUGE}", headers=admin.headers), 422)
    response = await client.patch(f"{API}/{kind}/{HUGE}", json={}, headers=admin.headers)
    assert_problem(response, 422)


@pytest.mark.parametrize(
    ("method", "body"),
    [
        ("POST", {"site_id": HUGE, "name": "s"}),
        ("POST", {"site_id": 1, "name": "s", "format_id": HUGE}),
        ("PATCH", {"site_id": HUGE}),
        ("PATCH", {"format_id": HUGE}),
    ],
)
async def test_an_oversized_id_in_a_spot_write_is_a_422(
    client: httpx.AsyncClient, admin: Actor, method: str, body: dict[str, Any]
) -> None:
    site = await client.post(
        f"{API}/sites", json={"name": "S", "domain": "s.example"}, headers=admin.headers
    )
    spot = await client.post(
        f"{API}/spots", json={"site_id": site.json()["id"], "name": "s"}, headers=admin.headers
    )
    url = f"{API}/spots" if method == "POST" else f"{API}/spots/{spot.json()['id']}"
    field = next(k for k, v in body.items() if v == HUGE)
    response = await client.request(method, url, json=body, headers=admin.headers)
    assert_problem(response, 422, field=field)
    listed = await client.get(f"{API}/spots", headers=admin.headers)
    assert listed.json()["items"] == [spot.json()]


def test_oversized_ids_are_refused_by_a_real_server(live_server: LiveServer) -> None:
    admin = {"Authorization": f"Bearer {live_server.admin_key}"}
    with httpx.Client(base_url=live_server.base_url, headers=admin, timeout=30) as http:
        before = http.get(f"{API}/spots").json()["total"]
        for param in ("site_id", "format_id"):
            assert_problem(http.get(f"{API}/spots", params={param: HUGE}), 422, field=param)
        for body in (
            {"site_id": HUGE, "name": "s"},
            {"site_id": 1, "name": "s", "format_id": HUGE},
        ):
            field = next(k for k, v in body.items() if v == HUGE)
            assert_problem(http.post(f"{API}/spots", json=body), 422, field=field)
        assert http.get(f"{API}/spots").json()["total"] == before
