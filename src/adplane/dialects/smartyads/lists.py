"""Filter lists (``api/filterlist``), their campaign links and ``api/parsefile``.

``api/parsefile`` parses a CSV or TXT upload and answers a ``fileName`` that a list's create or
update can name instead of sending ``items``. The parsed items wait for that under the
caller's user for an hour, in the server process (``ParsedUploads``); nothing is stored until
a list is written.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Body, Path, Request
from starlette.datastructures import UploadFile

from adplane.accounts.principal import Principal
from adplane.dialects.smartyads import errors, wire
from adplane.dialects.smartyads.auth import CurrentPrincipal
from adplane.filterlists import schemas as core
from adplane.filterlists import service as filterlists
from adplane.filterlists.items import ItemType, ListMode
from adplane.filterlists.service import ListFilter
from adplane.kit.db import Session
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import PageParams
from adplane.kit.time import as_utc, utcnow

router = APIRouter(prefix="/api", responses=errors.ERROR_RESPONSES)

ListId = Annotated[int, Path(gt=0, le=MAX_ID, description="Filter list id")]
CampaignId = Annotated[int, Path(gt=0, le=MAX_ID, description="Campaign Id")]
LIST_PAGE_SIZE = 15
LINKS_PAGE_SIZE = 1000
# A list read by id prints its items; past this many it prints the first ones (listCount
# still counts them all), so a million-item list is not one response of tens of megabytes.
MAX_PRINTED_ITEMS = 10_000

# Both of the document's type vocabularies (C.38) -> the core item type; printed short.
TYPES: dict[str, ItemType] = {
    "domain": ItemType.DOMAINS,
    "apps": ItemType.APPS,
    "bundles": ItemType.BUNDLES,
    "deviceIfas": ItemType.DEVICE_IFAS,
    "publishers": ItemType.PUBLISHERS,
    "ipAdresses": ItemType.IPS,
    "siteAndAppsIds": ItemType.SITE_IDS,
    "urls": ItemType.URLS,
    "tagIds": ItemType.TAGS,
    "listDomains": ItemType.DOMAINS,
    "listApps": ItemType.APPS,
    "listBundles": ItemType.BUNDLES,
    "listDeviceIfas": ItemType.DEVICE_IFAS,
    "listPublishers": ItemType.PUBLISHERS,
    "listIpAdresses": ItemType.IPS,
    "listSiteAndAppIds": ItemType.SITE_IDS,
    "listUrls": ItemType.URLS,
    "listTags": ItemType.TAGS,
}
_TYPE_NAMES: dict[ItemType, str] = {}
for _name, _type in TYPES.items():
    _TYPE_NAMES.setdefault(_type, _name)


def type_name(item_type: ItemType) -> str:
    """The document's short name; a type SmartyAds lacks (ssps) prints the core's name."""
    return _TYPE_NAMES.get(item_type, item_type.value)


class ParsedUploads:
    """Parsed uploads waiting to be named by ``fileName``: per user, an hour, a few at once."""

    TTL_SECONDS = 3600.0
    MAX_ENTRIES = 32

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[int, str], tuple[float, list[str]]] = OrderedDict()

    def put(self, user_id: int, name: str, items: list[str]) -> None:
        self._entries[(user_id, name)] = (time.monotonic(), items)
        self._entries.move_to_end((user_id, name))
        while len(self._entries) > self.MAX_ENTRIES:
            self._entries.popitem(last=False)

    def get(self, user_id: int, name: str) -> list[str] | None:
        found = self._entries.get((user_id, name))
        if found is None or time.monotonic() - found[0] > self.TTL_SECONDS:
            return None
        return found[1]


def _uploads(request: Request) -> ParsedUploads:
    state = request.app.state
    uploads = getattr(state, "smartyads_uploads", None)
    if uploads is None:
        uploads = ParsedUploads()
        state.smartyads_uploads = uploads
    assert isinstance(uploads, ParsedUploads)
    return uploads


def _day(value: datetime) -> str:
    return as_utc(value).date().isoformat()


def summary(view: core.FilterList) -> wire.FilterListSummary:
    return wire.FilterListSummary(
        id=view.id,
        isActive=view.is_active,
        userId=view.account_id,
        title=view.name,
        type=type_name(view.type),
        isInclude=view.mode is ListMode.WHITE,
        count=view.item_count,
        createdAt=_day(view.created_at),
        updatedAt=_day(view.updated_at),
    )


async def _detail(
    session: Session, principal: Principal, view: core.FilterList
) -> wire.FilterListDetail:
    items, total = await filterlists.items_page(
        session, principal, view.id, PageParams(1, MAX_PRINTED_ITEMS)
    )
    return wire.FilterListDetail(
        id=view.id,
        userId=view.account_id,
        isActive=view.is_active,
        title=view.name,
        type=type_name(view.type),
        isInclude=view.mode is ListMode.WHITE,
        createdAt=_day(view.created_at),
        updatedAt=_day(view.updated_at),
        items=items,
        listCount=total,
    )


def _file_items(request: Request, principal: Principal, name: str) -> list[str]:
    items = _uploads(request).get(principal.user_id, name)
    if items is None:
        raise ValidationFailed.field("fileName", "no file of this name was parsed in the last hour")
    return items


@router.get("/filterlist", tags=["Filter lists"], summary="Filter lists")
async def list_filterlists(
    principal: CurrentPrincipal, session: Session, page: int = 1, per_page: int = LIST_PAGE_SIZE
) -> wire.FilterListPage:
    """The caller's lists by id (without their items)."""
    if not 1 <= page <= 1_000_000 or not 1 <= per_page <= 1000:
        raise ValidationFailed.field("per_page", "page from 1, per_page from 1 to 1000")
    views, total = await filterlists.list_lists(
        session, principal, ListFilter(), PageParams(page, per_page)
    )
    data = [summary(v) for v in views]
    return wire.FilterListPage(data=data, meta=wire.meta(total, len(data), per_page, page))


@router.get("/filterlist/{id}", tags=["Filter lists"], summary="Get filter lists by ID")
async def get_filterlist(
    id: ListId, principal: CurrentPrincipal, session: Session
) -> wire.FilterListOne:
    """One list with its items."""
    view = await filterlists.get(session, principal, id)
    return wire.FilterListOne(data=await _detail(session, principal, view))


@router.post("/filterlist", tags=["Filter lists"], summary="Create a filter lists")
async def create_filterlist(
    body: Annotated[wire.FilterListInput, Body()],
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
) -> wire.FilterListWritten:
    """A new list from ``items`` or from the ``fileName`` of ``api/parsefile``."""
    missing = [
        FieldError(name, f"The {name} field is required.")
        for name in ("title", "type", "isInclude")
        if getattr(body, name) is None or getattr(body, name) == ""
    ]
    if missing:
        raise ValidationFailed("; ".join(e.message for e in missing), errors=missing)
    assert body.title is not None
    assert body.type is not None
    items = list(body.items or [])
    if body.fileName:
        items = [*items, *_file_items(request, principal, body.fileName)]
    view = await filterlists.create(
        session,
        principal,
        core.FilterListCreate(
            name=body.title,
            type=TYPES[body.type],
            mode=ListMode.WHITE if body.isInclude else ListMode.BLACK,
            is_active=True if body.isActive is None else body.isActive,
            items=items,
        ),
    )
    return wire.FilterListWritten(
        message="FilterList created.", data=await _detail(session, principal, view)
    )


async def _update(
    id: int,
    body: wire.FilterListInput,
    request: Request,
    principal: Principal,
    session: Session,
) -> wire.FilterListWritten:
    sent = body.model_fields_set
    view = await filterlists.get(session, principal, id)
    if "type" in sent and body.type is not None and TYPES[body.type] is not view.type:
        raise ValidationFailed.field("type", "the type of a list cannot change")
    changes: dict[str, object] = {}
    if "title" in sent and body.title is not None:
        changes["name"] = body.title
    if "isInclude" in sent and body.isInclude is not None:
        changes["mode"] = ListMode.WHITE if body.isInclude else ListMode.BLACK
    if "isActive" in sent and body.isActive is not None:
        changes["is_active"] = body.isActive
    if changes:
        view = await filterlists.update(
            session, principal, id, core.FilterListUpdate.model_validate(changes)
        )
    if body.fileName:
        items = [*(body.items or []), *_file_items(request, principal, body.fileName)]
        view = await filterlists.replace_items(session, principal, id, items)
    elif "items" in sent and body.items is not None:
        view = await filterlists.replace_items(session, principal, id, body.items)
    return wire.FilterListWritten(
        message="FilterList updated.", data=await _detail(session, principal, view)
    )


@router.put("/filterlist/{id}", tags=["Filter lists"], summary="Filter lists update")
async def update_filterlist(
    id: ListId,
    body: Annotated[wire.FilterListInput, Body()],
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
) -> wire.FilterListWritten:
    """Change what is sent; ``items`` (or ``fileName``) replace every item."""
    return await _update(id, body, request, principal, session)


@router.patch(
    "/filterlist/{id}",
    tags=["Filter lists"],
    summary="Filter lists update (PATCH)",
    description="The same partial update as PUT (NOTES.md: PUT vs PATCH).",
)
async def patch_filterlist(
    id: ListId,
    body: Annotated[wire.FilterListInput, Body()],
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
) -> wire.FilterListWritten:
    return await _update(id, body, request, principal, session)


@router.delete("/filterlist/{id}", tags=["Filter lists"], summary="Filter lists delete")
async def delete_filterlist(
    id: ListId, principal: CurrentPrincipal, session: Session
) -> wire.Deleted:
    """Delete the list and its items; campaigns that used it stop using it."""
    await filterlists.delete(session, principal, id)
    return wire.Deleted(message="FilterList deleted.", deleted=True)


# --- campaign links ------------------------------------------------------------------------


@router.get(
    "/campaigns/{id}/filterlists",
    tags=["Assign filter lists to campaigns"],
    summary="Get list of Filter Lists assigned to Campaign",
)
async def campaign_filterlists(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> wire.CampaignListLinks:
    """The lists the campaign uses, each with the link's own include flag."""
    links = await filterlists.list_links(session, principal, id)
    data = [
        wire.CampaignListLink(isInclude=link.include, filterList=summary(link.filter_list))
        for link in links
    ]
    return wire.CampaignListLinks(
        data=data, meta=wire.meta(len(data), len(data), LINKS_PAGE_SIZE, 1)
    )


def _links(body: wire.ListLinksBody, *, require_flag: bool) -> list[core.LinkIn]:
    missing = [
        FieldError(f"items.{i}.isInclude", "The isInclude field is required.")
        for i, item in enumerate(body.items)
        if require_flag and item.isInclude is None
    ]
    if missing:
        raise ValidationFailed("; ".join(e.message for e in missing), errors=missing)
    return [
        core.LinkIn(
            filter_list_id=item.id, include=True if item.isInclude is None else item.isInclude
        )
        for item in body.items
    ]


@router.post(
    "/campaigns/{id}/filterlists",
    tags=["Assign filter lists to campaigns"],
    summary="Replace Filter Lists assigned to Campaign",
)
async def replace_campaign_filterlists(
    id: CampaignId,
    body: Annotated[wire.ListLinksBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Message:
    """Make these the campaign's lists (``isInclude`` defaults to true)."""
    await filterlists.replace_links(session, principal, id, _links(body, require_flag=False))
    return wire.Message(message="Replaced.")


@router.patch(
    "/campaigns/{id}/filterlists",
    tags=["Assign filter lists to campaigns"],
    summary="Append Filter Lists assigned to Campaign",
)
async def append_campaign_filterlists(
    id: CampaignId,
    body: Annotated[wire.ListLinksBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Message:
    """Add lists to the campaign's; a list it already uses takes the new flag."""
    await filterlists.append_links(session, principal, id, _links(body, require_flag=True))
    return wire.Message(message="Appended.")


@router.delete(
    "/campaigns/{id}/filterlists",
    tags=["Assign filter lists to campaigns"],
    summary="Remove Filter Lists assigned to Campaign",
)
async def remove_campaign_filterlists(
    id: CampaignId,
    body: Annotated[wire.IdsBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Message:
    """Stop the campaign using these lists; a list it does not use is ignored."""
    await filterlists.remove_links(session, principal, id, body.ids)
    return wire.Message(message="Deleted.")


# --- parse file -----------------------------------------------------------------------------


async def _upload(request: Request) -> tuple[bytes, str]:
    """The file of a multipart form (field ``file``), or the raw body as the file."""
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ValidationFailed.field("file", "The file field is required.")
        return await upload.read(), upload.filename or "upload.txt"
    data = await request.body()
    if not data:
        raise ValidationFailed.field("file", "The file field is required.")
    name = request.query_params.get("fileName") or "upload.csv"
    return data, name


@router.post(
    "/parsefile",
    tags=["Upload media"],
    summary="Store filter list",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                }
            },
        }
    },
)
async def parse_file(request: Request, principal: CurrentPrincipal) -> wire.ParsedFile:
    """Parse a CSV or TXT file into items; its ``fileName`` then builds a list."""
    data, name = await _upload(request)
    parsed = await filterlists.parse_file(data, name)
    stored = f"{int(utcnow().timestamp())}_{parsed.file_name}"
    _uploads(request).put(principal.user_id, stored, parsed.items)
    return wire.ParsedFile(
        message="success", items=parsed.items, fileName=stored, countItems=parsed.count
    )
