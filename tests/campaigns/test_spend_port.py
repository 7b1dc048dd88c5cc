"""Spend is passed to each app's sessions, never installed in the process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from adplane.app import create_app
from adplane.campaigns import spend
from adplane.kit.db import Database
from adplane.kit.time import utcnow
from adplane.settings import Settings
from tests.conftest import Actor
from tests.events.helpers import event, post_events
from tests.support.native import API, create_campaign


def _settings(settings: Settings, data_dir: Path) -> Settings:
    return settings.model_copy(update={"data_dir": data_dir})


async def test_two_apps_in_one_process_never_share_spend(
    settings: Settings, database: Database, advertiser: Actor, tmp_path: Path
) -> None:
    first = create_app(_settings(settings, tmp_path / "first"), database=database)
    second = create_app(_settings(settings, tmp_path / "second"), database=database)
    async with (
        first.router.lifespan_context(first),
        second.router.lifespan_context(second),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=first), base_url="http://a") as a,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=second), base_url="http://b") as b,
    ):
        campaign = await create_campaign(a, advertiser.headers)
        stamp = utcnow().isoformat().replace("+00:00", "Z")
        spent = [event(campaign["id"], "click", ts=stamp, cost="0.25")]
        assert (await post_events(a, advertiser.headers, spent)).status_code == 202
        await first.state.events.flush()
        url = f"{API}/campaigns/{campaign['id']}"
        seen: list[Any] = [
            (await http.get(url, headers=advertiser.headers)).json()["spend_today"]
            for http in (a, b)
        ]
    # The second app started last: with a process-wide reader it would have shown no spend
    # in the first, or the first's in the second.
    assert seen == ["0.250000", "0.000000"]


async def test_a_session_opened_without_a_reader_sees_no_spend(database: Database) -> None:
    async with database.sessionmaker() as session:
        assert spend.reader_of(session) is spend.NO_SPEND


async def test_a_session_opened_with_a_reader_reads_it(database: Database) -> None:
    reader = spend.NoSpend()
    async with database.sessionmaker(info=spend.session_info(reader)) as session:
        assert spend.reader_of(session) is reader
