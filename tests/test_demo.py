"""``adplane demo``: its figures come from simulated exchange traffic, not generated events."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from adplane.kit.time import utcnow
from tests.support.postgres import free_port
from tests.support.server import LiveServer, cli
from tests.test_cli import demo_keys, sqlite_env

pytestmark = pytest.mark.e2e


def test_the_demo_buys_simulated_traffic_and_reports_it(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    out = cli(
        env,
        "demo",
        "--no-serve",
        "--traffic-seconds",
        "6",
        "--traffic-qps",
        "60",
        "--port",
        str(free_port()),
    )
    assert "demo traffic done" in out.stdout
    state = json.loads((tmp_path / "data" / "demo.json").read_text())
    figures = state["traffic"]["figures"]
    # At most 60 a second for 6 seconds; fewer when the machine cannot keep the pace (the
    # simulator paces by the clock and does not catch up), which is not what this tests.
    assert 0 < figures["requests"] <= 360
    assert figures["errors"] == 0
    assert figures["wins"] > 0
    assert figures["impressions"] > 0
    _, alice, _ = demo_keys(out.stdout)

    server = LiveServer(env)
    server.start()
    try:
        today = utcnow().date()
        report = httpx.post(
            f"{server.base_url}/api/v1/reports",
            json={
                "from": (today - timedelta(days=30)).isoformat(),
                "to": (today + timedelta(days=1)).isoformat(),
                "dimensions": ["date"],
                "metrics": ["wins", "impressions", "spend"],
            },
            headers={"Authorization": f"Bearer {alice}"},
            timeout=30,
        )
        me = httpx.get(
            f"{server.base_url}/api/v1/me", headers={"Authorization": f"Bearer {alice}"}
        ).json()
        account = httpx.get(
            f"{server.base_url}/api/v1/accounts/{me['account_id']}",
            headers={"Authorization": f"Bearer {alice}"},
        ).json()
    finally:
        server.stop()
    assert report.status_code == 200, report.text
    body = report.json()
    totals = body["totals"]
    # Bids are not events (docs/delivery.md): the simulator counted them, the report cannot.
    assert totals["wins"] > 0
    assert totals["impressions"] > 0
    assert Decimal(str(totals["spend"])) > 0
    # The demo posted the traffic's spend: the wallet fell by exactly what the report shows.
    assert Decimal(account["balance"]) == Decimal("5000") - Decimal(str(totals["spend"]))
    # Only today's real bids: no weeks of generated history behind them.
    assert [row["date"] for row in body["rows"]] == [today.isoformat()]
