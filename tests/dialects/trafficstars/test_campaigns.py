"""Campaigns v1.1 through the TrafficStars dialect: lifecycle, fields and derived state."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from adplane.kit.time import utcnow
from tests.conftest import Actor, Factory
from tests.dialects.trafficstars.conftest import Inventory
from tests.dialects.trafficstars.helpers import (
    BASE,
    CREATE_BODY,
    assert_campaign_shape,
    bearer,
    create,
)

C = f"{BASE}/v1.1/campaigns"


@pytest.fixture
def ts(advertiser: Actor) -> dict[str, str]:
    return bearer(advertiser.api_key)


async def _approve(client: httpx.AsyncClient, admin: Actor, campaign_id: int) -> None:
    response = await client.post(f"/api/v1/campaigns/{campaign_id}/approve", headers=admin.headers)
    assert response.status_code == 200, response.text


async def _get(client: httpx.AsyncClient, headers: dict[str, str], cid: int) -> dict[str, Any]:
    response = await client.get(f"{C}/{cid}", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_created_campaign_reads_back(client: httpx.AsyncClient, ts: dict[str, str]) -> None:
    created = await create(client, ts)
    assert_campaign_shape(created, "create_campaign")
    assert await _get(client, ts, created["id"]) == created


async def test_a_created_campaign_waits_for_approval_and_runs(
    client: httpx.AsyncClient, ts: dict[str, str], advertiser: Actor
) -> None:
    created = await create(client, ts)
    assert created["name"] == "My campaign"
    assert created["price"] == 0.1
    assert created["max_daily"] == 1000
    assert created["weight"] == 5
    assert created["hours_targeting"] == "111111111111111111"
    assert created["enabled_subids"] == ["subID_1", "subID_2"]
    assert created["user_id"] == advertiser.user_id
    assert (created["status"], created["approved"], created["active"]) == (
        "unapproved",
        "pending",
        True,
    )
    assert created["stopped"] is None
    assert created["no_funds"] is False
    assert created["is_archived"] is False


async def test_an_approved_campaign_is_enabled_and_pauses(
    client: httpx.AsyncClient, ts: dict[str, str], admin: Actor
) -> None:
    created = await create(client, ts)
    await _approve(client, admin, created["id"])
    assert (await _get(client, ts, created["id"]))["status"] == "enabled"
    paused = await client.put(f"{C}/{created['id']}/pause", headers=ts)
    assert paused.status_code == 200, paused.text
    assert_campaign_shape(paused.json(), "run_campaign")
    assert (paused.json()["status"], paused.json()["active"]) == ("paused", False)
    run = await client.put(f"{C}/{created['id']}/run", headers=ts)
    assert (run.json()["status"], run.json()["active"]) == ("enabled", True)


async def test_a_campaign_without_funds_says_so(
    client: httpx.AsyncClient, factory: Factory, admin: Actor
) -> None:
    broke = await factory.advertiser(balance=Decimal(0))
    headers = bearer(broke.api_key)
    created = await create(client, headers)
    await _approve(client, admin, created["id"])
    running = await _get(client, headers, created["id"])
    assert (running["status"], running["no_funds"], running["stopped"]) == (
        "no_funds_active",
        True,
        "no_funds",
    )
    await client.put(f"{C}/{created['id']}/pause", headers=headers)
    assert (await _get(client, headers, created["id"]))["status"] == "no_funds_paused"


async def test_a_draft_is_saved_then_published(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    draft = await create(client, ts, "/v1.1/campaigns/draft")
    assert_campaign_shape(draft, "create_draft")
    assert (draft["status"], draft["approved"], draft["active"]) == ("draft", "pending", False)
    edited = await client.patch(f"{C}/{draft['id']}/draft", json={"price": 0.2}, headers=ts)
    assert edited.status_code == 200, edited.text
    assert_campaign_shape(edited.json(), "edit_draft")
    assert edited.json()["price"] == 0.2
    published = await client.post(C, json={"id": draft["id"], "weight": 7}, headers=ts)
    assert published.status_code == 200, published.text
    body = published.json()
    assert body["id"] == draft["id"]
    assert (body["status"], body["active"], body["weight"], body["price"]) == (
        "unapproved",
        True,
        7,
        0.2,
    )


async def test_a_draft_needs_only_a_name(client: httpx.AsyncClient, ts: dict[str, str]) -> None:
    response = await client.post(f"{C}/draft", json={"name": "Idea"}, headers=ts)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "draft"


async def test_an_incomplete_draft_cannot_be_published(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    draft = (await client.post(f"{C}/draft", json={"name": "Idea"}, headers=ts)).json()
    response = await client.post(C, json={"id": draft["id"], "price": 0.5}, headers=ts)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"format_id", "max_daily", "hours_targeting"}
    # Nothing of the failed request stayed behind, not even the price it carried.
    after = await _get(client, ts, draft["id"])
    assert (after["status"], after["price"]) == ("draft", 0)


async def test_publishing_a_published_campaign_conflicts(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    created = await create(client, ts)
    response = await client.post(C, json={"id": created["id"]}, headers=ts)
    assert response.status_code == 409
    assert response.json()["error"] == "conflict"


async def test_draft_edits_are_for_drafts_only(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    created = await create(client, ts)
    response = await client.patch(f"{C}/{created['id']}/draft", json={"price": 1}, headers=ts)
    assert response.status_code == 409


async def test_a_draft_cannot_run(client: httpx.AsyncClient, ts: dict[str, str]) -> None:
    draft = await create(client, ts, "/v1.1/campaigns/draft")
    response = await client.put(f"{C}/{draft['id']}/run", headers=ts)
    assert response.status_code == 409
    assert response.json()["code"] == 409


async def test_editing_changes_only_what_is_sent(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    created = await create(client, ts, countries=["JP"])
    response = await client.patch(f"{C}/{created['id']}", json={"price": 0.2}, headers=ts)
    assert response.status_code == 200, response.text
    edited = response.json()
    assert_campaign_shape(edited, "edit_campaign")
    assert edited["price"] == 0.2
    unchanged = {k: v for k, v in edited.items() if k not in {"price", "price_rtb", "updated_at"}}
    assert unchanged == {
        k: v for k, v in created.items() if k not in {"price", "price_rtb", "updated_at"}
    }


async def test_editing_a_rejected_campaign_sends_it_back_to_review(
    client: httpx.AsyncClient, ts: dict[str, str], admin: Actor
) -> None:
    created = await create(client, ts)
    rejected = await client.post(
        f"/api/v1/campaigns/{created['id']}/reject",
        json={"reason_codes": [1, 3], "comment": "lander is down"},
        headers=admin.headers,
    )
    assert rejected.status_code == 200
    seen = await _get(client, ts, created["id"])
    assert (seen["status"], seen["approved"]) == ("rejected", "rejected")
    assert (seen["reject_reason"], seen["reject_comment"]) == ([1, 3], "lander is down")
    edited = await client.patch(f"{C}/{created['id']}", json={"name": "Fixed"}, headers=ts)
    assert (edited.json()["status"], edited.json()["approved"]) == ("unapproved", "pending")


async def test_a_campaign_read_can_be_sent_back_as_an_edit(
    client: httpx.AsyncClient, ts: dict[str, str], admin: Actor
) -> None:
    created = await create(client, ts, countries=["JP"], schedule_timezone=3)
    await client.post(
        f"/api/v1/campaigns/{created['id']}/reject",
        json={"reason_codes": [2]},
        headers=admin.headers,
    )
    read = await _get(client, ts, created["id"])
    response = await client.patch(f"{C}/{created['id']}", json=read, headers=ts)
    assert response.status_code == 200, response.text
    after = response.json()
    for key in ("name", "price", "countries", "schedule_start_time", "schedule_timezone"):
        assert after[key] == read[key]
    history = await client.get(f"/api/v1/campaigns/{created['id']}/history", headers=admin.headers)
    # Sending back what was read changes nothing but the (rejected -> pending) review state.
    assert history.json()["items"][-1]["changes"] == {}


async def test_the_deprecated_push_option_leaves_other_options_alone(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    created = await create(client, ts, format_id=63, ad_format_options=["pre-roll"])
    response = await client.patch(
        f"{C}/{created['id']}", json={"push_format_option": "all"}, headers=ts
    )
    assert response.status_code == 200, response.text
    assert response.json()["ad_format_options"] == ["pre-roll"]


async def test_only_a_moderator_rejects_through_the_dialect(
    client: httpx.AsyncClient, ts: dict[str, str], admin: Actor
) -> None:
    created = await create(client, ts)
    refused = await client.patch(f"{C}/{created['id']}", json={"reject_reason": [1]}, headers=ts)
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["field"] == "reject_reason"
    moderated = await client.patch(
        f"{C}/{created['id']}",
        json={"reject_reason": [4], "reject_comment": "free site"},
        headers=bearer(admin.api_key),
    )
    assert moderated.status_code == 200, moderated.text
    assert (moderated.json()["status"], moderated.json()["reject_reason"]) == ("rejected", [4])


async def test_fields_round_trip(
    client: httpx.AsyncClient, ts: dict[str, str], inventory: Inventory
) -> None:
    fields: dict[str, Any] = {
        "countries": ["JP", "us"],
        "geo_targets": ["US.4797", "UK.1515"],  # California, England (NOTES.md)
        "browsers": [1, 2, 3],
        "browser_versions": [4],
        "oses": [5],
        "os_versions": [6],
        "devices": [7],
        "device_brands": [8],
        "device_models": [9],
        "device_release_date_offset": 3,
        "device_price_on_release_from": 100,
        "device_price_on_release_to": 500.5,
        "languages": [10],
        "carriers": [11],
        "categories": [1, 2],
        "exclude_categories": [3],
        "keywords": ["key", "word"],
        "disabled_subids": ["subID"],
        "ip_range": "10.0.0.0/8,1.2.3.4-1.2.3.9",
        "exclude_ip_range": "192.168.0.1",
        "flat_rate": 12.5,
        "flat_rate_amount": 3,
        "adblock": True,
        "private_browsing": False,
        "flash": True,
        "price_mode": "fixed",
        "allow_setting_any_price": True,
        "price_rtb": 0.05,
        "disable_rtb": True,
        "use_total_budget": True,
        "total_budget": 5000,
        "type": "video",
        "is_exclusive": True,
        "is_backup": True,
        "traced": True,
        "group_id": 42,
        "last_note": "some comment here",
        "traffic_type": "members_area",
        "traffic_source_type": "direct",
        "network_traffic_type": "proxy",
        "push_subscription_interval": "11_21",
        "test_period_budget": 25,
        "retargeting_list_id": "a790496f-7ca3-46eb-a817-fa369cef12e1",
        "native_creatives_limit": 4,
        "postback_payout_modifier": True,
        "postback_payout_modifier_percent": 80,
        "enabled_applications": [100, 101],
        "disabled_applications": [102],
        "spots": [inventory.spot_ids[0]],
        "adspots": [inventory.codenames[1]],
        "exclude_spots": [inventory.spot_ids[2]],
        "sites": [inventory.site_ids[0]],
        "exclude_sites": [inventory.site_ids[1]],
        "stretch_time": False,
    }
    created = await create(client, ts, **fields)
    assert_campaign_shape(created, "get_campaign")
    expected = {
        **fields,
        "countries": ["JP", "US"],
        "spots": inventory.spot_ids[:2],
        "adspots": inventory.codenames[:2],
        "is_traced": True,
        "backup": True,
        "exclusive": True,
        "test_period": True,
        "is_prime": False,
    }
    expected.pop("traced")
    for key, value in expected.items():
        assert created[key] == value, key


async def test_schedule_times_are_wall_clock_in_the_schedule_zone(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    created = await create(
        client,
        ts,
        schedule_timezone=3,
        schedule_start_time="2031-05-01 08:00:00",
        schedule_end_time="2031-06-01 20:30:00",
    )
    assert created["schedule_timezone"] == created["timezone"] == 3
    assert created["schedule_start_time"] == "2031-05-01 08:00:00"
    assert created["schedule_end_time"] == "2031-06-01 20:30:00"
    native = (await client.get(f"/api/v1/campaigns/{created['id']}", headers=ts)).json()
    assert native["timezone"] == "Etc/GMT-3"
    assert native["start_at"].startswith("2031-05-01T05:00:00")
    # A new zone keeps the wall clock.
    moved = await client.patch(f"{C}/{created['id']}", json={"schedule_timezone": -5}, headers=ts)
    assert moved.json()["schedule_start_time"] == "2031-05-01 08:00:00"
    native = (await client.get(f"/api/v1/campaigns/{created['id']}", headers=ts)).json()
    assert native["start_at"].startswith("2031-05-01T13:00:00")


async def test_a_past_start_means_now(client: httpx.AsyncClient, ts: dict[str, str]) -> None:
    created = await create(client, ts, schedule_start_time="2017-01-31 00:00:00")
    assert created["schedule_start_time"] > "2020-01-01"
    assert created["schedule_end_time"] == ""


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ({"hours_retargeting": "0101"}, {"hours_targeting": "0101"}),
        ({"backup": True}, {"backup": True, "is_backup": True}),
        ({"exclusive": True}, {"exclusive": True, "is_exclusive": True}),
        ({"is_prime": True}, {"traffic_type": "prime", "is_prime": True}),
        (
            {"format_id": 104, "push_format_option": "web_push"},
            {"push_format_option": "web_push", "ad_format_options": ["web_push"]},
        ),
        (
            {"format_id": 104, "push_format_options": "in_page_push"},
            {"push_format_options": "in_page_push", "push_format_option": "in_page_push"},
        ),
        (
            {"format_id": 63, "ad_format_options": ["pre-roll", "outstream"]},
            {"ad_format_options": ["pre-roll", "outstream"], "push_format_option": "all"},
        ),
        ({"stretch_time": True}, {"stretch_time": True}),
        ({"test_period": False, "test_period_budget": 9}, {"test_period": True}),
    ],
    ids=[
        "hours_retargeting",
        "backup",
        "exclusive",
        "is_prime",
        "push_format_option",
        "push_format_options",
        "ad_format_options",
        "stretch_time",
        "test_period_budget wins",
    ],
)
async def test_both_spellings_of_a_field_are_understood(
    client: httpx.AsyncClient, ts: dict[str, str], sent: dict[str, Any], shown: dict[str, Any]
) -> None:
    body = {**CREATE_BODY, **sent}
    if "hours_retargeting" in sent:
        body.pop("hours_targeting")
    response = await client.post(C, json=body, headers=ts)
    assert response.status_code == 200, response.text
    for key, value in shown.items():
        assert response.json()[key] == value, key


async def test_save_as_copies_with_changes(
    client: httpx.AsyncClient, ts: dict[str, str], inventory: Inventory
) -> None:
    source = await create(client, ts)
    spot = inventory.spot_ids[0]
    await client.post(f"{C}/{source['id']}/spot/{spot}/price", json={"price": 0.3}, headers=ts)
    response = await client.post(f"{C}/{source['id']}/save_as", json={"price": 0.2}, headers=ts)
    assert response.status_code == 200, response.text
    copy = response.json()
    assert_campaign_shape(copy, "save_as")
    assert copy["id"] != source["id"]
    assert (copy["name"], copy["price"], copy["status"], copy["active"]) == (
        "My campaign",
        0.2,
        "unapproved",
        False,
    )
    assert (await _get(client, ts, source["id"]))["price"] == 0.1
    prices = (await client.get(f"{C}/{copy['id']}/prices", headers=ts)).json()
    assert [(p["spot_id"], p["price"]) for p in prices] == [(spot, 0.3)]
    bare = await client.post(
        f"{C}/{source['id']}/save_as", json={"name": "Bare", "spot_prices": False}, headers=ts
    )
    assert bare.json()["name"] == "Bare"
    assert (await client.get(f"{C}/{bare.json()['id']}/prices", headers=ts)).json() == []


async def test_clone_names_the_copy_and_leaves_it_paused(
    client: httpx.AsyncClient, ts: dict[str, str], admin: Actor
) -> None:
    source = await create(client, ts)
    await _approve(client, admin, source["id"])
    response = await client.post(f"{C}/{source['id']}/clone", headers=ts)
    assert response.status_code == 200, response.text
    copy = response.json()
    assert_campaign_shape(copy, "clone_campaign")
    assert copy["name"] == f"My campaign, clone from ID {source['id']}"
    assert (copy["status"], copy["approved"], copy["active"]) == ("unapproved", "pending", False)


async def test_a_draft_clones_as_a_draft(client: httpx.AsyncClient, ts: dict[str, str]) -> None:
    draft = await create(client, ts, "/v1.1/campaigns/draft")
    for path in ("clone", "clone/draft"):
        response = await client.post(f"{C}/{draft['id']}/{path}", headers=ts)
        assert response.status_code == 200, response.text
        assert_campaign_shape(response.json(), "clone_draft")
        assert response.json()["status"] == "draft"


async def test_clone_draft_of_a_published_campaign_conflicts(
    client: httpx.AsyncClient, ts: dict[str, str]
) -> None:
    created = await create(client, ts)
    response = await client.post(f"{C}/{created['id']}/clone/draft", headers=ts)
    assert response.status_code == 409


async def test_clone_can_leave_spot_prices_behind(
    client: httpx.AsyncClient, ts: dict[str, str], inventory: Inventory
) -> None:
    source = await create(client, ts)
    spot = inventory.spot_ids[1]
    await client.post(f"{C}/{source['id']}/spot/{spot}/price", json={"price": 0.4}, headers=ts)
    with_prices = (await client.post(f"{C}/{source['id']}/clone", headers=ts)).json()
    without = (
        await client.post(f"{C}/{source['id']}/clone", params={"spot_prices": "false"}, headers=ts)
    ).json()
    by_body = (
        await client.post(f"{C}/{source['id']}/clone", json={"spot_prices": False}, headers=ts)
    ).json()
    assert len((await client.get(f"{C}/{with_prices['id']}/prices", headers=ts)).json()) == 1
    assert (await client.get(f"{C}/{without['id']}/prices", headers=ts)).json() == []
    assert (await client.get(f"{C}/{by_body['id']}/prices", headers=ts)).json() == []


async def test_an_admin_creates_a_campaign_for_a_user(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    created = await create(client, bearer(admin.api_key), user_id=advertiser.user_id)
    mine = await client.get(f"{C}/{created['id']}", headers=bearer(advertiser.api_key))
    assert mine.status_code == 200
    native = (await client.get(f"/api/v1/campaigns/{created['id']}", headers=admin.headers)).json()
    assert native["account_id"] == advertiser.account_id


async def test_an_admin_must_name_the_user(client: httpx.AsyncClient, admin: Actor) -> None:
    response = await client.post(C, json=CREATE_BODY, headers=bearer(admin.api_key))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "user_id"


async def test_an_advertiser_cannot_create_for_another_user(
    client: httpx.AsyncClient, ts: dict[str, str], other_advertiser: Actor
) -> None:
    response = await client.post(
        C, json={**CREATE_BODY, "user_id": other_advertiser.user_id}, headers=ts
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "user_id"
    listed = (await client.get(C, headers=bearer(other_advertiser.api_key))).json()
    assert listed == {"response": []}


async def test_spending_is_the_total_spend(client: httpx.AsyncClient, ts: dict[str, str]) -> None:
    created = await create(client, ts)
    response = await client.get(f"{C}/{created['id']}/spending", headers=ts)
    assert response.status_code == 200
    assert response.json() == {"id": created["id"], "total": 0}


async def test_spending_and_the_budget_state_follow_the_events(
    client: httpx.AsyncClient, app: Any, ts: dict[str, str], advertiser: Actor, admin: Actor
) -> None:
    created = await create(client, ts, use_total_budget=True, total_budget=2)
    await _approve(client, admin, created["id"])
    now = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    events = [
        {
            "event_id": f"ts-spend-{created['id']}-{index}",
            "type": "impression",
            "ts": now,
            "campaign_id": created["id"],
            "cost": cost,
        }
        for index, cost in enumerate(["0.75", "0.5", "0.5", "0.5"])
    ]
    posted = await client.post("/api/v1/events", json={"events": events}, headers=admin.headers)
    assert posted.status_code == 202, posted.text
    await app.state.events.flush()
    spending = await client.get(f"{C}/{created['id']}/spending", headers=ts)
    assert spending.json() == {"id": created["id"], "total": 2.25}
    campaign = await _get(client, ts, created["id"])
    assert (campaign["spent_today"], campaign["ecpm"]) == (2.25, 562.5)
    assert campaign["status"] == "total_budget_is_reached"
    reached = await client.get(f"{C}?status[]=total_budget_is_reached", headers=ts)
    assert [c["id"] for c in reached.json()["response"]] == [created["id"]]


async def test_a_zone_set_elsewhere_survives_its_offset_sent_back(
    client: httpx.AsyncClient, ts: dict[str, str], advertiser: Actor
) -> None:
    created = await create(client, ts, schedule_end_time="2031-01-15 12:00:00")
    native = await client.patch(
        f"/api/v1/campaigns/{created['id']}",
        json={"timezone": "Asia/Tokyo"},
        headers=advertiser.headers,
    )
    assert native.status_code == 200, native.text
    read = await _get(client, ts, created["id"])
    assert read["schedule_timezone"] == 9
    await client.patch(f"{C}/{created['id']}", json=read, headers=ts)
    after = await client.get(f"/api/v1/campaigns/{created['id']}", headers=advertiser.headers)
    assert after.json()["timezone"] == "Asia/Tokyo"
