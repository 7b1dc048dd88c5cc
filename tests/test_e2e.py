"""End to end through a real ``adplane serve`` process, on SQLite and on PostgreSQL.

The in-process client covers the breadth; these tests check that the same behaviour holds
over real HTTP, with the server's own process, migrations and database.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.support.server import LiveServer, LiveUser, new_user

pytestmark = pytest.mark.e2e


@pytest.fixture
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{live_server.base_url}/api/v1", timeout=30) as client:
        yield client


@pytest.fixture
def admin(live_server: LiveServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {live_server.admin_key}"}


@pytest.fixture
def owner(live_server: LiveServer) -> LiveUser:
    return new_user(live_server)


@pytest.fixture
def intruder(live_server: LiveServer) -> LiveUser:
    return new_user(live_server)


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys()
    return body


def test_healthz_and_the_native_openapi_are_served(
    live_server: LiveServer, http: httpx.Client
) -> None:
    assert httpx.get(f"{live_server.base_url}/healthz").status_code == 200
    spec = http.get("/openapi.json")
    assert spec.status_code == 200
    assert "/campaigns/{id}/approve" in spec.json()["paths"]
    assert http.get("/docs").status_code == 200


def test_login_token_works_until_logout(http: httpx.Client, owner: LiveUser) -> None:
    token = http.post("/auth/token", json={"email": owner.email, "password": owner.password})
    assert token.status_code == 200
    bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
    assert http.get("/me", headers=bearer).json()["user_id"] == owner.user_id
    assert http.post("/auth/logout", headers=bearer).status_code == 204
    problem(http.get("/me", headers=bearer), 401)


def test_a_campaign_goes_through_its_whole_lifecycle(
    http: httpx.Client, admin: dict[str, str], owner: LiveUser
) -> None:
    created = http.post(
        "/campaigns",
        params={"draft": "true"},
        json={
            "name": "Live",
            "format_id": 1,
            "bid_price": "0.25",
            "daily_budget": "10",
            "day_parting": "1" * 168,
            "targeting": {"countries": {"include": ["FR"]}},
        },
        headers=owner.headers,
    )
    assert created.status_code == 201, created.text
    cid = created.json()["id"]
    steps = [
        (owner.headers, "submit", "pending"),
        (admin, "approve", "active"),
        (owner.headers, "pause", "paused"),
        (owner.headers, "run", "active"),
        (owner.headers, "archive", "archived"),
        (owner.headers, "restore", "paused"),
    ]
    for headers, action, status in steps:
        response = http.post(f"/campaigns/{cid}/{action}", headers=headers)
        assert response.status_code == 200, (action, response.text)
        assert response.json()["status"] == status, action
    clone = http.post(f"/campaigns/{cid}/clone", json={"name": "Live B"}, headers=owner.headers)
    assert clone.status_code == 201
    assert (clone.json()["status"], clone.json()["cloned_from_id"]) == ("pending", cid)
    history = http.get(f"/campaigns/{cid}/history", headers=owner.headers).json()
    assert [c["action"] for c in history["items"]] == [
        "create_draft",
        "submit",
        "approve",
        "pause",
        "run",
        "archive",
        "restore",
    ]


def test_refused_actions_answer_with_problems(http: httpx.Client, owner: LiveUser) -> None:
    cid = http.post("/campaigns", json={"name": "c"}, headers=owner.headers).json()["id"]
    problem(http.post(f"/campaigns/{cid}/restore", headers=owner.headers), 409)
    problem(http.post(f"/campaigns/{cid}/approve", headers=owner.headers), 403)


def test_a_second_advertiser_sees_404_for_every_route_on_the_owners_campaign(
    http: httpx.Client, owner: LiveUser, intruder: LiveUser
) -> None:
    cid = http.post("/campaigns", json={"name": "secret"}, headers=owner.headers).json()["id"]
    requests: list[tuple[str, str, dict[str, Any] | None]] = [
        ("GET", f"/campaigns/{cid}", None),
        ("PATCH", f"/campaigns/{cid}", {"name": "mine"}),
        ("DELETE", f"/campaigns/{cid}", None),
        ("GET", f"/campaigns/{cid}/history", None),
        ("GET", f"/campaigns/{cid}/spot-prices", None),
        ("GET", f"/accounts/{owner.account_id}", None),
        ("GET", f"/accounts/{owner.account_id}/transactions", None),
        *[
            ("POST", f"/campaigns/{cid}/{action}", None)
            for action in ("submit", "run", "pause", "archive", "restore", "clone", "approve")
        ],
        ("POST", f"/campaigns/{cid}/reject", {"reason_codes": [1]}),
    ]
    for method, path, body in requests:
        response = http.request(method, path, json=body, headers=intruder.headers)
        assert problem(response, 404)["title"] == "Not found", (method, path)
    bulk = http.post("/campaigns/bulk/pause", json={"ids": [cid]}, headers=intruder.headers)
    assert bulk.json()["failed"] == [{"id": cid, "reason": "not found"}]
    untouched = http.get(f"/campaigns/{cid}", headers=owner.headers).json()
    assert (untouched["name"], untouched["is_active"]) == ("secret", True)


def test_malformed_input_is_a_problem_and_writes_nothing(
    http: httpx.Client, owner: LiveUser
) -> None:
    before = http.get("/campaigns", headers=owner.headers).json()["total"]
    broken = http.post(
        "/campaigns",
        content=b'{"name": ',
        headers={**owner.headers, "content-type": "application/json"},
    )
    assert problem(broken, 400)["title"] == "Malformed JSON"
    wrong = http.post("/campaigns", json={"name": "n", "bid_price": "lots"}, headers=owner.headers)
    assert [e["field"] for e in problem(wrong, 422)["errors"]] == ["bid_price"]
    unknown = http.post("/campaigns", json={"name": "n", "colour": "red"}, headers=owner.headers)
    problem(unknown, 422)
    huge = http.get(f"/campaigns/{2**64}", headers=owner.headers)
    problem(huge, 422)
    nul = http.post("/campaigns", json={"name": "a\u0000b"}, headers=owner.headers)
    problem(nul, 422)
    assert http.get("/campaigns", headers=owner.headers).json()["total"] == before


def test_money_round_trips_exactly(
    http: httpx.Client, admin: dict[str, str], owner: LiveUser
) -> None:
    deposit = http.post(
        f"/accounts/{owner.account_id}/deposit",
        content=b'{"amount": 0.1}',
        headers={**admin, "content-type": "application/json"},
    )
    assert deposit.status_code == 201, deposit.text
    deposit = http.post(
        f"/accounts/{owner.account_id}/deposit", json={"amount": "0.2"}, headers=admin
    )
    assert Decimal(deposit.json()["balance_after"]) == Decimal("1000.3")
    created = http.post(
        "/campaigns",
        content=b'{"name": "m", "daily_budget": 123456789012.123456}',
        headers={**owner.headers, "content-type": "application/json"},
    )
    assert created.json()["daily_budget"] == "123456789012.123456"


def test_lists_page_sort_and_filter(http: httpx.Client, owner: LiveUser) -> None:
    for name in ("b", "a", "c"):
        http.post("/campaigns", json={"name": name}, headers=owner.headers)
    http.post("/campaigns", params={"draft": "true"}, json={"name": "d"}, headers=owner.headers)
    page = http.get(
        "/campaigns",
        params={"status": "pending", "sort": "-name", "page_size": 2},
        headers=owner.headers,
    ).json()
    assert (page["total"], page["page"], page["page_size"]) == (3, 1, 2)
    assert [c["name"] for c in page["items"]] == ["c", "b"]


def test_an_admin_acts_for_an_account(
    http: httpx.Client, admin: dict[str, str], owner: LiveUser
) -> None:
    acting = {**admin, "X-Adplane-Account": str(owner.account_id)}
    created = http.post("/campaigns", json={"name": "by admin"}, headers=acting)
    assert created.json()["account_id"] == owner.account_id
    explicit = http.post(
        "/campaigns", json={"name": "explicit", "account_id": owner.account_id}, headers=admin
    )
    assert explicit.json()["account_id"] == owner.account_id
    names = {c["name"] for c in http.get("/campaigns", headers=owner.headers).json()["items"]}
    assert {"by admin", "explicit"} <= names


def test_a_revoked_api_key_stops_working(http: httpx.Client, owner: LiveUser) -> None:
    created = http.post("/api-keys", json={"name": "temp"}, headers=owner.headers).json()
    temp = {"Authorization": f"Bearer {created['api_key']}"}
    assert http.get("/me", headers=temp).status_code == 200
    http.post(f"/api-keys/{created['id']}/revoke", headers=owner.headers)
    problem(http.get("/me", headers=temp), 401)


def test_concurrent_writes_all_succeed(live_server: LiveServer, owner: LiveUser) -> None:
    # Every request writes (an API key records its last use); on SQLite concurrent writers
    # must wait their turn instead of failing with "database is locked".
    async def burst() -> list[int]:
        async with httpx.AsyncClient(
            base_url=f"{live_server.base_url}/api/v1", headers=owner.headers, timeout=60
        ) as client:
            responses = await asyncio.gather(
                *[client.post("/campaigns", json={"name": f"burst {i}"}) for i in range(16)],
                *[client.get("/campaigns") for _ in range(8)],
            )
        return [r.status_code for r in responses]

    statuses = asyncio.run(burst())
    assert statuses == [201] * 16 + [200] * 8


def test_racing_creations_of_one_email_make_one_user(
    live_server: LiveServer, admin: dict[str, str]
) -> None:
    email = f"race-{live_server.port}@live.test"

    async def race() -> list[int]:
        async with httpx.AsyncClient(
            base_url=f"{live_server.base_url}/api/v1", headers=admin, timeout=60
        ) as client:
            # A use of the key just now: the racing requests need not record one (which
            # would queue them one behind the other on the key's row).
            assert (await client.get("/me")).status_code == 200
            body = {"email": email, "password": "race-password"}
            responses = await asyncio.gather(*[client.post("/users", json=body) for _ in range(6)])
        return sorted(r.status_code for r in responses)

    assert asyncio.run(race()) == [201, 409, 409, 409, 409, 409]
