"""The database session: atomic units of work on both backends, committed before replying."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from adplane.kit.db import Database
from adplane.models import Account, Campaign
from tests.conftest import Actor


async def count_accounts(database: Database, name: str) -> int:
    # AUTOCOMMIT: a plain read of committed rows that never waits for a writer's lock.
    async with database.engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        result = await conn.execute(select(func.count()).where(Account.name == name))
        return int(result.scalar_one())


async def test_a_rollback_undoes_work_done_inside_a_released_savepoint(
    database: Database,
) -> None:
    async with database.sessionmaker() as session:
        await session.execute(select(Account.id).limit(1))
        async with session.begin_nested():
            session.add(Account(name="savepoint", currency="USD", external_id="sp-1"))
        session.add(Account(name="savepoint", currency="USD", external_id="sp-2"))
        await session.flush()
        await session.rollback()
    assert await count_accounts(database, "savepoint") == 0


async def test_a_committed_session_keeps_its_savepoint_work(database: Database) -> None:
    async with database.sessionmaker() as session, session.begin():
        async with session.begin_nested():
            session.add(Account(name="kept", currency="USD", external_id="kept-1"))
    assert await count_accounts(database, "kept") == 1


async def test_the_response_is_sent_only_after_the_request_commits(
    app: Any, database: Database, advertiser: Actor
) -> None:
    body = json.dumps({"name": "committed before the reply"}).encode()
    seen_at_response_start: list[int] = []
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            async with database.engine.connect() as conn:
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                rows = await conn.execute(
                    select(func.count()).where(Campaign.name == "committed before the reply")
                )
                seen_at_response_start.append(int(rows.scalar_one()))
            assert message["status"] == 201

    headers = [
        (b"content-type", b"application/json"),
        (b"authorization", f"Bearer {advertiser.api_key}".encode()),
        (b"host", b"testserver"),
    ]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/campaigns",
        "raw_path": b"/api/v1/campaigns",
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }
    await app(scope, receive, send)
    assert seen_at_response_start == [1]
