"""What the guard starts from, as the snapshot reads it through the services."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from adplane.delivery import snapshot as snapshots
from adplane.delivery.guard import day_bounds
from adplane.kit.db import Database
from adplane.kit.time import utcnow
from tests.conftest import Actor
from tests.creatives.helpers import banner_tag
from tests.delivery.test_snapshot import running
from tests.events.helpers import event, post_events

ZONE = "Pacific/Kiritimati"  # UTC+14: its day and the UTC day never coincide


async def test_spend_today_is_counted_from_the_campaigns_own_midnight(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    campaign = await running(client, admin, advertiser, creative=banner_tag(), timezone=ZONE)
    now = utcnow()
    midnight, _ = day_bounds(now, ZONE)

    def stamp(delta: timedelta) -> str:
        return (midnight + delta).isoformat().replace("+00:00", "Z")

    events = [
        event(campaign["id"], "click", ts=stamp(-timedelta(minutes=1)), cost="1"),  # yesterday
        event(campaign["id"], "click", ts=stamp(timedelta(0)), cost="0.25"),
    ]
    assert (await post_events(client, advertiser.headers, events)).status_code == 202
    await app.state.events.flush()
    snap = await snapshots.build(database, app.state.events.spend_reader, now)
    entry = snap.campaigns[campaign["id"]]
    assert (entry.spend_today_micros, entry.spend_total_micros) == (250_000, 1_250_000)
