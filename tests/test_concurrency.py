"""Concurrent readers and writers against a real server: no "database is locked", no 5xx.

Requests that only read (authentication, campaign reads, reports, event ingestion) must not
take SQLite's write lock, and writes must still take turns safely. See ``kit/db.py``.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.server import LiveServer, LiveUser, new_user, server_env

# Timing-sensitive (deadlines, a server killed mid-write): one worker runs all of the "timing"
# group, one test after another, so these never load each other (docs/testing.md).
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("timing")]

CLIENTS = 8
ROUNDS = 6
DAY = "2026-05-04"


def events(campaign_id: int, count: int) -> list[dict[str, Any]]:
    prefix = uuid.uuid4().hex[:10]
    return [
        {
            "event_id": f"{prefix}-{i}",
            "type": "impression" if i % 5 else "click",
            "ts": f"{DAY}T{i % 24:02d}:15:00Z",
            "campaign_id": campaign_id,
            "country": ("US", "DE", "GB", "FR")[i % 4],
            "cost": "0.002",
        }
        for i in range(count)
    ]


REPORT = {
    "from": DAY,
    "to": DAY,
    "dimensions": ["country"],
    "metrics": ["impressions", "clicks", "spend", "ctr", "ecpm"],
    "order_by": "impressions",
    "order": "desc",
    "page_size": 50,
}


class Client:
    """One keep-alive client of one advertiser, with a campaign of its own."""

    def __init__(self, server: LiveServer, user: LiveUser) -> None:
        self.http = httpx.Client(base_url=server.base_url, headers=user.headers, timeout=60)
        created = self.http.post("/api/v1/campaigns", json={"name": "Concurrent"})
        assert created.status_code == 201, created.text
        self.campaign_id = int(created.json()["id"])
        self.responses: list[httpx.Response] = []

    def call(self, method: str, path: str, **kwargs: Any) -> None:
        self.responses.append(self.http.request(method, path, **kwargs))

    def report(self) -> None:
        self.call("POST", "/api/v1/reports", json=REPORT)

    def read(self) -> None:
        self.call("GET", f"/api/v1/campaigns/{self.campaign_id}")
        self.call("GET", "/api/v1/campaigns", params={"page_size": 20})

    def ingest(self) -> None:
        self.call("POST", "/api/v1/events", json={"events": events(self.campaign_id, 50)})

    def write(self, round_: int) -> None:
        self.call(
            "PATCH", f"/api/v1/campaigns/{self.campaign_id}", json={"name": f"Round {round_}"}
        )
        self.call("POST", "/api/v1/campaigns", json={"name": f"Extra {round_}"})


def clients(server: LiveServer) -> list[Client]:
    made = [Client(server, new_user(server)) for _ in range(CLIENTS)]
    with httpx.Client(base_url=server.base_url, headers=made[0].http.headers) as http:
        response = http.post("/api/v1/events", json={"events": events(made[0].campaign_id, 2000)})
        assert response.status_code == 202, response.text
    return made


def run_all(work: list[Callable[[], None]]) -> None:
    start = threading.Barrier(len(work))

    def go(job: Callable[[], None]) -> None:
        start.wait()
        job()

    with ThreadPoolExecutor(len(work)) as pool:
        for future in [pool.submit(go, job) for job in work]:
            future.result()


def assert_no_errors(made: list[Client], server: LiveServer) -> None:
    responses = [r for c in made for r in c.responses]
    assert responses
    failed = [(r.request.method, r.request.url.path, r.status_code, r.text) for r in responses]
    failed = [f for f in failed if not 200 <= f[2] < 300]
    assert failed == []
    assert not any("database is locked" in r.text for r in responses)
    log = Path(server.env["ADPLANE_DATA_DIR"]) / f"server-{server.port}.log"
    assert "database is locked" not in log.read_text(errors="replace")


def test_eight_concurrent_readers_and_writers_get_no_error(live_server: LiveServer) -> None:
    made = clients(live_server)

    def mixed(client: Client, index: int) -> Callable[[], None]:
        def job() -> None:
            for round_ in range(ROUNDS):
                # Half the clients lead with writes, half with reads, so they overlap.
                if (index + round_) % 2:
                    client.write(round_)
                    client.report()
                    client.read()
                else:
                    client.report()
                    client.read()
                    client.ingest()
                    client.write(round_)

        return job

    run_all([mixed(c, i) for i, c in enumerate(made)])
    assert_no_errors(made, live_server)
    for client in made:
        final = client.http.get(f"/api/v1/campaigns/{client.campaign_id}")
        assert final.json()["name"] == f"Round {ROUNDS - 1}"
        client.http.close()


def test_reads_go_on_while_another_connection_holds_the_sqlite_write_lock(
    tmp_path: Path,
) -> None:
    database = tmp_path / "control.sqlite3"
    (tmp_path / "data").mkdir()
    server = LiveServer(server_env(tmp_path / "data", f"sqlite+aiosqlite:///{database}"))
    server.create_admin()
    server.start()
    try:
        made = clients(server)
        # Every key has been used just now, so no request records a use (a write) again.
        for client in made:
            client.read()
        holder = sqlite3.connect(database, isolation_level=None, timeout=30)
        holder.execute("BEGIN IMMEDIATE")
        try:
            # Each read would wait for this lock if it took it; the timeout (well under the
            # server's busy_timeout) turns that wait into a failure.
            for client in made:
                client.http.timeout = httpx.Timeout(5)
            run_all([job for c in made for job in (c.report, c.read, c.ingest)])
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert_no_errors(made, server)
        # And writes still work once the lock is free.
        for client in made:
            client.write(0)
            client.http.close()
        assert_no_errors(made, server)
    finally:
        server.stop()
