"""One TrafficStars-style error shape for every failure, and nothing half-written."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from adplane.app import create_app, mount_dialect
from adplane.dialects.trafficstars import errors
from adplane.inventory import service as inventory
from adplane.kit.db import Database, Session
from adplane.settings import Settings
from tests.conftest import Actor
from tests.dialects.trafficstars.helpers import BASE, CREATE_BODY, bearer, create
from tests.support.wire import wire_body

C = f"{BASE}/v1.1/campaigns"


def _assert_error(response: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = wire_body(response)
    assert set(body) == {"code", "error", "message", "errors"}
    assert (body["code"], body["error"]) == (status, error)
    assert isinstance(body["message"], str)
    assert body["message"]
    assert isinstance(body["errors"], list)
    return body


async def test_an_unknown_route_is_404(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.get(f"{BASE}/v1.1/banners", headers=bearer(advertiser.api_key))
    _assert_error(response, 404, "not_found")


async def test_a_wrong_method_is_405(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.delete(C, headers=bearer(advertiser.api_key))
    _assert_error(response, 405, "method_not_allowed")


@pytest.mark.parametrize("raw_id", ["abc", "0", "-1", str(2**63)])
async def test_a_bad_campaign_id_is_named(
    client: httpx.AsyncClient, advertiser: Actor, raw_id: str
) -> None:
    response = await client.get(f"{C}/{raw_id}", headers=bearer(advertiser.api_key))
    body = _assert_error(response, 422, "validation_failed")
    assert body["errors"][0]["field"] == "id"


def _body_routes(cid: int) -> list[tuple[str, str]]:
    return [
        ("POST", C),
        ("POST", f"{C}/draft"),
        ("PATCH", f"{C}/{cid}"),
        ("PATCH", f"{C}/{cid}/draft"),
        ("POST", f"{C}/{cid}/save_as"),
        ("POST", f"{C}/{cid}/clone"),
        ("POST", f"{C}/{cid}/clone/draft"),
        ("PATCH", f"{C}/{cid}/targeting/include/spots"),
        ("PATCH", f"{C}/{cid}/targeting/exclude/spots"),
        ("PATCH", f"{C}/{cid}/targeting/include/sites"),
        ("PATCH", f"{C}/{cid}/targeting/exclude/sites"),
        ("POST", f"{C}/{cid}/spot/1/price"),
        *[("PUT", f"{BASE}/v2/campaigns/{a}") for a in ("publish", "run", "pause", "archive")],
        ("PUT", f"{BASE}/v2/campaigns/unarchive"),
    ]


async def test_malformed_bodies_are_refused_on_every_route(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    headers = bearer(advertiser.api_key)
    draft = await create(client, headers, "/v1.1/campaigns/draft")
    before = (await client.get(f"{C}/{draft['id']}", headers=headers)).json()
    json_headers = {**headers, "Content-Type": "application/json"}
    for method, url in _body_routes(draft["id"]):
        broken = await client.request(method, url, content=b'{"price": ', headers=json_headers)
        _assert_error(broken, 400, "malformed_json")
        # Clone's body is optional, so a JSON null there is no body at all.
        optional = url.endswith(("/clone", "/clone/draft"))
        for payload in (b"[1, 2]", b'"text"', b"42", *(() if optional else (b"null",))):
            wrong = await client.request(method, url, content=payload, headers=json_headers)
            assert 400 <= wrong.status_code < 500, (method, url, payload, wrong.text)
            assert set(wire_body(wrong)) == {"code", "error", "message", "errors"}
        form = await client.request(method, url, data={"price": "1"}, headers=headers)
        assert 400 <= form.status_code < 500, (method, url, form.text)
    assert (await client.get(f"{C}/{draft['id']}", headers=headers)).json() == before
    assert len((await client.get(C, headers=headers)).json()["response"]) == 1


async def test_a_conflict_is_409(client: httpx.AsyncClient, advertiser: Actor) -> None:
    headers = bearer(advertiser.api_key)
    created = await create(client, headers)
    await client.put(
        f"{BASE}/v2/campaigns/archive", json={"campaign_ids": [created["id"]]}, headers=headers
    )
    response = await client.patch(f"{C}/{created['id']}", json={"price": 1}, headers=headers)
    _assert_error(response, 409, "conflict")


@pytest.fixture
async def app_with_a_failing_route(
    settings: Settings, database: Database
) -> AsyncIterator[FastAPI]:
    """The real app plus a dialect-style sub-app whose route writes, then fails."""
    app = create_app(settings, database=database)
    failing = FastAPI()
    errors.install(failing)
    router = APIRouter()

    @router.post("/boom")
    async def boom(session: Session) -> None:
        await inventory.create_site(session, None, name="half", domain="half.example")
        raise RuntimeError("something unexpected")

    failing.include_router(router)
    mount_dialect(app, "/failing", failing)
    async with app.router.lifespan_context(app):
        yield app


async def test_an_unexpected_error_is_a_500_and_writes_nothing(
    app_with_a_failing_route: FastAPI, admin: Actor
) -> None:
    transport = httpx.ASGITransport(app=app_with_a_failing_route)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/failing/boom")
        body = _assert_error(response, 500, "internal_error")
        assert "something unexpected" not in body["message"]
        sites = await client.get("/api/v1/sites", headers=admin.headers)
        assert sites.json()["total"] == 0


async def test_the_dialect_has_its_own_openapi_document(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{BASE}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/v1/auth/token",
        "/v1/auth/info",
        "/v1/auth/logout",
        "/v1.1/campaigns",
        "/v1.1/campaigns/draft",
        "/v1.1/campaigns/{id}",
        "/v1.1/campaigns/{id}/draft",
        "/v1.1/campaigns/{id}/save_as",
        "/v1.1/campaigns/{id}/{action}",
        "/v1.1/campaigns/{id}/clone",
        "/v1.1/campaigns/{id}/clone/draft",
        "/v1.1/campaigns/{id}/targeting/{mode}/{dimension}",
        "/v1.1/campaigns/{id}/prices",
        "/v1.1/campaigns/{id}/spot/{spot_id}/price",
        "/v1.1/campaigns/reject_reasons",
        "/v1.1/campaigns/{id}/spending",
        "/v2/campaigns/{action}",
    ):
        assert path in paths, path
    assert "Error" in response.json()["components"]["schemas"]


@pytest.mark.parametrize("content_type", [None, "application/x-www-form-urlencoded", "text/plain"])
async def test_a_json_body_labelled_as_a_form_is_read_as_json(
    client: httpx.AsyncClient, advertiser: Actor, content_type: str | None
) -> None:
    headers = bearer(advertiser.api_key)
    if content_type is not None:
        headers["Content-Type"] = content_type
    response = await client.post(C, content=json.dumps(CREATE_BODY).encode(), headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "My campaign"


async def test_running_an_incomplete_campaign_names_its_missing_fields(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    bare = await client.post(
        "/api/v1/campaigns",
        json={"name": "bare", "is_active": False},
        headers=advertiser.headers,
    )
    assert bare.status_code == 201, bare.text
    response = await client.put(f"{C}/{bare.json()['id']}/run", headers=bearer(advertiser.api_key))
    body = _assert_error(response, 422, "validation_failed")
    assert {e["field"] for e in body["errors"]} == {
        "format_id",
        "price",
        "max_daily",
        "hours_targeting",
    }
