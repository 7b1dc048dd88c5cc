"""The TrafficStars advertiser API: its paths and methods, verbatim, over the core services."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Body, FastAPI, Path, Query, Request, Response
from fastapi.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adplane.accounts import service as accounts
from adplane.accounts.auth import AppSettings, bearer_credential
from adplane.accounts.principal import Principal
from adplane.campaigns import schemas as core
from adplane.campaigns import service as campaigns
from adplane.campaigns.service import CampaignFilter
from adplane.catalogues import service as catalogues
from adplane.dialects.trafficstars import errors, mapping, wire
from adplane.dialects.trafficstars.auth import CurrentPrincipal, id_token, token_request
from adplane.inventory import service as inventory
from adplane.kit.db import Session
from adplane.kit.errors import (
    Conflict,
    FieldError,
    Forbidden,
    NotFound,
    Unauthorized,
    ValidationFailed,
)
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import Sort
from adplane.kit.surface import api_surface
from adplane.kit.time import as_utc, utcnow
from adplane.targeting import service as targeting

router = APIRouter(responses=errors.ERROR_RESPONSES)

CampaignId = Annotated[int, Path(gt=0, le=MAX_ID, description="numeric campaign id")]
SpotId = Annotated[int, Path(gt=0, le=MAX_ID, description="spot id")]
RModel = Annotated[
    str | None,
    Query(
        alias="_rmodel",
        max_length=64,
        description="The predictive model behind this edit; recorded in the campaign history",
    ),
]
Draft = Annotated[wire.CampaignInput, Body()]


# --- helpers -----------------------------------------------------------------------------


async def _render_many(session: Session, views: list[core.Campaign]) -> list[wire.Campaign]:
    codenames = await inventory.spot_codenames(session, mapping.spot_ids_of(views))
    catalogue = await targeting.catalogue(session)
    now = utcnow()
    return [mapping.render(v, codenames=codenames, catalogue=catalogue, now=now) for v in views]


async def _render(session: Session, view: core.Campaign) -> wire.Campaign:
    return (await _render_many(session, [view]))[0]


def _failed(errors_: list[FieldError]) -> ValidationFailed:
    return ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors_), errors=errors_)


async def _core_fields(
    request: Request, session: Session, body: wire.CampaignInput, current: core.Campaign | None
) -> mapping.CoreChanges:
    """The request in core (and extension) fields; errors will name the fields it used."""
    request.state.ts_sent = mapping.sent_fields(body)
    codes = body.adspots or []
    adspot_ids = await inventory.spot_ids_by_codename(session, codes) if codes else {}
    catalogue = await targeting.catalogue(session)
    return mapping.to_core(body, current=current, adspot_ids=adspot_ids, catalogue=catalogue)


async def _owner_account(session: Session, principal: Principal, user_id: int | None) -> int | None:
    """The account a new campaign belongs to: the caller's, or (admins) that of ``user_id``."""
    if user_id is None:
        if principal.is_admin and principal.account_id is None:
            raise ValidationFailed.field("user_id", "an admin creates a campaign for a user")
        return None
    try:
        user = await accounts.get_user(session, user_id)
    except NotFound:
        user = None
    if user is None or user.account_id is None or not principal.can_access(user.account_id):
        raise ValidationFailed.field("user_id", f"user {user_id} does not exist")
    return user.account_id


def _reject_request(body: wire.CampaignInput) -> core.RejectRequest:
    raw = body.reject_reason
    codes = sorted(set(raw if isinstance(raw, list) else [] if raw is None else [raw]))
    comment = body.reject_comment or None
    return core.RejectRequest(reason_codes=codes, comment=comment)


async def _moderate(
    session: Session,
    principal: Principal,
    view: core.Campaign,
    body: wire.CampaignInput,
    before: core.Campaign | None,
    tag: str | None,
) -> core.Campaign:
    """``reject_reason``/``reject_comment`` from a moderator reject the campaign.

    A client that sends back what it read (the same reasons) changes nothing, so only a
    change asks for the moderator role.
    """
    if not {"reject_reason", "reject_comment"} & body.model_fields_set:
        return view
    wanted = _reject_request(body)
    current_codes = sorted(before.reject_reason_codes) if before else []
    current_comment = before.reject_comment if before else None
    if not wanted.reason_codes and not wanted.comment:
        return view
    if wanted.reason_codes == current_codes and wanted.comment == current_comment:
        return view
    if not principal.is_admin:
        raise Forbidden(
            "only a moderator can reject a campaign",
            errors=[FieldError("reject_reason", "only a moderator can set it")],
        )
    return await campaigns.reject(session, principal, view.id, wanted, tag=tag)


# --- auth ----------------------------------------------------------------------------------


@router.post(
    "/v1/auth/token",
    tags=["auth"],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {"schema": wire.TokenRequest.model_json_schema()}
                for media in ("application/x-www-form-urlencoded", "application/json")
            },
        }
    },
)
async def token(request: Request, session: Session, settings: AppSettings) -> wire.Token:
    """Get an access token for an API key or a refresh token (grant_type=refresh_token)."""
    grant = await token_request(request)
    assert grant.refresh_token is not None
    try:
        opened = await accounts.refresh(session, settings, grant.refresh_token)
    except Unauthorized as exc:
        raise errors.TrafficStarsError(
            401,
            "invalid_grant",
            exc.detail,
            errors=[FieldError("refresh_token", "is not a valid API key or refresh token")],
        ) from exc
    user = await accounts.get_user(session, opened.principal.user_id)
    return wire.Token(
        access_token=opened.access.token,
        expires_in=opened.access.expires_in,
        token_type="Bearer",
        id_token=id_token(
            settings,
            user_id=user.id,
            email=user.email,
            role=opened.principal.role.value,
            account_id=opened.principal.account_id,
            expires_at=opened.access.expires_at,
        ),
        refresh_token=opened.refresh.token,
    )


@router.post("/v1/auth/info", tags=["auth"])
async def info(
    request: Request, principal: CurrentPrincipal, session: Session, settings: AppSettings
) -> wire.SessionInfo:
    """The current session: its access token, seconds left, and a refresh token to renew it."""
    credential = bearer_credential(request, "bearer")
    if principal.token_jti is None:
        # An API key has no session of its own; describe a fresh one.
        opened = await accounts.refresh(session, settings, credential)
        return wire.SessionInfo(
            access_token=opened.access.token,
            expires_in=opened.access.expires_in,
            refresh_token=opened.refresh.token,
        )
    row = await accounts.token_info(session, principal.token_jti)
    left = 0 if row is None else int((as_utc(row.expires_at) - utcnow()).total_seconds())
    renewal = await accounts.issue_refresh_token(session, settings, principal)
    return wire.SessionInfo(
        access_token=credential, expires_in=max(left, 0), refresh_token=renewal.token
    )


@router.get("/v1/auth/logout", status_code=204, tags=["auth"])
async def logout(principal: CurrentPrincipal, session: Session) -> Response:
    """Terminate the session: the access token stops working at once."""
    await accounts.logout(session, principal)
    return Response(status_code=204)


# Clients that sign out with POST (as the native API does) get the same.
router.add_api_route(
    "/v1/auth/logout", logout, methods=["POST"], status_code=204, include_in_schema=False
)


# --- listing ---------------------------------------------------------------------------------

_ORDER = {"name": "name", "price": "price", "pricing_model": "pricing_model", "id": "id"}
_STATUSES: tuple[str, ...] = (*get_args(wire.Status), "archived")
_LIST_PARAMS: list[tuple[str, str, str]] = [
    ("id", "integer", "campaign IDs"),
    ("user_id", "integer", "id of an existing user"),
    ("format_id", "integer", "id of an existing format"),
    ("ad_format_id", "integer", "array of ad format id"),
    ("pricing_model", "string", "cpm, cpc or cpa"),
    ("status", "string", "statuses; default: all not archived ('archived' lists archived ones)"),
]


def _values(request: Request, name: str) -> list[str] | None:
    """``name[]=a&name[]=b``, ``name=a&name=b`` or ``name=a,b``; None when absent."""
    params = request.query_params
    raw = params.getlist(f"{name}[]") + params.getlist(name)
    parts = [part.strip() for value in raw for part in value.split(",") if part.strip()]
    return parts or None


def _ids(request: Request, name: str) -> list[int] | None:
    values = _values(request, name)
    if values is None:
        return None
    for value in values:
        if not (value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID):
            raise ValidationFailed.field(name, f"{value!r} is not an id")
    return [int(v) for v in values]


def _choices(request: Request, name: str, allowed: tuple[str, ...]) -> list[str] | None:
    values = _values(request, name)
    for value in values or []:
        if value not in allowed:
            raise ValidationFailed.field(name, f"{value!r} is not one of {', '.join(allowed)}")
    return values


def _flag(request: Request, name: str) -> bool | None:
    value = request.query_params.get(name)
    if value is None or value == "":
        return None
    lowered = value.strip().lower()
    if lowered in {"true", "1", "yes"}:
        return True
    if lowered in {"false", "0", "no"}:
        return False
    raise ValidationFailed.field(name, f"{value!r} is not a boolean (true or false)")


def _both(a: list[Any] | None, b: list[Any] | None) -> list[Any] | None:
    """Two filters on one column: both must hold."""
    if a is None:
        return b
    if b is None:
        return a
    return [x for x in a if x in set(b)]


def _no_match(values: list[Any] | None) -> bool:
    return values is not None and not values


@router.get(
    "/v1.1/campaigns",
    tags=["campaigns"],
    openapi_extra={
        "parameters": [
            {
                "name": f"{name}[]",
                "in": "query",
                "required": False,
                "description": text,
                "schema": {"type": "array", "items": {"type": kind}},
                "style": "form",
                "explode": True,
            }
            for name, kind, text in _LIST_PARAMS
        ]
        + [
            {"name": name, "in": "query", "required": False, "schema": {"type": kind}}
            for name, kind in (
                ("flat_rate", "boolean"),
                ("prime", "boolean"),
                ("traffic_type", "string"),
                ("traffic_source_type", "string"),
                ("network_traffic_type", "string"),
            )
        ]
    },
)
async def list_campaigns(
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
    order: Annotated[
        str | None,
        Query(max_length=32, description="name, price, pricing_model or user_email; '-' descends"),
    ] = None,
) -> wire.CampaignList:
    """List all campaigns (archived ones only when asked for by status)."""
    ids = _ids(request, "id")
    user_ids = _ids(request, "user_id")
    format_ids = _both(_ids(request, "format_id"), _ids(request, "ad_format_id"))
    pricing = _choices(request, "pricing_model", get_args(wire.PricingModel))
    statuses = _choices(request, "status", _STATUSES)
    traffic = _choices(request, "traffic_type", get_args(wire.TrafficType))
    prime = _flag(request, "prime")
    if prime is not None:
        traffic = _both(traffic, ["prime"] if prime else ["ron", "members_area"])
    sources = _choices(request, "traffic_source_type", get_args(wire.TrafficSourceType))
    networks = _choices(request, "network_traffic_type", get_args(wire.NetworkTrafficType))
    flat_rate = _flag(request, "flat_rate")

    sort: list[Sort] = [Sort("id")]
    by_email: bool | None = None
    if order:
        parsed = Sort.parse(order.strip())
        if parsed.field == "user_email":
            by_email = parsed.descending
        elif parsed.field in _ORDER:
            sort = [Sort(_ORDER[parsed.field], parsed.descending)]
        else:
            raise ValidationFailed.field(
                "order", "one of name, price, pricing_model, user_email (with '-' to descend)"
            )

    if any(_no_match(v) for v in (ids, user_ids, format_ids, traffic, statuses)):
        return wire.CampaignList(response=[])
    wanted = set(statuses or ())
    filters = CampaignFilter(
        ids=ids or (),
        include_archived="archived" in wanted,
        format_ids=format_ids or (),
        pricing_models=pricing or (),
        traffic_types=traffic or (),
        traffic_source_types=sources or (),
        network_traffic_types=networks or (),
        created_by_user_ids=user_ids or (),
        flat_rate=flat_rate,
    )
    predicate: Callable[[core.Campaign], bool] | None = None
    if wanted:
        now = utcnow()

        def predicate(view: core.Campaign) -> bool:
            if view.is_archived:
                return "archived" in wanted
            return mapping.status_of(view, now) in wanted

    result = await campaigns.list_campaigns(session, principal, filters, sort, None, predicate)
    items = result.items
    if by_email is not None:
        creators = [v.created_by_user_id for v in items if v.created_by_user_id is not None]
        users = await accounts.users_by_ids(session, sorted(set(creators)))

        def email(view: core.Campaign) -> str:
            user = users.get(view.created_by_user_id or 0)
            return user.email if user else ""

        items = sorted(items, key=lambda v: (email(v), v.id), reverse=by_email)
    return wire.CampaignList(response=await _render_many(session, items))


@router.get("/v1.1/campaigns/reject_reasons", tags=["campaigns"])
async def reject_reasons(principal: CurrentPrincipal, session: Session) -> list[wire.RejectReason]:
    """Get list of campaign reject reasons (``id`` is the constant campaigns carry)."""
    return [
        wire.RejectReason(
            id=r.code,
            Title=r.title,
            created_at=mapping.iso(r.created_at),
            updated_at=mapping.iso(r.updated_at),
        )
        for r in await catalogues.list_reject_reasons(session)
    ]


@router.get("/v1.1/campaigns/{id}", tags=["campaigns"])
async def get(id: CampaignId, principal: CurrentPrincipal, session: Session) -> wire.Campaign:
    """Get a single campaign."""
    return await _render(session, await campaigns.get(session, principal, id))


# --- creating and editing ------------------------------------------------------------------


@router.post("/v1.1/campaigns/draft", tags=["campaigns"])
async def create_draft(
    request: Request,
    body: Draft,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.Campaign:
    """Create a draft campaign; nothing but the name is required until it is published."""
    fields = await _core_fields(request, session, body, None)
    account = await _owner_account(session, principal, body.user_id)
    view = await campaigns.create(
        session,
        principal,
        fields.fields,
        account_id=account,
        draft=True,
        extensions=[fields.extras],
        tag=_rmodel,
    )
    return await _render(session, view)


async def _publish(
    request: Request,
    session: Session,
    principal: Principal,
    body: wire.CampaignInput,
    tag: str | None,
) -> core.Campaign:
    assert body.id is not None
    draft = await campaigns.get(session, principal, body.id)
    if not draft.is_draft:
        raise Conflict(f"campaign {body.id} is not a draft; edit it with PATCH instead")
    changes = await _core_fields(request, session, body, draft)
    if changes.any:
        draft = await campaigns.update(
            session,
            principal,
            draft.id,
            changes.fields,
            drafts_only=True,
            extensions=[changes.extras],
            tag=tag,
        )
    # The core's submission rules name every missing field; the errors render in TS names.
    return await campaigns.transition(session, principal, draft.id, "submit", tag=tag)


@router.post("/v1.1/campaigns", tags=["campaigns"])
async def create(
    request: Request,
    body: Draft,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.Campaign:
    """Create a campaign, or publish the draft named by ``id``; it waits for approval."""
    if body.id is not None:
        view = await _publish(request, session, principal, body, _rmodel)
    else:
        missing = mapping.missing_in_request(body)
        if missing:
            raise _failed(missing)
        fields = await _core_fields(request, session, body, None)
        account = await _owner_account(session, principal, body.user_id)
        view = await campaigns.create(
            session,
            principal,
            fields.fields,
            account_id=account,
            complete=True,
            extensions=[fields.extras],
            tag=_rmodel,
        )
    view = await _moderate(session, principal, view, body, None, _rmodel)
    return await _render(session, view)


# Parameters an edit can change (the others only make sense on create or clone).
EDITABLE = frozenset(wire.CampaignInput.model_fields) - {
    "id",
    "user_id",
    "spot_prices",
    "retargeting_conditions",
}


async def _edit(
    request: Request,
    session: Session,
    principal: Principal,
    campaign_id: int,
    body: wire.CampaignInput,
    *,
    drafts_only: bool,
    tag: str | None,
) -> wire.Campaign:
    current = await campaigns.get(session, principal, campaign_id)
    if drafts_only and not current.is_draft:
        raise Conflict(f"campaign {campaign_id} is not a draft")
    if not current.is_draft:
        cleared = mapping.cleared_required(body)
        if cleared:
            raise _failed(cleared)
    changes = await _core_fields(request, session, body, current)
    if not body.model_fields_set & EDITABLE:
        raise ValidationFailed("send at least one campaign parameter to change")
    view = current
    if changes.any:
        view = await campaigns.update(
            session,
            principal,
            campaign_id,
            changes.fields,
            drafts_only=drafts_only,
            extensions=[changes.extras],
            tag=tag,
        )
    view = await _moderate(session, principal, view, body, current, tag)
    return await _render(session, view)


@router.patch("/v1.1/campaigns/{id}/draft", tags=["campaigns"])
async def edit_draft(
    request: Request,
    id: CampaignId,
    body: Draft,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.Campaign:
    """Edit a draft campaign."""
    return await _edit(request, session, principal, id, body, drafts_only=True, tag=_rmodel)


@router.patch("/v1.1/campaigns/{id}", tags=["campaigns"])
async def edit(
    request: Request,
    id: CampaignId,
    body: Draft,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.Campaign:
    """Edit a campaign; editing a rejected campaign sends it back for approval."""
    return await _edit(request, session, principal, id, body, drafts_only=False, tag=_rmodel)


@router.post("/v1.1/campaigns/{id}/save_as", tags=["campaigns"])
async def save_as(
    request: Request,
    id: CampaignId,
    body: Draft,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.Campaign:
    """Clone the campaign with changes (clone + patch); the copy keeps the name unless sent."""
    source = await campaigns.get(session, principal, id)
    if not source.is_draft:
        cleared = mapping.cleared_required(body)
        if cleared:
            raise _failed(cleared)
    changes = await _core_fields(request, session, body, source)
    fields = changes.fields
    if "name" not in fields.model_fields_set:
        fields = fields.model_copy(update={"name": source.name})
    view = await campaigns.clone(
        session,
        principal,
        id,
        fields,
        as_draft=source.is_draft,
        copy_spot_prices=body.spot_prices is not False,
        extensions=[changes.extras],
        tag=_rmodel,
    )
    return await _render(session, view)


async def _clone(
    session: Session,
    principal: Principal,
    campaign_id: int,
    options: wire.CloneOptions | None,
    spot_prices: bool | None,
    *,
    draft_only: bool,
    tag: str | None,
) -> wire.Campaign:
    source = await campaigns.get(session, principal, campaign_id)
    if draft_only and not source.is_draft:
        raise Conflict(f"campaign {campaign_id} is not a draft; clone it with /clone")
    copy_prices = spot_prices
    if options is not None and options.spot_prices is not None:
        copy_prices = options.spot_prices
    view = await campaigns.clone(
        session,
        principal,
        campaign_id,
        None,
        as_draft=source.is_draft,
        copy_spot_prices=copy_prices is not False,
        tag=tag,
    )
    return await _render(session, view)


SpotPricesQuery = Annotated[
    bool | None, Query(description="Copy the per-spot prices too (default true)")
]


@router.post("/v1.1/campaigns/{id}/clone", tags=["campaigns"])
async def clone(
    id: CampaignId,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
    spot_prices: SpotPricesQuery = None,
    options: Annotated[wire.CloneOptions | None, Body()] = None,
) -> wire.Campaign:
    """Create a copy of the campaign, paused, waiting for approval (a draft's copy is a draft)."""
    return await _clone(session, principal, id, options, spot_prices, draft_only=False, tag=_rmodel)


@router.post("/v1.1/campaigns/{id}/clone/draft", tags=["campaigns"])
async def clone_draft(
    id: CampaignId,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
    spot_prices: SpotPricesQuery = None,
    options: Annotated[wire.CloneOptions | None, Body()] = None,
) -> wire.Campaign:
    """Create a copy of the draft campaign (as a draft)."""
    return await _clone(session, principal, id, options, spot_prices, draft_only=True, tag=_rmodel)


@router.put("/v1.1/campaigns/{id}/{action}", tags=["campaigns"])
async def run_or_pause(
    id: CampaignId,
    action: Literal["run", "pause"],
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.Campaign:
    """Run or pause the campaign (switches status between enabled and paused)."""
    return await _render(
        session, await campaigns.transition(session, principal, id, action, tag=_rmodel)
    )


# --- targeting and spot prices -------------------------------------------------------------


@router.patch(
    "/v1.1/campaigns/{id}/targeting/{mode}/{dimension}",
    tags=["targeting"],
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {"example": "OK"}}}},
)
async def change_targeting(
    request: Request,
    id: CampaignId,
    mode: Literal["include", "exclude"],
    dimension: Literal["spots", "sites"],
    body: Annotated[wire.TargetingIds, Body()],
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> PlainTextResponse:
    """Add spots or sites to the campaign targeting (include) or remove them (exclude)."""
    request.state.ts_rename = {"targeting": "ids"}
    await campaigns.change_targeting_ids(
        session, principal, id, dimension, mode, body.ids, tag=_rmodel
    )
    return PlainTextResponse("OK")


@router.get("/v1.1/campaigns/{id}/prices", tags=["spot prices"])
async def prices(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> list[wire.SpotPrice]:
    """List of campaign prices."""
    return [mapping.spot_price(p) for p in await campaigns.list_spot_prices(session, principal, id)]


@router.get("/v1.1/campaigns/{id}/spot/{spot_id}/price", tags=["spot prices"])
async def get_price(
    id: CampaignId, spot_id: SpotId, principal: CurrentPrincipal, session: Session
) -> wire.SpotPrice:
    """Get a single campaign price."""
    return mapping.spot_price(await campaigns.get_spot_price(session, principal, id, spot_id))


@router.post("/v1.1/campaigns/{id}/spot/{spot_id}/price", tags=["spot prices"])
async def set_price(
    id: CampaignId,
    spot_id: SpotId,
    body: Annotated[wire.SpotPriceInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.SpotPrice:
    """Set a campaign price for one spot."""
    price = await campaigns.set_spot_price(
        session, principal, id, spot_id, Decimal(body.price), tag=_rmodel
    )
    return mapping.spot_price(price)


@router.delete("/v1.1/campaigns/{id}/spot/{spot_id}/price", status_code=204, tags=["spot prices"])
async def delete_price(
    id: CampaignId,
    spot_id: SpotId,
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> Response:
    """Delete a specific price of the campaign."""
    await campaigns.delete_spot_price(session, principal, id, spot_id, tag=_rmodel)
    return Response(status_code=204)


@router.get("/v1.1/campaigns/{id}/spending", tags=["campaigns"])
async def spending(id: CampaignId, principal: CurrentPrincipal, session: Session) -> wire.Spending:
    """Get campaign spending: the total spend from the report engine."""
    view = await campaigns.get(session, principal, id)
    return wire.Spending(id=view.id, total=mapping.num0(view.spend_total))


# --- v2 bulk ---------------------------------------------------------------------------------


@router.put("/v2/campaigns/{action}", tags=["v2"])
async def bulk(
    action: wire.BulkAction,
    body: Annotated[wire.BulkInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
    _rmodel: RModel = None,
) -> wire.BulkResult:
    """Publish, run, pause, archive or unarchive campaigns; each id succeeds or fails alone."""
    wanted = list(dict.fromkeys(body.campaign_ids))
    valid = [cid for cid in wanted if cid > 0]
    result = await campaigns.bulk(session, principal, action, valid, tag=_rmodel)
    done = set(result.success)
    return wire.BulkResult(
        success=[cid for cid in wanted if cid in done],
        failed=[cid for cid in wanted if cid not in done],
        total=len(wanted),
    )


_FORM_TYPES = (b"application/x-www-form-urlencoded", b"text/plain")


class JsonWithoutItsContentType:
    """Reads a JSON body sent as a form as JSON.

    ``curl -d '{...}'`` without ``-H 'Content-Type: application/json'`` (and many HTTP
    libraries given a string) label the body a form; TrafficStars clients do that.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k != b"content-type"]
        content_type = next((v for k, v in scope["headers"] if k == b"content-type"), b"")
        if content_type and not content_type.lower().startswith(_FORM_TYPES):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if body.lstrip()[:1] in (b"{", b"["):
            scope = {**scope, "headers": [*headers, (b"content-type", b"application/json")]}
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def create_trafficstars_app() -> FastAPI:
    """The dialect sub-app: its own OpenAPI document and error shape."""
    app = api_surface(
        title="adplane: TrafficStars advertiser API",
        version="1.1",
        description="The TrafficStars advertiser API (auth, campaigns v1.1, v2 bulk) over adplane.",
        install_errors=errors.install,
        routers=[router],
        body_too_large={"model": wire.Error, "description": "The request body is too large"},
    )
    app.add_middleware(JsonWithoutItsContentType)
    return app
