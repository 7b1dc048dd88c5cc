"""Issue 9, defect 2, against a real ``adplane serve`` on both backends: a NUL character anywhere
in a request (JSON body, query string, path, form body) is a 4xx in the surface's own error
shape, and nothing changes. PostgreSQL used to answer 500 and SQLite used to store the NUL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.server import LiveServer, LiveUser, new_user
from tests.support.wire import wire_body

TS = "/trafficstars/v1.1/campaigns"
TS_BODY: dict[str, Any] = {
    "name": "Clean",
    "format_id": 1,
    "pricing_model": "cpm",
    "price": 0.123456,
    "max_daily": 1000,
    "hours_targeting": "111111111111111111",
    "enabled_subids": ["subID_1"],
}
TOPSORT = "/topsort/public/v1/campaign-service/campaigns"
INSTAL = "/instal/advertiser/api/v1/campaigns"


@pytest.fixture
def user(live_server: LiveServer) -> LiveUser:
    return new_user(live_server)


@pytest.fixture
def http(live_server: LiveServer, user: LiveUser) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.base_url, headers=user.headers, timeout=30) as client:
        yield client


@pytest.fixture
def campaign(http: httpx.Client) -> dict[str, Any]:
    created = http.post(TS, json=TS_BODY)
    assert created.status_code == 200, created.text
    body: dict[str, Any] = created.json()
    return body


def assert_ts_error(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text
    body = wire_body(response)
    assert set(body) == {"code", "error", "message", "errors"}
    assert body["error"] == "validation_failed"
    assert [e["field"].split(".")[0] for e in body["errors"]] == [field]


def snapshot(http: httpx.Client) -> list[dict[str, Any]]:
    listed = http.get(TS)
    assert listed.status_code == 200, listed.text
    items: list[dict[str, Any]] = listed.json()["response"]
    return items


def test_a_price_keeps_its_six_decimals_through_trafficstars(
    http: httpx.Client, campaign: dict[str, Any]
) -> None:
    assert campaign["price"] == 0.123456
    got = http.get(f"{TS}/{campaign['id']}").json()
    assert got["price"] == 0.123456


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "a\u0000b"), ("enabled_subids", ["ok", "a\u0000b"])],
)
def test_a_nul_in_a_trafficstars_create_is_refused(
    http: httpx.Client, campaign: dict[str, Any], field: str, value: Any
) -> None:
    before = snapshot(http)
    assert_ts_error(http.post(TS, json={**TS_BODY, field: value}), field)
    assert snapshot(http) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "a\u0000b"), ("enabled_subids", ["a\u0000b"])],
)
def test_a_nul_in_a_trafficstars_patch_is_refused(
    http: httpx.Client, campaign: dict[str, Any], field: str, value: Any
) -> None:
    before = snapshot(http)
    assert_ts_error(http.patch(f"{TS}/{campaign['id']}", json={field: value}), field)
    assert snapshot(http) == before


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", TS),
        ("GET", TS + "/{id}"),
        ("PATCH", TS + "/{id}"),
        ("PUT", TS + "/{id}/pause"),
        ("GET", TS + "/{id}/prices"),
    ],
)
def test_a_nul_in_rmodel_is_refused_on_any_trafficstars_route(
    http: httpx.Client, campaign: dict[str, Any], method: str, path: str
) -> None:
    before = snapshot(http)
    body = {"name": "renamed"} if method == "PATCH" else None
    response = http.request(method, path.format(id=campaign["id"]) + "?_rmodel=a%00b", json=body)
    assert_ts_error(response, "_rmodel")
    assert snapshot(http) == before


def test_a_nul_in_a_trafficstars_path_is_refused(
    http: httpx.Client, campaign: dict[str, Any]
) -> None:
    before = snapshot(http)
    response = http.put(f"{TS}/{campaign['id']}/pa%00use")
    assert 400 <= response.status_code < 500, response.text
    assert set(wire_body(response)) == {"code", "error", "message", "errors"}
    assert snapshot(http) == before


def test_a_nul_in_a_token_form_is_refused(live_server: LiveServer, user: LiveUser) -> None:
    response = httpx.post(
        f"{live_server.base_url}/trafficstars/v1/auth/token",
        content=f"grant_type=refresh_token&refresh_token={user.api_key}%00".encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert 400 <= response.status_code < 500, response.text
    assert set(wire_body(response)) == {"code", "error", "message", "errors"}


def test_a_nul_in_a_native_query_is_a_problem(http: httpx.Client) -> None:
    response = http.get("/api/v1/campaigns", params={"q": "a\u0000b"})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["field"] == "q"


def test_a_nul_in_a_native_body_changes_nothing(http: httpx.Client) -> None:
    before = http.get("/api/v1/campaigns").json()["total"]
    response = http.post("/api/v1/campaigns", json={"name": "a\u0000b"})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "name"
    assert http.get("/api/v1/campaigns").json()["total"] == before


def test_a_nul_in_an_event_id_is_refused_and_not_stored(
    http: httpx.Client, campaign: dict[str, Any]
) -> None:
    event = {
        "event_id": "nul\u0000id",
        "type": "impression",
        "ts": "2026-01-01T00:00:00Z",
        "campaign_id": campaign["id"],
    }
    response = http.post("/api/v1/events", json={"events": [event]})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"].startswith("events.0.event_id")
    # Had the NUL been stored (or cut off at the NUL), "nul" would now be a duplicate.
    clean = http.post("/api/v1/events", json={"events": [{**event, "event_id": "nul"}]})
    assert clean.status_code == 202, clean.text
    assert clean.json() == {"accepted": 1, "duplicates": 0}


def test_a_nul_in_a_topsort_body_is_a_fastapi_422(http: httpx.Client) -> None:
    before = http.get("/api/v1/campaigns").json()["total"]
    response = http.post(TOPSORT, json={"name": "a\u0000b"})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "name"]
    assert http.get("/api/v1/campaigns").json()["total"] == before


def test_a_nul_in_an_instal_query_is_a_drf_400(live_server: LiveServer, user: LiveUser) -> None:
    response = httpx.get(
        f"{live_server.base_url}{INSTAL}?status=a%00b",
        headers={"Authorization": f"Token {user.api_key}"},
    )
    assert response.status_code == 400, response.text
    assert list(wire_body(response)) == ["status"]
