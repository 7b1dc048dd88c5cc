"""Native creative routes, and the campaign assignment at /campaigns/{id}/creatives."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import HTMLResponse

from adplane.accounts.auth import CurrentPrincipal
from adplane.creatives import preview, schemas, service
from adplane.creatives.repository import CreativeFilter
from adplane.kit.db import Session
from adplane.kit.pagination import Page
from adplane.kit.params import IdPath, IdQuery, Paging
from adplane.kit.problems import PROBLEM_RESPONSES
from adplane.moderation.schemas import Approval

router = APIRouter(tags=["creatives"], responses=PROBLEM_RESPONSES)

VAST_MEDIA_TYPE = "application/xml"


@router.get("/creatives")
async def list_creatives(
    principal: CurrentPrincipal,
    session: Session,
    page: Paging,
    account_id: IdQuery = None,
    type: schemas.CreativeType | None = None,
    approval: Approval | None = None,
    is_active: bool | None = None,
    q: Annotated[
        str | None, Query(max_length=255, pattern="^[^\x00]*$", description="Name contains")
    ] = None,
) -> Page[schemas.Creative]:
    """The creatives the caller may see, by id."""
    filters = CreativeFilter(
        account_id=account_id,
        type=None if type is None else type.value,
        approval=None if approval is None else approval.value,
        is_active=is_active,
        name_contains=q,
    )
    items, total = await service.list_creatives(session, principal, filters, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.post("/creatives", status_code=201)
async def create_creative(
    body: schemas.CreativeCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Creative:
    """Create a creative of one of the six variants; it waits for review."""
    return await service.create(session, principal, body)


@router.get("/creatives/{id}")
async def get_creative(
    id: IdPath, principal: CurrentPrincipal, session: Session
) -> schemas.Creative:
    """One creative."""
    return await service.get(session, principal, id)


@router.patch("/creatives/{id}")
async def update_creative(
    id: IdPath, body: schemas.CreativeUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Creative:
    """Change a creative; new ad content sends it back to review."""
    return await service.update(session, principal, id, body)


@router.delete("/creatives/{id}", status_code=204)
async def delete_creative(id: IdPath, principal: CurrentPrincipal, session: Session) -> Response:
    """Delete a creative; it leaves every campaign."""
    await service.delete(session, principal, id)
    return Response(status_code=204)


@router.post("/creatives/{id}/review")
async def review_creative(
    id: IdPath, body: schemas.ReviewRequest, principal: CurrentPrincipal, session: Session
) -> schemas.Creative:
    """Approve, reject (with reject reason codes) or send back a creative (admin)."""
    return await service.review(session, principal, id, body)


@router.get(
    "/creatives/{id}/preview",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}}, "description": "The preview page"}},
)
async def preview_creative(id: IdPath, principal: CurrentPrincipal, session: Session) -> Response:
    """An HTML page showing the ad as a person would see it."""
    page = await service.preview_page(session, principal, id)
    return HTMLResponse(page, headers={"Content-Security-Policy": preview.CONTENT_SECURITY_POLICY})


@router.get(
    "/creatives/{id}/vast",
    response_class=Response,
    responses={200: {"content": {VAST_MEDIA_TYPE: {}}, "description": "The VAST document"}},
)
async def creative_vast(id: IdPath, principal: CurrentPrincipal, session: Session) -> Response:
    """The VAST document of a video creative (VAST 4.0, generated for uploaded videos)."""
    document = await service.vast_document(session, principal, id)
    return Response(document, media_type=VAST_MEDIA_TYPE)


# campaign assignment


@router.get("/campaigns/{id}/creatives")
async def list_campaign_creatives(
    id: IdPath, principal: CurrentPrincipal, session: Session, page: Paging
) -> Page[schemas.Creative]:
    """The creatives assigned to a campaign, by id."""
    items, total = await service.list_for_campaign(session, principal, id, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.put("/campaigns/{id}/creatives")
async def replace_campaign_creatives(
    id: IdPath, body: schemas.CreativeIds, principal: CurrentPrincipal, session: Session
) -> schemas.Assignment:
    """Assign exactly these creatives (an empty list removes them all)."""
    return await service.replace_assignment(session, principal, id, body.ids)


# PATCH, not POST: the set is changed in part, and POST /campaigns/{id}/{action} is the
# campaign's state transitions.
@router.patch("/campaigns/{id}/creatives")
async def append_campaign_creatives(
    id: IdPath, body: schemas.CreativeIdsToChange, principal: CurrentPrincipal, session: Session
) -> schemas.Assignment:
    """Add these creatives to the campaign's."""
    return await service.append_assignment(session, principal, id, body.ids)


@router.delete("/campaigns/{id}/creatives")
async def remove_campaign_creatives(
    id: IdPath, body: schemas.CreativeIdsToChange, principal: CurrentPrincipal, session: Session
) -> schemas.Assignment:
    """Take these creatives off the campaign."""
    return await service.remove_assignment(session, principal, id, body.ids)
