"""Catalogue use cases: restrictions and reject reasons (platform-wide, admin-managed) and
audience segments (platform-wide or per account).

Restrictions and platform-wide segments are read by every authenticated user and changed only
by admins. An advertiser creates, changes and deletes its own account's segments; another
account's segment is "not found". A restriction or segment that a campaign still refers to
cannot be deleted, so no campaign ever points at a missing catalogue entry.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.accounts.service import accounts_by_ids, require_admin
from adplane.catalogues import schemas
from adplane.catalogues.repository import CatalogueRepository
from adplane.kit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from adplane.kit.pagination import PageParams, PageResult
from adplane.kit.time import as_utc, utcnow
from adplane.models import Restriction, Segment


def _restriction(r: Restriction) -> schemas.Restriction:
    return schemas.Restriction(
        id=r.id,
        name=r.name,
        description=r.description,
        created_at=as_utc(r.created_at),
        updated_at=as_utc(r.updated_at),
    )


def _segment(s: Segment) -> schemas.Segment:
    return schemas.Segment(
        id=s.id,
        account_id=s.account_id,
        name=s.name,
        type=s.type,
        description=s.description,
        created_at=as_utc(s.created_at),
        updated_at=as_utc(s.updated_at),
    )


def _in_use(kind: str, item_id: int, campaign_ids: list[int]) -> Conflict:
    shown = ", ".join(str(c) for c in campaign_ids[:10])
    more = "" if len(campaign_ids) <= 10 else f" and {len(campaign_ids) - 10} more"
    return Conflict(f"{kind} {item_id} is used by campaign(s) {shown}{more}; remove it first")


# reject reasons


async def existing_reject_codes(session: AsyncSession, codes: Collection[int]) -> set[int]:
    """The codes among ``codes`` that name a reject reason."""
    return await CatalogueRepository.from_session(session).existing_reject_codes(codes)


async def list_reject_reasons(session: AsyncSession) -> list[schemas.RejectReason]:
    """Every reject reason, by code."""
    rows = await CatalogueRepository.from_session(session).reject_reasons()
    return [
        schemas.RejectReason(
            code=r.code,
            title=r.title,
            created_at=as_utc(r.created_at),
            updated_at=as_utc(r.updated_at),
        )
        for r in rows
    ]


# restrictions


async def list_restrictions(
    session: AsyncSession, page: PageParams
) -> PageResult[schemas.Restriction]:
    """A page of the restriction catalogue, by id."""
    rows, total = await CatalogueRepository.from_session(session).restrictions(page)
    return PageResult([_restriction(r) for r in rows], total, page.page, page.page_size)


async def restrictions_by_ids(
    session: AsyncSession, ids: Collection[int]
) -> dict[int, schemas.Restriction]:
    """The restrictions among ``ids`` that exist, keyed by id (the catalogue is public)."""
    rows = await CatalogueRepository.from_session(session).restrictions_by_ids(set(ids))
    return {rid: _restriction(r) for rid, r in rows.items()}


async def _load_restriction(session: AsyncSession, restriction_id: int) -> Restriction:
    row = await CatalogueRepository.from_session(session).get_restriction(restriction_id)
    if row is None:
        raise NotFound(f"restriction {restriction_id} not found")
    return row


async def get_restriction(session: AsyncSession, restriction_id: int) -> schemas.Restriction:
    return _restriction(await _load_restriction(session, restriction_id))


async def create_restriction(
    session: AsyncSession, principal: Principal, data: schemas.RestrictionCreate
) -> schemas.Restriction:
    """Add a restriction (admin)."""
    require_admin(principal)
    row = Restriction(name=data.name, description=data.description)
    await CatalogueRepository.from_session(session).add(row)
    return _restriction(row)


async def update_restriction(
    session: AsyncSession,
    principal: Principal,
    restriction_id: int,
    data: schemas.RestrictionUpdate,
) -> schemas.Restriction:
    """Rename or re-describe a restriction (admin)."""
    require_admin(principal)
    row = await _load_restriction(session, restriction_id)
    if data.name is not None:
        row.name = data.name
    if data.description is not None:
        row.description = data.description
    row.updated_at = utcnow()
    await session.flush()
    return _restriction(row)


async def delete_restriction(
    session: AsyncSession, principal: Principal, restriction_id: int
) -> None:
    """Remove a restriction no campaign uses (admin)."""
    require_admin(principal)
    row = await _load_restriction(session, restriction_id)
    repo = CatalogueRepository.from_session(session)
    users = await repo.campaigns_using_restriction(restriction_id)
    if users:
        raise _in_use("restriction", restriction_id, users)
    await repo.delete(row)


# segments


def _can_see(principal: Principal, segment: Segment) -> bool:
    return (
        principal.is_admin
        or segment.account_id is None
        or (principal.account_id is not None and segment.account_id == principal.account_id)
    )


async def _load_segment(session: AsyncSession, principal: Principal, segment_id: int) -> Segment:
    row = await CatalogueRepository.from_session(session).get_segment(segment_id)
    if row is None or not _can_see(principal, row):
        raise NotFound(f"segment {segment_id} not found")
    return row


def _require_owner(principal: Principal, segment: Segment) -> None:
    # A platform-wide segment is visible to advertisers, so refusing is not a secret.
    if not principal.is_admin and segment.account_id is None:
        raise Forbidden("platform-wide segments are managed by admins")


async def list_segments(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    account_id: int | None = None,
) -> PageResult[schemas.Segment]:
    """Segments the principal may use: all for an admin, else platform-wide plus its own."""
    if account_id is not None and not principal.can_access(account_id):
        return PageResult([], 0, page.page, page.page_size)
    rows, total = await CatalogueRepository.from_session(session).segments(
        page,
        visible_to=principal.account_id,
        everything=principal.is_admin,
        account_id=account_id,
    )
    return PageResult([_segment(s) for s in rows], total, page.page, page.page_size)


async def get_segment(
    session: AsyncSession, principal: Principal, segment_id: int
) -> schemas.Segment:
    return _segment(await _load_segment(session, principal, segment_id))


async def segments_by_ids(
    session: AsyncSession, principal: Principal, ids: Collection[int]
) -> dict[int, schemas.Segment]:
    """The segments among ``ids`` the principal may see, keyed by id."""
    rows = await CatalogueRepository.from_session(session).segments_by_ids(set(ids))
    return {sid: _segment(s) for sid, s in rows.items() if _can_see(principal, s)}


async def visible_segment_ids(
    session: AsyncSession, ids: Collection[int], account_id: int
) -> set[int]:
    """The segments among ``ids`` that a campaign of ``account_id`` may use (its own and the
    platform-wide ones)."""
    return await CatalogueRepository.from_session(session).visible_segment_ids(ids, account_id)


async def create_segment(
    session: AsyncSession, principal: Principal, data: schemas.SegmentCreate
) -> schemas.Segment:
    """Add a segment: an admin's is platform-wide unless it names an account."""
    if principal.is_admin:
        owner = data.account_id
        if owner is not None:
            if owner not in await accounts_by_ids(session, [owner]):
                raise ValidationFailed.field("account_id", f"account {owner} does not exist")
    else:
        owner = principal.account_for_write(data.account_id)
    row = Segment(account_id=owner, name=data.name, type=data.type, description=data.description)
    await CatalogueRepository.from_session(session).add(row)
    return _segment(row)


async def update_segment(
    session: AsyncSession, principal: Principal, segment_id: int, data: schemas.SegmentUpdate
) -> schemas.Segment:
    """Rename, retype or re-describe a segment (its owner, or an admin)."""
    row = await _load_segment(session, principal, segment_id)
    _require_owner(principal, row)
    for name in ("name", "type", "description"):
        value = getattr(data, name)
        if value is not None:
            setattr(row, name, value)
    row.updated_at = utcnow()
    await session.flush()
    return _segment(row)


async def delete_segment(session: AsyncSession, principal: Principal, segment_id: int) -> None:
    """Remove a segment no campaign refers to (its owner, or an admin)."""
    row = await _load_segment(session, principal, segment_id)
    _require_owner(principal, row)
    repo = CatalogueRepository.from_session(session)
    users = await repo.campaigns_using_segment(segment_id)
    if users:
        raise _in_use("segment", segment_id, users)
    await repo.delete(row)
