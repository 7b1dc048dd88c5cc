"""A campaign made through SmartyAds, changed through the native API, read by TrafficStars."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Actor
from tests.dialects.smartyads.helpers import BASE


@pytest.mark.usefixtures("document_carriers")
async def test_smartyads_then_native_then_trafficstars(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={
            "type": "banner",
            "name": "Everywhere",
            "aDomain": "shop.example",
            "geoCountries": ["US", "DE"],
            "OS": ["Android 8.0", "iOS"],
            "browser": ["Chrome"],
            "spentDailyLimit": 25,
            "cpm": 1.5,
            "dateEnd": "2031-10-06",
        },
        headers=advertiser.headers,
    )
    assert made.status_code == 200, made.text
    cid = made.json()["data"]["id"]

    native = await client.get(f"/api/v1/campaigns/{cid}", headers=advertiser.headers)
    assert native.status_code == 200
    core = native.json()
    assert core["targeting"]["countries"]["include"] == ["US", "DE"]
    assert core["targeting"]["oses"]["include"] == ["android", "ios"]
    assert core["daily_budget"] in ("25", "25.000000", 25)
    changed = await client.patch(
        f"/api/v1/campaigns/{cid}",
        json={"name": "Renamed natively", "daily_budget": "40"},
        headers=advertiser.headers,
    )
    assert changed.status_code == 200, changed.text

    ts = await client.get(f"/trafficstars/v1.1/campaigns/{cid}", headers=advertiser.headers)
    assert ts.status_code == 200, ts.text
    body = ts.json()
    assert body["name"] == "Renamed natively"
    assert body["max_daily"] == 40
    assert body["countries"] == ["US", "DE"]
    # TrafficStars numbers catalogue values: Chrome is browser 1.
    assert body["browsers"] == [1]

    back = await client.get(f"{BASE}/campaigns/{cid}", headers=advertiser.headers)
    data = back.json()["data"]
    assert data["name"] == "Renamed natively"
    assert data["spentDailyLimit"] == 40
    assert data["geoCountries"] == ["US", "DE"]
    assert data["OS"] == ["Android 8.0", "iOS"]
    assert data["cpm"] == 1.5
