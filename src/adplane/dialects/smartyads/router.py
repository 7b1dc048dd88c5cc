"""The SmartyAds DSP API: its paths and methods, verbatim, over the core services."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, FastAPI, Path, Query, Request

from adplane.accounts import service as accounts
from adplane.accounts.auth import AppSettings
from adplane.campaigns import service as campaigns
from adplane.campaigns.schemas import Campaign, CampaignFields
from adplane.campaigns.service import CampaignFilter
from adplane.dialects.smartyads import errors, mapping, wire
from adplane.dialects.smartyads.auth import TOKEN_TTL_SECONDS, CurrentPrincipal, token_claims
from adplane.dialects.smartyads.creatives import router as creatives_router
from adplane.dialects.smartyads.limits import RateLimits
from adplane.dialects.smartyads.lists import router as lists_router
from adplane.dialects.smartyads.media import router as media_router
from adplane.dialects.smartyads.rules import router as rules_router
from adplane.dialects.smartyads.statistic import router as statistic_router
from adplane.inventory import service as inventory
from adplane.kit.db import Session
from adplane.kit.errors import FieldError, NotFound, ValidationFailed
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import PageParams, Sort
from adplane.kit.surface import api_surface
from adplane.kit.time import utcnow
from adplane.targeting import service as targeting

router = APIRouter(prefix="/api", responses=errors.ERROR_RESPONSES)

CampaignId = Annotated[int, Path(gt=0, le=MAX_ID, description="Campaign Id")]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000, description="Page number")]
PerPage = Annotated[int, Query(ge=1, le=1000, description="Items per page")]
LIST_PAGE_SIZE = 15


# --- authorization -------------------------------------------------------------------------


@router.post("/users/login", tags=["Authorization"], summary="Login")
async def login(
    body: wire.LoginRequest, request: Request, session: Session, settings: AppSettings
) -> wire.LoginResponse:
    """Return a token to send as ``Authorization: Bearer <token>``; it lives an hour."""
    client = request.client
    issued = await accounts.login(
        session,
        settings,
        body.email,
        body.password,
        guard=request.app.state.login_guard,
        address=client.host if client else None,
        ttl_seconds=TOKEN_TTL_SECONDS,
        extra_claims=token_claims(),
    )
    return wire.LoginResponse(access_token=issued.token, expires_in=issued.expires_in)


@router.post("/logout", tags=["Authorization"], summary="Log out")
async def logout(principal: CurrentPrincipal, session: Session) -> wire.Message:
    """Revoke the token the request came with."""
    await accounts.logout(session, principal)
    return wire.Message(message="Successfully logged out")


# --- campaigns -----------------------------------------------------------------------------


async def _load(session: Session, principal: CurrentPrincipal, campaign_id: int) -> Campaign:
    """A campaign the caller may see; a deleted (archived) one is gone for SmartyAds."""
    view = await campaigns.get(session, principal, campaign_id)
    if view.is_archived:
        raise NotFound(f"campaign {campaign_id} not found")
    return view


async def _render(session: Session, view: Campaign) -> wire.Campaign:
    catalogue = await targeting.catalogue(session)
    return mapping.render(view, catalogue=catalogue, now=utcnow())


@router.get("/campaigns", tags=["Campaigns"], summary="Campaigns list")
async def list_campaigns(
    principal: CurrentPrincipal,
    session: Session,
    page: PageNumber = 1,
    per_page: PerPage = LIST_PAGE_SIZE,
) -> wire.CampaignList:
    """The caller's campaigns by id, 15 a page (``page``, ``per_page`` choose another)."""
    result = await campaigns.list_campaigns(
        session,
        principal,
        CampaignFilter(include_archived=False),
        [Sort("id")],
        PageParams(page, per_page),
    )
    catalogue = await targeting.catalogue(session)
    now = utcnow()
    rendered = [
        mapping.summary(mapping.render(v, catalogue=catalogue, now=now)) for v in result.items
    ]
    return wire.CampaignList(
        data=rendered, meta=wire.meta(result.total, len(rendered), per_page, page)
    )


@router.get("/campaigns/{id}", tags=["Campaigns"], summary="Get campaign by ID")
async def get_campaign(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> wire.CampaignOne:
    """The whole campaign object."""
    return wire.CampaignOne(data=await _render(session, await _load(session, principal, id)))


_REQUIRED_ON_CREATE = ("type", "name", "aDomain")


@router.post("/campaigns", tags=["Campaigns"], summary="Create a Custom Campaign")
async def create_campaign(
    body: Annotated[wire.CampaignInput, Body()], principal: CurrentPrincipal, session: Session
) -> wire.CampaignOne:
    """Create a campaign; it starts switched off (``isActive`` false) and waits for review."""
    missing = [
        FieldError(name, f"The {name} field is required.")
        for name in _REQUIRED_ON_CREATE
        if not getattr(body, name)
    ]
    if missing:
        raise ValidationFailed("; ".join(e.message for e in missing), errors=missing)
    catalogue = await targeting.catalogue(session)
    fields = mapping.to_core(body, current=None, catalogue=catalogue)
    await _network_defaults(session, body, None, fields)
    view = await campaigns.create(
        session, principal, fields, active=bool(body.isActive), extensions=mapping.extras_of(body)
    )
    return wire.CampaignOne(data=await _render(session, view))


async def _network_defaults(
    session: Session, body: wire.CampaignInput, current: Campaign | None, fields: CampaignFields
) -> None:
    """The format and hours SmartyAds never names, so its campaigns can be submitted."""
    kind = mapping.format_kind(body, current)
    if kind is not None:
        format_id = await inventory.format_id_of_kind(session, kind)
        if format_id is not None:
            fields.format_id = format_id
    if current is None or current.day_parting is None:
        fields.day_parting = mapping.ALL_HOURS


async def _update(
    campaign_id: int, body: wire.CampaignInput, principal: CurrentPrincipal, session: Session
) -> wire.CampaignOne:
    view = await _load(session, principal, campaign_id)
    catalogue = await targeting.catalogue(session)
    fields = mapping.to_core(body, current=view, catalogue=catalogue)
    await _network_defaults(session, body, view, fields)
    extras = mapping.extras_of(body)
    if fields.model_fields_set or extras:
        view = await campaigns.update(session, principal, view.id, fields, extensions=extras)
    if body.isActive is not None and body.isActive != view.is_active:
        action = campaigns.run if body.isActive else campaigns.pause
        view = await action(session, principal, view.id)
    return wire.CampaignOne(data=await _render(session, view))


@router.patch("/campaigns/{id}", tags=["Campaigns"], summary="Update a Custom Campaign")
async def update_campaign(
    id: CampaignId,
    body: Annotated[wire.CampaignInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.CampaignOne:
    """Change the fields sent; the others keep their values. ``isActive`` runs or pauses."""
    return await _update(id, body, principal, session)


@router.put(
    "/campaigns/{id}",
    tags=["Campaigns"],
    summary="Update a Custom Campaign (PUT)",
    description="The same partial update as PATCH (see NOTES.md: PUT vs PATCH).",
)
async def replace_campaign(
    id: CampaignId,
    body: Annotated[wire.CampaignInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.CampaignOne:
    return await _update(id, body, principal, session)


@router.delete("/campaigns/{id}", tags=["Campaigns"], summary="Delete a Custom Campaign")
async def delete_campaign(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> dict[str, Any]:
    """Delete (archive) the campaign: it leaves the list; the native API can restore it."""
    view = await _load(session, principal, id)
    await campaigns.archive(session, principal, view.id)
    return {}


def create_api() -> FastAPI:
    """The SmartyAds sub-app, with its own OpenAPI document at ``/smartyads/openapi.json``."""
    api = api_surface(
        title="SmartyAds DSP API (adplane)",
        description=(
            "The SmartyAds DSP API over the adplane core. Log in with `POST api/users/login` "
            "and send `Authorization: Bearer <access_token>`. Errors are "
            '`{"message", "errors"}` with the HTTP status (see NOTES.md).'
        ),
        version="1",
        install_errors=errors.install,
        body_too_large=errors.ERROR_RESPONSES[413],
        routers=[
            router,
            statistic_router,
            lists_router,
            media_router,
            rules_router,
            creatives_router,
        ],
    )
    api.add_middleware(RateLimits)
    return api
