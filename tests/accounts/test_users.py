"""Users: created by an admin with a first API key; a new advertiser gets a new account."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from adplane.kit.db import Database
from adplane.models import Account, User
from tests.conftest import Actor
from tests.support.native import API, assert_problem


async def create_user(client: httpx.AsyncClient, admin: Actor, **fields: Any) -> httpx.Response:
    body = {"email": "new.user@example.test", "password": "a-long-password", **fields}
    return await client.post(f"{API}/users", json=body, headers=admin.headers)


async def test_a_new_advertiser_gets_a_new_account_and_an_api_key(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await create_user(client, admin, role="advertiser")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["role"] == "advertiser"
    assert body["account_id"] is not None
    me = await client.get(f"{API}/me", headers={"Authorization": f"Bearer {body['api_key']}"})
    assert me.json()["user_id"] == body["id"]
    assert me.json()["account_id"] == body["account_id"]


async def test_the_role_defaults_to_advertiser(client: httpx.AsyncClient, admin: Actor) -> None:
    body = (await create_user(client, admin)).json()
    assert body["role"] == "advertiser"
    assert body["account_id"] is not None


async def test_an_advertiser_created_for_an_account_joins_it(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    response = await create_user(client, admin, account_id=advertiser.account_id)
    assert response.status_code == 201
    assert response.json()["account_id"] == advertiser.account_id
    async with database.sessionmaker() as session:
        accounts = (await session.execute(select(func.count(Account.id)))).scalar_one()
    assert accounts == 1


async def test_a_new_admin_has_no_account(client: httpx.AsyncClient, admin: Actor) -> None:
    body = (await create_user(client, admin, role="admin")).json()
    assert body["role"] == "admin"
    assert body["account_id"] is None


async def test_a_new_user_can_log_in_with_its_password(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    await create_user(client, admin)
    token = await client.post(
        f"{API}/auth/token",
        json={"email": "new.user@example.test", "password": "a-long-password"},
    )
    assert token.status_code == 200


async def test_passwords_are_stored_as_argon2id_hashes(
    client: httpx.AsyncClient, admin: Actor, database: Database
) -> None:
    await create_user(client, admin)
    async with database.sessionmaker() as session:
        stored = (
            await session.execute(
                select(User.password_hash).where(User.email == "new.user@example.test")
            )
        ).scalar_one()
    assert stored.startswith("$argon2id$")
    assert "a-long-password" not in stored


async def test_a_duplicate_email_is_a_conflict_whatever_its_case(
    client: httpx.AsyncClient, admin: Actor, database: Database
) -> None:
    await create_user(client, admin)
    again = await create_user(client, admin, email="New.User@Example.TEST")
    assert_problem(again, 409)
    async with database.sessionmaker() as session:
        users = (await session.execute(select(func.count(User.id)))).scalar_one()
        accounts = (await session.execute(select(func.count(Account.id)))).scalar_one()
    assert (users, accounts) == (2, 1)  # the admin, and the first user with its account


async def test_a_user_for_a_missing_account_is_not_found(
    client: httpx.AsyncClient, admin: Actor, database: Database
) -> None:
    assert_problem(await create_user(client, admin, account_id=424242), 404)
    async with database.sessionmaker() as session:
        users = (await session.execute(select(func.count(User.id)))).scalar_one()
    assert users == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"password": "short"}, "password"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "two@@example.test"}, "email"),
        ({"role": "owner"}, "role"),
        ({"account_id": 0}, "account_id"),
    ],
)
async def test_invalid_user_fields_are_refused(
    client: httpx.AsyncClient, admin: Actor, fields: dict[str, Any], field: str
) -> None:
    assert_problem(await create_user(client, admin, **fields), 422, field=field)


async def test_an_advertiser_cannot_create_users(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    assert_problem(await create_user(client, advertiser), 403)


async def test_an_admin_lists_every_user(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    body = (await client.get(f"{API}/users", headers=admin.headers)).json()
    assert body["total"] == 3
    assert {u["id"] for u in body["items"]} == {
        admin.user_id,
        advertiser.user_id,
        other_advertiser.user_id,
    }
    assert all("api_key" not in u and "password_hash" not in u for u in body["items"])


async def test_an_admin_lists_the_users_of_one_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    response = await client.get(
        f"{API}/users", params={"account_id": advertiser.account_id}, headers=admin.headers
    )
    assert [u["id"] for u in response.json()["items"]] == [advertiser.user_id]


async def test_an_advertiser_lists_only_the_users_of_its_account(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    body = (await client.get(f"{API}/users", headers=advertiser.headers)).json()
    assert body["total"] == 1
    assert [u["id"] for u in body["items"]] == [advertiser.user_id]


async def test_users_filter_by_role_and_sort(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    response = await client.get(
        f"{API}/users", params={"role": "advertiser", "sort": "-id"}, headers=admin.headers
    )
    assert [u["id"] for u in response.json()["items"]] == [
        other_advertiser.user_id,
        advertiser.user_id,
    ]


async def test_users_refuse_an_unknown_sort_field(client: httpx.AsyncClient, admin: Actor) -> None:
    response = await client.get(
        f"{API}/users", params={"sort": "password_hash"}, headers=admin.headers
    )
    assert_problem(response, 422, field="sort")
