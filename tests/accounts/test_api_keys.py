"""API keys: random, shown once, stored hashed, revocable."""

from __future__ import annotations

import sqlite3

import httpx
import pytest
from sqlalchemy import select

from adplane.kit.db import Database
from adplane.models import ApiKey, Base
from tests.conftest import Actor
from tests.support.native import API, assert_problem


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def new_key(client: httpx.AsyncClient, actor: Actor, **body: object) -> dict[str, object]:
    response = await client.post(f"{API}/api-keys", json=body, headers=actor.headers)
    assert response.status_code == 201, response.text
    created: dict[str, object] = response.json()
    return created


async def test_a_new_key_is_shown_once_and_works(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await new_key(client, advertiser, name="ci")
    key = str(created["api_key"])
    assert created["name"] == "ci"
    assert created["user_id"] == advertiser.user_id
    assert key.startswith(str(created["prefix"]))
    me = await client.get(f"{API}/me", headers=bearer(key))
    assert me.json()["user_id"] == advertiser.user_id


async def test_the_key_list_never_shows_a_key(client: httpx.AsyncClient, advertiser: Actor) -> None:
    created = await new_key(client, advertiser)
    listing = (await client.get(f"{API}/api-keys", headers=advertiser.headers)).json()
    assert listing["total"] == 2
    assert all("api_key" not in k for k in listing["items"])
    assert str(created["api_key"]) not in str(listing)


async def test_two_keys_are_different(client: httpx.AsyncClient, advertiser: Actor) -> None:
    first = await new_key(client, advertiser)
    second = await new_key(client, advertiser)
    assert first["api_key"] != second["api_key"]


async def test_the_database_holds_no_plaintext_key(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    created = await new_key(client, advertiser)
    secrets = [str(created["api_key"]), advertiser.api_key]
    async with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = (await conn.execute(select(table))).all()
            dump = repr(rows)
            for secret in secrets:
                assert secret not in dump, table.name
                # Beyond the short display prefix, no part of the key is stored either.
                assert secret[10:30] not in dump, table.name
        hashes = (await conn.execute(select(ApiKey.key_hash))).scalars().all()
    assert all(len(h) == 64 for h in hashes)


async def test_using_a_key_records_when_it_was_last_used(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    await client.get(f"{API}/me", headers=advertiser.headers)
    listing = (await client.get(f"{API}/api-keys", headers=advertiser.headers)).json()
    assert listing["items"][0]["last_used_at"] is not None


async def test_a_revoked_key_stops_working(client: httpx.AsyncClient, advertiser: Actor) -> None:
    created = await new_key(client, advertiser)
    key = str(created["api_key"])
    revoked = await client.post(
        f"{API}/api-keys/{created['id']}/revoke", headers=advertiser.headers
    )
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert_problem(await client.get(f"{API}/me", headers=bearer(key)), 401)


async def test_deleting_a_key_revokes_it_and_keeps_the_record(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await new_key(client, advertiser)
    deleted = await client.delete(f"{API}/api-keys/{created['id']}", headers=advertiser.headers)
    assert deleted.status_code == 200
    assert_problem(await client.get(f"{API}/me", headers=bearer(str(created["api_key"]))), 401)
    listing = (await client.get(f"{API}/api-keys", headers=advertiser.headers)).json()
    assert created["id"] in [k["id"] for k in listing["items"]]


async def test_revoking_twice_keeps_the_first_revocation_time(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await new_key(client, advertiser)
    first = await client.post(f"{API}/api-keys/{created['id']}/revoke", headers=advertiser.headers)
    second = await client.post(f"{API}/api-keys/{created['id']}/revoke", headers=advertiser.headers)
    assert second.status_code == 200
    assert second.json()["revoked_at"] == first.json()["revoked_at"]


async def test_revoking_one_key_leaves_the_others_working(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await new_key(client, advertiser)
    await client.post(f"{API}/api-keys/{created['id']}/revoke", headers=advertiser.headers)
    assert (await client.get(f"{API}/me", headers=advertiser.headers)).status_code == 200


async def test_revoking_a_missing_key_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    assert_problem(
        await client.post(f"{API}/api-keys/424242/revoke", headers=advertiser.headers), 404
    )


async def test_an_admin_creates_a_key_for_any_user(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    created = await new_key(client, admin, user_id=advertiser.user_id, name="support")
    me = await client.get(f"{API}/me", headers=bearer(str(created["api_key"])))
    assert me.json()["user_id"] == advertiser.user_id


async def test_an_admin_revokes_any_key(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    created = await new_key(client, advertiser)
    response = await client.post(f"{API}/api-keys/{created['id']}/revoke", headers=admin.headers)
    assert response.status_code == 200
    assert_problem(await client.get(f"{API}/me", headers=bearer(str(created["api_key"]))), 401)


async def test_an_admin_lists_every_key(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    listing = (await client.get(f"{API}/api-keys", headers=admin.headers)).json()
    assert {k["user_id"] for k in listing["items"]} == {
        admin.user_id,
        advertiser.user_id,
        other_advertiser.user_id,
    }


async def test_an_advertiser_lists_only_its_accounts_keys(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    listing = (await client.get(f"{API}/api-keys", headers=advertiser.headers)).json()
    assert {k["user_id"] for k in listing["items"]} == {advertiser.user_id}


async def test_a_key_for_a_missing_user_is_not_found(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.post(f"{API}/api-keys", json={"user_id": 424242}, headers=admin.headers)
    assert_problem(response, 404)


async def test_keys_filter_by_status(client: httpx.AsyncClient, advertiser: Actor) -> None:
    created = await new_key(client, advertiser, name="old")
    await client.post(f"{API}/api-keys/{created['id']}/revoke", headers=advertiser.headers)
    revoked = await client.get(
        f"{API}/api-keys", params={"status": "revoked"}, headers=advertiser.headers
    )
    active = await client.get(
        f"{API}/api-keys", params={"status": "active"}, headers=advertiser.headers
    )
    assert [k["id"] for k in revoked.json()["items"]] == [created["id"]]
    assert created["id"] not in [k["id"] for k in active.json()["items"]]
    assert active.json()["total"] == 1


async def test_keys_sort_by_name(client: httpx.AsyncClient, advertiser: Actor) -> None:
    await new_key(client, advertiser, name="zeta")
    await new_key(client, advertiser, name="alpha")
    listing = await client.get(
        f"{API}/api-keys", params={"sort": "name"}, headers=advertiser.headers
    )
    assert [k["name"] for k in listing.json()["items"]] == ["alpha", "default", "zeta"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_key_still_works_while_another_writer_holds_the_lock_past_the_timeout(
    client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    """Recording the last use is bookkeeping: a busy database must not fail a read."""
    created = await new_key(client, advertiser)
    path = database.engine.url.database
    assert path
    assert path != ":memory:"
    holder = sqlite3.connect(path, timeout=0)
    try:
        holder.execute("BEGIN IMMEDIATE")  # held past the server's 10 s busy_timeout
        me = await client.get(f"{API}/me", headers=bearer(str(created["api_key"])))
    finally:
        holder.rollback()
        holder.close()
    assert me.status_code == 200, me.text
    assert me.json()["user_id"] == advertiser.user_id
    listing = (await client.get(f"{API}/api-keys", headers=advertiser.headers)).json()
    mine = next(k for k in listing["items"] if k["id"] == created["id"])
    assert mine["last_used_at"] is None  # not recorded then; the next use records it
