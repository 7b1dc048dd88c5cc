"""The concurrency benchmark: 8 keep-alive clients mixing reports, campaign reads and writes.

    .venv/bin/python bench/concurrency/run.py                       # both backends, ~4 min
    .venv/bin/python bench/concurrency/run.py --backends sqlite --seconds 10   # a quick look

For each control-database backend (SQLite, and a throwaway PostgreSQL cluster started the way
the test harness starts one), a real ``adplane serve`` runs over the same DuckDB events
(``--generate`` realistic events over 30 days from ``adplane events generate``, copied under
new ids up to ``--events``). Three phases of ``--seconds`` each are timed:

* ``single``: one client, reports only (shape (b) of ``bench/reports``: top 50 countries
  over 30 days, as an admin);
* ``reports``: eight clients, reports only;
* ``mixed``: eight clients, each cycling report, campaign read, report, campaign list,
  report, campaign write (PATCH, every fourth a create), as its own advertiser.

Every request is checked (any status but 2xx is an error, and so is "database is locked" in
a body); latencies are per request, p50/p99 per kind; the server's CPU use is read from
``/proc``. Results go to ``results.json`` next to this file and are printed as Markdown.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.postgres import PostgresCluster, free_port  # noqa: E402

from adplane.accounts import service as accounts  # noqa: E402
from adplane.accounts.principal import Principal, Role  # noqa: E402
from adplane.campaigns import schemas  # noqa: E402
from adplane.campaigns import service as campaigns  # noqa: E402
from adplane.events.schema import COLUMNS  # noqa: E402
from adplane.events.store import AnalyticsStore, key_hash  # noqa: E402
from adplane.kit.db import create_database  # noqa: E402
from adplane.migrations.runner import upgrade_async  # noqa: E402

BIN = Path(sys.executable).with_name("adplane")
CAMPAIGNS_PER_ADVERTISER = 5


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


@dataclass
class Advertiser:
    api_key: str
    campaign_ids: list[int]


@dataclass
class Seeded:
    admin_key: str
    advertisers: list[Advertiser]
    owners: dict[int, int]


async def seed(url: str, advertisers: int) -> Seeded:
    """An admin and ``advertisers`` funded advertisers with a few campaigns each."""
    await upgrade_async(url)
    db = create_database(url)
    try:
        async with db.sessionmaker() as session, session.begin():
            admin = await accounts.create_user(
                session, None, email="admin@bench.test", password="bench-password", role=Role.ADMIN
            )
            made = []
            owners: dict[int, int] = {}
            for n in range(advertisers):
                created = await accounts.create_user(
                    session,
                    None,
                    email=f"advertiser{n}@bench.test",
                    password="bench-password",
                    role=Role.ADVERTISER,
                )
                owner = Principal(created.user.id, Role.ADVERTISER, created.user.account_id)
                ids = []
                for c in range(CAMPAIGNS_PER_ADVERTISER):
                    campaign = await campaigns.create(
                        session, owner, schemas.CampaignFields(name=f"Bench {n}.{c}")
                    )
                    ids.append(campaign.id)
                    owners[campaign.id] = campaign.account_id
                made.append(Advertiser(created.api_key, ids))
            return Seeded(admin.api_key, made, owners)
    finally:
        await db.dispose()


def env_for(data_dir: Path, url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(ADPLANE_ENV="development", ADPLANE_DATA_DIR=str(data_dir), ADPLANE_DATABASE_URL=url)
    return env


class Server:
    def __init__(self, env: dict[str, str], logfile: Path) -> None:
        self.env = env
        self.port = free_port()
        self.logfile = logfile
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.env,
            stdout=open(self.logfile, "ab"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def cpu_seconds(self) -> float:
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=120)


# --- clients -------------------------------------------------------------------------------


@dataclass
class Sample:
    kind: str
    seconds: float
    status: int
    locked: bool


@dataclass
class Request:
    kind: str
    method: str
    path: str
    body: Callable[[], bytes] | None = None


def report_body(today: datetime) -> bytes:
    return json.dumps(
        {
            "from": (today - timedelta(days=29)).date().isoformat(),
            "to": today.date().isoformat(),
            "dimensions": ["country"],
            "metrics": ["impressions", "clicks", "spend", "ctr", "ecpm"],
            "order_by": "impressions",
            "order": "desc",
            "page_size": 50,
        }
    ).encode()


def mixed_cycle(report: Request, advertiser: Advertiser, index: int) -> list[Request]:
    mine = advertiser.campaign_ids[index % len(advertiser.campaign_ids)]
    counter = iter(range(10**9))

    def patch() -> bytes:
        return json.dumps({"name": f"Bench {index} rename {next(counter)}"}).encode()

    def create() -> bytes:
        return json.dumps({"name": f"Bench {index} new {next(counter)}"}).encode()

    return [
        report,
        Request("read", "GET", f"/api/v1/campaigns/{mine}"),
        report,
        Request("read", "GET", "/api/v1/campaigns?page_size=20"),
        report,
        Request("write", "PATCH", f"/api/v1/campaigns/{mine}", patch),
        report,
        Request("read", "GET", f"/api/v1/campaigns/{mine}"),
        report,
        Request("write", "PATCH", f"/api/v1/campaigns/{mine}", patch),
        report,
        Request("write", "POST", "/api/v1/campaigns", create),
    ]


def drive(
    port: int, admin_key: str, cycles: list[tuple[str, list[Request]]], seconds: float
) -> tuple[list[Sample], float]:
    """Run each (api key, request cycle) on its own keep-alive connection for ``seconds``.

    Reports go with the admin's key (all events, like ``bench/reports``), everything else
    with the client's own: a dashboard and a campaign manager sharing a connection pool.
    """
    samples: list[Sample] = []
    lock = threading.Lock()
    start = threading.Barrier(len(cycles) + 1)
    stop_at = [0.0]

    def client(api_key: str, cycle: list[Request]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine: list[Sample] = []
        start.wait()
        n = 0
        while time.monotonic() < stop_at[0]:
            request = cycle[n % len(cycle)]
            n += 1
            key = admin_key if request.kind == "report" else api_key
            headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
            body = request.body() if request.body else None
            began = time.perf_counter()
            connection.request(request.method, request.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            elapsed = time.perf_counter() - began
            mine.append(
                Sample(request.kind, elapsed, response.status, b"database is locked" in data)
            )
        connection.close()
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=client, args=c) for c in cycles]
    for thread in threads:
        thread.start()
    stop_at[0] = time.monotonic() + seconds
    began = time.monotonic()
    start.wait()
    for thread in threads:
        thread.join()
    return samples, time.monotonic() - began


def summary(samples: list[Sample], wall: float) -> dict[str, Any]:
    out: dict[str, Any] = {"seconds": round(wall, 2)}
    for kind in sorted({s.kind for s in samples}):
        times = sorted(s.seconds * 1000 for s in samples if s.kind == kind)
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        out[kind] = {
            "count": len(times),
            "per_second": round(len(times) / wall, 2),
            "p50_ms": round(statistics.median(times), 1),
            "p99_ms": round(p99, 1),
            "max_ms": round(times[-1], 1),
        }
    out["errors"] = sum(1 for s in samples if not 200 <= s.status < 300 or s.locked)
    out["statuses"] = {
        str(k): sum(1 for s in samples if s.status == k)
        for k in sorted({s.status for s in samples})
    }
    return out


def phase(
    server: Server, admin_key: str, cycles: list[tuple[str, list[Request]]], seconds: float
) -> dict[str, Any]:
    cpu = server.cpu_seconds()
    samples, wall = drive(server.port, admin_key, cycles, seconds)
    result = summary(samples, wall)
    result["server_cores"] = round((server.cpu_seconds() - cpu) / wall, 2)
    return result


# --- the run -------------------------------------------------------------------------------


def multiply(duckdb_file: Path, events: int) -> None:
    """Grow the generated events to ``events`` rows by copying them under new ids.

    Generating and loading realistic events costs tens of microseconds each; copies made
    inside DuckDB cost next to nothing and keep the distributions (the copies keep their
    campaigns, countries and times). Only this benchmark's own store is touched, with no
    server running.
    """
    store = AnalyticsStore(duckdb_file)
    try:
        have = store.event_count()
        copies = -(-events // have)
        columns = ", ".join(name for name, _ in COLUMNS if name != "event_id")
        new_id = "event_id || '~' || CAST(c AS VARCHAR)"
        store.fetch(
            f"INSERT INTO events (event_id, {columns}, event_hash) "
            f"SELECT {new_id}, {columns}, {key_hash('account_id', new_id)} "
            f"FROM events, range(1, {copies}) AS r(c) LIMIT {events - have}"
        )
        store.fetch("CHECKPOINT")
    finally:
        store.close()


def run_backend(
    name: str, url: str, root: Path, args: argparse.Namespace, events: Path | None
) -> tuple[dict[str, Any], Path, dict[int, int]]:
    data_dir = root / name / "data"
    data_dir.mkdir(parents=True)
    log(f"{name}: seeding the control database")
    seeded = asyncio.run(seed(url, args.clients))
    env = env_for(data_dir, url)
    duckdb_file = data_dir / "analytics.duckdb"
    if events is not None:
        shutil.copyfile(events, duckdb_file)
    else:
        generated = min(args.events, args.generate)
        log(f"{name}: generating {generated:,} events over 30 days")
        started = time.monotonic()
        subprocess.run(
            [
                str(BIN),
                "events",
                "generate",
                "--count",
                str(generated),
                "--days",
                "30",
                "--seed",
                "7",
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        if args.events > generated:
            multiply(duckdb_file, args.events)
        log(f"{name}: {args.events:,} events ready in {time.monotonic() - started:.0f}s")
    keys = {"admin": seeded.admin_key, "advertisers": [a.api_key for a in seeded.advertisers]}
    (root / name / "keys.json").write_text(json.dumps(keys))
    server = Server(env, root / f"server-{name}.log")
    server.start()
    today = datetime.now(UTC)
    report = Request("report", "POST", "/api/v1/reports", lambda: report_body(today))
    results: dict[str, Any] = {}
    try:
        admin = seeded.admin_key
        drive(server.port, admin, [(admin, [report])], 2)
        log(f"{name}: one client, reports only")
        results["single"] = phase(server, admin, [(admin, [report])], args.seconds)
        log(f"{name}: {args.clients} clients, reports only")
        results["reports"] = phase(server, admin, [(admin, [report])] * args.clients, args.seconds)
        log(f"{name}: {args.clients} clients, mixed")
        cycles = [
            (advertiser.api_key, mixed_cycle(report, advertiser, i))
            for i, advertiser in enumerate(seeded.advertisers)
        ]
        results["mixed"] = phase(server, admin, cycles, args.seconds)
    finally:
        server.stop()
    single = results["single"]["report"]["per_second"]
    for key in ("reports", "mixed"):
        r = results[key]["report"]
        r["vs_single"] = round(r["per_second"] / single, 2) if single else None
        r["p99_over_p50"] = round(r["p99_ms"] / r["p50_ms"], 2)
    return results, duckdb_file, seeded.owners


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "| backend | phase | reports/s | x single | report p50 / p99 ms | p99/p50 "
        "| reads/s (p50/p99 ms) | writes/s (p50/p99 ms) | errors | server cores |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for backend, phases in results["backends"].items():
        for name in ("single", "reports", "mixed"):
            p = phases[name]
            r = p["report"]

            def other(kind: str, p: dict[str, Any] = p) -> str:
                o = p.get(kind)
                return f"{o['per_second']} ({o['p50_ms']}/{o['p99_ms']})" if o else "-"

            lines.append(
                f"| {backend} | {name} | {r['per_second']} | {r.get('vs_single', 1.0)} "
                f"| {r['p50_ms']} / {r['p99_ms']} | {r.get('p99_over_p50', '-')} "
                f"| {other('read')} | {other('write')} | {p['errors']} | {p['server_cores']} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=3_000_000)
    parser.add_argument(
        "--generate", type=int, default=100_000, help="generated events; the rest are copies"
    )
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/adplane-concurrency"))
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True)
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_at_start": os.getloadavg(),
        },
        "events": args.events,
        "seconds_per_phase": args.seconds,
        "clients": args.clients,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "backends": {},
    }
    cluster: PostgresCluster | None = None
    events: Path | None = None
    owners: dict[int, int] | None = None
    try:
        for name in args.backends.split(","):
            if name == "sqlite":
                url = f"sqlite+aiosqlite:///{args.workdir / 'control.sqlite3'}"
            else:
                cluster = PostgresCluster.start()
                url = cluster.create_database("adplane_bench")
            backend_results, duckdb_file, seeded_owners = run_backend(
                name, url, args.workdir, args, events if owners is not None else None
            )
            if owners is None or owners == seeded_owners:
                # The same campaigns under the same accounts: the next backend reuses the
                # events instead of generating them again.
                events, owners = duckdb_file, seeded_owners
            results["backends"][name] = backend_results
            log(f"{name}: {json.dumps(backend_results)}")
    finally:
        if cluster is not None:
            cluster.stop()
    results["machine"]["load_average_at_end"] = os.getloadavg()
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(markdown(results))


if __name__ == "__main__":
    main()
