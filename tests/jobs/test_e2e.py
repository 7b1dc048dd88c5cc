"""The job in a real ``adplane serve`` with a one-second interval: a rule fires on posted
events within a bounded wait, exactly once; ``adplane jobs run-once`` refuses to run beside it."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from adplane.kit.time import utcnow
from tests.conftest import _database_url
from tests.support.server import BIN, LiveServer, new_user, server_env

WAIT_SECONDS = 60


@pytest.fixture(scope="module")
def jobs_server(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp(f"jobs-{backend}")
    url = _database_url(
        backend, tmp, lambda: request.getfixturevalue("postgres_cluster"), "adplane_jobs"
    )
    (tmp / "data").mkdir(exist_ok=True)
    server = LiveServer(server_env(tmp / "data", url, ADPLANE_JOBS_INTERVAL_SECONDS="1"))
    server.create_admin()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _ok(response: httpx.Response) -> Any:
    assert response.status_code < 300, response.text
    return response.json()


def _event(campaign_id: int, domain: str, kind: str = "impression") -> dict[str, Any]:
    ts = (utcnow() - timedelta(seconds=30)).isoformat().replace("+00:00", "Z")
    return {
        "event_id": uuid.uuid4().hex,
        "type": kind,
        "ts": ts,
        "campaign_id": campaign_id,
        "domain": domain,
    }


def test_a_rule_adds_the_offending_source_once_within_the_wait(jobs_server: LiveServer) -> None:
    user = new_user(jobs_server)
    with httpx.Client(base_url=jobs_server.base_url + "/api/v1", headers=user.headers) as http:
        target = _ok(
            http.post("/filterlists", json={"name": "bad", "type": "domains", "mode": "black"})
        )
        rule = _ok(
            http.post(
                "/rules",
                json={
                    "name": "No clicks",
                    "lookback_days": 1,
                    "conditions": [
                        {"metric": "impressions", "operator": ">", "value": "4"},
                        {"join": "and", "metric": "ctr", "operator": "<", "value": "0.5"},
                    ],
                    "action": "blacklist",
                    "target_list_id": target["id"],
                },
            )
        )
        campaign = _ok(http.post("/campaigns", json={"name": "Watched"}))
        _ok(http.put(f"/campaigns/{campaign['id']}/rule", json={"rule_id": rule["id"]}))
        events = [_event(campaign["id"], "offender.example") for _ in range(5)]
        _ok(http.post("/events", json={"events": events}))

        deadline = time.monotonic() + WAIT_SECONDS
        items: list[str] = []
        while time.monotonic() < deadline:
            items = _ok(http.get(f"/filterlists/{target['id']}/items"))["items"]
            if items:
                break
            time.sleep(0.5)
        assert items == ["offender.example"]
        fired = _ok(http.get(f"/rules/{rule['id']}/history"))["items"]
        assert [(f["source"], f["campaign_id"]) for f in fired] == [
            ("offender.example", campaign["id"])
        ]
        # More ticks and more of the same events: never a second item nor a second entry.
        _ok(http.post("/events", json={"events": [_event(campaign["id"], "offender.example")]}))
        time.sleep(3.5)
        assert _ok(http.get(f"/filterlists/{target['id']}/items"))["items"] == ["offender.example"]
        assert _ok(http.get(f"/rules/{rule['id']}/history"))["total"] == 1


def test_run_once_refuses_while_the_server_runs_the_jobs(jobs_server: LiveServer) -> None:
    done = subprocess.run(
        [str(BIN), "jobs", "run-once"],
        env=jobs_server.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "a server is running on this data directory" in done.stderr


def test_run_once_runs_one_tick_without_a_server(tmp_path: Any) -> None:
    import json

    env = server_env(tmp_path / "data", f"sqlite+aiosqlite:///{tmp_path / 'once.sqlite3'}")
    done = subprocess.run(
        [str(BIN), "jobs", "run-once"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "rules_evaluated": 0,
        "rules_failed": 0,
        "sources_added": 0,
        "state_changes": 0,
        "sweep_failed": None,
        "spend_postings": 0,
        "billing_failed": None,
    }
