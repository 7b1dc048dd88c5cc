"""Moderation: the one set of rules for approving and rejecting, whatever is reviewed.

The owner of the reviewed thing (campaigns now, creatives next) loads it, checks that its own
state allows a review (a draft or an archived campaign does not), asks ``decide`` for the
review and stores the result. ``decide`` holds the rules every reviewed thing shares: only
admins review, reasons come from the reject reason catalogue, a named reviewer is an admin,
reasons and comments stay only with a rejection, and nothing pending has a reviewer.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts
from adplane.accounts.principal import Principal
from adplane.catalogues import service as catalogues
from adplane.kit.errors import FieldError, NotFound, ValidationFailed
from adplane.kit.time import utcnow
from adplane.moderation.schemas import Approval, Decision, Review


async def _is_admin_user(session: AsyncSession, user_id: int) -> bool:
    try:
        user = await accounts.get_user(session, user_id)
    except NotFound:
        return False
    return user.role == "admin"


def require_reviewer(principal: Principal) -> None:
    """Only admins review; the owner of the reviewed thing checks this before its own rules."""
    accounts.require_admin(principal)


async def decide(session: AsyncSession, principal: Principal, decision: Decision) -> Review:
    """Check a decision and turn it into the review to store (admins only)."""
    require_reviewer(principal)
    errors: list[FieldError] = []
    codes = sorted(set(decision.reason_codes))
    if codes:
        known = await catalogues.existing_reject_codes(session, codes)
        unknown = [c for c in codes if c not in known]
        if unknown:
            errors.append(FieldError("reason_codes", f"reject reason {unknown[0]} does not exist"))
    reviewer = decision.reviewer_user_id
    if reviewer is not None:
        if decision.approval is Approval.PENDING:
            errors.append(FieldError("reviewed_by_user_id", "a pending review has no reviewer"))
        elif not await _is_admin_user(session, reviewer):
            errors.append(FieldError("reviewed_by_user_id", "must name an admin user"))
    if errors:
        raise ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)
    if decision.approval is Approval.PENDING:
        return Review(Approval.PENDING, [], None, None, None, None)
    by = reviewer or principal.user_id
    if decision.approval is Approval.APPROVED:
        return Review(Approval.APPROVED, [], None, None, by, utcnow())
    return Review(Approval.REJECTED, codes, decision.comment, decision.decline_reason, by, utcnow())
