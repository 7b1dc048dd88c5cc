"""One tick of the job over the app: rules fire once per source, failures stay contained,
and the state sweep records why a campaign stopped."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import update

from adplane.kit.db import Database
from adplane.kit.time import utcnow
from adplane.models import Campaign, Rule
from tests.conftest import Actor
from tests.events.helpers import event, post_events
from tests.rules.helpers import create_list, create_rule, link
from tests.support.native import API, create_campaign


def recent(campaign_id: int, kind: str = "impression", **fields: Any) -> dict[str, Any]:
    ts = (utcnow() - timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    return event(campaign_id, kind, ts=ts, **fields)


async def items(client: httpx.AsyncClient, headers: dict[str, str], list_id: int) -> list[str]:
    response = await client.get(f"{API}/filterlists/{list_id}/items", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return list(body["items"])


async def history(client: httpx.AsyncClient, headers: dict[str, str], path: str) -> list[Any]:
    response = await client.get(f"{API}{path}", headers=headers)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_a_matching_source_is_added_once_with_one_history_entry(
    app: Any, client: httpx.AsyncClient, advertiser: Actor
) -> None:
    h = advertiser.headers
    target = await create_list(client, h)
    rule = await create_rule(
        client,
        h,
        target["id"],
        conditions=[
            {"metric": "impressions", "operator": ">", "value": "2"},
            {"join": "and", "metric": "clicks", "operator": "<", "value": "1"},
        ],
    )
    campaign = await create_campaign(client, h)
    assert (await link(client, h, campaign["id"], rule["id"])).status_code == 200
    cid = campaign["id"]
    events = [recent(cid, domain="bad.example") for _ in range(3)]
    events += [recent(cid, domain="good.example") for _ in range(3)]
    events += [recent(cid, "click", domain="good.example")]
    events += [recent(cid, domain="few.example")]
    # Old events fall outside the one-day window.
    events += [event(cid, ts="2026-03-10T12:00:00Z", domain="old.example") for _ in range(5)]
    assert (await post_events(client, h, events)).status_code in {200, 202}
    await app.state.events.flush()

    report = await app.state.jobs.run_once()
    assert report.failed == []
    assert report.fired == 1
    assert await items(client, h, target["id"]) == ["bad.example"]
    fired = await history(client, h, f"/rules/{rule['id']}/history")
    assert [(f["source"], f["dimension"], f["campaign_id"]) for f in fired] == [
        ("bad.example", "domain", cid)
    ]
    assert fired[0]["metrics"] == {"impressions": 3, "clicks": 0}
    assert await history(client, h, f"/campaigns/{cid}/rule/history") == fired

    for _ in range(2):
        again = await app.state.jobs.run_once()
        assert again.fired == 0
    assert await items(client, h, target["id"]) == ["bad.example"]
    assert len(await history(client, h, f"/rules/{rule['id']}/history")) == 1


async def test_a_failing_rule_does_not_stop_the_others(
    app: Any, client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    h = advertiser.headers
    broken_list = await create_list(client, h)
    good_list = await create_list(client, h)
    broken = await create_rule(client, h, broken_list["id"], name="broken")
    good = await create_rule(client, h, good_list["id"], name="good")
    first = await create_campaign(client, h)
    second = await create_campaign(client, h)
    await link(client, h, first["id"], broken["id"])
    await link(client, h, second["id"], good["id"])
    events = [recent(c["id"], domain="x.example") for c in (first, second) for _ in range(3)]
    await post_events(client, h, events)
    await app.state.events.flush()
    async with database.sessionmaker() as session, session.begin():
        # A metric the engine does not know (as if stored by an older release).
        bad = [{"join": None, "metric": "gone", "operator": ">", "value": "0"}]
        await session.execute(update(Rule).where(Rule.id == broken["id"]).values(conditions=bad))

    report = await app.state.jobs.run_once()
    assert [(rid, cid) for rid, cid, _ in report.failed] == [(broken["id"], first["id"])]
    assert await items(client, h, good_list["id"]) == ["x.example"]
    assert await items(client, h, broken_list["id"]) == []


async def test_an_inactive_rule_does_not_fire(
    app: Any, client: httpx.AsyncClient, advertiser: Actor
) -> None:
    h = advertiser.headers
    target = await create_list(client, h)
    rule = await create_rule(client, h, target["id"], is_active=False)
    campaign = await create_campaign(client, h)
    await link(client, h, campaign["id"], rule["id"])
    await post_events(client, h, [recent(campaign["id"], domain="x.example") for _ in range(3)])
    await app.state.events.flush()
    assert (await app.state.jobs.run_once()).evaluated == []
    assert await items(client, h, target["id"]) == []


async def test_a_publisher_list_collects_publisher_ids_for_a_whitelist(
    app: Any, client: httpx.AsyncClient, advertiser: Actor
) -> None:
    h = advertiser.headers
    target = await create_list(client, h, type="publishers", mode="white")
    rule = await create_rule(
        client,
        h,
        target["id"],
        action="whitelist",
        conditions=[{"metric": "ctr", "operator": ">", "value": "10"}],
    )
    campaign = await create_campaign(client, h)
    await link(client, h, campaign["id"], rule["id"])
    cid = campaign["id"]
    events = [recent(cid, publisher_id="pub-1") for _ in range(4)]
    events += [recent(cid, "click", publisher_id="pub-1")]
    events += [recent(cid, publisher_id="pub-2") for _ in range(20)]
    events += [recent(cid, "click", publisher_id="pub-2")]
    await post_events(client, h, events)
    await app.state.events.flush()
    await app.state.jobs.run_once()
    assert await items(client, h, target["id"]) == ["pub-1"]
    fired = await history(client, h, f"/rules/{rule['id']}/history")
    assert fired[0]["metrics"] == {"ctr": "25.000000"}


async def test_the_sweep_records_when_a_campaigns_end_date_passes(
    app: Any, client: httpx.AsyncClient, advertiser: Actor, database: Database
) -> None:
    h = advertiser.headers
    campaign = await create_campaign(client, h)
    cid = campaign["id"]
    path = f"/campaigns/{cid}/history"
    await app.state.jobs.run_once()
    assert [c["action"] for c in await history(client, h, path)] == ["create"]

    async with database.sessionmaker() as session, session.begin():
        ended = utcnow() - timedelta(minutes=1)
        await session.execute(update(Campaign).where(Campaign.id == cid).values(end_at=ended))
    report = await app.state.jobs.run_once()
    assert [(s.campaign_id, s.before, s.after) for s in report.state_changes] == [
        (cid, None, "ended")
    ]
    entries = await history(client, h, path)
    assert [(c["action"], c["changes"], c["tag"], c["user_id"]) for c in entries[1:]] == [
        ("stop", {"stop_reason": [None, "ended"]}, "sweep", None)
    ]
    await app.state.jobs.run_once()
    assert len(await history(client, h, path)) == 2

    later = (utcnow() + timedelta(days=30)).isoformat()
    assert (
        await client.patch(f"{API}/campaigns/{cid}", json={"end_at": later}, headers=h)
    ).status_code == 200
    await app.state.jobs.run_once()
    last = (await history(client, h, path))[-1]
    assert (last["action"], last["changes"]) == ("resume", {"stop_reason": ["ended", None]})


async def test_the_sweep_records_no_funds(
    app: Any, client: httpx.AsyncClient, factory: Any
) -> None:
    from decimal import Decimal

    poor = await factory.advertiser(balance=Decimal("0"))
    campaign = await create_campaign(client, poor.headers)
    await app.state.jobs.run_once()
    entries = await history(client, poor.headers, f"/campaigns/{campaign['id']}/history")
    assert entries[-1]["changes"] == {"stop_reason": [None, "no_funds"]}


async def test_new_sources_beside_listed_ones_each_fire_once(
    app: Any, client: httpx.AsyncClient, advertiser: Actor
) -> None:
    h = advertiser.headers
    target = await create_list(client, h)
    rule = await create_rule(client, h, target["id"])
    campaign = await create_campaign(client, h)
    await link(client, h, campaign["id"], rule["id"])
    cid = campaign["id"]
    await post_events(client, h, [recent(cid, domain="first.example") for _ in range(3)])
    await app.state.events.flush()
    assert (await app.state.jobs.run_once()).fired == 1
    # Next tick: the first source still matches and two more do now.
    more = [recent(cid, domain=d) for d in ("second.example", "third.example") for _ in range(3)]
    await post_events(client, h, more)
    await app.state.events.flush()
    report = await app.state.jobs.run_once()
    assert sorted(report.evaluated[0].fired) == ["second.example", "third.example"]
    assert await items(client, h, target["id"]) == [
        "first.example",
        "second.example",
        "third.example",
    ]
    fired = await history(client, h, f"/rules/{rule['id']}/history")
    assert fired[0]["source"] == "first.example"
    assert sorted(f["source"] for f in fired) == [
        "first.example",
        "second.example",
        "third.example",
    ]
    listed = await client.get(f"{API}/filterlists/{target['id']}", headers=h)
    assert listed.json()["item_count"] == 3


async def test_a_source_the_list_refuses_is_skipped_and_the_rest_added(
    app: Any, client: httpx.AsyncClient, advertiser: Actor
) -> None:
    h = advertiser.headers
    target = await create_list(client, h)
    rule = await create_rule(client, h, target["id"])
    campaign = await create_campaign(client, h)
    await link(client, h, campaign["id"], rule["id"])
    cid = campaign["id"]
    events = [recent(cid, domain=d) for d in ("not a domain", "fine.example") for _ in range(3)]
    await post_events(client, h, events)
    await app.state.events.flush()
    report = await app.state.jobs.run_once()
    assert report.failed == []
    assert report.evaluated[0].fired == ["fine.example"]
    assert await items(client, h, target["id"]) == ["fine.example"]
