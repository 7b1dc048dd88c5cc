"""SmartyAds campaigns CRUD over the core: every documented field, targeting codes, tenancy."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.dialects.smartyads.helpers import BASE
from tests.support.wire import wire_body

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("document_examples.json")).read_text()
)
# The document's dates lie in 2024: a past start reads as "now" in the core and a past end
# before it is refused, so the examples are replayed in a year that has not come yet.
FUTURE_YEAR = "2031"


def create_body() -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(EXAMPLES["3.3"]["request"])
    for key in ("dateStart", "dateEnd"):
        body[key] = FUTURE_YEAR + body[key][4:]
    return body


async def _create(client: httpx.AsyncClient, actor: Actor, **extra: Any) -> dict[str, Any]:
    response = await client.post(
        f"{BASE}/campaigns", json={**create_body(), **extra}, headers=actor.headers
    )
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


@pytest.mark.usefixtures("document_carriers")
async def test_create_echoes_every_field_sent_and_answers_all_64(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    sent = create_body()
    data = await _create(client, advertiser)
    for key, value in sent.items():
        assert data[key] == value, key
    assert set(data) == set(EXAMPLES["3.2"]["response"]["data"])
    assert len(data) == 64
    assert data["isActive"] is False
    assert data["isRunning"] is False
    assert data["extendedStatus"] == "Campaign is not active"
    assert data["userId"] == advertiser.user_id


@pytest.mark.usefixtures("document_carriers")
async def test_targeting_is_stored_as_catalogue_codes(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    data = await _create(client, advertiser, browser=["Mozilla", "Yandex"])
    native = await client.get(f"/api/v1/campaigns/{data['id']}", headers=advertiser.headers)
    assert native.status_code == 200, native.text
    t = native.json()["targeting"]
    assert t["oses"]["include"] == ["android", "ios"]
    assert "android 8.0" in t["os_versions"]["include"]
    assert t["connection_types"]["include"] == [
        "ethernet",
        "cellular",
        "cellular_3g",
        "cellular_4g",
        "wifi",
    ]
    assert t["browsers"]["include"] == ["firefox", "yandex_browser"]
    assert t["carriers"]["exclude"] == ["isp_green_stiedemann", "isp_simonis_inc"]
    assert t["categories"]["exclude"] == ["IAB1", "IAB3"]
    assert native.json()["pacing"] == "asap"
    assert native.json()["advertiser_domain"] == "leffler.com"


async def test_the_list_pages_and_the_get_shows_the_whole_object(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    ids = []
    for index in range(3):
        made = await client.post(
            f"{BASE}/campaigns",
            json={"type": "native", "name": f"c{index}", "aDomain": "a.com"},
            headers=advertiser.headers,
        )
        assert made.status_code == 200, made.text
        ids.append(made.json()["data"]["id"])
    listed = await client.get(f"{BASE}/campaigns", headers=advertiser.headers)
    assert listed.status_code == 200
    body = listed.json()
    assert [c["id"] for c in body["data"]] == ids
    assert set(body["data"][0]) == set(EXAMPLES["3.1"]["response"]["data"][0])
    assert body["meta"] == {
        "pagination": {
            "total": 3,
            "count": 3,
            "per_page": 15,
            "current_page": 1,
            "total_pages": 1,
            "links": [],
        }
    }
    second = await client.get(
        f"{BASE}/campaigns", params={"page": 2, "per_page": 2}, headers=advertiser.headers
    )
    assert [c["id"] for c in second.json()["data"]] == ids[2:]
    one = await client.get(f"{BASE}/campaigns/{ids[0]}", headers=advertiser.headers)
    assert set(one.json()["data"]) == set(EXAMPLES["3.2"]["response"]["data"])


async def test_patch_changes_only_what_it_sends(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "video", "name": "before", "aDomain": "a.com", "geoCountries": ["US"]},
        headers=advertiser.headers,
    )
    cid = made.json()["data"]["id"]
    patched = await client.patch(
        f"{BASE}/campaigns/{cid}",
        json={"name": "Updated Campaign #3", "geoCountriesIsInclude": False, "isActive": False},
        headers=advertiser.headers,
    )
    assert patched.status_code == 200, patched.text
    data = patched.json()["data"]
    assert data["name"] == "Updated Campaign #3"
    assert data["geoCountries"] == ["US"]
    assert data["geoCountriesIsInclude"] is False
    assert data["isActive"] is False
    assert data["type"] == "video"


async def test_switching_on_an_incomplete_campaign_is_refused_naming_what_it_lacks(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "video", "name": "bare", "aDomain": "a.com"},
        headers=advertiser.headers,
    )
    cid = made.json()["data"]["id"]
    refused = await client.patch(
        f"{BASE}/campaigns/{cid}", json={"isActive": True}, headers=advertiser.headers
    )
    assert refused.status_code == 422, refused.text
    assert {"cpm", "spentDailyLimit"} <= set(refused.json()["errors"])
    after = await client.get(f"{BASE}/campaigns/{cid}", headers=advertiser.headers)
    assert after.json()["data"]["isActive"] is False


async def test_delete_answers_an_empty_object_and_the_campaign_is_gone(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "banner", "name": "gone", "aDomain": "a.com"},
        headers=advertiser.headers,
    )
    cid = made.json()["data"]["id"]
    deleted = await client.request(
        "DELETE",
        f"{BASE}/campaigns/{cid}",
        content=b"{}",
        headers={**advertiser.headers, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert deleted.status_code == 200, deleted.text
    assert deleted.json() == {}
    again = await client.get(f"{BASE}/campaigns/{cid}", headers=advertiser.headers)
    assert again.status_code == 404
    listed = await client.get(f"{BASE}/campaigns", headers=advertiser.headers)
    assert listed.json()["data"] == []


async def test_another_accounts_campaign_answers_like_a_missing_one(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "banner", "name": "mine", "aDomain": "a.com"},
        headers=advertiser.headers,
    )
    cid = made.json()["data"]["id"]
    for method, body in (("GET", None), ("PATCH", {"name": "theirs"}), ("DELETE", None)):
        foreign = await client.request(
            method, f"{BASE}/campaigns/{cid}", json=body, headers=other_advertiser.headers
        )
        missing = await client.request(
            method, f"{BASE}/campaigns/999999", json=body, headers=other_advertiser.headers
        )
        assert foreign.status_code == missing.status_code == 404
        assert wire_body(foreign)["errors"] == wire_body(missing)["errors"] == {}
    theirs = await client.get(f"{BASE}/campaigns", headers=other_advertiser.headers)
    assert theirs.json()["data"] == []
    mine = await client.get(f"{BASE}/campaigns/{cid}", headers=advertiser.headers)
    assert mine.json()["data"]["name"] == "mine"


async def test_use_cpm_lives_in_the_smartyads_extension_document(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "banner", "name": "ext", "aDomain": "a.com", "useCpm": True, "cpm": 1.5},
        headers=advertiser.headers,
    )
    assert made.status_code == 200, made.text
    data = made.json()["data"]
    assert data["useCpm"] is True
    assert data["cpm"] == 1.5
    native = await client.get(f"/api/v1/campaigns/{data['id']}", headers=advertiser.headers)
    assert native.json()["extensions"]["smartyads"] == {
        "use_cpm": True,
        "analytics_tracking_code": None,
    }
    patched = await client.patch(
        f"{BASE}/campaigns/{data['id']}", json={"useCpm": False}, headers=advertiser.headers
    )
    assert patched.json()["data"]["useCpm"] is False
    renamed = await client.patch(
        f"{BASE}/campaigns/{data['id']}", json={"name": "kept"}, headers=advertiser.headers
    )
    assert renamed.json()["data"]["useCpm"] is False


async def test_the_analytics_tracking_code_lives_in_the_smartyads_extension_document(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={
            "type": "banner",
            "name": "ga",
            "aDomain": "a.com",
            "googleAnalyticsTrackingCode": "UA-1234-5",
        },
        headers=advertiser.headers,
    )
    assert made.status_code == 200, made.text
    data = made.json()["data"]
    assert data["googleAnalyticsTrackingCode"] == "UA-1234-5"
    native = await client.get(f"/api/v1/campaigns/{data['id']}", headers=advertiser.headers)
    assert "analytics_tracking_code" not in native.json()
    assert native.json()["extensions"]["smartyads"]["analytics_tracking_code"] == "UA-1234-5"
    # A write that does not send the code keeps it, and one that sends it changes only it.
    kept = await client.patch(
        f"{BASE}/campaigns/{data['id']}", json={"useCpm": True}, headers=advertiser.headers
    )
    assert kept.json()["data"]["googleAnalyticsTrackingCode"] == "UA-1234-5"
    cleared = await client.patch(
        f"{BASE}/campaigns/{data['id']}",
        json={"googleAnalyticsTrackingCode": ""},
        headers=advertiser.headers,
    )
    assert cleared.json()["data"]["googleAnalyticsTrackingCode"] is None
    assert cleared.json()["data"]["useCpm"] is True
    refused = await client.post(
        "/api/v1/campaigns",
        json={"name": "native", "analytics_tracking_code": "UA-1"},
        headers=advertiser.headers,
    )
    assert refused.status_code == 422, refused.text


async def test_a_complete_campaign_of_a_type_can_be_approved_and_runs(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor
) -> None:
    made = await client.post(
        f"{BASE}/campaigns",
        json={
            "type": "video",
            "name": "ready",
            "aDomain": "a.com",
            "cpm": 1.5,
            "spentDailyLimit": 20,
            "isActive": True,
        },
        headers=advertiser.headers,
    )
    assert made.status_code == 200, made.text
    cid = made.json()["data"]["id"]
    approved = await client.post(f"/api/v1/campaigns/{cid}/approve", headers=admin.headers)
    assert approved.status_code == 200, approved.text
    # SmartyAds names no format or hours: the video format, at every hour.
    assert (approved.json()["format_id"], approved.json()["day_parting"]) == (63, "1" * 168)
    assert approved.json()["is_running"] is True
