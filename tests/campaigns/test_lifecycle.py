"""Every lifecycle transition, valid and invalid: submit, run, pause, archive, restore,
approve, reject, clone and save-as, and the return of an edited rejected campaign to review."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from adplane.kit.db import Database
from adplane.models import RejectReason
from tests.conftest import Actor
from tests.support.native import API, SUBMITTABLE, act, assert_problem, create_campaign

Campaign = dict[str, Any]


async def approved(
    client: httpx.AsyncClient, admin: Actor, owner: Actor, **fields: Any
) -> Campaign:
    campaign = await create_campaign(client, owner.headers, **fields)
    return await act(client, admin.headers, campaign["id"], "approve")


async def reject(
    client: httpx.AsyncClient, admin: Actor, campaign_id: int, **body: Any
) -> httpx.Response:
    return await client.post(
        f"{API}/campaigns/{campaign_id}/reject", json=body, headers=admin.headers
    )


async def post(
    client: httpx.AsyncClient, actor: Actor, campaign_id: int, action: str
) -> httpx.Response:
    return await client.post(f"{API}/campaigns/{campaign_id}/{action}", headers=actor.headers)


# --- submit ----------------------------------------------------------------------------------


async def test_an_incomplete_campaign_cannot_be_approved(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, complete=False, bid_price="1")
    body = assert_problem(await post(client, admin, campaign["id"], "approve"), 422)
    assert {e["field"] for e in body["errors"]} == {"format_id", "daily_budget", "day_parting"}
    after = (await client.get(f"{API}/campaigns/{campaign['id']}", headers=admin.headers)).json()
    assert (after["approval"], after["is_running"]) == ("pending", False)


async def test_an_incomplete_campaign_cannot_be_run(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, complete=False, is_active=False)
    body = assert_problem(await post(client, advertiser, campaign["id"], "run"), 422)
    assert {e["field"] for e in body["errors"]} == {
        "format_id",
        "bid_price",
        "daily_budget",
        "day_parting",
    }
    after = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert after.json()["is_active"] is False


async def test_bulk_run_skips_an_incomplete_campaign_naming_what_it_lacks(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    bare = await create_campaign(client, advertiser.headers, complete=False, is_active=False)
    response = await client.post(
        f"{API}/campaigns/bulk/run", json={"ids": [bare["id"]]}, headers=advertiser.headers
    )
    assert response.status_code == 200, response.text
    [failure] = response.json()["failed"]
    assert failure["reason"].startswith("the campaign cannot be run without format_id")


async def test_submitting_a_draft_sends_it_for_approval_and_switches_it_on(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True, **SUBMITTABLE)
    submitted = await act(client, advertiser.headers, draft["id"], "submit")
    assert (submitted["is_draft"], submitted["approval"], submitted["is_active"]) == (
        False,
        "pending",
        True,
    )
    assert submitted["status"] == "pending"


async def test_an_incomplete_draft_is_refused_naming_every_missing_field(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True, bid_price="0.5")
    body = assert_problem(await post(client, advertiser, draft["id"], "submit"), 422)
    assert {e["field"] for e in body["errors"]} == {"format_id", "daily_budget", "day_parting"}
    after = (await client.get(f"{API}/campaigns/{draft['id']}", headers=advertiser.headers)).json()
    assert after["status"] == "draft"


async def test_a_draft_on_a_retail_placement_needs_only_its_name(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True, placement="listing")
    assert (await act(client, advertiser.headers, draft["id"], "submit"))["status"] == "pending"


async def test_submitting_a_campaign_that_is_not_a_draft_is_a_conflict(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    assert_problem(await post(client, advertiser, campaign["id"], "submit"), 409)


async def test_submitting_an_archived_draft_is_a_conflict(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    await act(client, advertiser.headers, draft["id"], "archive")
    assert_problem(await post(client, advertiser, draft["id"], "submit"), 409)


# --- run and pause ---------------------------------------------------------------------------


async def test_pausing_an_approved_campaign_stops_it(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await approved(client, admin, advertiser)
    assert campaign["status"] == "active"
    assert campaign["is_running"] is True
    paused = await act(client, advertiser.headers, campaign["id"], "pause")
    assert (paused["is_active"], paused["status"], paused["is_running"]) == (False, "paused", False)
    assert paused["approval"] == "approved"


async def test_running_a_paused_campaign_starts_it(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await approved(client, admin, advertiser, is_active=False)
    assert campaign["status"] == "paused"
    running = await act(client, advertiser.headers, campaign["id"], "run")
    assert (running["is_active"], running["status"], running["is_running"]) == (
        True,
        "active",
        True,
    )


async def test_running_a_pending_campaign_switches_it_on_without_approving_it(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, is_active=False)
    running = await act(client, advertiser.headers, campaign["id"], "run")
    assert (running["is_active"], running["approval"], running["is_running"]) == (
        True,
        "pending",
        False,
    )


async def test_pausing_twice_is_harmless(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await act(client, advertiser.headers, campaign["id"], "pause")
    again = await act(client, advertiser.headers, campaign["id"], "pause")
    assert again["is_active"] is False


@pytest.mark.parametrize("action", ["run", "pause"])
async def test_a_draft_cannot_be_run_or_paused(
    client: httpx.AsyncClient, advertiser: Actor, action: str
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    body = assert_problem(await post(client, advertiser, draft["id"], action), 409)
    assert "draft" in body["detail"]


@pytest.mark.parametrize("action", ["run", "pause"])
async def test_an_archived_campaign_cannot_be_run_or_paused(
    client: httpx.AsyncClient, advertiser: Actor, action: str
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await act(client, advertiser.headers, campaign["id"], "archive")
    body = assert_problem(await post(client, advertiser, campaign["id"], action), 409)
    assert "archived" in body["detail"]


# --- archive and restore ---------------------------------------------------------------------


async def test_archiving_stops_and_hides_the_campaign(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await approved(client, admin, advertiser)
    archived = await act(client, advertiser.headers, campaign["id"], "archive")
    assert (archived["is_archived"], archived["is_active"], archived["status"]) == (
        True,
        False,
        "archived",
    )
    assert archived["archived_at"] is not None
    listing = (await client.get(f"{API}/campaigns", headers=advertiser.headers)).json()
    assert listing["total"] == 0


async def test_delete_archives_the_campaign(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    deleted = await client.delete(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert deleted.status_code == 200
    assert deleted.json()["is_archived"] is True
    still_there = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert still_there.json()["status"] == "archived"


async def test_archiving_twice_is_a_conflict(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await act(client, advertiser.headers, campaign["id"], "archive")
    assert_problem(await post(client, advertiser, campaign["id"], "archive"), 409)


async def test_deleting_an_archived_campaign_is_a_conflict(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await act(client, advertiser.headers, campaign["id"], "archive")
    response = await client.delete(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert_problem(response, 409)


async def test_restoring_brings_an_archived_campaign_back_paused(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await approved(client, admin, advertiser)
    await act(client, advertiser.headers, campaign["id"], "archive")
    restored = await act(client, advertiser.headers, campaign["id"], "restore")
    assert (restored["is_archived"], restored["is_active"], restored["status"]) == (
        False,
        False,
        "paused",
    )
    assert restored["archived_at"] is None
    assert restored["approval"] == "approved"


async def test_restoring_a_draft_keeps_it_a_draft(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    await act(client, advertiser.headers, draft["id"], "archive")
    restored = await act(client, advertiser.headers, draft["id"], "restore")
    assert restored["status"] == "draft"


async def test_restoring_a_campaign_that_is_not_archived_is_a_conflict(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    assert_problem(await post(client, advertiser, campaign["id"], "restore"), 409)


async def test_an_archived_campaign_cannot_be_edited(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await act(client, advertiser.headers, campaign["id"], "archive")
    response = await client.patch(
        f"{API}/campaigns/{campaign['id']}", json={"name": "x"}, headers=advertiser.headers
    )
    assert_problem(response, 409)


# --- approve and reject ----------------------------------------------------------------------


async def test_an_admin_approves_a_pending_campaign(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    result = await act(client, admin.headers, campaign["id"], "approve")
    assert result["approval"] == "approved"
    assert result["reviewed_by_user_id"] == admin.user_id
    assert result["reviewed_at"] is not None


async def test_an_admin_approves_a_rejected_campaign(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await reject(client, admin, campaign["id"], reason_codes=[1], comment="broken lander")
    result = await act(client, admin.headers, campaign["id"], "approve")
    assert result["approval"] == "approved"
    assert result["reject_reason_codes"] == []
    assert result["reject_comment"] is None


@pytest.mark.parametrize("action", ["approve", "reject"])
async def test_an_advertiser_cannot_review_its_own_campaign(
    client: httpx.AsyncClient, advertiser: Actor, action: str
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    assert_problem(await post(client, advertiser, campaign["id"], action), 403)
    got = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert got.json()["approval"] == "pending"


@pytest.mark.parametrize("action", ["approve", "reject"])
async def test_a_draft_cannot_be_reviewed(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, action: str
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    assert_problem(await post(client, admin, draft["id"], action), 409)


@pytest.mark.parametrize("action", ["approve", "reject"])
async def test_an_archived_campaign_cannot_be_reviewed(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, action: str
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await act(client, advertiser.headers, campaign["id"], "archive")
    assert_problem(await post(client, admin, campaign["id"], action), 409)


async def test_a_rejection_records_reasons_comment_and_reviewer(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await reject(
        client,
        admin,
        campaign["id"],
        reason_codes=[3, 1, 3],
        comment="Lander 404s",
        decline_reason="broken",
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["approval"], result["status"]) == ("rejected", "rejected")
    assert result["reject_reason_codes"] == [1, 3]
    assert result["reject_comment"] == "Lander 404s"
    assert result["decline_reason"] == "broken"
    assert result["reviewed_by_user_id"] == admin.user_id


async def test_a_rejection_may_use_every_reason_of_the_catalogue(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await reject(client, admin, campaign["id"], reason_codes=list(range(9)))
    assert response.json()["reject_reason_codes"] == list(range(9))


async def test_a_rejection_with_an_unknown_reason_is_refused(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await reject(client, admin, campaign["id"], reason_codes=[1, 9])
    assert_problem(response, 422, field="reason_codes")
    got = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    assert got.json()["approval"] == "pending"


async def test_the_catalogue_holds_the_nine_trafficstars_reject_reasons(
    database: Database,
) -> None:
    async with database.sessionmaker() as session:
        reasons = (
            await session.execute(select(RejectReason.code, RejectReason.title).order_by("code"))
        ).all()
    assert [code for code, _ in reasons] == list(range(9))
    assert reasons[0][1] == "Forbidden creative and/or URL"
    assert reasons[8][1] == "Other"


async def test_editing_a_rejected_campaign_sends_it_back_for_review(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await reject(client, admin, campaign["id"], reason_codes=[1])
    edited = await client.patch(
        f"{API}/campaigns/{campaign['id']}",
        json={"destination_url": "https://fixed.example/"},
        headers=advertiser.headers,
    )
    assert edited.status_code == 200, edited.text
    assert (edited.json()["approval"], edited.json()["status"]) == ("pending", "pending")


async def test_an_edit_that_changes_nothing_leaves_a_rejection_in_place(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="same")
    await reject(client, admin, campaign["id"], reason_codes=[1])
    edited = await client.patch(
        f"{API}/campaigns/{campaign['id']}", json={"name": "same"}, headers=advertiser.headers
    )
    assert edited.json()["approval"] == "rejected"


async def test_editing_an_approved_campaign_keeps_it_approved(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    campaign = await approved(client, admin, advertiser)
    edited = await client.patch(
        f"{API}/campaigns/{campaign['id']}", json={"bid_price": "2"}, headers=advertiser.headers
    )
    assert edited.json()["approval"] == "approved"


# --- clone and save-as ------------------------------------------------------------------------


async def test_a_clone_is_a_new_paused_campaign_pending_approval(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    source = await approved(client, admin, advertiser, name="Original", bid_price="1.25")
    response = await client.post(
        f"{API}/campaigns/{source['id']}/clone", headers=advertiser.headers
    )
    assert response.status_code == 201, response.text
    clone = response.json()
    assert clone["id"] != source["id"]
    assert clone["uuid"] != source["uuid"]
    assert (clone["is_active"], clone["approval"], clone["is_draft"]) == (False, "pending", False)
    assert clone["cloned_from_id"] == source["id"]
    assert clone["name"] == f"Original, clone from ID {source['id']}"
    assert clone["bid_price"] == source["bid_price"]
    assert clone["account_id"] == source["account_id"]


async def test_a_clone_does_not_copy_the_unique_alias_and_external_id(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    source = await create_campaign(
        client, advertiser.headers, alias="unique-alias", external_campaign_id="e1"
    )
    clone = await act(client, advertiser.headers, source["id"], "clone")
    assert (clone["alias"], clone["external_campaign_id"]) == (None, None)


async def test_cloning_leaves_the_source_unchanged(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    source = await approved(client, admin, advertiser)
    await act(client, advertiser.headers, source["id"], "clone")
    again = await client.get(f"{API}/campaigns/{source['id']}", headers=advertiser.headers)
    assert again.json() == source


async def test_save_as_is_a_clone_with_changes(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    source = await create_campaign(client, advertiser.headers, name="Base", bid_price="1")
    response = await client.post(
        f"{API}/campaigns/{source['id']}/clone",
        json={"name": "Variant B", "bid_price": "1.5"},
        headers=advertiser.headers,
    )
    assert response.status_code == 201, response.text
    variant = response.json()
    assert variant["id"] != source["id"]
    assert (variant["name"], variant["bid_price"]) == ("Variant B", "1.500000")
    assert (variant["is_active"], variant["approval"]) == (False, "pending")
    history = await client.get(
        f"{API}/campaigns/{variant['id']}/history", headers=advertiser.headers
    )
    assert [c["action"] for c in history.json()["items"]] == ["save_as"]


async def test_save_as_with_invalid_changes_creates_nothing(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    source = await create_campaign(client, advertiser.headers)
    response = await client.post(
        f"{API}/campaigns/{source['id']}/clone",
        json={"format_id": 4242},
        headers=advertiser.headers,
    )
    assert_problem(response, 422, field="format_id")
    listing = (await client.get(f"{API}/campaigns", headers=advertiser.headers)).json()
    assert listing["total"] == 1


async def test_a_clone_of_a_draft_is_submitted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    draft = await create_campaign(client, advertiser.headers, draft=True)
    clone = await act(client, advertiser.headers, draft["id"], "clone")
    assert (clone["is_draft"], clone["status"]) == (False, "pending")
