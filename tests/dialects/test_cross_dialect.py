"""One campaign driven through its states, read through every dialect of a real server.

Each dialect renders the same core flags in its own vocabulary (ARCHITECTURE.md section 2):
native ``status``/``stop_reason``, Instal ``status``, Topsort ``isActive``/``status``,
TrafficStars ``status``/``approved``/``active``/``is_archived``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.support.native import SUBMITTABLE
from tests.support.server import LiveServer, LiveUser, new_user


@dataclass
class Reading:
    native: dict[str, Any]
    instal: dict[str, Any]
    topsort: httpx.Response
    trafficstars: dict[str, Any]


class Driver:
    """Moves one campaign between states through the native API and reads it everywhere."""

    def __init__(self, server: LiveServer, owner: LiveUser) -> None:
        self.server = server
        self.owner = owner
        self.http = httpx.Client(base_url=server.base_url, timeout=30)
        admin = {"Authorization": f"Bearer {server.admin_key}"}
        created = self.http.post(
            "/api/v1/campaigns",
            json={
                **SUBMITTABLE,
                "name": "Everywhere",
                "pricing_model": "cpc",
                "daily_budget": "25",
            },
            headers=owner.headers,
        )
        assert created.status_code == 201, created.text
        self.id = created.json()["id"]
        self.uuid = created.json()["uuid"]
        self.admin = admin

    def act(self, action: str, *, as_admin: bool = False) -> None:
        headers = self.admin if as_admin else self.owner.headers
        response = self.http.post(f"/api/v1/campaigns/{self.id}/{action}", headers=headers)
        assert response.is_success, response.text

    def patch(self, **fields: Any) -> None:
        response = self.http.patch(
            f"/api/v1/campaigns/{self.id}", json=fields, headers=self.owner.headers
        )
        assert response.is_success, response.text

    def read(self) -> Reading:
        key = self.owner.api_key
        native = self.http.get(f"/api/v1/campaigns/{self.id}", headers=self.owner.headers)
        instal = self.http.get(
            f"/instal/advertiser/api/v1/campaigns/{self.id}",
            headers={"Authorization": f"Token {key}"},
        )
        topsort = self.http.get(
            f"/topsort/public/v1/campaign-service/campaigns/{self.uuid}",
            headers={"Authorization": f"Bearer {key}"},
        )
        trafficstars = self.http.get(
            f"/trafficstars/v1.1/campaigns/{self.id}", headers={"Authorization": f"bearer {key}"}
        )
        for response in (native, instal, trafficstars):
            assert response.status_code == 200, response.text
        return Reading(native.json(), instal.json(), topsort, trafficstars.json())


@pytest.fixture
def driver(live_server: LiveServer) -> Iterator[Driver]:
    driver = Driver(live_server, new_user(live_server))
    try:
        yield driver
    finally:
        driver.http.close()


def test_one_campaign_reads_the_same_everywhere(driver: Driver) -> None:
    pending = driver.read()
    assert (pending.native["status"], pending.native["approval"]) == ("pending", "pending")
    assert pending.instal["status"] == "RUNNING"  # active and not rejected, as Instal derives it
    assert (pending.topsort.json()["isActive"], pending.topsort.json()["status"]) == (
        True,
        "pending",
    )
    assert (pending.trafficstars["status"], pending.trafficstars["approved"]) == (
        "unapproved",
        "pending",
    )

    driver.act("approve", as_admin=True)
    driver.act("pause")
    paused = driver.read()
    assert (paused.native["status"], paused.native["is_running"]) == ("paused", False)
    assert paused.instal["status"] == "PAUSED"
    assert (paused.topsort.json()["isActive"], paused.topsort.json()["status"]) == (
        False,
        "approved",
    )
    assert (paused.trafficstars["status"], paused.trafficstars["active"]) == ("paused", False)
    assert paused.trafficstars["approved"] == "approved"

    driver.act("run")
    running = driver.read()
    assert (running.native["status"], running.native["is_running"]) == ("active", True)
    assert running.native["stop_reason"] is None
    assert running.instal["status"] == "RUNNING"
    assert (running.topsort.json()["isActive"], running.topsort.json()["status"]) == (
        True,
        "approved",
    )
    assert (running.trafficstars["status"], running.trafficstars["active"]) == ("enabled", True)
    # The same campaign, the same money, in each dialect's units.
    assert running.instal["daily_cap"] == 25.0
    assert running.topsort.json()["budget"]["amount"] == 2500
    assert running.instal["campaign_type"] == "CPC" == running.topsort.json()["chargeType"]

    driver.act("reject", as_admin=True)
    rejected = driver.read()
    assert (rejected.native["status"], rejected.native["approval"]) == ("rejected", "rejected")
    assert rejected.instal["status"] == "REJECTED"
    assert rejected.topsort.json()["status"] == "rejected"
    assert (rejected.trafficstars["status"], rejected.trafficstars["approved"]) == (
        "rejected",
        "rejected",
    )

    driver.act("archive")
    archived = driver.read()
    assert (archived.native["status"], archived.native["is_archived"]) == ("archived", True)
    assert archived.instal["status"] == "DELETED"
    assert archived.topsort.status_code == 404  # deleted, for Topsort
    assert (archived.trafficstars["is_archived"], archived.trafficstars["active"]) == (True, False)

    driver.act("restore")
    driver.act("approve", as_admin=True)
    driver.act("run")
    driver.patch(end_at="2021-06-30T00:00:00Z")
    expired = driver.read()
    assert expired.native["status"] == "active"
    assert (expired.native["stop_reason"], expired.native["is_running"]) == ("ended", False)
    assert expired.native["ended"] is True
    assert expired.instal["status"] == "EXPIRED"
    assert expired.instal["stop_date"] == "2021-06-30T00:00:00Z"
    ended = expired.topsort.json()
    assert (ended["isActive"], ended["status"], ended["endDate"]) == (
        True,
        "approved",
        "2021-06-30T00:00:00Z",
    )
    assert (expired.trafficstars["approved"], expired.trafficstars["active"]) == ("approved", True)
    assert expired.trafficstars["is_archived"] is False
