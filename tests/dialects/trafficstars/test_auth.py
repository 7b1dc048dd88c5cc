"""TrafficStars auth: the refresh-token grant, session info, logout, and bearer tokens."""

from __future__ import annotations

from datetime import timedelta

import httpx
import jwt
import pytest

from adplane.accounts.security import issue_token
from adplane.kit.time import utcnow
from adplane.models import AccessToken
from tests.conftest import TEST_SECRET, Actor, Factory
from tests.dialects.trafficstars.helpers import BASE, EXAMPLES, assert_shape, bearer

TOKEN = f"{BASE}/v1/auth/token"


async def _token(client: httpx.AsyncClient, credential: str) -> dict[str, object]:
    response = await client.post(
        TOKEN, data={"grant_type": "refresh_token", "refresh_token": credential}
    )
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


async def test_an_api_key_gets_an_access_token_from_a_form(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = await _token(client, advertiser.api_key)
    assert_shape(body, EXAMPLES["token_from_api_key"])
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 36000
    me = await client.get(f"{BASE}/v1.1/campaigns", headers=bearer(str(body["access_token"])))
    assert me.status_code == 200, me.text


async def test_the_token_endpoint_takes_json_too(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        TOKEN, json={"grant_type": "refresh_token", "refresh_token": advertiser.api_key}
    )
    assert response.status_code == 200, response.text
    assert_shape(response.json(), EXAMPLES["token_from_api_key"])


async def test_a_refresh_token_renews_the_session(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    first = await _token(client, advertiser.api_key)
    renewed = await _token(client, str(first["refresh_token"]))
    assert_shape(renewed, EXAMPLES["token_from_refresh_token"])
    assert renewed["access_token"] != first["access_token"]
    response = await client.get(
        f"{BASE}/v1.1/campaigns", headers=bearer(str(renewed["access_token"]))
    )
    assert response.status_code == 200


@pytest.mark.parametrize("scheme", ["bearer", "Bearer", "BEARER", "bEaReR"])
async def test_the_bearer_scheme_matches_in_any_case(
    client: httpx.AsyncClient, advertiser: Actor, scheme: str
) -> None:
    token = (await _token(client, advertiser.api_key))["access_token"]
    response = await client.get(
        f"{BASE}/v1.1/campaigns", headers={"Authorization": f"{scheme} {token}"}
    )
    assert response.status_code == 200, response.text


async def test_the_id_token_describes_the_user_and_is_no_credential(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = await _token(client, advertiser.api_key)
    claims = jwt.decode(
        str(body["id_token"]), TEST_SECRET, algorithms=["HS256"], audience="trafficstars"
    )
    assert claims["sub"] == str(advertiser.user_id)
    assert claims["email"] == advertiser.email
    assert claims["account_id"] == advertiser.account_id
    assert claims["role"] == "advertiser"
    refused = await client.get(f"{BASE}/v1.1/campaigns", headers=bearer(str(body["id_token"])))
    assert refused.status_code == 401


async def test_a_refresh_token_is_not_an_access_token(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = await _token(client, advertiser.api_key)
    refused = await client.get(f"{BASE}/v1.1/campaigns", headers=bearer(str(body["refresh_token"])))
    assert refused.status_code == 401


async def test_session_info_describes_the_current_token(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    access = str((await _token(client, advertiser.api_key))["access_token"])
    response = await client.post(f"{BASE}/v1/auth/info", headers=bearer(access))
    assert response.status_code == 200, response.text
    info = response.json()
    assert_shape(info, EXAMPLES["session_info"])
    assert info["access_token"] == access
    assert info["token_type"] == "bearer"
    assert 0 < info["expires_in"] <= 36000
    # The refresh token it hands out renews the session.
    renewed = await _token(client, info["refresh_token"])
    assert renewed["access_token"]


async def test_session_info_for_an_api_key_opens_a_session(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(f"{BASE}/v1/auth/info", headers=bearer(advertiser.api_key))
    assert response.status_code == 200, response.text
    info = response.json()
    assert_shape(info, EXAMPLES["session_info"])
    works = await client.get(f"{BASE}/v1.1/campaigns", headers=bearer(info["access_token"]))
    assert works.status_code == 200


async def test_logout_revokes_the_token(client: httpx.AsyncClient, advertiser: Actor) -> None:
    access = str((await _token(client, advertiser.api_key))["access_token"])
    response = await client.get(f"{BASE}/v1/auth/logout", headers=bearer(access))
    assert response.status_code == 204
    assert response.content == b""
    after = await client.get(f"{BASE}/v1.1/campaigns", headers=bearer(access))
    assert after.status_code == 401
    assert after.json()["error"] == "unauthorized"
    again = await client.get(f"{BASE}/v1/auth/logout", headers=bearer(access))
    assert again.status_code == 401


@pytest.mark.parametrize("expired_in", ["database", "token"])
async def test_an_expired_token_is_refused(
    client: httpx.AsyncClient, factory: Factory, advertiser: Actor, expired_in: str
) -> None:
    # Either the database row has expired (the token claims otherwise) or the token itself.
    ttl = 3600 if expired_in == "database" else -60
    issued = issue_token(
        secret_key=TEST_SECRET, user_id=advertiser.user_id, kind="access", ttl_seconds=ttl
    )
    async with factory.db.sessionmaker() as session, session.begin():
        session.add(
            AccessToken(
                jti=issued.jti,
                user_id=advertiser.user_id,
                kind="access",
                source="test",
                expires_at=utcnow() - timedelta(seconds=1),
            )
        )
    response = await client.get(f"{BASE}/v1.1/campaigns", headers=bearer(issued.token))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


async def test_no_credentials_is_401_in_the_dialect_shape(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{BASE}/v1.1/campaigns")
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == 401
    assert body["error"] == "unauthorized"
    assert body["errors"] == []


async def test_a_revoked_api_key_gets_no_token(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    keys = await client.get("/api/v1/api-keys", headers=advertiser.headers)
    key_id = keys.json()["items"][0]["id"]
    revoked = await client.post(f"/api/v1/api-keys/{key_id}/revoke", headers=advertiser.headers)
    assert revoked.status_code == 200
    response = await client.post(
        TOKEN, data={"grant_type": "refresh_token", "refresh_token": advertiser.api_key}
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    ("body", "status", "error", "field"),
    [
        ({"grant_type": "password", "refresh_token": "x"}, 400, "unsupported_grant_type", None),
        ({"grant_type": "refresh_token"}, 400, "invalid_request", "refresh_token"),
        ({"refresh_token": "x"}, 400, "invalid_request", "grant_type"),
        ({"grant_type": "refresh_token", "refresh_token": "adp_nope"}, 401, "invalid_grant", None),
        ({"grant_type": "refresh_token", "refresh_token": "a.b.c"}, 401, "invalid_grant", None),
    ],
)
async def test_bad_grants_are_refused_with_oauth_errors(
    client: httpx.AsyncClient, body: dict[str, str], status: int, error: str, field: str | None
) -> None:
    response = await client.post(TOKEN, data=body)
    assert response.status_code == status, response.text
    payload = response.json()
    assert payload["error"] == error
    assert payload["code"] == status
    if field is not None:
        assert field in [e["field"] for e in payload["errors"]]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[1, 2]", b'{"grant_type": 5}'],
    ids=["malformed", "array", "wrong type"],
)
async def test_a_bad_json_grant_is_a_400(client: httpx.AsyncClient, content: bytes) -> None:
    response = await client.post(
        TOKEN, content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
