"""Every example and every documented error of the Instal document, against a real server.

The document's values are examples: the campaign is created through the native API with the
example's settings, then read back through ``/instal`` exactly as the document's curl calls
read it.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.native import SUBMITTABLE
from tests.support.server import LiveServer, LiveUser, new_user
from tests.support.wire import wire_body

BASE = "/instal/advertiser/api/v1"
DOCUMENTED_FIELDS = {
    "application": str,
    "budget": float,
    "campaign_type": str,
    "countries": dict,
    "daily_cap": float,
    "destination_url": str,
    "id": int,
    "is_incentivized": bool,
    "name": str,
    "os": str,
    "os_min_version": float,
    "payout": float,
    "restrictions": dict,
    "start_date": str,
    "status": str,
    "stop_date": str,
}
EXAMPLE_SETTINGS: dict[str, Any] = {
    "name": "My campaign",
    "total_budget": "1000.0",
    "daily_budget": "10.0",
    "pricing_model": "cpi",
    "targeting": {
        "countries": {"include": ["IT", "US"]},
        "oses": {"include": ["android"]},
        "os_min_version": "7.0",
    },
    "destination_url": "http://www.trackurl.com/var={CLICK_ID}",
    "payout": "1.0",
    "restriction_ids": [9],
    "start_at": "2030-04-10T13:57:59Z",
    "end_at": "2030-04-13T08:00:00Z",
    # Instal's own fields: its extension document, which the native API writes.
    "extensions": {"instal": {"application_name": "My application", "is_incentivized": False}},
}
ADULT = {
    "name": "Adult traffic",
    "description": "Any type of traffic related to adult, porn or sexy contents is not allowed.",
}
NOT_PROVIDED = {"detail": "Authentication credentials were not provided."}


def token(user: LiveUser) -> dict[str, str]:
    return {"Authorization": f"Token {user.api_key}"}


def admin_headers(server: LiveServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.admin_key}"}


def native_campaign(server: LiveServer, user: LiveUser, **fields: Any) -> dict[str, Any]:
    with httpx.Client(base_url=server.base_url, headers=user.headers, timeout=30) as http:
        body = {"name": "Campaign", **SUBMITTABLE, **fields}
        created = http.post("/api/v1/campaigns", json=body)
        assert created.status_code == 201, created.text
        made: dict[str, Any] = created.json()
    return made


def approve(server: LiveServer, campaign_id: int) -> None:
    with httpx.Client(base_url=server.base_url, headers=admin_headers(server)) as http:
        http.post(f"/api/v1/campaigns/{campaign_id}/approve").raise_for_status()


@pytest.fixture
def example(live_server: LiveServer) -> tuple[LiveUser, dict[str, Any]]:
    """An advertiser with the document's example campaign, approved and running."""
    user = new_user(live_server)
    campaign = native_campaign(live_server, user, **EXAMPLE_SETTINGS)
    approve(live_server, campaign["id"])
    return user, campaign


def expected_example(campaign_id: int) -> dict[str, Any]:
    return {
        "application": "My application",
        "budget": 1000.0,
        "campaign_type": "CPI",
        "countries": {"IT": "Italy", "US": "United States"},
        "daily_cap": 10.0,
        "destination_url": "http://www.trackurl.com/var={CLICK_ID}",
        "id": campaign_id,
        "is_incentivized": False,
        "name": "My campaign",
        "os": "ANDROID",
        "os_min_version": 7.0,
        "payout": 1.0,
        "restrictions": {"9": ADULT},
        "start_date": "2030-04-10T13:57:59Z",
        "status": "RUNNING",
        "stop_date": "2030-04-13T08:00:00Z",
    }


def test_list_all_campaigns(
    live_server: LiveServer, example: tuple[LiveUser, dict[str, Any]]
) -> None:
    user, campaign = example
    response = httpx.get(f"{live_server.base_url}{BASE}/campaigns", headers=token(user))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["count", "next", "numpages", "previous", "results"]
    assert body == {
        "count": 1,
        "next": None,
        "numpages": 1,
        "previous": None,
        "results": [expected_example(campaign["id"])],
    }


def test_every_documented_attribute_has_its_documented_type(
    live_server: LiveServer, example: tuple[LiveUser, dict[str, Any]]
) -> None:
    user, _ = example
    body = httpx.get(f"{live_server.base_url}{BASE}/campaigns", headers=token(user)).json()
    item = body["results"][0]
    assert set(item) == set(DOCUMENTED_FIELDS)
    for name, kind in DOCUMENTED_FIELDS.items():
        assert type(item[name]) is kind, name
    for code, restriction in item["restrictions"].items():
        assert code.isdigit()
        assert set(restriction) == {"name", "description"}


def test_sample_call_filters_running_campaigns(
    live_server: LiveServer, example: tuple[LiveUser, dict[str, Any]]
) -> None:
    user, campaign = example
    paused = native_campaign(live_server, user, name="Paused")
    with httpx.Client(base_url=live_server.base_url, headers=user.headers) as http:
        http.post(f"/api/v1/campaigns/{paused['id']}/pause").raise_for_status()
    # curl -H "Authorization: Token <auth_token>" '.../advertiser/api/v1/campaigns?status=RUNNING'
    running = httpx.get(
        f"{live_server.base_url}{BASE}/campaigns?status=RUNNING", headers=token(user)
    ).json()
    assert [c["id"] for c in running["results"]] == [campaign["id"]]
    assert running["count"] == 1
    everything = httpx.get(f"{live_server.base_url}{BASE}/campaigns", headers=token(user)).json()
    assert [c["id"] for c in everything["results"]] == [campaign["id"], paused["id"]]
    assert [c["status"] for c in everything["results"]] == ["RUNNING", "PAUSED"]


def test_single_campaign(live_server: LiveServer, example: tuple[LiveUser, dict[str, Any]]) -> None:
    user, campaign = example
    response = httpx.get(
        f"{live_server.base_url}{BASE}/campaigns/{campaign['id']}", headers=token(user)
    )
    assert response.status_code == 200
    assert wire_body(response) == expected_example(campaign["id"])


def test_single_campaign_sample_call_path(
    live_server: LiveServer, example: tuple[LiveUser, dict[str, Any]]
) -> None:
    user, campaign = example
    # curl -H "Authorization: Token <auth_token>" '.../advertiser/api/v1/42'
    response = httpx.get(f"{live_server.base_url}{BASE}/{campaign['id']}", headers=token(user))
    assert response.status_code == 200
    assert wire_body(response) == expected_example(campaign["id"])


@pytest.mark.parametrize("path", ["/campaigns", "/campaigns/1", "/1"])
def test_403_without_credentials(live_server: LiveServer, path: str) -> None:
    response = httpx.get(f"{live_server.base_url}{BASE}{path}")
    assert response.status_code == 403
    assert wire_body(response) == NOT_PROVIDED


def test_403_for_another_credential_scheme(live_server: LiveServer) -> None:
    user = new_user(live_server, deposit=None)
    for header in ("Bearer {key}", "Api-Key {key}", "{key}"):
        response = httpx.get(
            f"{live_server.base_url}{BASE}/campaigns",
            headers={"Authorization": header.format(key=user.api_key)},
        )
        assert response.status_code == 403, header
        assert wire_body(response) == NOT_PROVIDED


def test_403_for_a_wrong_token(live_server: LiveServer) -> None:
    response = httpx.get(
        f"{live_server.base_url}{BASE}/campaigns", headers={"Authorization": "Token wrong"}
    )
    assert response.status_code == 403
    assert wire_body(response) == {"detail": "Invalid token."}


def test_403_for_a_user_not_linked_to_an_account(live_server: LiveServer) -> None:
    admin = new_user(live_server, role="admin", deposit=None)
    assert admin.account_id is None
    response = httpx.get(f"{live_server.base_url}{BASE}/campaigns", headers=token(admin))
    assert response.status_code == 403
    assert wire_body(response) == NOT_PROVIDED


def test_400_for_a_wrong_status(live_server: LiveServer) -> None:
    user = new_user(live_server, deposit=None)
    response = httpx.get(
        f"{live_server.base_url}{BASE}/campaigns?status=WrongStatus", headers=token(user)
    )
    assert response.status_code == 400
    assert wire_body(response) == {
        "status": ["Select a valid choice. WrongStatus is not one of the available choices."]
    }


def test_404_for_no_campaign_with_given_id(live_server: LiveServer) -> None:
    user = new_user(live_server, deposit=None)
    for path in ("/campaigns/999999999", "/999999999", "/campaigns/abc"):
        response = httpx.get(f"{live_server.base_url}{BASE}{path}", headers=token(user))
        assert response.status_code == 404, path
        assert wire_body(response) == {"detail": "Not found"}


def test_405_only_get_is_allowed(
    live_server: LiveServer, example: tuple[LiveUser, dict[str, Any]]
) -> None:
    user, campaign = example
    for path in ("/campaigns", f"/campaigns/{campaign['id']}", f"/{campaign['id']}"):
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            url = f"{live_server.base_url}{BASE}{path}"
            response = httpx.request(method, url, headers=token(user), json={"name": "x"})
            assert response.status_code == 405, (method, path)
            assert wire_body(response) == {"detail": f'Method "{method}" not allowed.'}
    unchanged = httpx.get(f"{live_server.base_url}{BASE}/campaigns", headers=token(user)).json()
    assert unchanged["results"] == [expected_example(campaign["id"])]


def test_405_comes_after_authentication(live_server: LiveServer) -> None:
    response = httpx.post(f"{live_server.base_url}{BASE}/campaigns", json={})
    assert response.status_code == 403
    assert wire_body(response) == NOT_PROVIDED


def test_two_accounts_see_only_their_own_campaigns(
    live_server: LiveServer, example: tuple[LiveUser, dict[str, Any]]
) -> None:
    owner, campaign = example
    other = new_user(live_server)
    theirs = native_campaign(live_server, other, name="Theirs")
    base = live_server.base_url
    own_list = httpx.get(f"{base}{BASE}/campaigns", headers=token(owner)).json()
    other_list = httpx.get(f"{base}{BASE}/campaigns", headers=token(other)).json()
    assert [c["id"] for c in own_list["results"]] == [campaign["id"]]
    assert [c["id"] for c in other_list["results"]] == [theirs["id"]]
    for path in (f"/campaigns/{campaign['id']}", f"/{campaign['id']}"):
        response = httpx.get(f"{base}{BASE}{path}", headers=token(other))
        assert response.status_code == 404
        assert wire_body(response) == {"detail": "Not found"}


def test_pagination_links_are_absolute_and_keep_the_query(live_server: LiveServer) -> None:
    user = new_user(live_server, deposit=None)
    ids = [native_campaign(live_server, user, name=f"C{i}")["id"] for i in range(12)]
    base = f"{live_server.base_url}{BASE}/campaigns"
    first = httpx.get(f"{base}?status=NOTDELETED", headers=token(user)).json()
    assert (first["count"], first["numpages"], first["previous"]) == (12, 2, None)
    assert [c["id"] for c in first["results"]] == ids[:10]
    assert first["next"] == f"{base}?page=2&status=NOTDELETED"
    second = httpx.get(first["next"], headers=token(user)).json()
    assert [c["id"] for c in second["results"]] == ids[10:]
    assert second["next"] is None
    assert second["previous"] == f"{base}?status=NOTDELETED"
    assert httpx.get(second["previous"], headers=token(user)).json() == first
