"""``adplane simulate`` against a real server: its traffic buys, and the reports show it."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import time
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from PIL import Image

from adplane.delivery.simulate import Rates, SimulationConfig, TrafficShape, simulate
from adplane.kit.time import utcnow
from tests.support.native import API, SUBMITTABLE
from tests.support.server import BIN, LiveServer, new_user

pytestmark = pytest.mark.e2e

DESTINATION = "https://shop.example/landing?click={CLICK_ID}"
# Generous rates, so a few seconds of traffic click and convert for sure.
RATES = Rates(no_competition_ppm=500_000, render_ppm=1_000_000, ctr_ppm=250_000, cvr_ppm=500_000)


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(out, format="PNG")
    return out.getvalue()


async def running_campaign(http: httpx.AsyncClient, server: LiveServer) -> dict[str, Any]:
    """An advertiser's approved, running CPM campaign with approved banners of two sizes."""
    user = new_user(server, deposit="1000")
    owner = {"Authorization": f"Bearer {user.api_key}"}
    admin = {"Authorization": f"Bearer {server.admin_key}"}
    now = utcnow()
    campaign = await http.post(
        f"{API}/campaigns",
        json={
            "name": "simulated traffic",
            **SUBMITTABLE,
            "bid_price": "4.00",
            "daily_budget": "500",
            "destination_url": DESTINATION,
            "start_at": (now - timedelta(hours=1)).isoformat(),
            "end_at": (now + timedelta(days=2)).isoformat(),
        },
        headers=owner,
    )
    assert campaign.status_code == 201, campaign.text
    campaign_id = campaign.json()["id"]
    creative_ids = []
    for width, height in ((300, 250), (728, 90), (320, 50)):
        upload = await http.post(
            f"{API}/media",
            files={"file": (f"b{width}x{height}.png", png(width, height), "image/png")},
            headers=owner,
        )
        assert upload.status_code == 201, upload.text
        creative = await http.post(
            f"{API}/creatives",
            json={
                "name": f"banner {width}x{height}",
                "content": {
                    "variant": "banner_image",
                    "media_id": upload.json()["id"],
                    "click_url": DESTINATION,
                },
                "advertiser_domain": "shop.example",
                "categories": ["IAB22"],
            },
            headers=owner,
        )
        assert creative.status_code == 201, creative.text
        creative_ids.append(creative.json()["id"])
        reviewed = await http.post(
            f"{API}/creatives/{creative_ids[-1]}/review",
            json={"approval": "approved"},
            headers=admin,
        )
        assert reviewed.status_code == 200, reviewed.text
    assigned = await http.put(
        f"{API}/campaigns/{campaign_id}/creatives", json={"ids": creative_ids}, headers=owner
    )
    assert assigned.status_code == 200, assigned.text
    approved = await http.post(f"{API}/campaigns/{campaign_id}/approve", headers=admin)
    assert approved.status_code == 200, approved.text
    return {"id": campaign_id, "headers": owner, "account_id": user.account_id}


async def report(
    http: httpx.AsyncClient, headers: dict[str, str], campaign_id: int
) -> dict[str, Any]:
    today = utcnow().date()
    response = await http.post(
        f"{API}/reports",
        json={
            "from": (today - timedelta(days=1)).isoformat(),
            "to": (today + timedelta(days=1)).isoformat(),
            "metrics": ["wins", "impressions", "clicks", "conversions", "spend"],
            "filters": {"campaign_id": campaign_id},
        },
        headers=headers,
    )
    assert response.status_code == 200, response.text
    totals: dict[str, Any] = response.json()["totals"]
    return totals


async def test_simulated_traffic_buys_and_shows_in_the_native_report(
    live_server: LiveServer,
) -> None:
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as http:
        campaign = await running_campaign(http, live_server)
        # Only US desktop and phone banner traffic, most of it in the campaign's sizes.
        shape = TrafficShape(app_percent=0, ctv_percent=0, native_percent=0, video_percent=0)
        config = SimulationConfig(
            qps=150, duration=3, url=live_server.base_url, seed=11, rates=RATES, shape=shape
        )
        result = await simulate(config)
        assert result.errors == 0, result.error_samples
        assert result.bids > 0
        assert result.wins > 0
        assert result.impressions > 0
        assert result.clicks > 0
        assert result.spend > 0

        deadline = time.monotonic() + 20
        totals = await report(http, campaign["headers"], campaign["id"])
        while time.monotonic() < deadline and not (totals["clicks"] and totals["impressions"]):
            await asyncio.sleep(0.5)  # the event log loads into the report store in batches
            totals = await report(http, campaign["headers"], campaign["id"])
    # Bids are not events (docs/delivery.md): the simulator counted them, the report cannot.
    assert totals["wins"] > 0
    assert totals["impressions"] > 0
    assert totals["clicks"] > 0
    assert Decimal(str(totals["spend"])) > 0


def test_the_command_prints_its_figures_as_json(live_server: LiveServer) -> None:
    command = ["simulate", "--qps", "40", "--duration", "1", "--seed", "3", "--json"]
    out = subprocess.run(
        [str(BIN), *command, "--url", live_server.base_url],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    figures = json.loads(out.stdout)
    assert figures["seed"] == 3
    assert figures["requests"] == 40
    assert figures["errors"] == 0
    assert figures["bids"] + figures["no_bids"] >= 40
