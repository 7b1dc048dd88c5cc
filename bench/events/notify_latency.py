"""Change notices across processes: a commit -> another connection's LISTEN callback.

    PYTHONPATH=src:. .venv/bin/python bench/events/notify_latency.py

Starts a throwaway PostgreSQL cluster (the test harness's), commits 100 wallet deposits
(each a tracked ``transactions`` row) and times when a separate ``changes.listen``
connection hears of each: from the moment the commit returns, and from the start of the
transaction.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from tests.support.postgres import PostgresCluster

from adplane.accounts import service as accounts
from adplane.accounts.principal import Role
from adplane.delivery import changes
from adplane.kit.db import create_database
from adplane.migrations.runner import upgrade_async

ROUNDS = 100


def _figures(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    return (
        f"{label}: median {statistics.median(ordered) * 1e3:.2f} ms, "
        f"p99 {ordered[int(len(ordered) * 0.99) - 1] * 1e3:.2f} ms, "
        f"max {ordered[-1] * 1e3:.2f} ms (n={len(ordered)})"
    )


async def main() -> None:
    cluster = PostgresCluster.start()
    try:
        url = cluster.create_database("latency")
        await upgrade_async(url)
        db = create_database(url)
        async with db.sessionmaker() as session, session.begin():
            created = await accounts.create_user(
                session, None, email="a@bench.test", password="bench-password", role=Role.ADVERTISER
            )
        account = created.user.account_id
        assert account is not None
        heard = asyncio.Event()
        bus = changes.ChangeBus()
        bus.subscribe(lambda _changes: heard.set())
        listener = await changes.listen(url, bus)
        after_commit: list[float] = []
        whole: list[float] = []
        for _ in range(ROUNDS):
            heard.clear()
            began = time.perf_counter()
            async with db.sessionmaker() as session, session.begin():
                await accounts.record_transaction(session, account, "deposit", 1_000_000, "t", None)
            committed = time.perf_counter()
            await asyncio.wait_for(heard.wait(), 1)
            now = time.perf_counter()
            after_commit.append(now - committed)
            whole.append(now - began)
        print(_figures("commit returned -> heard", after_commit))
        print(_figures("transaction began -> heard", whole))
        await listener.stop()
        await db.dispose()
    finally:
        cluster.stop()


if __name__ == "__main__":
    asyncio.run(main())
