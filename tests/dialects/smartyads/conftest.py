"""Fixtures of the SmartyAds dialect tests."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Actor

# The document's carriers are fake operators; an admin adds them to the catalogue first.
DOCUMENT_CARRIERS = ("ISP Green-Stiedemann", "ISP Simonis Inc")


def carrier_code(name: str) -> str:
    return name.lower().replace(" ", "_").replace("-", "_")


@pytest.fixture
async def document_carriers(client: httpx.AsyncClient, admin: Actor) -> None:
    for name in DOCUMENT_CARRIERS:
        made = await client.post(
            "/api/v1/targeting/carriers",
            json={"code": carrier_code(name), "name": name},
            headers=admin.headers,
        )
        assert made.status_code == 201, made.text
