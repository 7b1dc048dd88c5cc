"""The one moderation flow, as campaigns use it: approve, reject with reasons, back to pending."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adplane.campaigns import schemas, service
from adplane.kit.db import Database
from adplane.kit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from adplane.moderation.schemas import Approval, Decision
from tests.conftest import Actor, Factory
from tests.support.native import SUBMITTABLE


async def _campaign(database: Database, owner: Actor, placement: str | None) -> int:
    async with database.sessionmaker() as session, session.begin():
        # A network campaign (no placement) needs what ``submittable`` asks before approval.
        network = SUBMITTABLE if placement is None else {}
        fields = schemas.CampaignFields.model_validate(
            {"name": "B", "placement": placement, **network}
        )
        return (await service.create(session, owner.principal, fields)).id


async def test_an_admin_approves_a_banner_campaign_as_reviewer(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, "banner")
    async with database.sessionmaker() as session, session.begin():
        view = await service.review(session, admin.principal, cid, Decision(Approval.APPROVED))
    assert view.approval is Approval.APPROVED
    assert view.reviewed_by_user_id == admin.user_id
    assert view.reviewed_at is not None


async def test_a_rejection_keeps_its_reason_and_a_named_admin_reviewer(
    database: Database, factory: Factory, admin: Actor, advertiser: Actor
) -> None:
    other_admin = await factory.admin()
    cid = await _campaign(database, advertiser, "exclusive_banner")
    async with database.sessionmaker() as session, session.begin():
        view = await service.review(
            session,
            admin.principal,
            cid,
            Decision(
                Approval.REJECTED,
                reviewer_user_id=other_admin.user_id,
                decline_reason="Blurry",
                comment="Upload a sharper image",
            ),
        )
    assert view.approval is Approval.REJECTED
    assert view.reviewed_by_user_id == other_admin.user_id
    assert (view.decline_reason, view.reject_comment) == ("Blurry", "Upload a sharper image")


async def test_a_rejection_reason_is_dropped_unless_rejected(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, "banner")
    async with database.sessionmaker() as session, session.begin():
        view = await service.review(
            session,
            admin.principal,
            cid,
            Decision(Approval.APPROVED, decline_reason="x", comment="y"),
        )
    assert (view.decline_reason, view.reject_comment) == (None, None)


async def test_back_to_pending_has_no_reviewer(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, "banner")
    async with database.sessionmaker() as session, session.begin():
        await service.review(session, admin.principal, cid, Decision(Approval.APPROVED))
        view = await service.review(session, admin.principal, cid, Decision(Approval.PENDING))
    assert view.approval is Approval.PENDING
    assert view.reviewed_by_user_id is None


@pytest.mark.parametrize("placement", [None, "listing", "banner"])
async def test_every_campaign_goes_through_the_same_review(
    database: Database, admin: Actor, advertiser: Actor, placement: str | None
) -> None:
    cid = await _campaign(database, advertiser, placement)
    async with database.sessionmaker() as session, session.begin():
        view = await service.review(
            session, admin.principal, cid, Decision(Approval.REJECTED, reason_codes=[1, 1])
        )
    assert (view.approval, view.reject_reason_codes) == (Approval.REJECTED, [1])


async def test_an_unknown_reject_reason_is_refused(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, None)
    async with database.sessionmaker() as session, session.begin():
        with pytest.raises(ValidationFailed) as caught:
            await service.review(
                session, admin.principal, cid, Decision(Approval.REJECTED, reason_codes=[99999])
            )
    assert [e.field for e in caught.value.errors] == ["reason_codes"]


async def test_an_approval_clears_an_earlier_rejection(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, None)
    async with database.sessionmaker() as session, session.begin():
        rejected = Decision(Approval.REJECTED, reason_codes=[1], comment="no", decline_reason="x")
        await service.review(session, admin.principal, cid, rejected)
        view = await service.approve(session, admin.principal, cid)
    assert (view.reject_reason_codes, view.reject_comment, view.decline_reason) == ([], None, None)
    assert view.reviewed_by_user_id == admin.user_id


async def test_an_advertiser_cannot_review(database: Database, advertiser: Actor) -> None:
    cid = await _campaign(database, advertiser, "banner")
    async with database.sessionmaker() as session, session.begin():
        with pytest.raises(Forbidden):
            await service.review(session, advertiser.principal, cid, Decision(Approval.APPROVED))


async def test_the_named_reviewer_must_be_an_admin(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, "banner")
    async with database.sessionmaker() as session, session.begin():
        with pytest.raises(ValidationFailed) as caught:
            await service.review(
                session,
                admin.principal,
                cid,
                Decision(Approval.APPROVED, reviewer_user_id=advertiser.user_id),
            )
    assert [e.field for e in caught.value.errors] == ["reviewed_by_user_id"]


async def test_a_pending_campaign_names_no_reviewer(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, "banner")
    async with database.sessionmaker() as session, session.begin():
        with pytest.raises(ValidationFailed) as caught:
            await service.review(
                session,
                admin.principal,
                cid,
                Decision(Approval.PENDING, reviewer_user_id=admin.user_id),
            )
    assert [e.field for e in caught.value.errors] == ["reviewed_by_user_id"]


async def test_an_archived_campaign_cannot_be_reviewed(
    database: Database, admin: Actor, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, "banner")
    async with database.sessionmaker() as session, session.begin():
        await service.archive(session, advertiser.principal, cid)
        with pytest.raises(Conflict):
            await service.review(session, admin.principal, cid, Decision(Approval.APPROVED))


async def test_a_new_campaign_has_no_spot_prices_and_no_spend(
    database: Database, advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, None)
    async with database.sessionmaker() as session, session.begin():
        counts = await service.spot_price_counts(session, advertiser.principal, [cid])
        spent = await service.spend_since(
            session, advertiser.principal, [cid], datetime(2026, 1, 1, tzinfo=UTC)
        )
    assert counts == {cid: 0}
    assert spent == {cid: Decimal(0)}


async def test_counts_of_another_accounts_campaign_are_not_found(
    database: Database, advertiser: Actor, other_advertiser: Actor
) -> None:
    cid = await _campaign(database, advertiser, None)
    async with database.sessionmaker() as session, session.begin():
        with pytest.raises(NotFound):
            await service.spot_price_counts(session, other_advertiser.principal, [cid])
        with pytest.raises(NotFound):
            await service.spend_since(
                session, other_advertiser.principal, [cid], datetime(2026, 1, 1, tzinfo=UTC)
            )
