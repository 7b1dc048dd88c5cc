"""Tracker settings live in their own table, one row per campaign, behind the campaign API."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from adplane.kit.db import Database
from adplane.models import TrackerSettings
from adplane.tracker import service as tracker_service
from tests.conftest import Actor
from tests.support.native import API, create_campaign


async def _rows(database: Database) -> dict[int, TrackerSettings]:
    async with database.sessionmaker() as session:
        rows = await session.execute(select(TrackerSettings))
        return {r.campaign_id: r for r in rows.scalars()}


async def test_every_campaign_gets_one_settings_row(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    plain = await create_campaign(client, advertiser.headers)
    tracked = await create_campaign(
        client, advertiser.headers, alias="spring", cost_value="0.123456", cookies_ttl_hours=48
    )
    rows = await _rows(database)
    assert set(rows) == {plain["id"], tracked["id"]}
    assert (rows[plain["id"]].alias, rows[plain["id"]].cookies_ttl_hours) == (None, 24)
    row = rows[tracked["id"]]
    assert (row.alias, row.cost_value_micros, row.cookies_ttl_hours) == ("spring", 123456, 48)


async def test_the_campaign_view_shows_and_changes_its_tracker_settings(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, alias="a1", cost_model="CPM")
    url = f"{API}/campaigns/{campaign['id']}"
    changed = await client.patch(
        url,
        json={"alias": "a2", "postbacks": [{"url": "https://p.example"}]},
        headers=advertiser.headers,
    )
    assert changed.status_code == 200, changed.text
    got = (await client.get(url, headers=advertiser.headers)).json()
    assert (got["alias"], got["cost_model"], got["postbacks"]) == (
        "a2",
        "CPM",
        [{"url": "https://p.example"}],
    )
    assert (await _rows(database))[campaign["id"]].alias == "a2"


async def test_a_clone_copies_the_settings_but_not_the_alias(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    source = await create_campaign(client, advertiser.headers, alias="src", cost_value="2")
    clone = await client.post(f"{API}/campaigns/{source['id']}/clone", headers=advertiser.headers)
    assert clone.status_code == 201, clone.text
    row = (await _rows(database))[clone.json()["id"]]
    assert (row.alias, row.cost_value_micros) == (None, 2_000_000)


async def test_a_campaign_without_a_row_reads_the_defaults(
    database: Database, advertiser: Actor
) -> None:
    async with database.sessionmaker() as session:
        settings = await tracker_service.settings_for(session, [987654])
    assert settings[987654].rotation_type == "position"
    assert settings[987654].alias is None
