"""The snapshot, built through the services on both backends, and refreshed by changes."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from msgspec.structs import replace

from adplane.campaigns import service as campaigns
from adplane.campaigns.spend import NO_SPEND
from adplane.delivery import snapshot as snapshots
from adplane.delivery.matching import IndexedMatcher
from adplane.delivery.model import Change, Features, FilterLink, ImpSpec
from adplane.inventory import service as inventory
from adplane.kit.db import Database
from adplane.kit.time import utcnow
from tests.conftest import Actor, Factory
from tests.creatives.helpers import banner_tag, create, video_tag
from tests.events.helpers import event, post_events
from tests.support.native import API, SUBMITTABLE, act, create_campaign


async def _approve_creative(client: httpx.AsyncClient, admin: Actor, creative_id: int) -> None:
    response = await client.post(
        f"{API}/creatives/{creative_id}/review",
        json={"approval": "approved"},
        headers=admin.headers,
    )
    assert response.status_code == 200, response.text


async def _assign(
    client: httpx.AsyncClient, owner: Actor, campaign_id: int, creative_ids: list[int]
) -> None:
    response = await client.put(
        f"{API}/campaigns/{campaign_id}/creatives",
        json={"ids": creative_ids},
        headers=owner.headers,
    )
    assert response.status_code == 200, response.text


async def running(
    client: httpx.AsyncClient,
    admin: Actor,
    owner: Actor,
    *,
    creative: dict[str, Any] | None = None,
    approve: bool = True,
    **fields: Any,
) -> dict[str, Any]:
    """An approved campaign with one approved creative (unless told otherwise)."""
    campaign = await create_campaign(client, owner.headers, **{**SUBMITTABLE, **fields})
    if approve:
        campaign = await act(client, admin.headers, campaign["id"], "approve")
    if creative is not None:
        made = await create(client, owner.headers, creative)
        await _approve_creative(client, admin, made["id"])
        await _assign(client, owner, campaign["id"], [made["id"]])
        campaign["creative_id"] = made["id"]
    return campaign


async def test_a_running_campaign_with_an_approved_creative_is_in_the_snapshot(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    campaign = await running(
        client,
        admin,
        advertiser,
        creative=banner_tag(),
        targeting={"countries": {"include": ["US"]}, "mobile_app": False},
        timezone="Europe/Berlin",
    )
    snap = await snapshots.build(database, NO_SPEND, utcnow())
    entry = snap.campaigns[campaign["id"]]
    assert entry.bid_price_micros == 100_000
    assert entry.daily_budget_micros == 10_000_000
    assert entry.timezone == "Europe/Berlin"
    assert entry.day_parting == "1" * 168
    assert entry.targeting.include["countries"] == frozenset({"US"})
    assert "mobile_app" not in entry.targeting.traffic
    (creative,) = entry.creatives
    assert creative.id == campaign["creative_id"]
    assert (creative.kind, creative.width, creative.height) == ("banner", 320, 50)
    assert creative.bid_price_micros == 500_000
    assert "shop.example" in (creative.markup or "")
    assert creative.categories == ("IAB1-1", "IAB3")
    account = snap.accounts[advertiser.account_id or 0]
    assert account.available_micros == 1000 * 1_000_000
    assert snap.stats["campaigns"] == 1
    assert snap.stats["build_seconds"] > 0


async def test_deal_ids_and_creative_attributes_reach_the_snapshot(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    campaign = await running(
        client,
        admin,
        advertiser,
        creative=banner_tag(attributes=[13, 1]),
        deal_ids=["AB-1", "CD-2"],
    )
    snap = await snapshots.build(database, NO_SPEND, utcnow())
    entry = snap.campaigns[campaign["id"]]
    assert entry.deal_ids == frozenset({"AB-1", "CD-2"})
    (creative,) = entry.creatives
    assert creative.attributes == frozenset({1, 13})


async def test_campaigns_that_cannot_run_or_serve_are_left_out(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    h = advertiser.headers
    keep = await running(client, admin, advertiser, creative=banner_tag())
    paused = await running(client, admin, advertiser, creative=banner_tag())
    await act(client, h, paused["id"], "pause")
    pending = await running(client, admin, advertiser, creative=banner_tag(), approve=False)
    archived = await running(client, admin, advertiser, creative=banner_tag())
    await act(client, h, archived["id"], "archive")
    bare = await running(client, admin, advertiser)
    draft = await create_campaign(client, h, draft=True, name="draft")
    ended = await running(
        client,
        admin,
        advertiser,
        creative=banner_tag(),
        end_at=(utcnow() + timedelta(hours=1)).isoformat(),
    )
    unreviewed = await running(client, admin, advertiser)
    made = await create(client, h, banner_tag())
    await _assign(client, advertiser, unreviewed["id"], [made["id"]])
    wrong_kind = await running(
        client, admin, advertiser, creative=video_tag(), creative_type="image"
    )
    # Built as of two hours from now, when ``ended`` has ended.
    snap = await snapshots.build(database, NO_SPEND, utcnow() + timedelta(hours=2))
    assert set(snap.campaigns) == {keep["id"]}
    for left_out in (paused, pending, archived, bare, draft, ended, unreviewed, wrong_kind):
        assert left_out["id"] not in snap.campaigns


async def test_a_campaign_that_starts_later_is_in_the_snapshot(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    later = await running(
        client,
        admin,
        advertiser,
        creative=banner_tag(),
        start_at=(utcnow() + timedelta(hours=2)).isoformat(),
    )
    snap = await snapshots.build(database, NO_SPEND, utcnow())
    assert snap.campaigns[later["id"]].start_at is not None


async def test_refresh_after_a_pause_removes_the_campaign_and_keeps_the_old_snapshot(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    first = await running(client, admin, advertiser, creative=banner_tag())
    second = await running(client, admin, advertiser, creative=banner_tag())
    before = await snapshots.build(database, NO_SPEND, utcnow())
    await act(client, advertiser.headers, first["id"], "pause")
    after = await snapshots.refresh(
        database, NO_SPEND, before, [Change("campaign", (first["id"],))], utcnow()
    )
    assert set(after.campaigns) == {second["id"]}
    assert after.campaigns[second["id"]] is before.campaigns[second["id"]]
    assert set(before.campaigns) == {first["id"], second["id"]}
    assert after.version == before.version + 1
    assert after.stats["refresh_seconds"] > 0
    assert snapshots.changed_campaign_ids(before, after) == {first["id"]}
    await act(client, advertiser.headers, first["id"], "run")
    again = await snapshots.refresh(
        database, NO_SPEND, after, [Change("campaign", (first["id"],))], utcnow()
    )
    assert set(again.campaigns) == {first["id"], second["id"]}


async def test_refresh_after_a_filter_list_edit_updates_its_items(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    h = advertiser.headers
    campaign = await running(client, admin, advertiser, creative=banner_tag())
    made = await client.post(
        f"{API}/filterlists",
        json={"name": "sites", "type": "domains", "mode": "white", "items": ["news.example"]},
        headers=h,
    )
    assert made.status_code == 201, made.text
    list_id = made.json()["id"]
    linked = await client.put(
        f"{API}/campaigns/{campaign['id']}/filterlists",
        json={"links": [{"filter_list_id": list_id}]},
        headers=h,
    )
    assert linked.status_code == 200, linked.text
    before = await snapshots.build(database, NO_SPEND, utcnow())
    assert before.campaigns[campaign["id"]].targeting.filter_links == (FilterLink(list_id, True),)
    assert before.filter_lists[list_id].values == frozenset({"news.example"})
    added = await client.post(
        f"{API}/filterlists/{list_id}/items", json={"items": ["Sport.Example"]}, headers=h
    )
    assert added.status_code == 200, added.text
    after = await snapshots.refresh(
        database, NO_SPEND, before, [Change("filterlist", (list_id,))], utcnow()
    )
    assert after.filter_lists[list_id].values == frozenset({"news.example", "sport.example"})
    assert before.filter_lists[list_id].values == frozenset({"news.example"})
    off = await client.patch(f"{API}/filterlists/{list_id}", json={"is_active": False}, headers=h)
    assert off.status_code == 200, off.text
    inactive = await snapshots.refresh(
        database, NO_SPEND, after, [Change("filterlist", (list_id,))], utcnow()
    )
    assert inactive.campaigns[campaign["id"]].targeting.filter_links == ()
    assert inactive.filter_lists == {}


async def test_refresh_by_creative_and_by_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    campaign = await running(client, admin, advertiser, creative=banner_tag())
    before = await snapshots.build(database, NO_SPEND, utcnow())
    paused = await client.patch(
        f"{API}/creatives/{campaign['creative_id']}",
        json={"is_active": False},
        headers=advertiser.headers,
    )
    assert paused.status_code == 200, paused.text
    after = await snapshots.refresh(
        database, NO_SPEND, before, [Change("creative", (campaign["creative_id"],))], utcnow()
    )
    assert after.campaigns == {}
    assert after.accounts == {}
    await client.patch(
        f"{API}/creatives/{campaign['creative_id']}",
        json={"is_active": True},
        headers=advertiser.headers,
    )
    account_id = advertiser.account_id or 0
    back = await snapshots.refresh(
        database, NO_SPEND, after, [Change("account", (account_id,))], utcnow()
    )
    assert set(back.campaigns) == {campaign["id"]}
    assert back.accounts[account_id].available_micros == 1000 * 1_000_000
    everything = await snapshots.refresh(database, NO_SPEND, back, [Change("all")], utcnow())
    assert set(everything.campaigns) == {campaign["id"]}
    assert everything.version == back.version + 1


async def test_spot_prices_are_keyed_by_spot_id(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    campaign = await running(client, admin, advertiser, creative=banner_tag())
    async with database.sessionmaker() as session, session.begin():
        site = await inventory.create_site(session, None, name="News", domain="news.example")
        spot = await inventory.create_spot(session, None, site_id=site.id, name="top", format_id=1)
        await campaigns.set_spot_price(
            session, advertiser.principal, campaign["id"], spot.id, Decimal("0.75")
        )
    snap = await snapshots.build(database, NO_SPEND, utcnow())
    assert snap.campaigns[campaign["id"]].spot_prices_micros == {str(spot.id): 750_000}


async def test_the_matcher_follows_a_refreshed_snapshot(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    h = advertiser.headers
    campaign = await running(
        client,
        admin,
        advertiser,
        creative=banner_tag(),
        targeting={"countries": {"include": ["US"]}},
    )
    made = await client.post(
        f"{API}/filterlists",
        json={"name": "blocked", "type": "domains", "mode": "black", "items": ["bad.example"]},
        headers=h,
    )
    list_id = made.json()["id"]
    await client.put(
        f"{API}/campaigns/{campaign['id']}/filterlists",
        json={"links": [{"filter_list_id": list_id}]},
        headers=h,
    )
    now = utcnow()
    before = await snapshots.build(database, NO_SPEND, now)
    matcher = IndexedMatcher.build(before)
    imp = ImpSpec("1", frozenset({"banner"}), sizes=((320, 50),))
    site = Features("a", country="US", domain="news.example", traffic_type="desktop_web")
    assert [c.campaign.id for c in matcher.candidates(site, imp, now)] == [campaign["id"]]
    assert matcher.candidates(replace(site, domain="www.bad.example"), imp, now) == []
    assert matcher.candidates(replace(site, country="DE"), imp, now) == []
    await client.post(
        f"{API}/filterlists/{list_id}/items", json={"items": ["news.example"]}, headers=h
    )
    after = await snapshots.refresh(
        database, NO_SPEND, before, [Change("filterlist", (list_id,))], now
    )
    patched = matcher.patched(after, snapshots.changed_campaign_ids(before, after))
    assert patched.candidates(site, imp, now) == []
    assert [c.campaign.id for c in matcher.candidates(site, imp, now)] == [campaign["id"]]


async def test_spend_counts_and_a_reached_budget_come_from_the_spend_reader(
    app: Any, client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> None:
    spent = await running(client, admin, advertiser, creative=banner_tag())
    exhausted = await running(client, admin, advertiser, creative=banner_tag())
    stamp = utcnow().isoformat().replace("+00:00", "Z")
    events = [
        event(spent["id"], "click", ts=stamp, cost="2.5"),
        event(exhausted["id"], "click", ts=stamp, cost="10"),
    ]
    assert (await post_events(client, advertiser.headers, events)).status_code == 202
    await app.state.events.flush()
    snap = await snapshots.build(database, app.state.events.spend_reader, utcnow())
    assert set(snap.campaigns) == {spent["id"]}
    entry = snap.campaigns[spent["id"]]
    assert (entry.spend_today_micros, entry.clicks_today) == (2_500_000, 1)


async def test_an_account_without_funds_has_no_campaign_in_the_snapshot(
    client: httpx.AsyncClient, admin: Actor, factory: Factory, database: Database
) -> None:
    poor = await factory.advertiser(balance=Decimal(0))
    await running(client, admin, poor, creative=banner_tag())
    snap = await snapshots.build(database, NO_SPEND, utcnow())
    assert snap.campaigns == {}
    assert snap.accounts == {}


async def test_campaigns_are_read_a_page_at_a_time(
    client: httpx.AsyncClient,
    admin: Actor,
    advertiser: Actor,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = [(await running(client, admin, advertiser, creative=banner_tag()))["id"] for _ in "abc"]
    monkeypatch.setattr(snapshots, "PAGE", 2)
    snap = await snapshots.build(database, NO_SPEND, utcnow())
    assert sorted(snap.campaigns) == made
    again = await snapshots.refresh(
        database, NO_SPEND, snap, [Change("campaign", tuple(made))], utcnow()
    )
    assert sorted(again.campaigns) == made
