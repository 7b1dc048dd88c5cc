"""The filter list benchmark: a list of a million domains, uploaded, read and replaced over HTTP.

    .venv/bin/python bench/filterlists/run.py                          # both backends, ~2 min
    .venv/bin/python bench/filterlists/run.py --backends sqlite --items 100000   # a quick look

For each control-database backend (SQLite, and a throwaway PostgreSQL cluster started the way
the test harness starts one) a real ``adplane serve`` runs on a fresh database, and one
advertiser times, each step once, with the wall clock of the client:

* ``load``: ``POST /api/v1/filterlists/upload`` of a CSV file of ``--items`` domains (with a
  header and a second column): upload, parse, validate, store;
* ``read``: ``GET /api/v1/filterlists/{id}/items.txt``, every item (checked: count and order);
* ``replace``: ``PUT /api/v1/filterlists/{id}/items/upload`` of another file of as many
  domains, half of them new: the old items go and the new ones are stored, in one transaction;
* ``add``: ``POST /api/v1/filterlists/{id}/items`` of 1,000 items, half already in the list
  (the rules job's path);
* ``parse``: ``POST /api/v1/filterlists/parse`` of the first file, validated, nothing stored.

Each step shows the client's wall time and, in brackets, the CPU time the server process
spent on it (from ``/proc``), which a busy machine does not inflate. Results go to
``results.json`` next to this file and are printed as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.support.postgres import PostgresCluster  # noqa: E402
from tests.support.server import LiveServer, new_user, server_env  # noqa: E402

API = "/api/v1"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def domains_csv(count: int, offset: int = 0) -> bytes:
    rows = "".join(f"site-{i}.example,{i % 97}\r\n" for i in range(offset, offset + count))
    return ("domain,impressions\r\n" + rows).encode()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Clock:
    """Wall time of each step at the client, and the CPU time the server spent on it.

    On a shared machine the wall time grows with everyone else's load; the server's CPU time
    is what the step costs.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def step(self, name: str, call: Callable[[], httpx.Response]) -> httpx.Response:
        cpu, started = cpu_seconds(self.pid), time.perf_counter()
        response = call()
        self.wall[name] = time.perf_counter() - started
        self.cpu[name] = cpu_seconds(self.pid) - cpu
        if not response.is_success:
            raise RuntimeError(f"{response.request.method} {response.request.url}: {response.text}")
        return response


def run_backend(url: str, work: Path, items: int) -> dict[str, Any]:
    data = work / "data"
    data.mkdir(parents=True)
    server = LiveServer(server_env(data, url))
    server.create_admin()
    server.start()
    try:
        user = new_user(server)
        first, second = domains_csv(items), domains_csv(items, offset=items // 2)
        form = {"name": "Million", "type": "domains", "mode": "black"}
        assert server.process is not None
        clock = Clock(server.process.pid)
        with httpx.Client(base_url=server.base_url, headers=user.headers, timeout=600) as http:
            created = clock.step(
                "load",
                lambda: http.post(
                    f"{API}/filterlists/upload",
                    files={"file": ("domains.csv", first, "text/csv")},
                    data=form,
                ),
            )
            list_id = created.json()["id"]
            assert created.json()["item_count"] == items
            export = clock.step("read", lambda: http.get(f"{API}/filterlists/{list_id}/items.txt"))
            lines = export.text.splitlines()
            assert len(lines) == items
            assert lines == sorted(lines)
            replaced = clock.step(
                "replace",
                lambda: http.put(
                    f"{API}/filterlists/{list_id}/items/upload",
                    files={"file": ("domains.csv", second, "text/csv")},
                ),
            )
            assert replaced.json()["item_count"] == items
            batch = [f"site-{i}.example" for i in range(items * 3 // 2 - 500, items * 3 // 2 + 500)]
            added = clock.step(
                "add",
                lambda: http.post(f"{API}/filterlists/{list_id}/items", json={"items": batch}),
            )
            assert added.json()["added"] == 500
            parsed = clock.step(
                "parse",
                lambda: http.post(
                    f"{API}/filterlists/parse",
                    files={"file": ("domains.csv", first, "text/csv")},
                    data={"type": "domains"},
                ),
            )
            assert parsed.json()["count"] == items
        return {
            "items": items,
            "bytes": len(first),
            "seconds": clock.wall,
            "server_cpu_seconds": clock.cpu,
            "load_average": os.getloadavg()[0],
        }
    finally:
        server.stop()


def markdown(results: dict[str, dict[str, Any]]) -> str:
    steps = ["load", "read", "replace", "add", "parse"]
    lines = [
        "| backend | items | CSV size | " + " | ".join(steps) + " | load average |",
        "|---|---|---|" + "---|" * len(steps) + "---|",
    ]
    for backend, result in results.items():
        seconds, cpu = result["seconds"], result["server_cpu_seconds"]
        cells = " | ".join(f"{seconds[s]:.1f} s ({cpu[s]:.1f} s)" for s in steps)
        size = f"{result['bytes'] / 1e6:.1f} MB"
        load = f"{result['load_average']:.1f}"
        lines.append(f"| {backend} | {result['items']:,} | {size} | {cells} | {load} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--items", type=int, default=1_000_000)
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    cluster: PostgresCluster | None = None
    with tempfile.TemporaryDirectory(prefix="adplane-bench-lists-") as tmp:
        try:
            for backend in args.backends.split(","):
                work = Path(tmp) / backend
                if backend == "sqlite":
                    url = f"sqlite+aiosqlite:///{work / 'adplane.sqlite3'}"
                else:
                    cluster = cluster or PostgresCluster.start()
                    url = cluster.create_database("bench_lists")
                log(f"{backend}: {args.items:,} items ...")
                results[backend] = run_backend(url, work, args.items)
                log(f"{backend}: {results[backend]['seconds']}")
        finally:
            if cluster is not None:
                cluster.stop()
    document = {"machine": platform.platform(), "python": platform.python_version(), **results}
    (HERE / "results.json").write_text(json.dumps(document, indent=2) + "\n")
    print(markdown(results))


if __name__ == "__main__":
    main()
