"""Shared helpers of the SmartyAds dialect tests."""

from __future__ import annotations

import httpx

from tests.conftest import Actor

BASE = "/smartyads/api"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}


async def login(client: httpx.AsyncClient, actor: Actor) -> str:
    response = await client.post(
        f"{BASE}/users/login", json={"email": actor.email, "password": actor.password}
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token
