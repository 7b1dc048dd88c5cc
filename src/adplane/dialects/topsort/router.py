"""Topsort's campaign service: the documented PATCH, and the GET, create and list around it.

Campaigns are addressed by UUID. An archived campaign is a deleted one for Topsort: it is not
listed, and reading or changing it is a 404, as for an unknown or another vendor's campaign.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, FastAPI, Query
from fastapi.exceptions import RequestValidationError

from adplane.accounts import service as accounts
from adplane.accounts.auth import AppSettings
from adplane.accounts.principal import Principal
from adplane.campaigns import service as campaign_service
from adplane.campaigns.schemas import Campaign
from adplane.campaigns.service import CampaignFilter
from adplane.dialects.topsort import errors, mapping, wire
from adplane.dialects.topsort.auth import TopsortPrincipal
from adplane.kit.db import Session
from adplane.kit.errors import NotFound, ValidationFailed
from adplane.kit.pagination import PageParams, Sort
from adplane.kit.routing import ExactJSONRoute
from adplane.kit.surface import api_surface
from adplane.moderation import service as moderation
from adplane.moderation.schemas import Approval, Decision

# Exact decimals (targetRoas, multipliers) and no NUL characters in bodies, as the native API.
router = APIRouter(
    prefix="/public/v1/campaign-service", tags=["Campaign API"], route_class=ExactJSONRoute
)
# PostgreSQL cannot hold U+0000 in text: a vendor id with one is refused before any query.
NO_NUL = r"^[^\x00]+$"

_COMMON: dict[int | str, dict[str, Any]] = {
    401: {"model": wire.Detail, "description": "Missing or invalid API key"},
    422: {"model": wire.ValidationErrors, "description": "Validation Error"},
}
ONE: dict[int | str, dict[str, Any]] = {
    **_COMMON,
    404: {"model": wire.Detail, "description": "No such campaign (or another vendor's)"},
}
WRITE: dict[int | str, dict[str, Any]] = {
    **ONE,
    403: {"model": wire.Detail, "description": "Reviewing needs the marketplace (admin) key"},
    409: {"model": wire.Detail, "description": "The campaign's state forbids the change"},
}


async def _extras(
    session: Session, settings: AppSettings, principal: Principal, views: Sequence[Campaign]
) -> list[mapping.Extras]:
    """Everything the rendering needs beyond the views, read in a few batched calls."""
    ids = [v.id for v in views]
    owners = await accounts.accounts_by_ids(session, sorted({v.account_id for v in views}))
    reviewer_ids = sorted({v.reviewed_by_user_id for v in views if v.reviewed_by_user_id})
    reviewers = await accounts.users_by_ids(session, reviewer_ids)
    spot_prices = await campaign_service.spot_price_counts(session, principal, ids)
    out = []
    for v in views:
        owner = owners[v.account_id]
        reviewer = reviewers.get(v.reviewed_by_user_id) if v.reviewed_by_user_id else None
        out.append(
            mapping.Extras(
                marketplace_id=settings.marketplace_id,
                vendor_id=owner.external_id,
                wallet_id=owner.wallet_uuid,
                reviewer=reviewer.uuid if reviewer is not None else None,
                bid_count=mapping.bid_count(v, spot_prices[v.id]),
            )
        )
    return out


async def _render(
    session: Session, settings: AppSettings, principal: Principal, views: Sequence[Campaign]
) -> list[wire.Campaign]:
    extras = await _extras(session, settings, principal, views)
    return [mapping.to_wire(v, e) for v, e in zip(views, extras, strict=True)]


async def _load(session: Session, principal: Principal, campaign_id: UUID) -> Campaign:
    view = await campaign_service.get_by_uuid(session, principal, campaign_id)
    if view.is_archived:
        raise NotFound(f"campaign {campaign_id} not found")
    return view


async def _review(
    session: Session,
    principal: Principal,
    view: Campaign,
    status: wire.ReviewStatus | None,
    reviewer: UUID | None,
    reason: wire.BannerAdRejectionReason | None,
) -> None:
    """Apply ``status``/``statusUpdatedBy``/``bannerAdRejectionReason`` through the core.

    Topsort shows a review status a client sets only on banner campaigns; other campaigns
    are reviewed by the marketplace's own flow (the native approve and reject).
    """
    moderation.require_reviewer(principal)
    if view.placement is None or view.placement.value not in mapping.BANNER_FORMATS:
        raise ValidationFailed.field("approval", "applies only to banner campaigns")
    reviewer_id: int | None = None
    if reviewer is not None:
        found = await accounts.users_by_uuids(session, [reviewer])
        if reviewer not in found:
            raise ValidationFailed.field("reviewed_by_user_id", f"user {reviewer} does not exist")
        reviewer_id = found[reviewer].id
    decision = Decision(
        Approval(status) if status is not None else view.approval,
        decline_reason=reason.declineReason if reason is not None else None,
        comment=reason.reasonDetails if reason is not None else None,
        reviewer_user_id=reviewer_id,
    )
    await campaign_service.review(session, principal, view.id, decision)


@router.get("/campaigns", responses=_COMMON, summary="Get Campaigns")
async def list_campaigns(
    principal: TopsortPrincipal,
    session: Session,
    settings: AppSettings,
    vendor_id: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=64,
            pattern=NO_NUL,
            description="Omit for every vendor's campaigns.",
        ),
    ] = None,
    status: Annotated[
        wire.ReviewStatus | None, Query(description="Filter by the approval status.")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="The pagination offset.")] = 0,
    limit: Annotated[int, Query(ge=1, le=100, description="The pagination limit.")] = 100,
    is_active: Annotated[bool | None, Query(description="Active or inactive campaigns.")] = None,
    sort_by_date: Annotated[
        Literal["asc", "desc"] | None, Query(description="Sort by creation date.")
    ] = None,
) -> wire.CampaignPage:
    """Campaigns of the marketplace (admin key) or of the caller's vendor, page by page."""
    filters = CampaignFilter(
        include_archived=False,
        approval=[status] if status else (),
        is_active=is_active,
    )
    if vendor_id is not None:
        try:
            filters.account_id = (
                await accounts.get_account_by_external_id(session, principal, vendor_id)
            ).id
        except NotFound:
            return wire.CampaignPage(campaigns=[], hasMore=False, next=None)
    sort = [Sort("created_at", sort_by_date == "desc")] if sort_by_date else [Sort("id")]
    # Pages are cut at any offset: fetch the page that holds ``offset`` and the one after.
    first = offset // limit + 1
    result = await campaign_service.list_campaigns(
        session, principal, filters, sort, PageParams(first, limit)
    )
    items = result.items[offset % limit :]
    if offset % limit and result.total > first * limit:
        more = await campaign_service.list_campaigns(
            session, principal, filters, sort, PageParams(first + 1, limit)
        )
        items += more.items[: offset % limit]
    has_more = offset + len(items) < result.total
    return wire.CampaignPage(
        campaigns=await _render(session, settings, principal, items),
        hasMore=has_more,
        next=wire.NextPage(offset=offset + len(items), limit=limit) if has_more else None,
    )


@router.post("/campaigns", status_code=201, responses=WRITE, summary="Create Campaign")
async def create_campaign(
    body: wire.CampaignCreate,
    principal: TopsortPrincipal,
    session: Session,
    settings: AppSettings,
    vendor_id: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=64,
            pattern=NO_NUL,
            description="The vendor the campaign is for; needed with the marketplace key.",
        ),
    ] = None,
    vendorId: Annotated[
        str | None, Query(min_length=1, max_length=64, pattern=NO_NUL, include_in_schema=False)
    ] = None,
) -> wire.Campaign:
    """Create a campaign for a vendor; it waits for review like every new campaign."""
    vendor = vendor_id or vendorId
    if vendor is not None:
        owner = await accounts.get_account_by_external_id(session, principal, vendor)
    elif principal.account_id is not None and not principal.is_admin:
        owner = await accounts.get_account(session, principal, principal.account_id)
    else:
        raise RequestValidationError(
            [
                {
                    "type": "missing",
                    "loc": ("query", "vendor_id"),
                    "msg": "Field required: the marketplace API key creates for a vendor",
                    "input": None,
                }
            ]
        )
    fields = mapping.create_fields(body, owner.currency)
    view = await campaign_service.create(
        session,
        principal,
        fields.fields,
        account_id=owner.id,
        active=body.isActive,
        complete=True,
        extensions=[fields.extras],
    )
    if body.status is not None:
        await _review(session, principal, view, body.status, None, None)
        view = await campaign_service.get(session, principal, view.id)
    return (await _render(session, settings, principal, [view]))[0]


@router.get("/campaigns/{campaign_id}", responses=ONE, summary="Get Campaign By Id")
async def get_campaign(
    campaign_id: UUID, principal: TopsortPrincipal, session: Session, settings: AppSettings
) -> wire.Campaign:
    """One campaign by its UUID."""
    view = await _load(session, principal, campaign_id)
    return (await _render(session, settings, principal, [view]))[0]


@router.patch("/campaigns/{campaign_id}", responses=WRITE, summary="Update Campaign By Id")
async def update_campaign(
    campaign_id: UUID,
    body: wire.CampaignUpdate,
    principal: TopsortPrincipal,
    session: Session,
    settings: AppSettings,
) -> wire.Campaign:
    """Change the fields sent (``null`` leaves a field as it is); returns the whole campaign."""
    view = await _load(session, principal, campaign_id)
    changes = mapping.update_fields(body, view)
    if changes.any:
        view = await campaign_service.update(
            session, principal, view.id, changes.fields, extensions=[changes.extras]
        )
    if body.isActive is not None and body.isActive != view.is_active:
        action = campaign_service.run if body.isActive else campaign_service.pause
        view = await action(session, principal, view.id)
    if (
        body.status is not None
        or body.statusUpdatedBy is not None
        or body.bannerAdRejectionReason is not None
    ):
        await _review(
            session,
            principal,
            view,
            body.status,
            body.statusUpdatedBy,
            body.bannerAdRejectionReason,
        )
        view = await campaign_service.get(session, principal, view.id)
    return (await _render(session, settings, principal, [view]))[0]


def create_api() -> FastAPI:
    """The Topsort sub-app, with its own OpenAPI document at ``/topsort/openapi.json``."""
    return api_surface(
        title="Topsort campaign service (adplane)",
        description="Topsort's public campaign API over the adplane core.",
        version="1",
        install_errors=errors.install,
        routers=[router],
        body_too_large={"model": wire.Detail, "description": "The request body is too large"},
    )
