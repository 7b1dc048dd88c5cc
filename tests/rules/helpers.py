"""Filter lists and rules through the native API, for the rules and jobs tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.native import API


async def create_list(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    *,
    type: str = "domains",
    mode: str = "black",
    **fields: Any,
) -> dict[str, Any]:
    body = {"name": f"{mode} {type}", "type": type, "mode": mode, **fields}
    response = await client.post(f"{API}/filterlists", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def rule_body(target_list_id: int, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Cut the clickless",
        "lookback_days": 1,
        "conditions": [{"metric": "impressions", "operator": ">", "value": "2"}],
        "action": "blacklist",
        "target_list_id": target_list_id,
    }
    body.update(fields)
    return body


async def create_rule(
    client: httpx.AsyncClient, headers: dict[str, str], target_list_id: int, **fields: Any
) -> dict[str, Any]:
    response = await client.post(
        f"{API}/rules", json=rule_body(target_list_id, **fields), headers=headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def link(
    client: httpx.AsyncClient, headers: dict[str, str], campaign_id: int, rule_id: int
) -> httpx.Response:
    return await client.put(
        f"{API}/campaigns/{campaign_id}/rule", json={"rule_id": rule_id}, headers=headers
    )
