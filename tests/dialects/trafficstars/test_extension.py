"""Fields only TrafficStars has live in its extension document, not on the core campaign."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import inspect as sa_inspect

from adplane.kit.db import Database
from adplane.models import Campaign
from tests.conftest import Actor
from tests.dialects.trafficstars.helpers import BASE, bearer, create

C = f"{BASE}/v1.1/campaigns"
VENDOR_ONLY = {
    "price_mode": "fixed",
    "allow_setting_any_price": True,
    "flat_rate_amount": 3,
    "postback_payout_modifier": True,
    "postback_payout_modifier_percent": 80,
    "test_period_budget": 25.123456,
    "native_creatives_limit": 4,
    "is_exclusive": True,
    "is_backup": True,
    "is_traced": True,
}
DOCUMENT = {
    "price_mode": "fixed",
    "allow_any_price": True,
    "flat_rate_amount": "3",
    "postback_payout_modifier": True,
    "postback_payout_percent": "80",
    "test_period_budget": "25.123456",
    "native_creatives_limit": 4,
    "is_exclusive": True,
    "is_backup": True,
    "is_traced": True,
}


@pytest.fixture
def ts(advertiser: Actor) -> dict[str, str]:
    return bearer(advertiser.api_key)


async def native(client: httpx.AsyncClient, actor: Actor, cid: int) -> dict[str, Any]:
    response = await client.get(f"/api/v1/campaigns/{cid}", headers=actor.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_campaign_table_has_no_trafficstars_only_column() -> None:
    columns = {c.key for c in sa_inspect(Campaign).columns}
    assert columns.isdisjoint({*DOCUMENT, "test_period_budget_micros", "flat_rate_amount_micros"})


async def test_vendor_only_fields_are_stored_in_the_extension_document(
    client: httpx.AsyncClient, ts: dict[str, str], advertiser: Actor
) -> None:
    created = await create(client, ts, **VENDOR_ONLY)
    for key, value in VENDOR_ONLY.items():
        assert created[key] == value, key
    body = await native(client, advertiser, created["id"])
    assert body["extensions"]["trafficstars"] == DOCUMENT
    assert set(body).isdisjoint(DOCUMENT)


async def test_an_edit_changes_only_the_extension_fields_it_sends(
    client: httpx.AsyncClient, ts: dict[str, str], advertiser: Actor
) -> None:
    created = await create(client, ts, **VENDOR_ONLY)
    edited = await client.patch(
        f"{C}/{created['id']}", json={"is_traced": False, "price_mode": None}, headers=ts
    )
    assert edited.status_code == 200, edited.text
    assert (edited.json()["is_traced"], edited.json()["price_mode"]) == (False, None)
    assert edited.json()["test_period_budget"] == 25.123456
    document = (await native(client, advertiser, created["id"]))["extensions"]["trafficstars"]
    assert document == {**DOCUMENT, "is_traced": False, "price_mode": None}
    history = await client.get(
        f"/api/v1/campaigns/{created['id']}/history", headers=advertiser.headers
    )
    changes = history.json()["items"][-1]["changes"]
    assert changes["extensions.trafficstars.is_traced"] == [True, False]


async def test_a_clone_keeps_the_extension_document(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    created = await create(client, ts, **VENDOR_ONLY)
    cloned = await client.post(f"{C}/{created['id']}/clone", headers=ts)
    assert cloned.status_code == 200, cloned.text
    for key, value in VENDOR_ONLY.items():
        assert cloned.json()[key] == value, key


async def test_a_bad_extension_value_names_the_trafficstars_field(
    client: httpx.AsyncClient, ts: dict[str, str], database: Database
) -> None:
    created = await create(client, ts)
    edited = await client.patch(
        f"{C}/{created['id']}", json={"native_creatives_limit": 5000}, headers=ts
    )
    assert edited.status_code == 422, edited.text
    assert "native_creatives_limit" in edited.text
