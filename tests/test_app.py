"""The app factory and a real server process."""

from __future__ import annotations

import httpx
import pytest

from adplane.app import create_app
from adplane.settings import Settings
from tests.conftest import Actor
from tests.support.server import LiveServer, new_user


async def test_healthz_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_refuses_the_default_secret_outside_development() -> None:
    with pytest.raises(RuntimeError, match="ADPLANE_SECRET_KEY"):
        create_app(Settings(env="production"))


async def test_native_openapi_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/campaigns" in response.json()["paths"]
    docs = await client.get("/api/v1/docs")
    assert docs.status_code == 200


async def test_an_advertiser_creates_and_reads_a_campaign(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await client.post(
        "/api/v1/campaigns", json={"name": "Smoke"}, headers=advertiser.headers
    )
    assert created.status_code == 201, created.text
    got = await client.get(f"/api/v1/campaigns/{created.json()['id']}", headers=advertiser.headers)
    assert got.json()["name"] == "Smoke"
    assert got.json()["status"] == "pending"


def test_live_server_serves_the_native_api(live_server: LiveServer) -> None:
    user = new_user(live_server)
    with httpx.Client(base_url=live_server.base_url, headers=user.headers) as http:
        me = http.get("/api/v1/me")
        assert me.status_code == 200
        assert me.json()["account_id"] == user.account_id
