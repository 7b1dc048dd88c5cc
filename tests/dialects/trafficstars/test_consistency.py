"""A campaign created through TrafficStars reads the same through the native API at each step."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx

from tests.conftest import Actor
from tests.dialects.trafficstars.helpers import BASE, bearer, create

C = f"{BASE}/v1.1/campaigns"


async def _both(
    client: httpx.AsyncClient, advertiser: Actor, cid: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    ts = await client.get(f"{C}/{cid}", headers=bearer(advertiser.api_key))
    native = await client.get(f"/api/v1/campaigns/{cid}", headers=advertiser.headers)
    assert ts.status_code == native.status_code == 200
    return ts.json(), native.json()


def _same_campaign(ts: dict[str, Any], native: dict[str, Any]) -> None:
    assert ts["id"] == native["id"]
    assert ts["name"] == native["name"]
    assert Decimal(str(ts["price"])) == Decimal(native["bid_price"])
    assert Decimal(str(ts["max_daily"])) == Decimal(native["daily_budget"])
    assert ts["hours_targeting"] == native["day_parting"]
    assert ts["format_id"] == native["format_id"]
    assert ts["pricing_model"] == native["pricing_model"]
    assert ts["enabled_subids"] == native["targeting"]["sub_ids"]["include"]
    assert ts["approved"] == native["approval"]
    assert ts["active"] == native["is_active"]
    assert ts["is_archived"] == native["is_archived"]
    assert ts["no_funds"] == native["no_funds"]
    assert ts["reject_reason"] == (native["reject_reason_codes"] or None)


async def test_a_campaign_reads_consistently_through_the_native_api(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor
) -> None:
    h = bearer(advertiser.api_key)
    cid = (await create(client, h))["id"]
    ts, native = await _both(client, advertiser, cid)
    _same_campaign(ts, native)
    assert (ts["status"], native["status"]) == ("unapproved", "pending")

    await client.post(f"/api/v1/campaigns/{cid}/approve", headers=admin.headers)
    ts, native = await _both(client, advertiser, cid)
    _same_campaign(ts, native)
    assert (ts["status"], native["status"], native["is_running"]) == ("enabled", "active", True)

    paused = await client.put(f"{C}/{cid}/pause", headers=h)
    assert paused.status_code == 200
    ts, native = await _both(client, advertiser, cid)
    _same_campaign(ts, native)
    assert (ts["status"], native["status"], native["is_running"]) == ("paused", "paused", False)

    archived = await client.put(
        f"{BASE}/v2/campaigns/archive", json={"campaign_ids": [cid]}, headers=h
    )
    assert archived.json()["success"] == [cid]
    ts, native = await _both(client, advertiser, cid)
    _same_campaign(ts, native)
    assert (ts["is_archived"], native["status"]) == (True, "archived")
    assert (await client.get(C, headers=h)).json()["response"] == []
    native_list = await client.get("/api/v1/campaigns", headers=advertiser.headers)
    assert native_list.json()["items"] == []

    await client.put(f"{BASE}/v2/campaigns/unarchive", json={"campaign_ids": [cid]}, headers=h)
    rejected = await client.post(
        f"/api/v1/campaigns/{cid}/reject",
        json={"reason_codes": [5], "comment": "click trap"},
        headers=admin.headers,
    )
    assert rejected.status_code == 200, rejected.text
    ts, native = await _both(client, advertiser, cid)
    _same_campaign(ts, native)
    assert (ts["status"], ts["approved"], native["status"]) == ("rejected", "rejected", "rejected")
    assert (ts["reject_reason"], ts["reject_comment"]) == ([5], "click trap")

    # An edit through the native API shows through TrafficStars.
    await client.patch(
        f"/api/v1/campaigns/{cid}", json={"bid_price": "0.25"}, headers=advertiser.headers
    )
    ts, native = await _both(client, advertiser, cid)
    _same_campaign(ts, native)
    assert (ts["price"], ts["status"]) == (0.25, "unapproved")
