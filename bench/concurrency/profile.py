"""Where a report's time goes inside ``adplane serve`` compared with a standalone process.

    .venv/bin/python bench/concurrency/run.py --backends sqlite   # leaves its work directory
    .venv/bin/python bench/concurrency/profile.py                  # then this, ~1 min

Runs shape (b) three ways over the DuckDB file ``run.py`` left behind:

* standalone: the report engine on an ``AnalyticsStore`` in this process, nothing else
  running (median of hot runs);
* in the server, one client, and then eight, while ``py-spy`` samples every thread of the
  server (``--idle``: waiting threads too), and once more with ``--gil`` (only the thread
  holding the GIL is sampled). From the samples: how long a report's query runs in its
  analytics thread, and who holds the GIL how much of the time.

``py-spy`` is a profiling tool, not a dependency of adplane: ``.venv/bin/pip install py-spy``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import Request, Server, drive, env_for, log, report_body  # noqa: E402

from adplane.accounts.principal import Principal, Role  # noqa: E402
from adplane.events.store import AnalyticsStore  # noqa: E402
from adplane.reports import service as reports  # noqa: E402
from adplane.reports.backends import DuckDBBackend  # noqa: E402
from adplane.reports.schemas import ReportRequest  # noqa: E402

PY_SPY = Path(sys.executable).with_name("py-spy")
RATE = 250


def standalone_ms(duckdb_file: Path, body: dict[str, Any], repeat: int = 30) -> float:
    store = AnalyticsStore(duckdb_file)
    backend = DuckDBBackend(store)
    request = ReportRequest.model_validate(body)
    admin = Principal(0, Role.ADMIN, None)
    loop = asyncio.new_event_loop()
    try:
        for _ in range(3):
            loop.run_until_complete(reports.run(backend, admin, request))
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            loop.run_until_complete(reports.run(backend, admin, request))
            samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples)
    finally:
        loop.close()
        store.close()


def sampled(
    server: Server, admin_key: str, clients: int, seconds: float, gil: bool, out: Path
) -> tuple[int, Counter[str], int]:
    """(reports done, samples per thread role, samples inside the query) while sampling."""
    assert server.process is not None
    command = [str(PY_SPY), "record", "-p", str(server.process.pid), "-r", str(RATE)]
    command += ["-d", str(int(seconds)), "-f", "raw", "-o", str(out), "--threads", "--nonblocking"]
    command += ["--gil"] if gil else ["--idle"]
    spy = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    today = datetime.now(UTC)
    report = Request("report", "POST", "/api/v1/reports", lambda: report_body(today))
    samples, _wall = drive(server.port, admin_key, [(admin_key, [report])] * clients, seconds - 1)
    spy.wait(timeout=60)
    roles: Counter[str] = Counter()
    in_query = 0
    for line in out.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        if "fetch (adplane/events/store.py" in stack or "(store.py" in stack:
            in_query += n
            roles["DuckDB query (analytics thread)"] += n
        elif "MainThread" in stack.split(";", 1)[0]:
            roles["event loop (main thread)"] += n
        else:
            roles["other threads"] += n
    return len(samples), roles, in_query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/adplane-concurrency"))
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--output", type=Path, default=HERE / "profile.json")
    args = parser.parse_args()
    keys = json.loads((args.workdir / "sqlite" / "keys.json").read_text())
    data_dir = args.workdir / "sqlite" / "data"
    url = f"sqlite+aiosqlite:///{args.workdir / 'control.sqlite3'}"
    today = datetime.now(UTC)
    body = json.loads(report_body(today))
    results: dict[str, Any] = {}
    server = Server(env_for(data_dir, url), args.workdir / "server-profile.log")
    server.start()
    try:
        # The first requests to each route pay for building it (FastAPI does that lazily).
        report = Request("report", "POST", "/api/v1/reports", lambda: report_body(today))
        drive(server.port, keys["admin"], [(keys["admin"], [report])] * 2, 3)
        for clients in (1, 8):
            for gil in (False, True):
                name = f"{clients}_clients_{'gil' if gil else 'all_threads'}"
                log(f"sampling {name}")
                done, roles, in_query = sampled(
                    server, keys["admin"], clients, args.seconds, gil, args.workdir / f"{name}.txt"
                )
                entry: dict[str, Any] = {"reports": done}
                if gil:
                    # One sample per tick goes to whichever thread holds the GIL, if any.
                    ticks = RATE * (args.seconds - 1)
                    entry["gil_held_share"] = {k: round(v / ticks, 3) for k, v in roles.items()}
                else:
                    entry["query_ms_per_report"] = round(in_query / RATE / max(done, 1) * 1000, 1)
                    entry["report_ms_wall"] = round((args.seconds - 1) * 1000 * clients / done, 1)
                results[name] = entry
                log(json.dumps(entry))
    finally:
        server.stop()
    results["standalone_ms"] = round(standalone_ms(data_dir / "analytics.duckdb", body), 1)
    log(f"standalone: {results['standalone_ms']} ms")
    args.output.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
