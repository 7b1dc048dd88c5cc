"""The Topsort dialect in process: create, list, budgets, review, segments, errors."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from adplane.accounts import service as accounts
from adplane.accounts.principal import Role
from adplane.campaigns import service as campaign_service
from adplane.dialects.topsort import errors as topsort_errors
from adplane.inventory import service as inventory
from adplane.kit.db import Database
from tests.conftest import Actor, Factory
from tests.support.native import API, act, create_campaign
from tests.support.wire import wire_body

BASE = "/topsort/public/v1/campaign-service/campaigns"


async def _create(
    client: httpx.AsyncClient, actor: Actor, *, params: dict[str, str] | None = None, **body: Any
) -> dict[str, Any]:
    response = await client.post(
        BASE, json={"name": "C", **body}, params=params, headers=actor.headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _patch(
    client: httpx.AsyncClient, actor: Actor, campaign: dict[str, Any], **body: Any
) -> httpx.Response:
    return await client.patch(f"{BASE}/{campaign['campaignId']}", json=body, headers=actor.headers)


async def _native(client: httpx.AsyncClient, actor: Actor, campaign: dict[str, Any]) -> Any:
    items = (await client.get(f"{API}/campaigns", headers=actor.headers)).json()["items"]
    return next(c for c in items if c["uuid"] == campaign["campaignId"])


def _fields(response: httpx.Response) -> list[str]:
    assert response.status_code == 422, response.text
    return [e["loc"][1] for e in response.json()["detail"]]


# create


async def test_a_new_campaign_has_topsorts_defaults(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    created = await _create(client, advertiser, name="Listing")
    assert created["adFormat"] == "listing"
    assert created["chargeType"] == "CPC"
    assert created["campaignType"] == "manual"
    assert (created["isActive"], created["status"]) == (True, "pending")
    assert created["budget"] is None
    assert created["endDate"] is None
    assert created["startDate"] == created["createdAt"]
    banner = await _create(client, advertiser, adFormat="banner")
    assert banner["chargeType"] == "CPM"


async def test_the_marketplace_key_creates_for_a_named_vendor(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    vendor = (await _create(client, advertiser))["vendorId"]
    created = await _create(client, admin, params={"vendor_id": vendor}, name="For the vendor")
    assert created["vendorId"] == vendor
    listed = (await client.get(BASE, headers=advertiser.headers)).json()["campaigns"]
    assert created["campaignId"] in [c["campaignId"] for c in listed]
    missing = await client.post(BASE, json={"name": "X"}, headers=admin.headers)
    assert _fields(missing) == ["vendor_id"]
    assert missing.json()["detail"][0]["loc"] == ["query", "vendor_id"]


async def test_a_vendor_cannot_create_for_another_vendor(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    theirs = (await _create(client, other_advertiser))["vendorId"]
    response = await client.post(
        BASE, json={"name": "X"}, params={"vendor_id": theirs}, headers=advertiser.headers
    )
    assert response.status_code == 404


async def test_create_takes_an_initial_banner_status_from_the_marketplace_only(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    vendor = (await _create(client, advertiser))["vendorId"]
    approved = await _create(
        client, admin, params={"vendor_id": vendor}, adFormat="banner", status="approved"
    )
    assert approved["status"] == "approved"
    refused = await client.post(
        BASE,
        json={"name": "X", "adFormat": "banner", "status": "approved"},
        headers=advertiser.headers,
    )
    assert refused.status_code == 403
    assert set(wire_body(refused)) == {"detail"}


async def test_bids_in_a_create_request_are_accepted_and_not_stored(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    bids = [{"amount": 1, "target": {"id": "p_8983", "type": "product"}}]
    created = await _create(client, advertiser, bids=bids)
    assert created["bidCount"] == 0


async def test_exclusivity_price_only_on_an_exclusive_campaign(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    exclusive = await _create(
        client,
        advertiser,
        campaignType="exclusive",
        adFormat="exclusive_banner",
        exclusivityPrice=12345,
    )
    assert exclusive["exclusivityPrice"] == 12345
    response = await client.post(
        BASE, json={"name": "X", "exclusivityPrice": 100}, headers=advertiser.headers
    )
    assert _fields(response) == ["exclusivityPrice"]


# budgets


async def test_a_budget_type_sets_the_core_budget_that_enforces_it(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for kind, daily, period, total in (
        ("daily", "70.000000", None, None),
        ("weekly", "10.000000", "70.000000", None),
        ("monthly", "2.333333", "70.000000", None),
        ("total", None, None, "70.000000"),
    ):
        created = await _create(client, advertiser, budget={"amount": 7000, "type": kind})
        assert created["budget"] == {
            "amount": 7000,
            "amountRemaining": 7000,
            "amountCarryover": 0,
            "amountUsed": 0,
            "type": kind,
        }
        native = await _native(client, advertiser, created)
        assert (native["daily_budget"], native["period_budget"], native["total_budget"]) == (
            daily,
            period,
            total,
        ), kind
        assert native["use_total_budget"] is (kind == "total")


async def test_a_partial_budget_keeps_the_other_part(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await _create(client, advertiser, budget={"amount": 7000, "type": "weekly"})
    amount_only = (await _patch(client, advertiser, campaign, budget={"amount": 1400})).json()
    assert (amount_only["budget"]["type"], amount_only["budget"]["amount"]) == ("weekly", 1400)
    type_only = (await _patch(client, advertiser, campaign, budget={"type": "daily"})).json()
    assert (type_only["budget"]["type"], type_only["budget"]["amount"]) == ("daily", 1400)
    bare = await _create(client, advertiser)
    assert _fields(await _patch(client, advertiser, bare, budget={"type": "daily"})) == ["budget"]


async def _account(database: Database, currency: str) -> Actor:
    async with database.sessionmaker() as session, session.begin():
        account = await accounts.create_account(session, None, name=currency, currency=currency)
    return await Factory(database).user(Role.ADVERTISER, account_id=account.id)


async def test_money_is_in_minor_units_of_the_account_currency(
    client: httpx.AsyncClient, database: Database
) -> None:
    for currency, major in (("USD", "12.340000"), ("JPY", "1234.000000"), ("KWD", "1.234000")):
        vendor = await _account(database, currency)
        created = await _create(client, vendor, budget={"amount": 1234, "type": "daily"})
        assert created["budget"]["amount"] == 1234
        assert (await _native(client, vendor, created))["daily_budget"] == major, currency


async def test_budget_use_comes_from_real_spend(
    client: httpx.AsyncClient, app: Any, admin: Actor, advertiser: Actor
) -> None:
    daily = await _create(client, advertiser, budget={"amount": 1000, "type": "daily"})
    total = await _create(client, advertiser, budget={"amount": 100000, "type": "total"})
    monthly = await _create(client, advertiser, budget={"amount": 3000, "type": "monthly"})
    now = datetime.now(UTC).isoformat()
    events = [
        {"event_id": uuid.uuid4().hex, "type": "win", "ts": now, "campaign_id": cid, "cost": cost}
        for cid, cost in (
            ((await _native(client, advertiser, daily))["id"], "2.5"),
            ((await _native(client, advertiser, total))["id"], "40"),
            ((await _native(client, advertiser, monthly))["id"], "1.25"),
        )
    ]
    posted = await client.post(f"{API}/events", json={"events": events}, headers=admin.headers)
    assert posted.status_code == 202, posted.text
    await app.state.events.flush()
    listed = (await client.get(BASE, headers=advertiser.headers)).json()["campaigns"]
    budgets = {c["campaignId"]: c["budget"] for c in listed}
    assert budgets[daily["campaignId"]] == {
        "amount": 1000,
        "amountRemaining": 750,
        "amountCarryover": 0,
        "amountUsed": 250,
        "type": "daily",
    }
    assert budgets[total["campaignId"]]["amountUsed"] == 4000
    assert budgets[total["campaignId"]]["amountRemaining"] == 96000
    assert budgets[monthly["campaignId"]]["amountUsed"] == 125
    assert budgets[monthly["campaignId"]]["amountRemaining"] == 2875


# updates


async def test_null_fields_leave_the_campaign_as_it_is(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await _create(client, advertiser, name="Keep", isSmart=True, targetRoas=3)
    response = await _patch(
        client, advertiser, campaign, name=None, isSmart=None, targetRoas=None, budget=None
    )
    assert response.status_code == 200
    got = response.json()
    assert (got["name"], got["isSmart"], got["targetRoas"]) == ("Keep", True, 3.0)


async def test_is_active_pauses_and_runs_the_campaign(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await _create(client, advertiser)
    paused = (await _patch(client, advertiser, campaign, isActive=False)).json()
    assert paused["isActive"] is False
    assert (await _native(client, advertiser, campaign))["is_active"] is False
    running = (await _patch(client, advertiser, campaign, isActive=True)).json()
    assert running["isActive"] is True


@pytest.mark.parametrize("start", ["manual", "exclusive"])
async def test_campaign_type_changes_only_to_autobidding(
    client: httpx.AsyncClient, advertiser: Actor, start: str
) -> None:
    campaign = await _create(client, advertiser, campaignType=start)
    response = await _patch(
        client, advertiser, campaign, campaignType="autobidding", autobiddingObjective="revenue"
    )
    assert response.status_code == 200, response.text
    assert response.json()["campaignType"] == "autobidding"
    assert response.json()["autobiddingObjective"] == "revenue"
    back = await _patch(client, advertiser, campaign, campaignType=start)
    assert _fields(back) == ["campaignType"]


async def test_product_ids_hold_one_to_two_hundred_items_on_banners(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    banner = await _create(client, advertiser, adFormat="banner")
    ok = await _patch(client, advertiser, banner, productIds=[f"p{i}" for i in range(200)])
    assert ok.status_code == 200
    assert _fields(await _patch(client, advertiser, banner, productIds=[])) == ["productIds"]
    too_many = [f"p{i}" for i in range(201)]
    assert _fields(await _patch(client, advertiser, banner, productIds=too_many)) == ["productIds"]
    listing = await _create(client, advertiser)
    assert _fields(await _patch(client, advertiser, listing, productIds=["p"])) == ["productIds"]


async def test_an_advertiser_cannot_review_and_nothing_changes(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    banner = await _create(client, advertiser, adFormat="banner")
    response = await _patch(client, advertiser, banner, name="Changed", status="approved")
    assert response.status_code == 403
    after = (await client.get(f"{BASE}/{banner['campaignId']}", headers=advertiser.headers)).json()
    assert (after["name"], after["status"]) == ("C", "pending")


async def test_a_rejection_records_its_reason(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    banner = await _create(client, advertiser, adFormat="banner")
    response = await _patch(
        client,
        admin,
        banner,
        status="rejected",
        bannerAdRejectionReason={"declineReason": "Blurry", "reasonDetails": "Use 2x assets"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "rejected"
    native = await _native(client, advertiser, banner)
    assert (native["approval"], native["decline_reason"], native["reject_comment"]) == (
        "rejected",
        "Blurry",
        "Use 2x assets",
    )


async def test_status_updated_by_names_an_existing_admin(
    client: httpx.AsyncClient, factory: Factory, admin: Actor, advertiser: Actor
) -> None:
    banner = await _create(client, advertiser, adFormat="banner")
    reviewer = await factory.admin()
    users = await client.get(f"{API}/users", params={"page_size": 100}, headers=admin.headers)
    uuids = {u["id"]: u["uuid"] for u in users.json()["items"]}
    ok = await _patch(
        client, admin, banner, status="approved", statusUpdatedBy=uuids[reviewer.user_id]
    )
    assert ok.json()["statusUpdatedBy"] == uuids[reviewer.user_id]
    unknown = await _patch(client, admin, banner, statusUpdatedBy=str(uuid.uuid4()))
    assert _fields(unknown) == ["statusUpdatedBy"]
    not_admin = await _patch(client, admin, banner, statusUpdatedBy=uuids[advertiser.user_id])
    assert _fields(not_admin) == ["statusUpdatedBy"]
    listing = await _create(client, advertiser)
    on_listing = await _patch(client, admin, listing, statusUpdatedBy=uuids[admin.user_id])
    assert "status" in _fields(on_listing)


async def test_status_updated_by_shows_the_native_reviewer(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await _create(client, advertiser)
    native = await _native(client, advertiser, campaign)
    await act(client, admin.headers, native["id"], "approve")
    users = await client.get(f"{API}/users", params={"page_size": 100}, headers=admin.headers)
    admin_uuid = next(u["uuid"] for u in users.json()["items"] if u["id"] == admin.user_id)
    got = (await client.get(f"{BASE}/{campaign['campaignId']}", headers=advertiser.headers)).json()
    assert (got["status"], got["statusUpdatedBy"]) == ("approved", admin_uuid)


async def test_segment_configs_refer_to_visible_segments_and_update_separately(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    shared = (
        await client.post(f"{API}/segments", json={"name": "S"}, headers=admin.headers)
    ).json()
    own = (
        await client.post(f"{API}/segments", json={"name": "O"}, headers=advertiser.headers)
    ).json()
    foreign = (
        await client.post(f"{API}/segments", json={"name": "F"}, headers=other_advertiser.headers)
    ).json()
    campaign = await _create(
        client,
        advertiser,
        targetingFilters={"isActive": True, "targetingFilters": [{"segmentId": shared["id"]}]},
    )
    changed = (
        await _patch(
            client,
            advertiser,
            campaign,
            multiplierConfig={
                "isActive": False,
                "multipliers": [{"segmentId": own["id"], "multiplier": 1.5}],
            },
        )
    ).json()
    assert changed["targetingFilters"] == {
        "isActive": True,
        "targetingFilters": [{"type": "audience", "segmentId": shared["id"]}],
    }
    assert changed["multiplierConfig"] == {
        "isActive": False,
        "multipliers": [{"type": "audience", "segmentId": own["id"], "multiplier": 1.5}],
    }
    refused = await _patch(
        client,
        advertiser,
        campaign,
        exclusionFilters={"exclusionFilters": [{"segmentId": foreign["id"]}]},
    )
    assert _fields(refused) == ["exclusionFilters"]
    assert str(foreign["id"]) in refused.json()["detail"][0]["msg"]


async def test_wrong_types_are_422s_naming_the_field(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await _create(client, advertiser)
    for body, field in (
        ({"isActive": "sometimes"}, "isActive"),
        ({"startDate": "yesterday"}, "startDate"),
        ({"budget": {"amount": "<unknown>"}}, "budget"),
        ({"budget": {"amount": 2_000_000_000}}, "budget"),
        ({"statusUpdatedBy": "not-a-uuid"}, "statusUpdatedBy"),
        (
            {"multiplierConfig": {"multipliers": [{"segmentId": 1, "multiplier": 0}]}},
            "multiplierConfig",
        ),
    ):
        assert _fields(await _patch(client, advertiser, campaign, **body)) == [field], body


async def test_a_malformed_campaign_id_is_a_422(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(f"{BASE}/42", headers=advertiser.headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "campaign_id"]


# reading


async def test_an_archived_campaign_is_gone_for_topsort(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await _create(client, advertiser)
    native = await _native(client, advertiser, campaign)
    await act(client, advertiser.headers, native["id"], "archive")
    path = f"{BASE}/{campaign['campaignId']}"
    assert (await client.get(path, headers=advertiser.headers)).status_code == 404
    patched = await client.patch(path, json={"name": "X"}, headers=advertiser.headers)
    assert patched.status_code == 404
    listed = (await client.get(BASE, headers=advertiser.headers)).json()
    assert listed["campaigns"] == []


async def test_bid_count_counts_the_default_bid_and_the_spot_bids(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, bid_price="0.5")
    async with database.sessionmaker() as session, session.begin():
        site = await inventory.create_site(session, None, name="S", domain="s.example")
        for n in range(2):
            spot = await inventory.create_spot(
                session, None, site_id=site.id, name=f"spot{n}", format_id=None
            )
            await campaign_service.set_spot_price(
                session, advertiser.principal, campaign["id"], spot.id, Decimal("0.7")
            )
    got = (await client.get(f"{BASE}/{campaign['uuid']}", headers=advertiser.headers)).json()
    assert got["bidCount"] == 3


async def test_pricing_models_without_a_topsort_name_are_rendered_by_kind(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for pricing_model, charge in (("cpi", "CPA"), ("cpv", "CPM")):
        campaign = await create_campaign(client, advertiser.headers, pricing_model=pricing_model)
        got = (await client.get(f"{BASE}/{campaign['uuid']}", headers=advertiser.headers)).json()
        assert got["chargeType"] == charge
        assert got["adFormat"] == "listing"


async def test_the_list_pages_by_offset_and_limit(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    ids = [(await _create(client, advertiser, name=f"C{i}"))["campaignId"] for i in range(5)]
    seen: list[str] = []
    params: dict[str, Any] | None = {"limit": 2, "offset": 1}
    while params is not None:
        page = (await client.get(BASE, params=params, headers=advertiser.headers)).json()
        seen += [c["campaignId"] for c in page["campaigns"]]
        params = page["next"]
        assert page["hasMore"] is (params is not None)
    assert seen == ids[1:]
    odd = (
        await client.get(BASE, params={"limit": 3, "offset": 2}, headers=advertiser.headers)
    ).json()
    assert [c["campaignId"] for c in odd["campaigns"]] == ids[2:5]
    assert odd["hasMore"] is False
    newest = (
        await client.get(BASE, params={"sort_by_date": "desc"}, headers=advertiser.headers)
    ).json()
    assert [c["campaignId"] for c in newest["campaigns"]] == ids[::-1]
    too_big = await client.get(BASE, params={"limit": 101}, headers=advertiser.headers)
    assert _fields(too_big) == ["limit"]


async def test_the_list_filters_by_status_activity_and_vendor(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    approved = await _create(client, advertiser)
    await act(client, admin.headers, (await _native(client, advertiser, approved))["id"], "approve")
    paused = await _create(client, advertiser, isActive=False)
    theirs = await _create(client, other_advertiser)

    async def listed(actor: Actor, **params: Any) -> list[str]:
        body = (await client.get(BASE, params=params, headers=actor.headers)).json()
        return [c["campaignId"] for c in body["campaigns"]]

    assert await listed(advertiser, status="approved") == [approved["campaignId"]]
    assert await listed(advertiser, is_active="false") == [paused["campaignId"]]
    assert await listed(admin, vendor_id=theirs["vendorId"]) == [theirs["campaignId"]]
    assert await listed(advertiser, vendor_id=theirs["vendorId"]) == []
    assert await listed(admin, vendor_id="no-such-vendor") == []
    everyone = await listed(admin)
    assert {approved["campaignId"], paused["campaignId"], theirs["campaignId"]} <= set(everyone)


async def test_the_openapi_document_is_topsorts(client: httpx.AsyncClient) -> None:
    document = (await client.get("/topsort/openapi.json")).json()
    paths = document["paths"]
    assert set(paths) == {
        "/public/v1/campaign-service/campaigns",
        "/public/v1/campaign-service/campaigns/{campaign_id}",
    }
    assert set(paths["/public/v1/campaign-service/campaigns/{campaign_id}"]) == {"get", "patch"}
    update = document["components"]["schemas"]["CampaignUpdate"]["properties"]
    assert list(update) == [
        "name",
        "budget",
        "startDate",
        "endDate",
        "isActive",
        "isSmart",
        "campaignType",
        "status",
        "statusUpdatedBy",
        "isAutoTrigger",
        "targetRoas",
        "externalCampaignId",
        "multiplierConfig",
        "targetingFilters",
        "exclusionFilters",
        "chargeType",
        "autobiddingObjective",
        "productIds",
        "bannerAdRejectionReason",
    ]
    assert document["components"]["securitySchemes"]["Authorization"]["scheme"] == "bearer"


async def test_an_unexpected_error_is_a_fastapi_style_500() -> None:
    api = FastAPI()
    topsort_errors.install(api)

    @api.get("/boom")
    async def boom() -> None:
        raise RuntimeError("unexpected")

    transport = httpx.ASGITransport(app=api, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/boom")
    assert response.status_code == 500
    assert wire_body(response) == {"detail": "Internal Server Error"}


async def test_a_nul_character_is_a_422_never_a_database_error(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await _create(client, advertiser)
    response = await _patch(client, advertiser, campaign, externalCampaignId="a\u0000b")
    assert _fields(response) == ["externalCampaignId"]
    listed = await client.get(BASE, params={"vendor_id": "a\u0000"}, headers=admin.headers)
    assert _fields(listed) == ["vendor_id"]


async def test_numbers_stay_exact(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await _create(
        client, advertiser, targetRoas=10.123456, budget={"amount": 1000.0, "type": "daily"}
    )
    native = await _native(client, advertiser, campaign)
    assert native["target_roas"] == "10.123456"
    assert native["daily_budget"] == "10.000000"
    fraction = await _patch(client, advertiser, campaign, budget={"amount": 10.5})
    assert _fields(fraction) == ["budget"]


async def test_running_a_draft_is_a_conflict(client: httpx.AsyncClient, advertiser: Actor) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    response = await client.patch(
        f"{BASE}/{draft['uuid']}", json={"isActive": True}, headers=advertiser.headers
    )
    assert response.status_code == 409
    assert "draft" in response.json()["detail"]


@pytest.mark.parametrize("ad_format", ["listing", "sponsored_brand"])
async def test_only_banner_campaigns_take_a_review_status(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, ad_format: str
) -> None:
    campaign = await _create(client, advertiser, adFormat=ad_format)
    assert _fields(await _patch(client, admin, campaign, status="approved")) == ["status"]
