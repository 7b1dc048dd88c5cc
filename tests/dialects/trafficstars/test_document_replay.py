"""Every request example of the TrafficStars document, replayed against a real server.

Ids in the document (campaign 1, spots 1, 2, 3, campaigns 123, 456, 789) are examples; the
replay uses the ids the server hands out. Each response is checked field by field against the
document's example response: every field present, with a type the document shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.dialects.trafficstars.helpers import (
    CREATE_BODY,
    EXAMPLES,
    assert_campaign_shape,
    assert_shape,
    bearer,
)
from tests.support.server import LiveServer, LiveUser, new_user

# Spot prices print ids as numbers; the document's "{id}" strings are URL placeholders.
PRICE_TYPES = {"campaign_id": {"number"}, "spot_id": {"number"}}


def _ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (response.request.url, response.text)
    return response.json() if response.content and status != 204 else None


@pytest.fixture
def ts(live_server: LiveServer) -> Iterator[httpx.Client]:
    """A client whose base URL is the dialect's, as a TrafficStars client is configured."""
    with httpx.Client(base_url=f"{live_server.base_url}/trafficstars", timeout=30) as client:
        yield client


def _access_token(ts: httpx.Client, user: LiveUser) -> str:
    # The document's curl: form-encoded grant with the API key as the refresh token.
    body = _ok(
        ts.post(
            "/v1/auth/token",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            data={"grant_type": "refresh_token", "refresh_token": user.api_key},
        )
    )
    assert_shape(body, EXAMPLES["token_from_api_key"])
    return str(body["access_token"])


def _inventory(live_server: LiveServer) -> tuple[list[int], list[int]]:
    """Three sites and three spots, made by the admin through the native API."""
    admin = {"Authorization": f"Bearer {live_server.admin_key}"}
    with httpx.Client(base_url=live_server.base_url, headers=admin, timeout=30) as http:
        sites = [
            _ok(http.post("/api/v1/sites", json={"name": n, "domain": f"{n}.example"}), 201)["id"]
            for n in ("alpha", "beta", "gamma")
        ]
        spots = [
            _ok(
                http.post(
                    "/api/v1/spots", json={"site_id": sites[0], "name": f"s{i}", "format_id": 1}
                ),
                201,
            )["id"]
            for i in range(3)
        ]
    return sites, spots


def test_auth_examples(live_server: LiveServer, ts: httpx.Client) -> None:
    user = new_user(live_server)
    access = _access_token(ts, user)

    info = _ok(ts.post("/v1/auth/info", headers={"Authorization": f"Bearer {access}"}))
    assert_shape(info, EXAMPLES["session_info"])
    assert info["access_token"] == access

    renewed = _ok(
        ts.post(
            "/v1/auth/token",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            data={"grant_type": "refresh_token", "refresh_token": info["refresh_token"]},
        )
    )
    assert_shape(renewed, EXAMPLES["token_from_refresh_token"])

    _ok(ts.get("/v1/auth/logout", headers=bearer(access)), 204)
    refused = ts.get("/v1.1/campaigns", headers=bearer(access))
    assert refused.status_code == 401
    still = ts.get("/v1.1/campaigns", headers=bearer(renewed["access_token"]))
    assert still.status_code == 200


def test_campaign_examples(live_server: LiveServer, ts: httpx.Client) -> None:
    user = new_user(live_server)
    h = {**bearer(_access_token(ts, user)), "Content-Type": "application/json"}

    draft = _ok(ts.post("/v1.1/campaigns/draft", json=CREATE_BODY, headers=h))
    assert_campaign_shape(draft, "create_draft")
    assert draft["status"] == "draft"

    created = _ok(ts.post("/v1.1/campaigns", json=CREATE_BODY, headers=h))
    assert_campaign_shape(created, "create_campaign")
    assert (created["name"], created["price"], created["weight"]) == ("My campaign", 0.1, 5)

    listed = _ok(ts.get("/v1.1/campaigns", headers=h))
    assert list(listed) == ["response"]
    assert {c["id"] for c in listed["response"]} == {draft["id"], created["id"]}
    for item in listed["response"]:
        assert_campaign_shape(item, "list_campaigns")

    got = _ok(ts.get(f"/v1.1/campaigns/{created['id']}", headers=h))
    assert_campaign_shape(got, "get_campaign")
    assert got == created

    saved = _ok(ts.post(f"/v1.1/campaigns/{created['id']}/save_as", json={"price": 0.2}, headers=h))
    assert_campaign_shape(saved, "save_as")
    assert (saved["price"], saved["name"]) == (0.2, "My campaign")
    assert saved["id"] not in (draft["id"], created["id"])

    edited_draft = _ok(
        ts.patch(f"/v1.1/campaigns/{draft['id']}/draft", json={"price": 0.2}, headers=h)
    )
    assert_campaign_shape(edited_draft, "edit_draft")
    assert edited_draft["price"] == 0.2

    edited = _ok(ts.patch(f"/v1.1/campaigns/{created['id']}", json={"price": 0.2}, headers=h))
    assert_campaign_shape(edited, "edit_campaign")
    assert edited["price"] == 0.2

    for action, active in (("pause", False), ("run", True)):
        switched = _ok(ts.put(f"/v1.1/campaigns/{created['id']}/{action}", headers=h))
        assert_campaign_shape(switched, "run_campaign")
        assert switched["active"] is active

    # The document's tracking example: clone with _rmodel=r1.
    cloned = _ok(ts.post(f"/v1.1/campaigns/{created['id']}/clone?_rmodel=r1", headers=h))
    assert_campaign_shape(cloned, "clone_campaign")
    assert cloned["name"] == f"My campaign, clone from ID {created['id']}"
    with httpx.Client(base_url=live_server.base_url, headers=user.headers) as native:
        history = _ok(native.get(f"/api/v1/campaigns/{cloned['id']}/history"))
    assert history["items"][-1]["tag"] == "r1"

    cloned_draft = _ok(ts.post(f"/v1.1/campaigns/{draft['id']}/clone/draft", headers=h))
    assert_campaign_shape(cloned_draft, "clone_draft")
    assert cloned_draft["status"] == "draft"

    spending = _ok(ts.get(f"/v1.1/campaigns/{created['id']}/spending", headers=h))
    assert_shape(spending, EXAMPLES["spending"])
    assert spending["id"] == created["id"]

    reasons = _ok(ts.get("/v1.1/campaigns/reject_reasons", headers=h))
    assert len(reasons) == 9
    for reason in reasons:
        assert_shape(reason, EXAMPLES["reject_reasons"][0])


def test_targeting_and_price_examples(live_server: LiveServer, ts: httpx.Client) -> None:
    user = new_user(live_server)
    h = {**bearer(_access_token(ts, user)), "Content-Type": "application/json"}
    sites, spots = _inventory(live_server)
    cid = _ok(ts.post("/v1.1/campaigns", json=CREATE_BODY, headers=h))["id"]

    for mode, dimension, ids in (
        ("include", "spots", spots),
        ("exclude", "spots", spots[:1]),
        ("include", "sites", sites),
        ("exclude", "sites", sites[2:]),
    ):
        response = ts.patch(
            f"/v1.1/campaigns/{cid}/targeting/{mode}/{dimension}", json={"ids": ids}, headers=h
        )
        assert (response.status_code, response.text) == (200, "OK")
    campaign = _ok(ts.get(f"/v1.1/campaigns/{cid}", headers=h))
    assert (campaign["spots"], campaign["exclude_spots"]) == (spots[1:], spots[:1])
    assert (campaign["sites"], campaign["exclude_sites"]) == (sites[:2], sites[2:])

    spot = spots[1]
    price = _ok(
        ts.post(f"/v1.1/campaigns/{cid}/spot/{spot}/price", json={"price": 0.0007}, headers=h)
    )
    assert_shape(price, EXAMPLES["set_price"], PRICE_TYPES)
    assert (price["campaign_id"], price["spot_id"], price["price"]) == (cid, spot, 0.0007)

    listed = _ok(ts.get(f"/v1.1/campaigns/{cid}/prices", headers=h))
    assert len(listed) == 1
    assert_shape(listed[0], EXAMPLES["list_prices"][0], PRICE_TYPES)

    single = _ok(ts.get(f"/v1.1/campaigns/{cid}/spot/{spot}/price", headers=h))
    assert_shape(single, EXAMPLES["get_price"], PRICE_TYPES)

    deleted = ts.delete(f"/v1.1/campaigns/{cid}/spot/{spot}/price", headers=h)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert _ok(ts.get(f"/v1.1/campaigns/{cid}/prices", headers=h)) == []


def test_v2_bulk_examples(live_server: LiveServer, ts: httpx.Client) -> None:
    user, stranger = new_user(live_server), new_user(live_server)
    h = {**bearer(_access_token(ts, user)), "Content-Type": "application/json"}
    first = _ok(ts.post("/v1.1/campaigns/draft", json=CREATE_BODY, headers=h))["id"]
    second = _ok(ts.post("/v1.1/campaigns/draft", json=CREATE_BODY, headers=h))["id"]
    theirs = _ok(
        ts.post("/v1.1/campaigns", json=CREATE_BODY, headers=bearer(_access_token(ts, stranger)))
    )["id"]
    # Like the document's [123, 456, 789]: two that succeed, one that fails.
    ids = [first, second, theirs]
    for action in ("publish", "run", "pause", "archive", "unarchive"):
        body = _ok(ts.put(f"/v2/campaigns/{action}", json={"campaign_ids": ids}, headers=h))
        assert_shape(body, EXAMPLES[f"bulk_{action}"])
        assert body == {"success": [first, second], "failed": [theirs], "total": 3}, action
