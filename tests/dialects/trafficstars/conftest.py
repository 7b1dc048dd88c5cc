"""Fixtures of the TrafficStars dialect tests."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from tests.conftest import Actor


@dataclass
class Inventory:
    """One site with three spots, created through the native admin API."""

    site_ids: list[int]
    spot_ids: list[int]
    codenames: list[str]


@pytest.fixture
async def inventory(client: httpx.AsyncClient, admin: Actor) -> Inventory:
    sites = []
    for domain in ("news.example", "games.example"):
        made = await client.post(
            "/api/v1/sites", json={"name": domain, "domain": domain}, headers=admin.headers
        )
        assert made.status_code == 201, made.text
        sites.append(made.json()["id"])
    spots = []
    for index in range(3):
        made = await client.post(
            "/api/v1/spots",
            json={"site_id": sites[0], "name": f"spot {index}", "format_id": 1},
            headers=admin.headers,
        )
        assert made.status_code == 201, made.text
        spots.append(made.json())
    return Inventory(sites, [s["id"] for s in spots], [s["codename"] for s in spots])
