"""The Topsort document's example call, its rules and errors, against a real server.

The document's PATCH example is replayed on a banner campaign (``status`` applies to banner
campaigns only) with the marketplace (admin) key, which is the key a marketplace reviews
banners with. Placeholders (``"<unknown>"``, segment 123, the reviewer's UUID) are replaced
by real values; the example's own dates break the document's end-after-start rule, and that
refusal is checked too.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.support.server import LiveServer, LiveUser, new_user
from tests.support.wire import wire_body

BASE = "/topsort/public/v1/campaign-service/campaigns"
MODEL_FIELDS = [
    "campaignId",
    "marketplaceId",
    "name",
    "startDate",
    "endDate",
    "isActive",
    "isSmart",
    "campaignType",
    "status",
    "createdAt",
    "chargeType",
    "externalVendorId",
    "adFormat",
    "isAutoTrigger",
    "vendorId",
    "walletId",
    "bidCount",
    "budget",
    "statusUpdatedBy",
    "campaignBehaviorData",
    "campaignBehaviorDataByDay",
    "exclusivityPrice",
    "targetRoas",
    "externalCampaignId",
    "autobiddingObjective",
    "multiplierConfig",
    "targetingFilters",
    "exclusionFilters",
    "promotionType",
]
DOCUMENT_DATE = "2023-11-07T05:31:56Z"
DEFAULT_MARKETPLACE = "6b1f1f8e-3c2a-4d7e-9a51-0a6d2c1e8f00"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def example_body(segment_id: int, reviewer: str, external_id: str) -> dict[str, Any]:
    """The document's request body with its placeholders filled in."""
    return {
        "name": "Bola-Bola Ad campaign",
        "budget": {"amount": 5000, "type": "daily"},
        "startDate": DOCUMENT_DATE,
        "endDate": DOCUMENT_DATE,
        "isActive": True,
        "isSmart": True,
        "campaignType": "autobidding",
        "status": "approved",
        "statusUpdatedBy": reviewer,
        "isAutoTrigger": True,
        "targetRoas": 10.25,
        "externalCampaignId": external_id,
        "multiplierConfig": {
            "isActive": True,
            "multipliers": [{"type": "<string>", "segmentId": segment_id, "multiplier": 2}],
        },
        "targetingFilters": {
            "isActive": True,
            "targetingFilters": [{"type": "<string>", "segmentId": segment_id}],
        },
        "exclusionFilters": {
            "isActive": True,
            "exclusionFilters": [{"type": "<string>", "segmentId": segment_id}],
        },
        "chargeType": "CPM",
        "autobiddingObjective": "impressions",
        "productIds": ["<string>"],
        "bannerAdRejectionReason": {"declineReason": "<string>", "reasonDetails": "<string>"},
    }


@pytest.fixture
def vendor(live_server: LiveServer) -> LiveUser:
    return new_user(live_server)


@pytest.fixture
def admin_uuid(live_server: LiveServer) -> str:
    with httpx.Client(base_url=live_server.base_url, headers=bearer(live_server.admin_key)) as h:
        users = h.get("/api/v1/users", params={"page_size": 500}).json()["items"]
    return next(str(u["uuid"]) for u in users if u["email"] == "admin@live.test")


@pytest.fixture
def segment_id(live_server: LiveServer) -> int:
    with httpx.Client(base_url=live_server.base_url, headers=bearer(live_server.admin_key)) as h:
        created = h.post("/api/v1/segments", json={"name": "Buyers", "type": "user_segment"})
        assert created.status_code == 201, created.text
        return int(created.json()["id"])


def create(server: LiveServer, user: LiveUser, **body: Any) -> dict[str, Any]:
    response = httpx.post(
        f"{server.base_url}{BASE}", json={"name": "Banner", **body}, headers=bearer(user.api_key)
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def test_update_campaign_by_id(
    live_server: LiveServer, vendor: LiveUser, admin_uuid: str, segment_id: int
) -> None:
    campaign = create(live_server, vendor, adFormat="banner")
    external_id = f"ext-{uuid.uuid4().hex}"
    body = example_body(segment_id, admin_uuid, external_id)
    body["startDate"], body["endDate"] = "2030-11-07T05:31:56Z", "2030-12-07T05:31:56Z"
    response = httpx.patch(
        f"{live_server.base_url}{BASE}/{campaign['campaignId']}",
        json=body,
        headers=bearer(live_server.admin_key),
    )
    assert response.status_code == 200, response.text
    got = response.json()
    assert list(got) == MODEL_FIELDS
    wallet = got["walletId"]
    assert got == {
        "campaignId": campaign["campaignId"],
        "marketplaceId": DEFAULT_MARKETPLACE,
        "name": "Bola-Bola Ad campaign",
        "startDate": "2030-11-07T05:31:56Z",
        "endDate": "2030-12-07T05:31:56Z",
        "isActive": True,
        "isSmart": True,
        "campaignType": "autobidding",
        "status": "approved",
        "createdAt": campaign["createdAt"],
        "chargeType": "CPM",
        "externalVendorId": campaign["vendorId"],
        "adFormat": "banner",
        "isAutoTrigger": True,
        "vendorId": campaign["vendorId"],
        "walletId": wallet,
        "bidCount": 0,
        "budget": {
            "amount": 5000,
            "amountRemaining": 5000,
            "amountCarryover": 0,
            "amountUsed": 0,
            "type": "daily",
        },
        "statusUpdatedBy": admin_uuid,
        "campaignBehaviorData": None,
        "campaignBehaviorDataByDay": None,
        "exclusivityPrice": None,
        "targetRoas": 10.25,
        "externalCampaignId": external_id,
        "autobiddingObjective": "impressions",
        "multiplierConfig": body["multiplierConfig"],
        "targetingFilters": body["targetingFilters"],
        "exclusionFilters": body["exclusionFilters"],
        "promotionType": None,
    }
    uuid.UUID(wallet)
    # The same model comes back on a read, and the native API sees the same campaign.
    again = httpx.get(
        f"{live_server.base_url}{BASE}/{campaign['campaignId']}", headers=bearer(vendor.api_key)
    )
    assert wire_body(again) == got
    with httpx.Client(base_url=live_server.base_url, headers=vendor.headers) as native:
        account = native.get(f"/api/v1/accounts/{vendor.account_id}").json()
        assert (account["external_id"], account["wallet_uuid"]) == (got["vendorId"], wallet)
        campaigns = native.get("/api/v1/campaigns").json()["items"]
        mine = next(c for c in campaigns if c["uuid"] == campaign["campaignId"])
        assert mine["approval"] == "approved"
        assert mine["daily_budget"] == "50.000000"


def test_the_examples_own_dates_break_the_end_after_start_rule(
    live_server: LiveServer, vendor: LiveUser, admin_uuid: str, segment_id: int
) -> None:
    campaign = create(live_server, vendor, adFormat="banner")
    response = httpx.patch(
        f"{live_server.base_url}{BASE}/{campaign['campaignId']}",
        json=example_body(segment_id, admin_uuid, f"ext-{uuid.uuid4().hex}"),
        headers=bearer(live_server.admin_key),
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "endDate"]
    assert "after startDate" in error["msg"]
    unchanged = httpx.get(
        f"{live_server.base_url}{BASE}/{campaign['campaignId']}", headers=bearer(vendor.api_key)
    ).json()
    assert unchanged["name"] == "Banner"
    assert unchanged["status"] == "pending"


def test_a_start_date_in_the_past_becomes_now(live_server: LiveServer, vendor: LiveUser) -> None:
    campaign = create(live_server, vendor)
    response = httpx.patch(
        f"{live_server.base_url}{BASE}/{campaign['campaignId']}",
        json={"startDate": DOCUMENT_DATE},
        headers=bearer(vendor.api_key),
    )
    assert response.status_code == 200, response.text
    assert response.json()["startDate"] > "2026-01-01"
    assert response.json()["startDate"] >= campaign["createdAt"]


RULES: list[tuple[dict[str, Any], str]] = [
    ({"name": ""}, "name"),
    ({"targetRoas": 0.4}, "targetRoas"),
    ({"targetRoas": 20.5}, "targetRoas"),
    ({"campaignType": "manual"}, "campaignType"),
    ({"status": "approved"}, "status"),
    ({"productIds": ["p1"]}, "productIds"),
    ({"chargeType": "CPX"}, "chargeType"),
    ({"autobiddingObjective": "clicks"}, "autobiddingObjective"),
    ({"budget": {"amount": 100, "type": "yearly"}}, "budget"),
    ({"targetingFilters": {"targetingFilters": [{"segmentId": 999999999}]}}, "targetingFilters"),
]


def test_each_documented_rule_is_a_422_naming_the_field(
    live_server: LiveServer, vendor: LiveUser
) -> None:
    # A listing campaign on manual bidding: status, productIds and the objective do not apply.
    campaign = create(live_server, vendor, adFormat="listing")
    for body, field in RULES:
        response = httpx.patch(
            f"{live_server.base_url}{BASE}/{campaign['campaignId']}",
            json=body,
            headers=bearer(live_server.admin_key),
        )
        assert response.status_code == 422, response.text
        errors = response.json()["detail"]
        assert field in [e["loc"][1] for e in errors], errors
        assert all(e["msg"] for e in errors)


def test_external_campaign_id_is_unique_per_ad_format(
    live_server: LiveServer, vendor: LiveUser
) -> None:
    external_id = f"ext-{uuid.uuid4().hex}"
    create(live_server, vendor, adFormat="listing", externalCampaignId=external_id)
    create(live_server, vendor, adFormat="banner", externalCampaignId=external_id)
    other = create(live_server, vendor, adFormat="listing")
    response = httpx.patch(
        f"{live_server.base_url}{BASE}/{other['campaignId']}",
        json={"externalCampaignId": external_id},
        headers=bearer(vendor.api_key),
    )
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["body", "externalCampaignId"]]


def test_an_unknown_or_foreign_campaign_is_not_found(
    live_server: LiveServer, vendor: LiveUser
) -> None:
    campaign = create(live_server, vendor)
    stranger = new_user(live_server)
    for campaign_id in (campaign["campaignId"], str(uuid.uuid4())):
        url = f"{live_server.base_url}{BASE}/{campaign_id}"
        for response in (
            httpx.get(url, headers=bearer(stranger.api_key)),
            httpx.patch(url, json={"name": "Mine"}, headers=bearer(stranger.api_key)),
        ):
            assert response.status_code == 404
            assert set(wire_body(response)) == {"detail"}


def test_two_vendors_list_only_their_own_campaigns(
    live_server: LiveServer, vendor: LiveUser
) -> None:
    mine = create(live_server, vendor)
    other = new_user(live_server)
    theirs = create(live_server, other)
    listed = httpx.get(f"{live_server.base_url}{BASE}", headers=bearer(vendor.api_key)).json()
    assert [c["campaignId"] for c in listed["campaigns"]] == [mine["campaignId"]]
    assert (listed["hasMore"], listed["next"]) == (False, None)
    marketplace = httpx.get(
        f"{live_server.base_url}{BASE}",
        params={"vendor_id": theirs["vendorId"]},
        headers=bearer(live_server.admin_key),
    ).json()
    assert [c["campaignId"] for c in marketplace["campaigns"]] == [theirs["campaignId"]]


def test_a_missing_or_wrong_api_key_is_a_401(live_server: LiveServer) -> None:
    url = f"{live_server.base_url}{BASE}"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Token x"}):
        response = httpx.get(url, headers=headers)
        assert response.status_code == 401
        assert set(wire_body(response)) == {"detail"}
        assert response.headers["www-authenticate"] == "Bearer"


def test_malformed_json_is_a_422_not_a_500(live_server: LiveServer, vendor: LiveUser) -> None:
    campaign = create(live_server, vendor)
    response = httpx.patch(
        f"{live_server.base_url}{BASE}/{campaign['campaignId']}",
        content=b'{"name": ',
        headers={**bearer(vendor.api_key), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "json_invalid"
