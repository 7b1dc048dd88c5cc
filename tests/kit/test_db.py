"""The database session: atomic units of work on both backends, committed before replying."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from sqlalchemy import func, select, update

from adplane.kit.db import Database, has_written, side_transaction
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


async def test_a_reading_session_leaves_the_database_free_for_a_writer(
    database: Database,
) -> None:
    # On SQLite a reader that took the write lock would keep the writer waiting until
    # busy_timeout and then fail it with "database is locked".
    async with database.sessionmaker() as reader:
        await reader.execute(select(func.count()).select_from(Account))
        async with database.sessionmaker() as writer, writer.begin():
            writer.add(Account(name="beside a reader", currency="USD", external_id="br-1"))
        assert await reader.scalar(select(func.count()).where(Account.id > 0)) is not None
        await reader.commit()
    assert await count_accounts(database, "beside a reader") == 1


async def test_a_read_then_a_write_succeeds_after_another_writer_committed_in_between(
    database: Database,
) -> None:
    # The case that fails at once in a deferred SQLite transaction upgraded in place.
    async with database.sessionmaker() as session:
        await session.execute(select(func.count()).select_from(Account))
        async with database.sessionmaker() as other, other.begin():
            other.add(Account(name="in between", currency="USD", external_id="ib-1"))
        session.add(Account(name="after a read", currency="USD", external_id="ar-1"))
        await session.flush()
        await session.commit()
    assert await count_accounts(database, "in between") == 1
    assert await count_accounts(database, "after a read") == 1


async def test_writers_still_take_turns(database: Database) -> None:
    async with database.sessionmaker() as seed, seed.begin():
        account = Account(name="turns", currency="USD", external_id="turns-1", balance_micros=0)
        seed.add(account)
    order: list[str] = []

    def add(micros: int) -> Any:
        return (
            update(Account)
            .where(Account.id == account.id)
            .values(balance_micros=Account.balance_micros + micros)
        )

    async def second_writer() -> None:
        async with database.sessionmaker() as session, session.begin():
            await session.execute(select(Account.id).where(Account.id == account.id))
            await session.execute(add(2))
            order.append("second wrote")

    async with database.sessionmaker() as first:
        await first.execute(select(Account.id).where(Account.id == account.id))
        await first.execute(add(1))
        # The first writer holds the lock (SQLite) or the row (PostgreSQL): the second waits
        # for it, whenever it gets there.
        waiting = asyncio.create_task(second_writer())
        await asyncio.sleep(0.3)
        order.append("first committed")
        await first.commit()
    await waiting
    assert order == ["first committed", "second wrote"]
    async with database.sessionmaker() as check:
        assert (
            await check.scalar(select(Account.balance_micros).where(Account.id == account.id)) == 3
        )


async def test_waiting_writers_are_served_in_the_order_they_came(database: Database) -> None:
    """SQLite's own retry loop wakes waiters in no order; the process's turns are FIFO."""
    async with database.sessionmaker() as seed, seed.begin():
        account = Account(name="fifo", currency="USD", external_id="fifo-1", balance_micros=0)
        seed.add(account)
    served: list[int] = []

    async def writer(n: int) -> None:
        async with database.sessionmaker() as session, session.begin():
            await session.execute(
                update(Account)
                .where(Account.id == account.id)
                .values(balance_micros=Account.balance_micros + 1)
            )
            served.append(n)
            # Each holds the lock a little, so every later writer is queued behind it.
            await asyncio.sleep(0.02)

    async with database.sessionmaker() as first:
        await first.execute(
            update(Account).where(Account.id == account.id).values(balance_micros=0)
        )
        writers = []
        for n in range(8):
            writers.append(asyncio.create_task(writer(n)))
            # Let each one reach its wait before the next arrives.
            await asyncio.sleep(0.05)
        await first.commit()
    await asyncio.gather(*writers)
    if database.engine.dialect.name == "sqlite":
        assert served == list(range(8))
    else:
        # PostgreSQL queues row-lock waiters itself; the order is its business.
        assert sorted(served) == list(range(8))
    async with database.sessionmaker() as check:
        assert (
            await check.scalar(select(Account.balance_micros).where(Account.id == account.id)) == 8
        )


async def test_a_side_transaction_commits_on_its_own(database: Database) -> None:
    async with database.sessionmaker() as session:
        await session.execute(select(func.count()).select_from(Account))
        async with side_transaction(session) as side:
            side.add(Account(name="on the side", currency="USD", external_id="side-1"))
        assert not await has_written(session)
        session.add(Account(name="rolled back", currency="USD", external_id="rb-1"))
        await session.flush()
        assert await has_written(session)
        await session.rollback()
    assert await count_accounts(database, "on the side") == 1
    assert await count_accounts(database, "rolled back") == 0


async def test_side_transactions_need_no_second_connection(database: Database) -> None:
    # Every pooled connection held by a session that wants a side transaction: none waits.
    pool = database.engine.pool
    size = pool.size() + pool._max_overflow  # type: ignore[attr-defined]
    sessions = [database.sessionmaker() for _ in range(size)]
    try:
        for session in sessions:
            await session.execute(select(func.count()).select_from(Account))

        async def touch(n: int, session: Any) -> None:
            async with side_transaction(session) as side:
                side.add(Account(name="pool", currency="USD", external_id=f"pool-{n}"))

        await asyncio.wait_for(
            asyncio.gather(*(touch(n, s) for n, s in enumerate(sessions))), timeout=60
        )
    finally:
        for session in sessions:
            await session.close()
    assert await count_accounts(database, "pool") == size


async def test_a_side_transaction_joins_a_session_that_has_written(database: Database) -> None:
    # A second connection would wait for the locks this session holds.
    async with database.sessionmaker() as session:
        session.add(Account(name="joined", currency="USD", external_id="j-1"))
        await session.flush()
        async with side_transaction(session) as side:
            assert side is session
            side.add(Account(name="joined", currency="USD", external_id="j-2"))
        await session.rollback()
    assert await count_accounts(database, "joined") == 0
