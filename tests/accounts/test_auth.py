"""Authentication: password login, access tokens, logout, API keys as bearer credentials."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import update

from adplane.accounts import service as accounts
from adplane.accounts.security import issue_token
from adplane.kit.db import Database
from adplane.kit.time import utcnow
from adplane.models import AccessToken, User
from adplane.settings import Settings
from tests.conftest import TEST_SECRET, Actor
from tests.support.native import API, assert_problem
from tests.support.wire import wire_body


async def login(client: httpx.AsyncClient, actor: Actor) -> str:
    response = await client.post(
        f"{API}/auth/token", json={"email": actor.email, "password": actor.password}
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_login_returns_an_expiring_bearer_token(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/auth/token", json={"email": advertiser.email, "password": advertiser.password}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] > 0
    assert body["access_token"]


async def test_the_access_token_authenticates_as_its_user(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    token = await login(client, advertiser)
    me = await client.get(f"{API}/me", headers=bearer(token))
    assert me.status_code == 200
    assert wire_body(me) == {
        "user_id": advertiser.user_id,
        "email": advertiser.email,
        "role": "advertiser",
        "account_id": advertiser.account_id,
        "auth": "access_token",
    }


async def test_login_email_is_case_insensitive(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/auth/token",
        json={"email": advertiser.email.upper(), "password": advertiser.password},
    )
    assert response.status_code == 200


async def test_a_wrong_password_is_refused(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.post(
        f"{API}/auth/token", json={"email": advertiser.email, "password": "not-the-password"}
    )
    assert_problem(response, 401)


async def test_an_unknown_email_is_refused_like_a_wrong_password(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    wrong_password = await client.post(
        f"{API}/auth/token", json={"email": advertiser.email, "password": "nope-nope"}
    )
    unknown = await client.post(
        f"{API}/auth/token", json={"email": "nobody@example.test", "password": "nope-nope"}
    )
    assert_problem(unknown, 401)
    assert wire_body(unknown) == wire_body(wrong_password)


async def test_a_deactivated_user_cannot_log_in(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    async with database.sessionmaker() as session, session.begin():
        await session.execute(
            update(User).where(User.id == advertiser.user_id).values(is_active=False)
        )
    response = await client.post(
        f"{API}/auth/token", json={"email": advertiser.email, "password": advertiser.password}
    )
    assert_problem(response, 401)


async def test_a_deactivated_users_api_key_stops_working(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    async with database.sessionmaker() as session, session.begin():
        await session.execute(
            update(User).where(User.id == advertiser.user_id).values(is_active=False)
        )
    assert_problem(await client.get(f"{API}/me", headers=advertiser.headers), 401)


async def test_logout_revokes_the_token(client: httpx.AsyncClient, advertiser: Actor) -> None:
    token = await login(client, advertiser)
    logout = await client.post(f"{API}/auth/logout", headers=bearer(token))
    assert logout.status_code == 204
    assert_problem(await client.get(f"{API}/me", headers=bearer(token)), 401)


async def test_logout_leaves_other_tokens_of_the_user_working(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    first = await login(client, advertiser)
    second = await login(client, advertiser)
    await client.post(f"{API}/auth/logout", headers=bearer(first))
    assert (await client.get(f"{API}/me", headers=bearer(second))).status_code == 200


async def test_logout_with_an_api_key_leaves_the_key_working(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    logout = await client.post(f"{API}/auth/logout", headers=advertiser.headers)
    assert logout.status_code == 204
    assert (await client.get(f"{API}/me", headers=advertiser.headers)).status_code == 200


async def test_an_expired_token_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    token = await login(client, advertiser)
    async with database.sessionmaker() as session, session.begin():
        await session.execute(
            update(AccessToken).values(expires_at=utcnow() - timedelta(seconds=1))
        )
    assert_problem(await client.get(f"{API}/me", headers=bearer(token)), 401)


async def test_a_token_signed_with_another_secret_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    forged = issue_token(
        secret_key="somebody-elses-secret-key-32-bytes",
        user_id=advertiser.user_id,
        kind="access",
        ttl_seconds=3600,
    )
    assert_problem(await client.get(f"{API}/me", headers=bearer(forged.token)), 401)


async def test_a_signed_token_the_server_never_issued_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    # Right secret, but no session row: a token is only valid while the server knows it.
    stray = issue_token(
        secret_key=TEST_SECRET, user_id=advertiser.user_id, kind="access", ttl_seconds=3600
    )
    assert_problem(await client.get(f"{API}/me", headers=bearer(stray.token)), 401)


async def test_the_api_key_authenticates_as_its_user(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    me = await client.get(f"{API}/me", headers=advertiser.headers)
    assert me.status_code == 200
    assert me.json()["user_id"] == advertiser.user_id
    assert me.json()["auth"] == "api_key"


async def test_the_bearer_scheme_is_case_insensitive(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    me = await client.get(f"{API}/me", headers={"Authorization": f"bearer {advertiser.api_key}"})
    assert me.status_code == 200


async def test_a_request_without_credentials_is_unauthorized(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get(f"{API}/me"), 401)


async def test_another_authorization_scheme_is_unauthorized(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(
        f"{API}/me", headers={"Authorization": f"Token {advertiser.api_key}"}
    )
    assert_problem(response, 401)


async def test_an_unknown_api_key_is_unauthorized(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get(f"{API}/me", headers=bearer("adp_not-a-real-key")), 401)


async def test_a_garbage_token_is_unauthorized(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get(f"{API}/me", headers=bearer("a.b.c")), 401)


async def test_me_as_an_admin_has_no_account(client: httpx.AsyncClient, admin: Actor) -> None:
    me = await client.get(f"{API}/me", headers=admin.headers)
    assert me.json()["role"] == "admin"
    assert me.json()["account_id"] is None


async def test_an_admin_acting_for_an_account_is_that_accounts_principal(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    me = await client.get(
        f"{API}/me", headers={**admin.headers, "X-Adplane-Account": str(advertiser.account_id)}
    )
    assert me.status_code == 200
    assert me.json()["role"] == "admin"
    assert me.json()["account_id"] == advertiser.account_id


async def test_an_admin_acting_for_a_missing_account_finds_nothing(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.get(
        f"{API}/me", headers={**admin.headers, "X-Adplane-Account": "999999"}
    )
    assert_problem(response, 404)


async def test_an_advertiser_may_name_its_own_account(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(
        f"{API}/me",
        headers={**advertiser.headers, "X-Adplane-Account": str(advertiser.account_id)},
    )
    assert response.status_code == 200
    assert response.json()["account_id"] == advertiser.account_id


async def test_an_account_header_that_is_not_an_id_is_a_bad_request(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    for value in (b"abc", b"-1", b"0", "\u00b2".encode(), b"99999999999999999999999"):
        response = await client.get(
            f"{API}/me",
            headers=[
                (b"authorization", admin.headers["Authorization"].encode()),
                (b"x-adplane-account", value),
            ],
        )
        assert_problem(response, 400)


async def test_an_unauthorized_answer_names_the_bearer_scheme(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{API}/me")
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_a_refresh_token_is_not_an_access_token(
    client: httpx.AsyncClient, advertiser: Actor, database: Database, settings: Settings
) -> None:
    async with database.sessionmaker() as session, session.begin():
        refresh = await accounts.issue_refresh_token(session, settings, advertiser.principal)
    assert_problem(await client.get(f"{API}/me", headers=bearer(refresh.token)), 401)
