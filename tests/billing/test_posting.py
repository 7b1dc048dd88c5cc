"""Spend posted to the wallet once per campaign and hour; the balance shown agrees with reports."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx

from adplane.billing import service as billing
from adplane.kit.db import Database
from adplane.kit.time import utcnow
from tests.conftest import Actor, Factory
from tests.events.helpers import event, post_events
from tests.support.native import API, create_campaign

TS = "/trafficstars"


def _stamp(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


async def _spend(
    client: httpx.AsyncClient,
    app: Any,
    actor: Actor,
    campaign_id: int,
    *costs: tuple[datetime, str],
) -> None:
    events = [event(campaign_id, "impression", ts=_stamp(at), cost=cost) for at, cost in costs]
    response = await post_events(client, actor.headers, events)
    assert response.status_code == 202, response.text
    await app.state.events.flush()


async def _post(database: Database, app: Any, now: datetime) -> billing.PostingReport:
    async with database.sessionmaker() as session, session.begin():
        return await billing.post_spend(session, app.state.events.spend_reader, now)


async def _account(client: httpx.AsyncClient, actor: Actor) -> dict[str, Any]:
    response = await client.get(f"{API}/accounts/{actor.account_id}", headers=actor.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return {**body, "balance": Decimal(body["balance"]), "available": Decimal(body["available"])}


async def _reported_spend(client: httpx.AsyncClient, actor: Actor, day: datetime) -> Decimal:
    first = (day - timedelta(days=2)).date().isoformat()
    response = await client.post(
        f"{API}/reports",
        json={"from": first, "to": day.date().isoformat(), "metrics": ["spend"]},
        headers=actor.headers,
    )
    assert response.status_code == 200, response.text
    spend: Decimal = json.loads(response.text, parse_float=Decimal)["totals"]["spend"]
    return spend


async def test_posting_twice_posts_each_hour_once(
    client: httpx.AsyncClient, app: Any, database: Database, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    now = utcnow()
    hour = billing.hour_floor(now) - timedelta(hours=3)
    await _spend(
        client,
        app,
        advertiser,
        campaign["id"],
        (hour + timedelta(minutes=5), "0.25"),
        (hour + timedelta(minutes=50), "0.50"),
        (hour + timedelta(minutes=70), "1.00"),
    )
    first = await _post(database, app, now)
    assert sorted((p.hour_start, p.amount_micros) for p in first.postings) == [
        (hour, 750_000),
        (hour + timedelta(hours=1), 1_000_000),
    ]
    again = await _post(database, app, now + timedelta(minutes=1))
    assert again.postings == []
    body = await _account(client, advertiser)
    assert body["balance"] == Decimal("1000") - Decimal("1.75")
    kinds = await client.get(
        f"{API}/accounts/{advertiser.account_id}/transactions",
        params={"kind": "spend"},
        headers=advertiser.headers,
    )
    assert [Decimal(str(t["amount"])) for t in kinds.json()["items"]] in (
        [Decimal("-1"), Decimal("-0.75")],
        [Decimal("-0.75"), Decimal("-1")],
    )


async def test_an_open_hour_waits_and_late_spend_is_posted_as_the_difference(
    client: httpx.AsyncClient, app: Any, database: Database, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    # "now" is just past the grace after the current hour began: that hour is still open.
    current = billing.hour_floor(utcnow())
    now = current + timedelta(minutes=5, seconds=1)
    hour = current - timedelta(hours=1)
    await _spend(client, app, advertiser, campaign["id"], (current, "0.10"), (hour, "0.20"))
    posted = await _post(database, app, now)
    assert [(p.hour_start, p.amount_micros) for p in posted.postings] == [(hour, 200_000)]
    # A segment that reached the store after its hour was posted.
    await _spend(client, app, advertiser, campaign["id"], (hour + timedelta(minutes=1), "0.05"))
    late = await _post(database, app, now)
    assert [(p.hour_start, p.amount_micros) for p in late.postings] == [(hour, 50_000)]
    assert (await _post(database, app, now)).postings == []
    body = await _account(client, advertiser)
    assert body["balance"] == Decimal("1000") - Decimal("0.25")
    # The open hour's spend is not posted yet, but already out of what is shown as available.
    assert body["available"] == Decimal("1000") - Decimal("0.35")


async def test_the_wallet_falls_by_exactly_the_reported_spend(
    client: httpx.AsyncClient, app: Any, database: Database, advertiser: Actor
) -> None:
    a = await create_campaign(client, advertiser.headers, name="A")
    b = await create_campaign(client, advertiser.headers, name="B")
    now = utcnow()
    base = billing.hour_floor(now) - timedelta(hours=5)
    for n in range(5):
        at = base + timedelta(hours=n, minutes=7 * n)
        await _spend(client, app, advertiser, a["id"], (at, f"0.{n}1"), (at, "0.000003"))
        await _spend(client, app, advertiser, b["id"], (at, f"1.{n}7"))
    before = await _account(client, advertiser)
    reported = await _reported_spend(client, advertiser, now)
    # Before posting, the balance shown already takes the reported spend off.
    assert before["available"] == before["balance"] - reported
    await _post(database, app, now + timedelta(hours=1, minutes=6))
    after = await _account(client, advertiser)
    assert Decimal("1000") - after["balance"] == reported
    assert after["available"] == after["balance"]
    view = (await client.get(f"{API}/campaigns/{a['id']}", headers=advertiser.headers)).json()
    assert Decimal(view["account_balance"]) == after["balance"]


async def test_no_funds_shows_in_native_and_trafficstars_once_spend_exhausts_the_wallet(
    client: httpx.AsyncClient, app: Any, database: Database, admin: Actor, factory: Factory
) -> None:
    owner = await factory.advertiser(balance=Decimal("1"))
    campaign = await create_campaign(client, owner.headers)
    await client.post(f"{API}/campaigns/{campaign['id']}/approve", headers=admin.headers)
    url = f"{API}/campaigns/{campaign['id']}"
    assert (await client.get(url, headers=owner.headers)).json()["no_funds"] is False
    now = utcnow()
    # Spend in the open hour: not posted yet, and the campaign stops all the same.
    await _spend(client, app, owner, campaign["id"], (now, "1.00"))
    native = (await client.get(url, headers=owner.headers)).json()
    assert (native["no_funds"], native["stop_reason"], native["is_running"]) == (
        True,
        "no_funds",
        False,
    )
    ts = await client.get(f"{TS}/v1.1/campaigns/{campaign['id']}", headers=owner.headers)
    assert ts.status_code == 200, ts.text
    assert (ts.json()["no_funds"], ts.json()["stopped"], ts.json()["status"]) == (
        True,
        "no_funds",
        "no_funds_active",
    )
    await _post(database, app, now + timedelta(hours=1, minutes=6))
    assert (await _account(client, owner))["balance"] == Decimal("0")
    assert (await client.get(url, headers=owner.headers)).json()["no_funds"] is True


async def test_funds_give_the_guard_credits_and_available(
    client: httpx.AsyncClient, app: Any, database: Database, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    current = billing.hour_floor(utcnow())
    hour = current - timedelta(hours=2)
    await _spend(client, app, advertiser, campaign["id"], (hour, "2"), (current, "3"))
    await _post(database, app, current + timedelta(minutes=6))
    async with database.sessionmaker() as session:
        funds = await billing.account_funds(
            session, app.state.events.spend_reader, [advertiser.account_id or 0]
        )
    assert funds[advertiser.account_id or 0] == billing.Funds(995_000_000, 1_000_000_000)


async def test_two_posters_at_once_post_the_hour_once(
    client: httpx.AsyncClient, app: Any, database: Database, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    now = utcnow()
    hour = billing.hour_floor(now) - timedelta(hours=2)
    await _spend(client, app, advertiser, campaign["id"], (hour, "0.40"))
    reader = app.state.events.spend_reader
    outcomes: list[str] = []

    async def second() -> None:
        try:
            async with database.sessionmaker() as session, session.begin():
                report = await billing.post_spend(session, reader, now)
            outcomes.append(f"posted {len(report.postings)}")
        except Exception as exc:  # the database refuses the second writer of the hour
            outcomes.append(type(exc).__name__)

    async with database.sessionmaker() as session, session.begin():
        first = await billing.post_spend(session, reader, now)
        assert len(first.postings) == 1
        racer = asyncio.create_task(second())
        await asyncio.sleep(0.3)  # the second poster is blocked on the first one's writes
    await racer
    assert outcomes in (["IntegrityError"], ["posted 0"]), outcomes
    assert (await _account(client, advertiser))["balance"] == Decimal("999.60")
    assert (await _post(database, app, now)).postings == []
