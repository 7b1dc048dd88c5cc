"""A real server killed with SIGKILL while clients post: nothing acknowledged is lost or doubled.

The clients post batches of unique events from several threads. The server is killed in the
middle; batches that got no answer are retried after the restart (retrying is safe: event ids
make it idempotent). In the end the reports count exactly the acknowledged events.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.server import LiveServer, new_user, server_env

# Timing-sensitive (deadlines, a server killed mid-write): one worker runs all of the "timing"
# group, one test after another, so these never load each other (docs/testing.md).
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("timing")]

BATCH = 400
CLIENTS = 4


@dataclass
class Ledger:
    acknowledged: list[list[dict[str, Any]]] = field(default_factory=list)
    unanswered: list[list[dict[str, Any]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def batch(campaign_id: int, prefix: str, number: int) -> list[dict[str, Any]]:
    return [
        {
            "event_id": f"{prefix}-{number}-{i}",
            "type": "impression",
            "ts": "2026-03-10T12:00:00Z",
            "campaign_id": campaign_id,
            "cost": "0.001",
        }
        for i in range(BATCH)
    ]


def post_until_killed(
    server: LiveServer, headers: dict[str, str], campaign_id: int, ledger: Ledger, stop: Any
) -> None:
    prefix = uuid.uuid4().hex[:8]
    number = 0
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=10) as http:
        while not stop.is_set():
            events = batch(campaign_id, prefix, number)
            number += 1
            try:
                response = http.post("/api/v1/events", json={"events": events})
            except httpx.HTTPError:
                with ledger.lock:
                    ledger.unanswered.append(events)
                return
            with ledger.lock:
                if response.status_code == 202:
                    ledger.acknowledged.append(events)
                else:
                    ledger.unanswered.append(events)
                    return


def counted(server: LiveServer, headers: dict[str, str]) -> int:
    response = httpx.post(
        f"{server.base_url}/api/v1/reports",
        json={"from": "2026-03-10", "to": "2026-03-10", "metrics": ["impressions", "spend"]},
        headers=headers,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return int(response.json()["totals"]["impressions"])


def settled_count(server: LiveServer, headers: dict[str, str], expected: int) -> int:
    """The reported count once loading has caught up (bounded wait)."""
    deadline = time.monotonic() + 15
    value = counted(server, headers)
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        value = counted(server, headers)
    return value


def test_a_server_killed_mid_ingestion_counts_every_acknowledged_event_once(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    server = LiveServer(server_env(data, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"))
    server.create_admin()
    server.start()
    try:
        owner = new_user(server)
        with httpx.Client(base_url=server.base_url, headers=owner.headers, timeout=30) as http:
            created = http.post("/api/v1/campaigns", json={"name": "Killed mid-flight"})
            assert created.status_code == 201, created.text
        campaign_id = created.json()["id"]

        ledger = Ledger()
        stop = threading.Event()
        clients = [
            threading.Thread(
                target=post_until_killed, args=(server, owner.headers, campaign_id, ledger, stop)
            )
            for _ in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 20
        while len(ledger.acknowledged) < 12 and time.monotonic() < deadline:
            time.sleep(0.02)
        # Somewhere inside the next group commits, not at a fixed point.
        time.sleep(random.uniform(0, 0.05))
        server.kill()
        stop.set()
        for client in clients:
            client.join(timeout=30)
        acknowledged = sum(len(b) for b in ledger.acknowledged)
        in_flight = sum(len(b) for b in ledger.unanswered)
        assert acknowledged >= 12 * BATCH

        server.start()
        # Every acknowledged event survived; unanswered ones may or may not have.
        before_retry = settled_count(server, owner.headers, acknowledged)
        assert acknowledged <= before_retry <= acknowledged + in_flight

        with httpx.Client(base_url=server.base_url, headers=owner.headers, timeout=30) as http:
            for events in ledger.unanswered:
                response = http.post("/api/v1/events", json={"events": events})
                assert response.status_code == 202, response.text
                ledger.acknowledged.append(events)
            total = sum(len(b) for b in ledger.acknowledged)
            assert settled_count(server, owner.headers, total) == total

            # Replaying what was acknowledged adds nothing, however often.
            replay = http.post("/api/v1/events", json={"events": ledger.acknowledged[0]})
            assert replay.json() == {"accepted": BATCH, "duplicates": BATCH}
        assert settled_count(server, owner.headers, total) == total

        # And once more across a restart: the log and DuckDB agree after a clean stop.
        server.stop()
        server.start()
        assert counted(server, owner.headers) == total
    finally:
        server.stop()


def test_an_acknowledged_event_is_in_reports_within_two_seconds(
    live_server: LiveServer,
) -> None:
    owner = new_user(live_server)
    with httpx.Client(base_url=live_server.base_url, headers=owner.headers, timeout=30) as http:
        campaign = http.post("/api/v1/campaigns", json={"name": "Fresh"}).json()
        events = batch(campaign["id"], uuid.uuid4().hex[:8], 0)
        assert http.post("/api/v1/events", json={"events": events}).status_code == 202
        acknowledged = time.monotonic()
        while counted(live_server, owner.headers) < BATCH:
            assert time.monotonic() - acknowledged <= 2.0
            time.sleep(0.05)
