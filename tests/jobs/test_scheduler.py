"""The scheduler runs the tick in a thread of its own: the serving loop keeps running during
a slow tick, ticks never overlap (the periodic one and ``run_once``), and a stop leaves no
thread and no half-written tick behind."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from adplane.jobs.scheduler import Scheduler
from adplane.jobs.tick import TickReport
from adplane.kit.apart import Apart
from adplane.kit.db import Database
from adplane.models import Account
from tests.conftest import Actor
from tests.events.helpers import post_events
from tests.jobs.test_tick import recent
from tests.rules.helpers import create_list, create_rule, link
from tests.support.native import create_campaign

WAIT = 60.0


def jobs_threads(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name]


async def test_the_real_tick_runs_on_the_jobs_thread_not_the_serving_one(
    app: Any, client: httpx.AsyncClient, advertiser: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    h = advertiser.headers
    target = await create_list(client, h)
    rule = await create_rule(client, h, target["id"])
    campaign = await create_campaign(client, h)
    assert (await link(client, h, campaign["id"], rule["id"])).status_code == 200
    await post_events(client, h, [recent(campaign["id"], domain="bad.example") for _ in range(3)])
    await app.state.events.flush()

    with caplog.at_level(logging.INFO, logger="adplane.jobs"):
        report = await app.state.jobs.run_once()
    assert report.fired == 1
    fired = [r for r in caplog.records if "added 1 sources" in r.getMessage()]
    assert [r.threadName for r in fired] == ["adplane-jobs"]
    assert fired[0].thread != threading.get_ident()


async def test_the_serving_loop_keeps_running_while_a_slow_tick_runs(database: Database) -> None:
    probed = threading.Event()

    async def probe() -> None:
        while not probed.is_set():
            await asyncio.sleep(0.01)
            probed.set()

    async def slow_tick(db: Database) -> TickReport:
        # Holds its thread the way a long stretch of Python does, until the loop has run.
        assert probed.wait(WAIT)
        return TickReport()

    scheduler = Scheduler(3600, slow_tick, Apart(database, name="jobs-slow"))
    scheduler.start()
    try:
        prober = asyncio.create_task(probe())
        await scheduler.run_once()
        await prober
    finally:
        await scheduler.stop()
    assert probed.is_set()
    assert scheduler.ticks == 1


async def test_run_once_waits_for_the_periodic_tick_and_never_overlaps_it(
    database: Database,
) -> None:
    guard = threading.Lock()
    running = 0
    most = 0
    started = 0

    async def tick(db: Database) -> TickReport:
        nonlocal running, most, started
        with guard:
            running += 1
            started += 1
            most = max(most, running)
        try:
            async with db.sessionmaker() as session:
                await session.execute(select(Account.id).limit(1))
            await asyncio.sleep(0.02)
        finally:
            with guard:
                running -= 1
        return TickReport()

    # A periodic tick due at once and again and again, with manual ones on top.
    scheduler = Scheduler(0.001, tick, Apart(database, name="jobs-serial"))
    scheduler.start()
    try:
        reports = await asyncio.gather(*(scheduler.run_once() for _ in range(5)))
        while scheduler.ticks < 8:
            await asyncio.sleep(0.01)
    finally:
        await scheduler.stop()
    assert len(reports) == 5
    assert most == 1
    # Every tick that began ended and was counted, but the one the stop cancelled.
    assert scheduler.ticks <= started <= scheduler.ticks + 1


async def test_stop_during_a_tick_rolls_it_back_and_leaves_no_thread(database: Database) -> None:
    async with database.sessionmaker() as session, session.begin():
        account = Account(name="before", currency="USD", external_id=uuid.uuid4().hex)
        session.add(account)
    in_tick = threading.Event()

    async def stuck_tick(db: Database) -> TickReport:
        async with db.sessionmaker() as session, session.begin():
            await session.execute(
                update(Account).where(Account.id == account.id).values(name="half a tick")
            )
            in_tick.set()
            await asyncio.sleep(3600)
        return TickReport()

    scheduler = Scheduler(0.001, stuck_tick, Apart(database, name="jobs-stop"))
    scheduler.start()
    assert await asyncio.to_thread(in_tick.wait, WAIT)
    await scheduler.stop()
    assert jobs_threads("jobs-stop") == []
    assert scheduler.ticks == 0
    async with database.sessionmaker() as session:
        name = (
            await session.execute(select(Account.name).where(Account.id == account.id))
        ).scalar_one()
    assert name == "before"


async def test_the_apps_scheduler_ends_its_thread_when_stopped(app: Any) -> None:
    scheduler = app.state.jobs
    assert isinstance(scheduler, Scheduler)
    await scheduler.run_once()
    thread = scheduler.apart.thread
    assert thread is not None
    assert thread.is_alive()
    await scheduler.stop()  # what the lifespan does (again at its end: a no-op by then)
    assert not thread.is_alive()
    assert scheduler.apart.thread is None
