"""Work apart: in a worker thread with its own loop and engine, the serving loop free meanwhile;
its commits heard at home; cancelled work rolled back; nothing left running after a stop."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Mapping

import pytest
from sqlalchemy import func, select, update

from adplane.kit.apart import Apart, run_apart
from adplane.kit.db import Database, create_database
from adplane.models import Account

WAIT = 60.0


async def new_account(database: Database) -> int:
    async with database.sessionmaker() as session, session.begin():
        account = Account(name="apart", currency="USD", external_id=uuid.uuid4().hex)
        session.add(account)
        await session.flush()
        return account.id


async def name_of(database: Database, account_id: int) -> str:
    async with database.sessionmaker() as session:
        return (
            await session.execute(select(Account.name).where(Account.id == account_id))
        ).scalar_one()


def live_threads(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name]


async def test_work_runs_in_another_thread_while_the_serving_loop_keeps_running(
    database: Database,
) -> None:
    home_thread = threading.get_ident()
    probed = threading.Event()

    async def probe() -> None:
        # Runs only if the serving loop gets its turns while the work holds its own thread.
        while not probed.is_set():
            await asyncio.sleep(0.01)
            probed.set()

    async def work(db: Database) -> tuple[int, bool, bool]:
        # Blocks this thread (as CPU-bound Python would) until the serving loop has run.
        answered = probed.wait(WAIT)
        async with db.sessionmaker() as session:
            await session.execute(select(func.count()).select_from(Account))
        return threading.get_ident(), answered, db is database

    prober = asyncio.create_task(probe())
    thread, answered, same_database = await run_apart(database, work, name="apart-probe")
    await prober
    assert thread != home_thread
    assert answered
    assert not same_database
    assert live_threads("apart-probe") == []


async def test_commits_made_apart_reach_the_home_sinks_on_the_home_thread(
    database: Database,
) -> None:
    account_id = await new_account(database)
    heard: list[tuple[Mapping[str, frozenset[int]], int]] = []
    unsubscribe = database.changes.subscribe(
        lambda changed: heard.append((changed, threading.get_ident()))
    )
    try:

        async def work(db: Database) -> None:
            async with db.sessionmaker() as session, session.begin():
                await session.execute(
                    update(Account).where(Account.id == account_id).values(name="renamed")
                )

        await run_apart(database, work)
        for _ in range(100):
            if heard:
                break
            await asyncio.sleep(0.01)
    finally:
        unsubscribe()
    assert [changed for changed, _ in heard] == [{"account": frozenset({account_id})}]
    assert heard[0][1] == threading.get_ident()
    assert await name_of(database, account_id) == "renamed"


async def test_stop_cancels_work_in_progress_and_its_transaction_rolls_back(
    database: Database,
) -> None:
    account_id = await new_account(database)
    apart = Apart(database, name="apart-stop")
    apart.start()
    written = threading.Event()

    async def work(db: Database) -> None:
        async with db.sessionmaker() as session, session.begin():
            await session.execute(
                update(Account).where(Account.id == account_id).values(name="never committed")
            )
            written.set()
            await asyncio.sleep(3600)

    running = asyncio.create_task(apart.run(work))
    assert await asyncio.to_thread(written.wait, WAIT)
    await apart.stop()
    with pytest.raises(RuntimeError, match=r"cancelled|stopped"):
        await running
    assert live_threads("apart-stop") == []
    assert apart.thread is None
    assert await name_of(database, account_id) == "apart"
    with pytest.raises(RuntimeError, match="stopped"):
        await apart.run(work)


async def test_a_cancelled_call_returns_once_the_work_has_rolled_back(database: Database) -> None:
    account_id = await new_account(database)
    apart = Apart(database, name="apart-cancel")
    apart.start()
    written = threading.Event()
    unwound = threading.Event()

    async def work(db: Database) -> None:
        try:
            async with db.sessionmaker() as session, session.begin():
                await session.execute(
                    update(Account).where(Account.id == account_id).values(name="rolled back")
                )
                written.set()
                await asyncio.sleep(3600)
        finally:
            unwound.set()

    try:
        running = asyncio.create_task(apart.run(work))
        assert await asyncio.to_thread(written.wait, WAIT)
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running
        assert unwound.is_set()
        assert await name_of(database, account_id) == "apart"

        async def count(db: Database) -> int:
            async with db.sessionmaker() as session:
                return (
                    await session.execute(select(func.count()).select_from(Account))
                ).scalar_one()

        # The worker goes on serving after a cancelled piece of work.
        assert await apart.run(count) >= 1
    finally:
        await apart.stop()
    assert live_threads("apart-cancel") == []


async def test_home_runs_a_coroutine_back_on_the_serving_loop(database: Database) -> None:
    home_thread = threading.get_ident()
    apart = Apart(database, name="apart-home")
    apart.start()

    async def here() -> int:
        return threading.get_ident()

    async def work(db: Database) -> tuple[int, int]:
        return threading.get_ident(), await apart.home(here)

    try:
        worker, home = await apart.run(work)
    finally:
        await apart.stop()
    assert worker != home_thread
    assert home == home_thread


async def test_an_in_memory_database_is_worked_on_the_callers_loop() -> None:
    # One connection's database: a second engine would see another, empty one.
    database = create_database("sqlite+aiosqlite:///:memory:")
    try:

        async def work(db: Database) -> tuple[int, bool]:
            return threading.get_ident(), db is database

        thread, same = await run_apart(database, work, name="apart-memory")
    finally:
        await database.dispose()
    assert thread == threading.get_ident()
    assert same
    assert live_threads("apart-memory") == []
