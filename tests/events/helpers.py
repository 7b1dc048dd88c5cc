"""Building events and reading them back, for the data-plane tests."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import httpx

from tests.support.native import API

_ids = itertools.count(1)


def event(campaign_id: int, kind: str = "impression", **fields: Any) -> dict[str, Any]:
    """One valid event; ``fields`` override or add attributes."""
    body: dict[str, Any] = {
        "event_id": f"evt-{next(_ids)}",
        "type": kind,
        "ts": "2026-03-10T12:00:00Z",
        "campaign_id": campaign_id,
    }
    body.update(fields)
    return body


async def post_events(
    client: httpx.AsyncClient, headers: dict[str, str], events: Iterable[dict[str, Any]]
) -> httpx.Response:
    return await client.post(f"{API}/events", json={"events": list(events)}, headers=headers)


async def report(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    """POST /reports; fails the test unless 200."""
    request = {"from": "2026-03-01", "to": "2026-03-31", **body}
    response = await client.post(f"{API}/reports", json=request, headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result
