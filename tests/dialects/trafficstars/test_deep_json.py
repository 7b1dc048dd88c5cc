"""A body nested past the parser's depth bound is a 400 in the TrafficStars shape, never a
500, against a real server; the token endpoint reads JSON itself and is checked as well."""

from __future__ import annotations

import httpx
import pytest

from adplane.kit.routing import MAX_JSON_DEPTH
from tests.support.server import LiveServer, new_user
from tests.support.wire import wire_body

DEEP = [
    "[" * 100_000,
    "{" + '"a":{' * 100_000,
    '{"grant_type": ' + "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1) + "}",
]


@pytest.mark.parametrize("body", DEEP, ids=["arrays", "objects", "just-past-the-bound"])
@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
def test_deeply_nested_json_at_the_token_endpoint_is_a_400(
    live_server: LiveServer, body: str, content_type: str
) -> None:
    response = httpx.post(
        f"{live_server.base_url}/trafficstars/v1/auth/token",
        content=body,
        headers={"Content-Type": content_type},
        timeout=30,
    )
    assert response.status_code == 400, response.text
    assert wire_body(response) == {
        "code": 400,
        "error": "invalid_request",
        "message": "the request body is not valid JSON",
        "errors": [],
    }


@pytest.mark.parametrize("body", DEEP[:2], ids=["arrays", "objects"])
def test_deeply_nested_json_on_a_campaign_route_is_a_4xx_and_creates_nothing(
    live_server: LiveServer, body: str
) -> None:
    user = new_user(live_server)
    headers = {"Authorization": f"bearer {user.api_key}"}
    response = httpx.post(
        f"{live_server.base_url}/trafficstars/v1.1/campaigns",
        content=body,
        headers={**headers, "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400, response.text
    assert set(wire_body(response)) == {"code", "error", "message", "errors"}
    listed = httpx.get(
        f"{live_server.base_url}/trafficstars/v1.1/campaigns", headers=headers, timeout=30
    )
    assert listed.json() == {"response": []}


def test_a_token_request_nested_within_the_bound_is_judged_on_its_fields(
    live_server: LiveServer,
) -> None:
    nested = "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1)
    response = httpx.post(
        f"{live_server.base_url}/trafficstars/v1/auth/token",
        content='{"grant_type": "refresh_token", "refresh_token": ' + nested + "}",
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["field"] == "refresh_token"
