"""Values strict JSON cannot print (NaN, ±Infinity, ±1e400, lone surrogates) are refused
with Topsort's 422, against a real server, and change nothing."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.support.server import LiveServer, new_user

BASE = "/topsort/public/v1/campaign-service/campaigns"

# Raw bodies: ``json.dumps`` cannot write a lone surrogate as UTF-8, nor NaN as strict JSON.
HOSTILE = [
    '{"targetRoas": NaN}',
    '{"targetRoas": Infinity}',
    '{"targetRoas": -Infinity}',
    '{"targetRoas": 1e400}',
    '{"targetRoas": -1e400}',
    '{"budget": {"type": "daily", "amount": Infinity}}',
    '{"budget": {"type": "daily", "amount": NaN}}',
    '{"budget": {"type": "daily", "amount": -1e400}}',
    '{"name": "\\ud800"}',
    '{"externalCampaignId": "a\\udfffb"}',
    '{"chargeType": "\\ud83d"}',
    '{"multiplierConfig": {"multipliers": [{"segmentId": 1, "multiplier": NaN}]}}',
]


def _send(live_server: LiveServer, method: str, path: str, body: str, key: str) -> httpx.Response:
    return httpx.request(
        method,
        f"{live_server.base_url}{path}",
        content=body.encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        timeout=30,
    )


def _assert_topsort_422(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/json")
    detail: list[dict[str, Any]] = json.loads(response.content)["detail"]
    assert detail
    assert all({"type", "loc", "msg"} <= set(issue) for issue in detail)
    return detail


@pytest.mark.parametrize("body", HOSTILE)
def test_an_unprintable_value_in_an_update_is_a_422_and_changes_nothing(
    live_server: LiveServer, body: str
) -> None:
    user = new_user(live_server)
    headers = {"Authorization": f"Bearer {user.api_key}"}
    created = httpx.post(
        f"{live_server.base_url}{BASE}",
        json={"name": "Steady", "targetRoas": 2, "budget": {"type": "daily", "amount": 500}},
        headers=headers,
        timeout=30,
    )
    assert created.status_code == 201, created.text
    campaign = created.json()
    path = f"{BASE}/{campaign['campaignId']}"

    _assert_topsort_422(_send(live_server, "PATCH", path, body, user.api_key))

    after = httpx.get(f"{live_server.base_url}{path}", headers=headers, timeout=30).json()
    assert after == campaign


@pytest.mark.parametrize("body", HOSTILE)
def test_an_unprintable_value_in_a_create_is_a_422_and_creates_nothing(
    live_server: LiveServer, body: str
) -> None:
    user = new_user(live_server)
    document = body.replace("{", '{"name": "New", ', 1) if '"name"' not in body else body
    _assert_topsort_422(_send(live_server, "POST", BASE, document, user.api_key))
    listed = httpx.get(
        f"{live_server.base_url}{BASE}",
        headers={"Authorization": f"Bearer {user.api_key}"},
        timeout=30,
    ).json()
    assert listed["campaigns"] == []


def test_the_422_names_the_field_and_prints_the_rejected_value_as_text(
    live_server: LiveServer,
) -> None:
    user = new_user(live_server)
    detail = _assert_topsort_422(
        _send(live_server, "POST", BASE, '{"name": "N", "targetRoas": NaN}', user.api_key)
    )
    assert detail[0]["loc"] == ["body", "targetRoas"]
    assert detail[0]["input"] == "NaN"
