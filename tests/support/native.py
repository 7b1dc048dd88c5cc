"""Helpers for driving the native API at /api/v1 in tests."""

from __future__ import annotations

from typing import Any

import httpx

API = "/api/v1"
PROBLEM = "application/problem+json"


# What a network campaign needs before it can be submitted (``validation.submittable``).
SUBMITTABLE: dict[str, Any] = {
    "format_id": 1,
    "bid_price": "0.1",
    "daily_budget": "10",
    "day_parting": "1" * 168,
}


def assert_problem(
    response: httpx.Response, status: int, *, field: str | None = None
) -> dict[str, Any]:
    """Assert an RFC 9457 problem with ``status``; with ``field``, a validation error on it."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM), response.headers
    body: dict[str, Any] = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys(), body
    assert body["status"] == status
    assert isinstance(body["detail"], str)
    assert body["detail"]
    if field is not None:
        errors = body.get("errors")
        assert isinstance(errors, list), body
        assert all(set(e) == {"field", "message"} for e in errors), errors
        assert field in [e["field"] for e in errors], errors
    return body


async def create_campaign(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    *,
    draft: bool = False,
    complete: bool | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """Create a campaign through the API and return its body (fails the test unless 201).

    ``complete`` (the default unless ``draft``) fills what ``SUBMITTABLE`` names unless
    ``fields`` set it, so the campaign can be approved and run; False leaves them out.
    """
    filled = SUBMITTABLE if (not draft if complete is None else complete) else {}
    body = {"name": "Campaign", **filled, **fields}
    params = {"draft": "true"} if draft else None
    response = await client.post(f"{API}/campaigns", json=body, params=params, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def act(
    client: httpx.AsyncClient, headers: dict[str, str], campaign_id: int, action: str
) -> dict[str, Any]:
    """POST /campaigns/{id}/{action} and return the campaign (fails the test unless 2xx)."""
    response = await client.post(f"{API}/campaigns/{campaign_id}/{action}", headers=headers)
    assert response.is_success, response.text
    result: dict[str, Any] = response.json()
    return result
