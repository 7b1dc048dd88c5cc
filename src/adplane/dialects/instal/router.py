"""Instal's advertiser campaign API: the document's paths and methods, read-only."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, FastAPI, Request

from adplane.campaigns import service as campaign_service
from adplane.campaigns.schemas import Campaign
from adplane.catalogues import service as catalogue_service
from adplane.dialects.instal import errors, mapping, wire
from adplane.dialects.instal.auth import InstalPrincipal
from adplane.kit.db import Session
from adplane.kit.pagination import PageParams, PageResult, Sort
from adplane.kit.surface import api_surface
from adplane.kit.time import utcnow
from adplane.targeting import service as targeting

PREFIX = "/advertiser/api/v1"
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100
OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

router = APIRouter(prefix=PREFIX, tags=["campaigns"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"model": wire.Detail, "description": "No or invalid credentials, or no account"},
    405: {"model": wire.Detail, "description": "Only GET method is allowed"},
}
LIST_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    400: {"model": wire.FieldErrors, "description": "Wrong status, or a bad page_size"},
    404: {"model": wire.Detail, "description": "Invalid page"},
}
ONE_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    400: {"model": wire.FieldErrors, "description": "A parameter is malformed"},
    404: {"model": wire.Detail, "description": "No campaign with given id"},
}
LIST_PARAMETERS: dict[str, Any] = {
    "parameters": [
        {
            "name": "status",
            "in": "query",
            "required": False,
            "description": "Campaign status. Default show all campaigns",
            "schema": {"type": "string", "enum": list(mapping.STATUS_CHOICES)},
        },
        {
            "name": "page",
            "in": "query",
            "required": False,
            "description": "The page of results to return (1-based; 'last' for the last one)",
            "schema": {"type": "integer", "minimum": 1},
        },
        {
            "name": "page_size",
            "in": "query",
            "required": False,
            "description": f"Number of items per page (default {DEFAULT_PAGE_SIZE}, "
            f"at most {MAX_PAGE_SIZE})",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        },
    ]
}


def _status(request: Request) -> str | None:
    raw = request.query_params.get("status")
    if raw and raw not in mapping.STATUS_CHOICES:
        raise errors.InstalError.field(
            "status", f"Select a valid choice. {raw} is not one of the available choices."
        )
    return raw or None


def _page_size(request: Request) -> int:
    raw = request.query_params.get("page_size")
    if raw is None or raw == "":
        return DEFAULT_PAGE_SIZE
    text = raw.strip()
    if not (text.isascii() and text.lstrip("-").isdigit() and len(text) <= 12):
        raise errors.InstalError.field("page_size", "A valid integer is required.")
    size = int(text)
    if size < 1:
        raise errors.InstalError.field(
            "page_size", "Ensure this value is greater than or equal to 1."
        )
    # Django REST framework caps an oversized page_size instead of refusing it.
    return min(size, MAX_PAGE_SIZE)


def _page_number(request: Request) -> int | None:
    """The requested page; None means the last one. Anything unusable is DRF's 404."""
    raw = request.query_params.get("page")
    if raw is None or raw == "":
        return 1
    if raw == "last":
        return None
    text = raw.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 9) or int(text) < 1:
        raise errors.InstalError.detail(404, errors.INVALID_PAGE)
    return int(text)


def _with_page(url: str, page: int | None) -> str:
    """``url`` with its ``page`` parameter set (or dropped), parameters sorted as DRF does."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True)
    if page is None:
        query.pop("page", None)
    else:
        query["page"] = [str(page)]
    return urlunsplit(parts._replace(query=urlencode(sorted(query.items()), doseq=True)))


def _links(request: Request, page: int, numpages: int) -> tuple[str | None, str | None]:
    url = str(request.url)
    following = _with_page(url, page + 1) if page < numpages else None
    if page <= 1:
        preceding = None
    else:
        # DRF links the first page without a page parameter.
        preceding = _with_page(url, page - 1 if page > 2 else None)
    return following, preceding


async def _render(session: Session, views: list[Campaign]) -> list[wire.Campaign]:
    wanted = {rid for view in views for rid in view.restriction_ids}
    restrictions = await catalogue_service.restrictions_by_ids(session, wanted)
    now = utcnow()
    catalogue = await targeting.catalogue(session)
    return [mapping.to_wire(view, restrictions, catalogue, now) for view in views]


@router.get(
    "/campaigns",
    responses=LIST_ERRORS,
    openapi_extra=LIST_PARAMETERS,
    summary="List all campaigns",
)
async def list_campaigns(
    request: Request, principal: InstalPrincipal, session: Session
) -> wire.CampaignPage:
    """The account's campaigns by id, filtered by status, a page at a time."""
    status = _status(request)
    size = _page_size(request)
    requested = _page_number(request)
    filters, predicate = mapping.status_filter(status, utcnow())

    async def fetch(page: int) -> PageResult[Campaign]:
        return await campaign_service.list_campaigns(
            session, principal, filters, [Sort("id")], PageParams(page, size), predicate
        )

    result = await fetch(requested or 1)
    numpages = max(1, math.ceil(result.total / size))
    page = requested or numpages
    if page > numpages:
        raise errors.InstalError.detail(404, errors.INVALID_PAGE)
    if page != result.page:
        result = await fetch(page)
    following, preceding = _links(request, page, numpages)
    return wire.CampaignPage(
        count=result.total,
        next=following,
        numpages=numpages,
        previous=preceding,
        results=await _render(session, result.items),
    )


async def _one(raw_id: str, principal: InstalPrincipal, session: Session) -> wire.Campaign:
    if not (raw_id.isascii() and raw_id.isdigit() and len(raw_id) <= 18) or int(raw_id) < 1:
        raise errors.InstalError.detail(404, errors.NOT_FOUND)
    view = await campaign_service.get(session, principal, int(raw_id))
    return (await _render(session, [view]))[0]


@router.get("/campaigns/{id}", responses=ONE_ERRORS, summary="Single campaign")
async def get_campaign(id: str, principal: InstalPrincipal, session: Session) -> wire.Campaign:
    """One campaign of the account."""
    return await _one(id, principal, session)


@router.get(
    "/{id}",
    responses=ONE_ERRORS,
    summary="Single campaign (the document's sample call)",
    description="The same as `/campaigns/{id}`: the document's sample call uses this path.",
)
async def get_campaign_short(
    id: str, principal: InstalPrincipal, session: Session
) -> wire.Campaign:
    return await _one(id, principal, session)


# Django serves HEAD wherever it serves GET, and these paths with a trailing slash too.
router.add_api_route("/campaigns", list_campaigns, methods=["HEAD"], include_in_schema=False)
router.add_api_route("/campaigns/{id}", get_campaign, methods=["HEAD"], include_in_schema=False)
router.add_api_route("/{id}", get_campaign_short, methods=["HEAD"], include_in_schema=False)
for _path, _endpoint in (
    ("/campaigns/", list_campaigns),
    ("/campaigns/{id}/", get_campaign),
    ("/{id}/", get_campaign_short),
):
    router.add_api_route(_path, _endpoint, methods=["GET", "HEAD"], include_in_schema=False)


async def _not_allowed(request: Request, _principal: InstalPrincipal) -> None:
    # Django REST framework authenticates before it looks for the method's handler.
    raise errors.not_allowed(request.method)


for _path in (
    "/campaigns",
    "/campaigns/",
    "/campaigns/{id}",
    "/campaigns/{id}/",
    "/{id}",
    "/{id}/",
):
    router.add_api_route(_path, _not_allowed, methods=OTHER_METHODS, include_in_schema=False)


def create_api() -> FastAPI:
    """The Instal sub-app, with its own OpenAPI document at ``/instal/openapi.json``."""
    return api_surface(
        title="Instal advertiser campaign API (adplane)",
        description="Read-only campaign list and detail, as Instal serves them.",
        version="1",
        install_errors=errors.install,
        routers=[router],
    )
