"""Instal's own fields live in its extension document; the native API writes it."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from adplane.kit.db import Database
from adplane.models import CampaignExtension
from tests.conftest import Actor
from tests.support.native import API, create_campaign

BASE = "/instal/advertiser/api/v1"


def token(actor: Actor) -> dict[str, str]:
    return {"Authorization": f"Token {actor.api_key}"}


async def instal_campaign(client: httpx.AsyncClient, actor: Actor, cid: int) -> dict[str, object]:
    response = await client.get(f"{BASE}/campaigns/{cid}", headers=token(actor))
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


async def test_the_native_api_writes_the_fields_instal_prints(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    extras = {"application_name": "Game", "is_incentivized": True}
    created = await create_campaign(client, advertiser.headers, extensions={"instal": extras})
    assert created["extensions"] == {"instal": extras}
    shown = await instal_campaign(client, advertiser, created["id"])
    assert (shown["application"], shown["is_incentivized"]) == ("Game", True)
    async with database.sessionmaker() as session:
        stored = await session.scalar(
            select(CampaignExtension.document).where(
                CampaignExtension.campaign_id == created["id"],
                CampaignExtension.dialect == "instal",
            )
        )
    assert stored == extras


async def test_a_native_update_changes_only_the_instal_fields_it_sends(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    extras = {"application_name": "Game", "is_incentivized": True}
    created = await create_campaign(client, advertiser.headers, extensions={"instal": extras})
    response = await client.patch(
        f"{API}/campaigns/{created['id']}",
        json={"extensions": {"instal": {"is_incentivized": False}}},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    shown = await instal_campaign(client, advertiser, created["id"])
    assert (shown["application"], shown["is_incentivized"]) == ("Game", False)


async def test_a_campaign_without_the_document_prints_the_defaults(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await create_campaign(client, advertiser.headers)
    assert created["extensions"] == {}
    shown = await instal_campaign(client, advertiser, created["id"])
    assert (shown["application"], shown["is_incentivized"]) == (None, False)


async def test_the_old_core_fields_are_gone_from_the_native_api(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/campaigns",
        json={"name": "Old", "application_name": "x"},
        headers=advertiser.headers,
    )
    assert response.status_code == 422
    assert "application_name" in response.text
