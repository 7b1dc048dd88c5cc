"""Shared pieces of the TrafficStars dialect tests: the document's requests and small helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

BASE = "/trafficstars"
EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("document_examples.json")).read_text()
)

# The request body of "Create a draft campaign" and "Create a campaign", verbatim.
CREATE_BODY: dict[str, Any] = {
    "name": "My campaign",
    "format_id": 1,
    "pricing_model": "cpm",
    "price": 0.1,
    "max_daily": 1000,
    "hours_targeting": "111111111111111111",
    "enabled_subids": ["subID_1", "subID_2"],
    "weight": 5,
}

CAMPAIGN_EXAMPLES = (
    "get_campaign",
    "create_draft",
    "create_campaign",
    "save_as",
    "edit_draft",
    "edit_campaign",
    "run_campaign",
    "clone_campaign",
    "clone_draft",
)


def bearer(credential: str) -> dict[str, str]:
    """The header as the document writes it (lower-case scheme)."""
    return {"Authorization": f"bearer {credential}"}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


# Parameters the "Create a campaign" table marks "nullable".
DOCUMENTED_NULLABLE = frozenset(
    {
        "device_release_date_offset",
        "device_price_on_release_from",
        "device_price_on_release_to",
        "enabled_applications",
        "disabled_applications",
        "flat_rate",
        "flat_rate_amount",
        "adblock",
        "private_browsing",
        "flash",
    }
)


# The parameter table's types of fields every example shows as null.
TABLE_TYPES = {
    "ip_range": "string",
    "exclude_ip_range": "string",
    "enabled_applications": "array",
    "disabled_applications": "array",
    "price_mode": "string",
    "private_browsing": "boolean",
    "reject_reason": "array",
    "flat_rate": "number",
    "flat_rate_amount": "number",
}


def campaign_field_types() -> dict[str, set[str]]:
    """Each campaign field's JSON types across every campaign example of the document.

    A field shown as null in one example and as a number in another may be either, and so
    may one the parameter table calls nullable.
    """
    types: dict[str, set[str]] = {name: {"null"} for name in DOCUMENTED_NULLABLE}
    for name, kind in TABLE_TYPES.items():
        types.setdefault(name, set()).add(kind)
    objects = [EXAMPLES["list_campaigns"]["response"][0]]
    objects += [EXAMPLES[name] for name in CAMPAIGN_EXAMPLES]
    for obj in objects:
        for key, value in obj.items():
            types.setdefault(key, set()).add(_json_type(value))
    return types


def element_types(example: Any) -> set[str]:
    return {_json_type(v) for v in example} if isinstance(example, list) else set()


def assert_shape(actual: Any, example: Any, types: dict[str, set[str]] | None = None) -> None:
    """Every field of ``example`` is in ``actual`` with a JSON type the document shows for it."""
    assert isinstance(actual, dict), actual
    for key, value in example.items():
        assert key in actual, f"missing field {key!r}"
        allowed = (types or {}).get(key) or {_json_type(value)}
        got = _json_type(actual[key])
        assert got in allowed, f"{key}: {got} is not one of {sorted(allowed)}"
        if got == "array" and actual[key]:
            wanted = element_types(value)
            if wanted:
                assert {_json_type(v) for v in actual[key]} <= wanted, key


def assert_campaign_shape(actual: Any, example_name: str) -> None:
    example = (
        EXAMPLES["list_campaigns"]["response"][0]
        if example_name == "list_campaigns"
        else EXAMPLES[example_name]
    )
    assert_shape(actual, example, campaign_field_types())


async def create(
    client: httpx.AsyncClient, headers: dict[str, str], path: str = "/v1.1/campaigns", **fields: Any
) -> dict[str, Any]:
    response = await client.post(f"{BASE}{path}", json={**CREATE_BODY, **fields}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
