"""Campaign spend counters come from the analytics store, through the core's spend port."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from adplane.kit.time import utcnow
from tests.conftest import Actor
from tests.events.helpers import event, post_events
from tests.support.native import API, create_campaign


async def test_a_campaign_shows_its_spend_impressions_and_clicks_today_and_in_total(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    cid = campaign["id"]
    now = utcnow().replace(microsecond=0)
    today = now.isoformat().replace("+00:00", "Z")
    earlier = (now - timedelta(days=3)).isoformat().replace("+00:00", "Z")
    events = [
        event(cid, "impression", ts=today, cost="0.002"),
        event(cid, "impression", ts=today, cost="0.003"),
        event(cid, "click", ts=today, cost="0.25"),
        event(cid, "impression", ts=earlier, cost="1.5"),
        event(cid, "click", ts=earlier),
        event(cid, "bid", ts=today),
    ]
    assert (await post_events(client, advertiser.headers, events)).status_code == 202
    await app.state.events.flush()
    view = (await client.get(f"{API}/campaigns/{cid}", headers=advertiser.headers)).json()
    assert (view["impressions_today"], view["impressions_total"]) == (2, 3)
    assert (view["clicks_today"], view["clicks_total"]) == (1, 2)
    assert view["spend_today"] == "0.255000"
    assert view["spend_total"] == "1.755000"


async def test_a_total_budget_reached_by_spend_stops_the_campaign(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(
        client, advertiser.headers, total_budget="1", use_total_budget=True
    )
    stamp = utcnow().isoformat().replace("+00:00", "Z")
    spent = [event(campaign["id"], "click", ts=stamp, cost="0.6") for _ in range(2)]
    assert (await post_events(client, advertiser.headers, spent)).status_code == 202
    await app.state.events.flush()
    view = (
        await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    ).json()
    assert view["stop_reason"] == "total_budget_reached"


async def test_a_weekly_budget_counts_the_spend_of_this_week_only(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(
        client, advertiser.headers, budget_period="weekly", period_budget="1"
    )
    now = utcnow().replace(microsecond=0)
    week_start = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0)
    before = (week_start - timedelta(days=1)).isoformat().replace("+00:00", "Z")
    stamp = now.isoformat().replace("+00:00", "Z")
    old = [event(campaign["id"], "click", ts=before, cost="5")]
    assert (await post_events(client, advertiser.headers, old)).status_code == 202
    await app.state.events.flush()
    url = f"{API}/campaigns/{campaign['id']}"
    view = (await client.get(url, headers=advertiser.headers)).json()
    assert (view["spend_period"], view["stop_reason"]) == ("0.000000", None)
    spent = [event(campaign["id"], "click", ts=stamp, cost="0.6") for _ in range(2)]
    assert (await post_events(client, advertiser.headers, spent)).status_code == 202
    await app.state.events.flush()
    view = (await client.get(url, headers=advertiser.headers)).json()
    assert (view["spend_period"], view["stop_reason"]) == ("1.200000", "period_budget_reached")


async def test_counters_read_before_a_load_are_not_served_after_it(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    # The store keeps answers between loads: the view read before the second load must not
    # be what the view after it shows.
    campaign = await create_campaign(client, advertiser.headers)
    cid = campaign["id"]
    stamp = utcnow().isoformat().replace("+00:00", "Z")
    url = f"{API}/campaigns/{cid}"
    for expected in (1, 2):
        sent = await post_events(client, advertiser.headers, [event(cid, "click", ts=stamp)])
        assert sent.status_code == 202
        await app.state.events.flush()
        for _ in range(2):
            view = (await client.get(url, headers=advertiser.headers)).json()
            assert view["clicks_total"] == expected
