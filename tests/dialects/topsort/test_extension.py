"""Flags only Topsort has live in its extension document, not on the core campaign."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import inspect as sa_inspect

from adplane.models import Campaign
from tests.conftest import Actor
from tests.support.native import API

BASE = "/topsort/public/v1/campaign-service/campaigns"


async def _native(client: httpx.AsyncClient, actor: Actor, uuid: str) -> dict[str, Any]:
    items = (await client.get(f"{API}/campaigns", headers=actor.headers)).json()["items"]
    found: dict[str, Any] = next(c for c in items if c["uuid"] == uuid)
    return found


def test_the_campaign_table_has_no_topsort_only_column() -> None:
    columns = {c.key for c in sa_inspect(Campaign).columns}
    assert columns.isdisjoint({"is_smart", "is_auto_trigger"})


async def test_is_smart_and_is_auto_trigger_are_kept_in_the_topsort_document(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await client.post(
        BASE, json={"name": "Smart", "isSmart": True}, headers=advertiser.headers
    )
    assert created.status_code == 201, created.text
    uuid = created.json()["campaignId"]
    assert (created.json()["isSmart"], created.json()["isAutoTrigger"]) == (True, False)
    native = await _native(client, advertiser, uuid)
    assert native["extensions"]["topsort"] == {"is_smart": True, "is_auto_trigger": False}
    assert "is_smart" not in native
    patched = await client.patch(
        f"{BASE}/{uuid}", json={"isAutoTrigger": True}, headers=advertiser.headers
    )
    assert patched.status_code == 200, patched.text
    assert (patched.json()["isSmart"], patched.json()["isAutoTrigger"]) == (True, True)
    native = await _native(client, advertiser, uuid)
    assert native["extensions"]["topsort"] == {"is_smart": True, "is_auto_trigger": True}


async def test_a_campaign_made_elsewhere_shows_topsorts_defaults(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await client.post(f"{API}/campaigns", json={"name": "N"}, headers=advertiser.headers)
    assert made.status_code == 201, made.text
    got = await client.get(f"{BASE}/{made.json()['uuid']}", headers=advertiser.headers)
    assert got.status_code == 200, got.text
    assert (got.json()["isSmart"], got.json()["isAutoTrigger"]) == (False, False)
