"""An event id is unique per account, never across accounts (issue 9, defect 1).

Against a real ``adplane serve`` on each backend: another advertiser having used an id first
neither makes it a duplicate for this one nor keeps this one's event out of its reports.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import pytest

from tests.support.server import LiveServer, LiveUser, new_user

pytestmark = pytest.mark.e2e

DAY = "2026-04-02"


def one_event(event_id: str, campaign_id: int, cost: str) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "type": "impression",
        "ts": f"{DAY}T09:30:00Z",
        "campaign_id": campaign_id,
        "cost": cost,
    }


def post(server: LiveServer, headers: dict[str, str], events: list[dict[str, Any]]) -> Any:
    response = httpx.post(
        f"{server.base_url}/api/v1/events", json={"events": events}, headers=headers, timeout=30
    )
    assert response.status_code == 202, response.text
    return response.json()


def totals(server: LiveServer, user: LiveUser) -> dict[str, Any]:
    response = httpx.post(
        f"{server.base_url}/api/v1/reports",
        json={"from": DAY, "to": DAY, "metrics": ["impressions", "spend"]},
        headers=user.headers,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["totals"]
    return result


def settled(server: LiveServer, user: LiveUser, impressions: int) -> dict[str, Any]:
    """The user's totals once loading has caught up with ``impressions`` (bounded wait)."""
    deadline = time.monotonic() + 15
    seen = totals(server, user)
    while seen["impressions"] != impressions and time.monotonic() < deadline:
        time.sleep(0.1)
        seen = totals(server, user)
    return seen


def campaign_of(server: LiveServer, user: LiveUser) -> int:
    response = httpx.post(
        f"{server.base_url}/api/v1/campaigns",
        json={"name": f"ids {uuid.uuid4().hex[:6]}"},
        headers=user.headers,
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_an_id_used_by_another_account_is_new_for_this_one(live_server: LiveServer) -> None:
    a, b = new_user(live_server), new_user(live_server)
    a_campaign, b_campaign = campaign_of(live_server, a), campaign_of(live_server, b)
    shared = f"shared-{uuid.uuid4().hex}"

    assert post(live_server, b.headers, [one_event(shared, b_campaign, "0.5")]) == {
        "accepted": 1,
        "duplicates": 0,
    }
    # Before B's event is loaded (it is still in the log) and after.
    assert post(live_server, a.headers, [one_event(shared, a_campaign, "0.25")]) == {
        "accepted": 1,
        "duplicates": 0,
    }
    assert settled(live_server, a, 1) == {"impressions": 1, "spend": 0.25}
    assert settled(live_server, b, 1) == {"impressions": 1, "spend": 0.5}
    later = f"later-{uuid.uuid4().hex}"
    assert post(live_server, b.headers, [one_event(later, b_campaign, "1")])["duplicates"] == 0
    assert settled(live_server, b, 2)["impressions"] == 2
    assert post(live_server, a.headers, [one_event(later, a_campaign, "1")])["duplicates"] == 0
    assert settled(live_server, a, 2) == {"impressions": 2, "spend": 1.25}

    # Within one account the id stays the idempotency key, loaded or not.
    again = post(live_server, a.headers, [one_event(shared, a_campaign, "0.25")])
    assert again == {"accepted": 1, "duplicates": 1}
    assert settled(live_server, a, 2) == {"impressions": 2, "spend": 1.25}
    assert settled(live_server, b, 2) == {"impressions": 2, "spend": 1.5}


def test_an_admin_batch_may_carry_one_id_for_two_accounts(live_server: LiveServer) -> None:
    a, b = new_user(live_server), new_user(live_server)
    a_campaign, b_campaign = campaign_of(live_server, a), campaign_of(live_server, b)
    admin = {"Authorization": f"Bearer {live_server.admin_key}"}
    shared = f"admin-{uuid.uuid4().hex}"
    batch = [
        one_event(shared, a_campaign, "0.1"),
        one_event(shared, b_campaign, "0.2"),
        # Another campaign of the same account: the same key, so a duplicate.
        one_event(shared, campaign_of(live_server, a), "0.3"),
    ]
    assert post(live_server, admin, batch) == {"accepted": 3, "duplicates": 1}
    assert settled(live_server, a, 1) == {"impressions": 1, "spend": 0.1}
    assert settled(live_server, b, 1) == {"impressions": 1, "spend": 0.2}
