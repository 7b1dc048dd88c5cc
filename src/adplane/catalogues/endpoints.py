"""Native catalogue routes: restrictions, audience segments, reject reasons."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from adplane.accounts.auth import CurrentPrincipal
from adplane.catalogues import schemas, service
from adplane.kit.db import Session
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import Page, PageParams
from adplane.kit.params import IdPath, PageNo, PageSize
from adplane.kit.problems import PROBLEM_RESPONSES
from adplane.kit.routing import ExactJSONRoute

router = APIRouter(route_class=ExactJSONRoute)
ERRORS = PROBLEM_RESPONSES
Id = IdPath
AccountFilter = Annotated[int | None, Query(gt=0, le=MAX_ID, description="Only this account's")]


@router.get("/reject-reasons", tags=["catalogues"], responses=ERRORS)
async def list_reject_reasons(
    _principal: CurrentPrincipal, session: Session
) -> list[schemas.RejectReason]:
    """The reasons a moderator may give when rejecting a campaign."""
    return await service.list_reject_reasons(session)


@router.get("/restrictions", tags=["catalogues"], responses=ERRORS)
async def list_restrictions(
    _principal: CurrentPrincipal, session: Session, page: PageNo = 1, page_size: PageSize = 100
) -> Page[schemas.Restriction]:
    """The restriction catalogue campaigns pick from."""
    result = await service.list_restrictions(session, PageParams(page, page_size))
    return Page(items=result.items, total=result.total, page=page, page_size=page_size)


@router.post("/restrictions", tags=["catalogues"], status_code=201, responses=ERRORS)
async def create_restriction(
    body: schemas.RestrictionCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Restriction:
    """Add a restriction (admin)."""
    return await service.create_restriction(session, principal, body)


@router.get("/restrictions/{id}", tags=["catalogues"], responses=ERRORS)
async def get_restriction(
    id: Id, _principal: CurrentPrincipal, session: Session
) -> schemas.Restriction:
    """One restriction."""
    return await service.get_restriction(session, id)


@router.patch("/restrictions/{id}", tags=["catalogues"], responses=ERRORS)
async def update_restriction(
    id: Id, body: schemas.RestrictionUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Restriction:
    """Change a restriction's name or description (admin)."""
    return await service.update_restriction(session, principal, id, body)


@router.delete("/restrictions/{id}", tags=["catalogues"], status_code=204, responses=ERRORS)
async def delete_restriction(id: Id, principal: CurrentPrincipal, session: Session) -> Response:
    """Remove a restriction that no campaign uses (admin)."""
    await service.delete_restriction(session, principal, id)
    return Response(status_code=204)


@router.get("/segments", tags=["catalogues"], responses=ERRORS)
async def list_segments(
    principal: CurrentPrincipal,
    session: Session,
    account_id: AccountFilter = None,
    page: PageNo = 1,
    page_size: PageSize = 100,
) -> Page[schemas.Segment]:
    """Audience segments the caller may use: platform-wide ones and its account's own."""
    result = await service.list_segments(
        session, principal, PageParams(page, page_size), account_id=account_id
    )
    return Page(items=result.items, total=result.total, page=page, page_size=page_size)


@router.post("/segments", tags=["catalogues"], status_code=201, responses=ERRORS)
async def create_segment(
    body: schemas.SegmentCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Segment:
    """Add a segment: an advertiser's belongs to its account; an admin's may be platform-wide."""
    return await service.create_segment(session, principal, body)


@router.get("/segments/{id}", tags=["catalogues"], responses=ERRORS)
async def get_segment(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Segment:
    """One segment (another account's is not found)."""
    return await service.get_segment(session, principal, id)


@router.patch("/segments/{id}", tags=["catalogues"], responses=ERRORS)
async def update_segment(
    id: Id, body: schemas.SegmentUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Segment:
    """Change a segment's name, type or description (its owner, or an admin)."""
    return await service.update_segment(session, principal, id, body)


@router.delete("/segments/{id}", tags=["catalogues"], status_code=204, responses=ERRORS)
async def delete_segment(id: Id, principal: CurrentPrincipal, session: Session) -> Response:
    """Remove a segment that no campaign refers to (its owner, or an admin)."""
    await service.delete_segment(session, principal, id)
    return Response(status_code=204)
