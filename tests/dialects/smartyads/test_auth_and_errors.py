"""SmartyAds login, logout, the error shape and the request limits."""

from __future__ import annotations

import httpx
import jwt

from adplane.dialects.smartyads.auth import PROVIDER
from adplane.dialects.smartyads.limits import RateLimits
from tests.conftest import TEST_SECRET, Actor
from tests.dialects.smartyads.helpers import BASE, bearer, login
from tests.support.wire import wire_body


async def test_login_returns_an_hour_long_jwt_with_the_documented_claims(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{BASE}/users/login", json={"email": advertiser.email, "password": advertiser.password}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert jwt.get_unverified_header(body["access_token"])["alg"] == "HS256"
    claims = jwt.decode(
        body["access_token"], TEST_SECRET, algorithms=["HS256"], options={"verify_iss": False}
    )
    assert {"iss", "iat", "exp", "nbf", "jti", "sub", "prv"} <= set(claims)
    assert claims["exp"] - claims["iat"] == 3600
    assert claims["sub"] == str(advertiser.user_id)
    assert claims["prv"] == PROVIDER
    assert response.headers["x-ratelimit-limit"] == "10"
    assert response.headers["x-ratelimit-remaining"] == "9"


async def test_the_token_authenticates_and_logout_revokes_it(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    token = await login(client, advertiser)
    listed = await client.get(f"{BASE}/campaigns", headers=bearer(token))
    assert listed.status_code == 200, listed.text
    assert listed.headers["x-ratelimit-limit"] == "500"
    out = await client.post(f"{BASE}/logout", json={}, headers=bearer(token))
    assert out.status_code == 200, out.text
    assert out.json() == {"message": "Successfully logged out"}
    again = await client.get(f"{BASE}/campaigns", headers=bearer(token))
    assert again.status_code == 401
    assert wire_body(again) == {"message": "Unauthenticated.", "errors": {}}


async def test_a_wrong_password_is_a_401_in_the_dialects_shape(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{BASE}/users/login", json={"email": advertiser.email, "password": "wrong"}
    )
    assert response.status_code == 401
    assert set(wire_body(response)) == {"message", "errors"}


async def test_missing_credentials_are_a_401(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{BASE}/campaigns")
    assert response.status_code == 401
    assert wire_body(response) == {"message": "Unauthenticated.", "errors": {}}
    assert response.headers["www-authenticate"] == "Bearer"


async def test_validation_errors_name_the_smartyads_fields(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{BASE}/campaigns", json={"name": "x"}, headers=advertiser.headers
    )
    assert response.status_code == 422
    body = wire_body(response)
    assert body["message"] == "The given data was invalid."
    assert set(body["errors"]) == {"type", "aDomain"}
    bad = await client.post(
        f"{BASE}/campaigns",
        json={"name": "x", "type": "banner", "aDomain": "a.com", "OS": ["Plan9 1.0"]},
        headers=advertiser.headers,
    )
    assert bad.status_code == 422
    assert set(wire_body(bad)["errors"]) == {"OS.0"}


async def test_malformed_json_is_a_400(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.post(
        f"{BASE}/campaigns",
        content=b"{not json",
        headers={**advertiser.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert set(wire_body(response)) == {"message", "errors"}


async def test_unknown_paths_and_methods_answer_in_the_dialects_shape(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    missing = await client.get(f"{BASE}/nothing-here", headers=advertiser.headers)
    assert missing.status_code == 404
    assert set(wire_body(missing)) == {"message", "errors"}
    bare = await client.get("/smartyads/", headers=advertiser.headers)
    assert bare.status_code == 404
    assert set(wire_body(bare)) == {"message", "errors"}
    wrong = await client.delete(f"{BASE}/campaigns", headers=advertiser.headers)
    assert wrong.status_code == 405
    assert set(wire_body(wrong)) == {"message", "errors"}
    assert "GET" in wrong.headers["allow"]


async def test_login_past_ten_a_minute_is_a_429(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = {"email": advertiser.email, "password": advertiser.password}
    remaining = []
    for _ in range(10):
        response = await client.post(f"{BASE}/users/login", json=body)
        assert response.status_code == 200, response.text
        remaining.append(int(response.headers["x-ratelimit-remaining"]))
    assert remaining == list(range(9, -1, -1))
    refused = await client.post(f"{BASE}/users/login", json=body)
    assert refused.status_code == 429
    assert wire_body(refused) == {"message": "Too Many Attempts.", "errors": {}}
    assert refused.headers["x-ratelimit-remaining"] == "0"
    assert int(refused.headers["retry-after"]) >= 1


async def test_the_budget_is_per_user_and_comes_back_after_the_window() -> None:
    now = [0.0]
    seen: list[int] = []

    async def app(scope: object, receive: object, send: object) -> None:
        return None

    limits = RateLimits(app, limit=2, window=60, clock=lambda: now[0])  # type: ignore[arg-type]
    scope = {"type": "http", "path": "/api/campaigns", "headers": [], "client": ("1.2.3.4", 1)}
    for _ in range(3):
        key = limits._caller(scope)
        if limits.other.retry_after(key) is None:
            limits.other.hit(key)
            seen.append(limits.other.used(key))
    assert seen == [1, 2]
    now[0] = 61.0
    assert limits.other.retry_after(limits._caller(scope)) is None
