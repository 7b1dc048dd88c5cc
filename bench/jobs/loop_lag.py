"""How long the serving event loop is held up by a jobs tick and a full snapshot build.

    ADPLANE_DATA_DIR=/tmp/bench-10k PYTHONPATH=src .venv/bin/python bench/jobs/loop_lag.py

Over a directory ``bench/bidder/run.py --data-dir`` seeded (no server running on it), in
one process: a probe task on the event loop sleeps 1 ms at a time and records how late each
wake-up is; the longest delay is the longest stall a bid arriving then would have waited.
Measured, alternately and ``--repeats`` times each:

* ``tick on loop``: ``jobs.tick.run`` awaited on the loop (the scheduler before the tick
  moved to its thread);
* ``tick apart``: ``Scheduler.run_once`` with the server's scheduler (``jobs.runtime``):
  the tick in its own thread, loop and engine;
* ``full build apart, PAGE=N``: ``delivery.runtime.build_apart`` with ``snapshot.PAGE`` set
  to each of ``--pages``.

Prints, per case, the tick's or build's wall time and the probe's longest and p99 delay.
Figures from one run are comparable with each other only (a shared machine).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

os.environ.setdefault("ADPLANE_SECRET_KEY", "bench-secret-key-0123456789abcdef0123456789")
os.environ.setdefault("ADPLANE_ENV", "development")
if "ADPLANE_DATA_DIR" in os.environ and "ADPLANE_DATABASE_URL" not in os.environ:
    os.environ["ADPLANE_DATABASE_URL"] = (
        f"sqlite+aiosqlite:///{Path(os.environ['ADPLANE_DATA_DIR']) / 'adplane.sqlite3'}"
    )

from adplane import bootstrap  # noqa: E402
from adplane.delivery import snapshot  # noqa: E402
from adplane.delivery.runtime import build_apart  # noqa: E402
from adplane.events.runtime import DuckDBSpendReader, open_store  # noqa: E402
from adplane.jobs import tick  # noqa: E402
from adplane.jobs.runtime import scheduler_for  # noqa: E402
from adplane.kit.db import create_database  # noqa: E402
from adplane.kit.time import utcnow  # noqa: E402
from adplane.reports.backends import DuckDBBackend  # noqa: E402

PROBE_SECONDS = 0.001


async def lagged(work: Callable[[], Awaitable[object]]) -> dict[str, float]:
    """``work``'s wall time and how late the loop's probe woke meanwhile."""
    delays: list[float] = []
    done = False

    async def probe() -> None:
        while not done:
            before = time.perf_counter()
            await asyncio.sleep(PROBE_SECONDS)
            delays.append(time.perf_counter() - before - PROBE_SECONDS)

    prober = asyncio.create_task(probe())
    await asyncio.sleep(0)
    started = time.perf_counter()
    await work()
    seconds = time.perf_counter() - started
    done = True
    await prober
    ordered = sorted(delays) or [0.0]
    return {
        "seconds": round(seconds, 3),
        "max_stall_ms": round(ordered[-1] * 1000, 1),
        "p99_stall_ms": round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 1),
        "probes": len(delays),
    }


async def measure(repeats: int, pages: list[int]) -> dict[str, list[dict[str, float]]]:
    settings = bootstrap.load_settings()
    store = await asyncio.to_thread(open_store, settings)
    reader = DuckDBSpendReader(store)
    database = create_database(settings.resolved_database_url)
    scheduler = scheduler_for(database, store, reader, 3600)
    scheduler.apart.start()
    backend = DuckDBBackend(store)
    cases: dict[str, Callable[[], Awaitable[object]]] = {
        "tick on loop": lambda: tick.run(database, backend, reader),
        "tick apart": scheduler.run_once,
    }
    for page in pages:

        async def build(page: int = page) -> object:
            snapshot.PAGE = page
            return await build_apart(database, reader, utcnow())

        cases[f"full build apart, PAGE={page}"] = build
    results: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
    try:
        # A first tick posts whatever spend was waiting: the ones measured do the same work.
        await tick.run(database, backend, reader)
        for _ in range(repeats):
            for name, work in cases.items():
                figures = await lagged(work)
                results[name].append(figures)
                print(f"{name}: {json.dumps(figures)}", file=sys.stderr, flush=True)
    finally:
        await scheduler.stop()
        await database.dispose()
        await asyncio.to_thread(store.close)
    return results


def summary(results: dict[str, list[dict[str, float]]]) -> list[dict[str, Any]]:
    return [
        {
            "case": name,
            "seconds_median": round(statistics.median(r["seconds"] for r in runs), 2),
            "max_stall_ms": max(r["max_stall_ms"] for r in runs),
            "max_stall_ms_median": round(statistics.median(r["max_stall_ms"] for r in runs), 1),
            "p99_stall_ms_median": round(statistics.median(r["p99_stall_ms"] for r in runs), 1),
        }
        for name, runs in results.items()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pages", default="2000,250")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    pages = [int(p) for p in args.pages.split(",") if p]
    results = asyncio.run(measure(args.repeats, pages))
    rows = summary(results)
    print("| case | wall s (median) | longest stall ms (max / median) | p99 stall ms |")
    print("|---|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['case']} | {row['seconds_median']} | {row['max_stall_ms']} / "
            f"{row['max_stall_ms_median']} | {row['p99_stall_ms_median']} |"
        )
    if args.output is not None:
        args.output.write_text(json.dumps({"runs": results, "summary": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
