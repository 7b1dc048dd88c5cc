"""Native campaign routes: parse, call the service, return the core schema."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from adplane.accounts.auth import CurrentPrincipal
from adplane.campaigns import schemas, service
from adplane.campaigns.service import CampaignFilter
from adplane.kit.db import Session
from adplane.kit.errors import ValidationFailed
from adplane.kit.ids import MAX_ID, RowId
from adplane.kit.pagination import MAX_PAGE_SIZE, Page, PageParams, Sort, parse_sort
from adplane.kit.problems import PROBLEM_RESPONSES
from adplane.kit.routing import ExactJSONRoute

router = APIRouter(prefix="/campaigns", tags=["campaigns"], route_class=ExactJSONRoute)
ERRORS = PROBLEM_RESPONSES
Id = Annotated[int, Path(gt=0, le=MAX_ID)]
Action = Literal["submit", "run", "pause", "archive", "restore"]
Status = Literal["draft", "pending", "rejected", "paused", "active", "archived"]


def _sort(raw: str | None) -> list[Sort]:
    return parse_sort(raw) or [Sort("id", True)]


@router.get("", responses=ERRORS)
async def list_campaigns(
    principal: CurrentPrincipal,
    session: Session,
    page: Annotated[int, Query(ge=1, le=10_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
    sort: Annotated[
        str | None,
        Query(max_length=255, description="Fields separated by commas, '-' prefix for descending"),
    ] = None,
    status: Annotated[list[Status] | None, Query()] = None,
    id: Annotated[list[RowId] | None, Query()] = None,
    account_id: Annotated[int | None, Query(gt=0, le=MAX_ID)] = None,
    format_id: Annotated[list[RowId] | None, Query()] = None,
    pricing_model: Annotated[list[schemas.PricingModel] | None, Query()] = None,
    traffic_type: Annotated[list[Literal["ron", "prime", "members_area"]] | None, Query()] = None,
    q: Annotated[
        str | None, Query(max_length=255, pattern="^[^\x00]*$", description="Name contains")
    ] = None,
) -> Page[schemas.Campaign]:
    """Campaigns the caller may see, filtered, sorted and paged; archived ones only on request."""
    filters = CampaignFilter(
        ids=id or (),
        statuses=status or (),
        include_archived=False,
        format_ids=format_id or (),
        pricing_models=[p.value for p in pricing_model or ()],
        traffic_types=traffic_type or (),
        name_contains=q,
    )
    if account_id is not None:
        if principal.scope() not in (None, account_id):
            return Page(items=[], total=0, page=page, page_size=page_size)
        filters.account_id = account_id
    result = await service.list_campaigns(
        session, principal, filters, _sort(sort), PageParams(page, page_size)
    )
    return Page(items=result.items, total=result.total, page=page, page_size=page_size)


@router.post("", status_code=201, responses=ERRORS)
async def create(
    body: schemas.CampaignCreate,
    principal: CurrentPrincipal,
    session: Session,
    draft: Annotated[bool, Query(description="Save as a draft to submit later")] = False,
) -> schemas.Campaign:
    """Create a campaign; it waits for approval (or, as a draft, for submission)."""
    fields = schemas.CampaignFields.model_validate(
        body.model_dump(include=body.model_fields_set - {"account_id", "is_active", "extensions"})
    )
    return await service.create(
        session,
        principal,
        fields,
        account_id=body.account_id,
        draft=draft,
        active=body.is_active,
        extensions=service.from_native(body.extensions),
    )


@router.post("/bulk/{action}", responses=ERRORS)
async def bulk(
    action: Literal["run", "pause", "archive", "unarchive", "publish"],
    body: schemas.BulkRequest,
    principal: CurrentPrincipal,
    session: Session,
) -> schemas.BulkResult:
    """Apply one action to many campaigns; each id succeeds or fails on its own."""
    return await service.bulk(session, principal, action, body.ids)


@router.get("/{id}", responses=ERRORS)
async def get(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Campaign:
    """One campaign."""
    return await service.get(session, principal, id)


@router.patch("/{id}", responses=ERRORS)
async def update(
    id: Id, body: schemas.CampaignUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Campaign:
    """Change the fields sent; the rest stay as they are."""
    names = body.model_fields_set - {"extensions"}
    if not names and not body.extensions:
        raise ValidationFailed("send at least one field to change")
    # The values are validated already; only the fields sent are set on the core fields.
    fields = schemas.CampaignFields.model_construct(
        _fields_set=names, **{name: getattr(body, name) for name in names}
    )
    return await service.update(
        session, principal, id, fields, extensions=service.from_native(body.extensions)
    )


@router.delete("/{id}", responses=ERRORS)
async def archive(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Campaign:
    """Archive a campaign (restorable)."""
    return await service.archive(session, principal, id)


@router.post("/{id}/clone", status_code=201, responses=ERRORS)
async def clone(
    id: Id,
    principal: CurrentPrincipal,
    session: Session,
    body: schemas.CampaignFields | None = None,
) -> schemas.Campaign:
    """Copy a campaign, paused and pending approval; fields in the body change the copy."""
    changes = body if body is not None and body.model_fields_set else None
    return await service.clone(session, principal, id, changes)


@router.post("/{id}/approve", responses=ERRORS)
async def approve(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Campaign:
    """Approve a submitted campaign (admin)."""
    return await service.approve(session, principal, id)


@router.post("/{id}/reject", responses=ERRORS)
async def reject(
    id: Id, principal: CurrentPrincipal, session: Session, body: schemas.RejectRequest | None = None
) -> schemas.Campaign:
    """Reject a submitted campaign with reasons and a comment (admin)."""
    return await service.reject(session, principal, id, body or schemas.RejectRequest())


@router.get("/{id}/history", responses=ERRORS)
async def history(
    id: Id,
    principal: CurrentPrincipal,
    session: Session,
    page: Annotated[int, Query(ge=1, le=10_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
) -> Page[schemas.CampaignChange]:
    """The campaign's change history, oldest first."""
    result = await service.history(session, principal, id, PageParams(page, page_size))
    return Page(items=result.items, total=result.total, page=page, page_size=page_size)


@router.post("/{id}/{action}", responses=ERRORS)
async def act(
    id: Id, action: Action, principal: CurrentPrincipal, session: Session
) -> schemas.Campaign:
    """Submit a draft, run, pause, archive or restore a campaign."""
    return await service.transition(session, principal, id, action)


@router.get("/{id}/spot-prices", responses=ERRORS)
async def spot_prices(
    id: Id, principal: CurrentPrincipal, session: Session
) -> list[schemas.SpotPrice]:
    """The campaign's per-spot price overrides."""
    return await service.list_spot_prices(session, principal, id)


@router.delete("/{id}/spot-prices/{spot_id}", status_code=204, responses=ERRORS)
async def delete_spot_price(
    id: Id, spot_id: Id, principal: CurrentPrincipal, session: Session
) -> Response:
    """Drop a per-spot price override."""
    await service.delete_spot_price(session, principal, id, spot_id)
    return Response(status_code=204)
