"""The data-plane benchmark: import, HTTP ingestion, report latency, DuckDB vs PostgreSQL.

    .venv/bin/python bench/reports/run.py                  # the full run: 10M events
    .venv/bin/python bench/reports/run.py --events 200000  # a quick smoke run

Everything runs on this machine over loopback, in a throwaway work directory: a SQLite
control database with 200 campaigns, a real ``adplane serve`` process, the real
``adplane events import`` command, and a PostgreSQL cluster started as the ``postgres``
user. Results go to ``results.json`` next to this file and are printed as Markdown.
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from postgres_backend import PostgresBackend  # type: ignore[import-not-found,unused-ignore]  # noqa: E402

from adplane.accounts import service as accounts  # noqa: E402
from adplane.accounts.principal import Principal, Role  # noqa: E402
from adplane.campaigns import schemas  # noqa: E402
from adplane.campaigns import service as campaigns  # noqa: E402
from adplane.events import generator  # noqa: E402
from adplane.events.store import AnalyticsStore  # noqa: E402
from adplane.kit.db import create_database  # noqa: E402
from adplane.migrations.runner import upgrade_async  # noqa: E402
from adplane.reports import service as reports  # noqa: E402
from adplane.reports.backends import Backend, DuckDBBackend  # noqa: E402
from adplane.reports.schemas import ReportRequest  # noqa: E402
from adplane.settings import Settings  # noqa: E402

BIN = Path(sys.executable).with_name("adplane")
PRICING = ("cpm", "cpm", "cpc", "cpa", "cpi")
BIDS = {"cpm": "1.80", "cpc": "0.30", "cpa": "6.00", "cpi": "2.50"}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


@dataclass
class Bench:
    args: argparse.Namespace
    root: Path
    results: dict[str, Any] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def database_url(self) -> str:
        return f"sqlite+aiosqlite:///{self.root / 'control.sqlite3'}"

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            ADPLANE_ENV="development",
            ADPLANE_DATA_DIR=str(self.data_dir),
            ADPLANE_DATABASE_URL=self.database_url,
        )
        return env

    @property
    def settings(self) -> Settings:
        return Settings(data_dir=self.data_dir, database_url=self.database_url)


# --- setup ---------------------------------------------------------------------------------


async def seed(bench: Bench) -> str:
    """200 campaigns over 20 advertiser accounts; returns an admin API key."""
    await upgrade_async(bench.database_url)
    db = create_database(bench.database_url)
    try:
        async with db.sessionmaker() as session, session.begin():
            admin = await accounts.create_user(
                session, None, email="admin@bench.test", password="bench-password", role=Role.ADMIN
            )
            owners = []
            for n in range(20):
                created = await accounts.create_user(
                    session,
                    None,
                    email=f"advertiser{n}@bench.test",
                    password="bench-password",
                    role=Role.ADVERTISER,
                )
                owners.append(Principal(created.user.id, Role.ADVERTISER, created.user.account_id))
            for n in range(bench.args.campaigns):
                pricing = PRICING[n % len(PRICING)]
                fields = schemas.CampaignFields(
                    name=f"Bench campaign {n}",
                    pricing_model=schemas.PricingModel(pricing),
                    bid_price=Decimal(BIDS[pricing]),
                    alias=f"bench-{n}" if n % 4 == 0 else None,
                )
                await campaigns.create(session, owners[n % len(owners)], fields)
            return admin.api_key
    finally:
        await db.dispose()


async def generate_file(
    bench: Bench, target: Path, count: int, seed_value: int, days: int | None = None
) -> int:
    db = create_database(bench.database_url)
    try:
        async with db.sessionmaker() as session:
            profiles = [
                generator.profile_of(c) for c in await campaigns.list_for_generation(session)
            ]
    finally:
        await db.dispose()
    written = 0
    with open(target, "wb", buffering=1 << 20) as out:
        chunks = generator.generate(
            profiles, count=count, days=days or bench.args.days, seed=seed_value
        )
        for chunk in chunks:
            out.write(b"\n".join(generator.to_lines(chunk, with_account=False)) + b"\n")
            written += len(chunk)
    return written


# --- the server and its memory ---------------------------------------------------------------


class Server:
    def __init__(self, bench: Bench, port: int) -> None:
        self.bench = bench
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None
        self.peak_rss = 0
        self._sampling = False
        self._sampler: threading.Thread | None = None

    def start(self) -> None:
        logfile = open(self.bench.root / "server.log", "ab")
        self.process = subprocess.Popen(
            [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.bench.env,
            stdout=logfile,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the server did not start")
        self._sampling = True
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def rss(self) -> int:
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def _sample(self) -> None:
        while self._sampling:
            try:
                self.peak_rss = max(self.peak_rss, self.rss())
            except (FileNotFoundError, ProcessLookupError):
                return
            time.sleep(0.1)

    def stop(self) -> None:
        self._sampling = False
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=600)


# --- measurements --------------------------------------------------------------------------


def timed_import(bench: Bench, source: Path) -> dict[str, Any]:
    started = time.monotonic()
    result = subprocess.run(
        [str(BIN), "events", "import", str(source)],
        env=bench.env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.monotonic() - started
    line = next(x for x in result.stderr.splitlines() if x.startswith("read "))
    read_seconds = float(line.split(" in ")[1].split("s")[0])
    loaded = next(x for x in result.stderr.splitlines() if x.startswith("loaded by"))
    return {"seconds": seconds, "read_seconds": read_seconds, "summary": loaded}


def http_ingest(port: int, api_key: str, batches: list[bytes], clients: int) -> dict[str, Any]:
    lock = threading.Lock()
    queue = list(range(len(batches)))
    statuses: dict[int, int] = {}

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"}
        while True:
            with lock:
                if not queue:
                    break
                index = queue.pop()
            connection.request("POST", "/api/v1/events", body=batches[index], headers=headers)
            response = connection.getresponse()
            response.read()
            with lock:
                statuses[response.status] = statuses.get(response.status, 0) + 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"seconds": time.monotonic() - started, "statuses": statuses}


def count_events(port: int, api_key: str, first: date, last: date) -> int:
    response = httpx.post(
        f"http://127.0.0.1:{port}/api/v1/reports",
        json={
            "from": first.isoformat(),
            "to": last.isoformat(),
            "metrics": ["bids", "wins", "impressions", "clicks", "conversions", "visits"],
        },
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=120,
    )
    response.raise_for_status()
    return int(sum(response.json()["totals"].values()))


def shapes(today: date, campaign_id: int) -> dict[str, dict[str, Any]]:
    return {
        "a_date_campaign_creative_3d": {
            "from": (today - timedelta(days=3)).isoformat(),
            "to": (today - timedelta(days=1)).isoformat(),
            "timezone": "Etc/GMT+10",
            "dimensions": ["date", "campaign_id", "creative_id"],
            "metrics": ["bids", "wins", "impressions", "clicks", "spend", "winrate", "ctr"],
            "page_size": 100,
        },
        "b_top50_countries_30d": {
            "from": (today - timedelta(days=29)).isoformat(),
            "to": today.isoformat(),
            "dimensions": ["country"],
            "metrics": ["impressions", "clicks", "spend", "ctr", "ecpm"],
            "order_by": "impressions",
            "order": "desc",
            "page_size": 50,
        },
        "c_hour_campaign_2d_one_campaign": {
            "from": (today - timedelta(days=2)).isoformat(),
            "to": (today - timedelta(days=1)).isoformat(),
            "dimensions": ["hour", "campaign_id"],
            "metrics": ["impressions", "clicks", "conversions", "spend", "revenue", "roi"],
            "filters": {"campaign_id": campaign_id},
            "page_size": 100,
        },
    }


def median_ms(run: Callable[[], Any], warmup: int, repeat: int) -> dict[str, float]:
    for _ in range(warmup):
        run()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return {"median_ms": statistics.median(samples), "min_ms": min(samples)}


def http_report_latency(port: int, api_key: str, body: dict[str, Any]) -> dict[str, float]:
    client = httpx.Client(
        base_url=f"http://127.0.0.1:{port}",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=120,
    )

    def run() -> None:
        response = client.post("/api/v1/reports", json=body)
        response.raise_for_status()

    try:
        return median_ms(run, 3, 20)
    finally:
        client.close()


def engine_latency(backend: Backend, body: dict[str, Any], repeat: int) -> dict[str, float]:
    admin = Principal(0, Role.ADMIN, None)
    request = ReportRequest.model_validate(body)
    loop = asyncio.new_event_loop()
    try:
        return median_ms(
            lambda: loop.run_until_complete(reports.run(backend, admin, request)), 2, repeat
        )
    finally:
        loop.close()


# --- PostgreSQL ----------------------------------------------------------------------------


def as_postgres(command: list[str]) -> list[str]:
    # initdb refuses to run as root.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_cluster(root: Path, port: int) -> Iterator[str]:
    data = root / "pgdata"
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    subprocess.run(
        as_postgres(["initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} "
        "-c shared_buffers=2GB -c work_mem=256MB -c max_parallel_workers_per_gather=2 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    subprocess.run(
        as_postgres(["pg_ctl", "-D", str(data), "-o", options, "-l", str(root / "pg.log"), "-w",
                     "start"]),
        check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            as_postgres(["pg_ctl", "-D", str(data), "-m", "fast", "stop"]), capture_output=True
        )


PG_COLUMNS = """
    event_id text, type text, ts timestamp, account_id bigint, campaign_id bigint,
    creative_id bigint, stream_id bigint, landing_id bigint, offer_id bigint, exchange text,
    publisher_id text, site_id bigint, app_id text, domain text, bundle text, page text,
    spot_id bigint, sub_id_1 text, sub_id_2 text, sub_id_3 text, sub_id_4 text, sub_id_5 text,
    country text, region text, city text, device_type text, os text, os_version text,
    browser text, browser_version text, language text, carrier text, connection_type text,
    size text, cost_micros bigint, revenue_micros bigint, click_id text, auction_id text,
    user_key text, ip text, user_agent text
"""


def load_postgres(dsn: str, csv_path: Path) -> float:
    import psycopg

    started = time.monotonic()
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f"CREATE TABLE events ({PG_COLUMNS})".encode())
        with connection.cursor() as cursor:
            copy_sql = "COPY events FROM STDIN (FORMAT csv)"
            with cursor.copy(copy_sql.encode()) as copy, open(csv_path, "rb") as source:
                while block := source.read(8 << 20):
                    copy.write(block)
        connection.execute(b"VACUUM ANALYZE events")
    return time.monotonic() - started


# --- the run -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--campaigns", type=int, default=200)
    parser.add_argument("--http-batches", type=int, default=300)
    parser.add_argument("--http-clients", type=int, default=8)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/adplane-bench"))
    parser.add_argument("--port", type=int, default=18_731)
    parser.add_argument("--pg-port", type=int, default=18_732)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    args = parser.parse_args()

    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True)
    bench = Bench(args, args.workdir)
    results = bench.results
    results["machine"] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
    }
    results["events"] = args.events

    log(f"seeding {args.campaigns} campaigns")
    admin_key = asyncio.run(seed(bench))

    source = args.workdir / "events.ndjson"
    log(f"generating {args.events:,} events over {args.days} days")
    started = time.monotonic()
    asyncio.run(generate_file(bench, source, args.events, seed_value=1))
    results["generate_seconds"] = time.monotonic() - started
    results["file_bytes"] = source.stat().st_size

    server = Server(bench, args.port)
    server.start()
    try:
        log("importing while the server runs (the server loads the segments)")
        imported = timed_import(bench, source)
        results["import"] = {
            **imported,
            "events_per_second_read_and_stage": args.events / imported["read_seconds"],
            "events_per_second_until_queryable": args.events / imported["seconds"],
        }
        results["server_peak_rss_bytes_import"] = server.peak_rss
        log(f"import: {results['import']}")

        today = datetime.now(UTC).date()
        first = today - timedelta(days=args.days + 1)
        assert count_events(args.port, admin_key, first, today) == args.events

        log(f"HTTP ingestion: {args.http_batches} batches of 1000, {args.http_clients} clients")
        extra = args.workdir / "http.ndjson"
        # Live traffic: the last day's events, as a bidder or tracker would send them.
        asyncio.run(generate_file(bench, extra, args.http_batches * 1000, seed_value=2, days=1))
        lines = extra.read_bytes().splitlines()
        batches = [
            b'{"events":[' + b",".join(lines[i : i + 1000]) + b"]}"
            for i in range(0, len(lines), 1000)
        ]
        del lines
        # Visibility is watched through a report over the last days only: polling a 30-day
        # report would itself compete with the loader for the two cores.
        recent = today - timedelta(days=2)
        before = count_events(args.port, admin_key, recent, today)
        ingest = http_ingest(args.port, admin_key, batches, args.http_clients)
        posted = sum(b.count(b'"event_id"') for b in batches)
        started = time.monotonic()
        while count_events(args.port, admin_key, recent, today) != before + posted:
            if time.monotonic() - started > 120:
                raise RuntimeError("HTTP events did not become visible")
            time.sleep(0.1)
        assert count_events(args.port, admin_key, first, today) == args.events + posted
        results["http"] = {
            **ingest,
            "events": posted,
            "events_per_second": posted / ingest["seconds"],
            "visible_after_last_202_seconds": time.monotonic() - started,
        }
        results["server_peak_rss_bytes"] = server.peak_rss
        log(f"http: {results['http']}")

        top = httpx.post(
            f"http://127.0.0.1:{args.port}/api/v1/reports",
            json={
                "from": first.isoformat(),
                "to": today.isoformat(),
                "dimensions": ["campaign_id"],
                "metrics": ["impressions"],
                "order_by": "impressions",
                "order": "desc",
                "page_size": 1,
            },
            headers={"Authorization": f"Bearer {admin_key}"},
            timeout=120,
        ).json()["rows"][0]["campaign_id"]
        bodies = shapes(today, top)
        results["shapes"] = bodies
        results["http_reports"] = {
            name: http_report_latency(args.port, admin_key, body) for name, body in bodies.items()
        }
        log(f"reports over HTTP: {results['http_reports']}")
    finally:
        server.stop()

    store = AnalyticsStore(bench.data_dir / "analytics.duckdb")
    duck = DuckDBBackend(store)
    results["duckdb_engine"] = {
        name: engine_latency(duck, body, 20) for name, body in bodies.items()
    }
    log(f"DuckDB engine: {results['duckdb_engine']}")

    if not args.no_postgres:
        csv_path = args.workdir / "pg" / "events.csv"
        (args.workdir / "pg").mkdir()
        store.fetch(
            "COPY (SELECT event_id, type, ts, account_id, campaign_id, creative_id, stream_id, "
            "landing_id, offer_id, exchange, publisher_id, site_id, app_id, domain, bundle, "
            "page, spot_id, sub_id_1, sub_id_2, sub_id_3, sub_id_4, sub_id_5, country, region, "
            "city, device_type, os, os_version, browser, browser_version, language, carrier, "
            "connection_type, size, cost_micros, revenue_micros, click_id, auction_id, "
            f"user_key, ip, user_agent FROM events) TO '{csv_path}' (FORMAT csv, HEADER false)"
        )
        with postgres_cluster(args.workdir / "pg" / "cluster", args.pg_port) as dsn:
            log("loading the same rows into a plain PostgreSQL table")
            results["postgres_load_seconds"] = load_postgres(dsn, csv_path)
            pg = PostgresBackend(dsn)
            try:
                results["postgres_engine"] = {
                    name: engine_latency(pg, body, 5) for name, body in bodies.items()
                }
            finally:
                pg.close()
        results["ratio_postgres_over_duckdb"] = {
            name: results["postgres_engine"][name]["median_ms"]
            / results["duckdb_engine"][name]["median_ms"]
            for name in bodies
        }
        log(f"PostgreSQL engine: {results['postgres_engine']}")
    store.close()
    results["load_average_at_end"] = os.getloadavg()
    args.output.write_text(json.dumps(results, indent=2, default=str))
    print(summary(results))


def summary(r: dict[str, Any]) -> str:
    gib = 1024**3
    out = [
        "| figure | value | target |",
        "|---|---|---|",
        f"| events | {r['events']:,} | 10,000,000 |",
        "| import, read + validate + stage | "
        f"{r['import']['events_per_second_read_and_stage']:,.0f} events/s | >= 100,000 |",
        f"| import, until queryable | {r['import']['events_per_second_until_queryable']:,.0f} "
        "events/s | >= 100,000 |",
        f"| HTTP ingestion (batches of 1000) | {r['http']['events_per_second']:,.0f} events/s "
        "| >= 20,000 |",
        f"| visible after the last 202 | {r['http']['visible_after_last_202_seconds']:.2f} s "
        "| <= 2 s |",
        f"| server peak RSS | {r['server_peak_rss_bytes'] / gib:.2f} GiB | <= 2 GiB |",
    ]
    for name in r["duckdb_engine"]:
        line = (
            f"| {name}: DuckDB hot median | {r['duckdb_engine'][name]['median_ms']:.1f} ms "
            f"(HTTP {r['http_reports'][name]['median_ms']:.1f} ms) | <= 150 ms |"
        )
        out.append(line)
        if "ratio_postgres_over_duckdb" in r:
            out.append(
                f"| {name}: PostgreSQL / DuckDB | {r['ratio_postgres_over_duckdb'][name]:.1f}x "
                f"({r['postgres_engine'][name]['median_ms']:.0f} ms) | >= 10x |"
            )
    return "\n".join(out)


if __name__ == "__main__":
    main()
