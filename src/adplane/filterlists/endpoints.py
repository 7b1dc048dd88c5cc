"""Native filter list routes: /filterlists (+ items, uploads) and /campaigns/{id}/filterlists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import PlainTextResponse

from adplane.accounts.auth import CurrentPrincipal
from adplane.filterlists import schemas, service
from adplane.filterlists.items import ItemType, ListMode
from adplane.filterlists.repository import ListFilter
from adplane.kit.db import Session
from adplane.kit.ids import RowId
from adplane.kit.pagination import Page
from adplane.kit.params import IdPath, IdQuery, LongPaging
from adplane.kit.problems import PROBLEM_RESPONSES

router = APIRouter(tags=["filter lists"], responses=PROBLEM_RESPONSES)

Upload = Annotated[UploadFile, File(description="A CSV or TXT file (by its extension)")]
OptionalUpload = Annotated[
    UploadFile | None, File(description="A CSV or TXT file (by its extension); required")
]
Column = Annotated[
    str | None,
    Form(
        max_length=255,
        description="CSV only: the items' column, by header name or 1-based position",
    ),
]
Name = Annotated[str, Form(min_length=1, max_length=255)]


async def _read(upload: UploadFile) -> tuple[bytes, str]:
    # The body limit has already bounded the size; reading the spooled file is disk I/O,
    # which Starlette runs in a thread.
    return await upload.read(), upload.filename or "upload.txt"


@router.get("/filterlists")
async def list_filterlists(
    principal: CurrentPrincipal,
    session: Session,
    page: LongPaging,
    type: Annotated[ItemType | None, Query()] = None,
    mode: Annotated[ListMode | None, Query()] = None,
    is_active: Annotated[bool | None, Query()] = None,
    account_id: IdQuery = None,
) -> Page[schemas.FilterList]:
    """Filter lists, by id (without their items)."""
    filters = ListFilter(
        account_id=account_id,
        item_type=type.value if type else None,
        mode=mode.value if mode else None,
        is_active=is_active,
    )
    items, total = await service.list_lists(session, principal, filters, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.post("/filterlists", status_code=201)
async def create(
    body: schemas.FilterListCreate, principal: CurrentPrincipal, session: Session
) -> schemas.FilterList:
    """Create a list with its items."""
    return await service.create(session, principal, body)


@router.post("/filterlists/upload", status_code=201)
async def create_from_upload(
    principal: CurrentPrincipal,
    session: Session,
    file: Upload,
    name: Name,
    type: Annotated[ItemType, Form()],
    mode: Annotated[ListMode, Form()],
    column: Column = None,
    is_active: Annotated[bool, Form()] = True,
    account_id: Annotated[RowId | None, Form()] = None,
) -> schemas.FilterList:
    """Create a list from a CSV or TXT upload (multipart)."""
    data, filename = await _read(file)
    return await service.create_from_file(
        session,
        principal,
        name=name,
        item_type=type,
        mode=mode,
        data=data,
        filename=filename,
        column=column,
        is_active=is_active,
        account_id=account_id,
    )


@router.post("/filterlists/parse")
async def parse(
    principal: CurrentPrincipal,
    file: Upload,
    type: Annotated[ItemType | None, Form(description="Validate the items for this type")] = None,
    column: Column = None,
) -> schemas.ParsedFile:
    """Parse a CSV or TXT upload into items, without storing anything."""
    data, filename = await _read(file)
    return await service.parse_file(data, filename, type, column)


@router.get("/filterlists/{id}")
async def get(id: IdPath, principal: CurrentPrincipal, session: Session) -> schemas.FilterList:
    """One list (without its items)."""
    return await service.get(session, principal, id)


@router.patch("/filterlists/{id}")
async def update(
    id: IdPath, body: schemas.FilterListUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.FilterList:
    """Rename a list, switch it between white and black, or (de)activate it."""
    return await service.update(session, principal, id, body)


@router.delete("/filterlists/{id}", status_code=204)
async def delete(id: IdPath, principal: CurrentPrincipal, session: Session) -> None:
    """Delete a list and its items; campaigns stop using it."""
    await service.delete(session, principal, id)


@router.get("/filterlists/{id}/items")
async def list_items(
    id: IdPath, principal: CurrentPrincipal, session: Session, page: LongPaging
) -> Page[str]:
    """One page of a list's items, in canonical order."""
    items, total = await service.items_page(session, principal, id, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.get(
    "/filterlists/{id}/items.txt",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
async def export_items(id: IdPath, principal: CurrentPrincipal, session: Session) -> str:
    """Every item of a list, one per line (a TXT file the upload routes read back)."""
    values = await service.values(session, principal, id)
    return "".join(f"{value}\n" for value in values)


@router.post("/filterlists/{id}/items")
async def add_items(
    id: IdPath, body: schemas.ItemsBody, principal: CurrentPrincipal, session: Session
) -> schemas.ItemsAdded:
    """Add items; those already in the list are left as they are."""
    return await service.add(session, principal, id, body.items)


@router.put("/filterlists/{id}/items")
async def replace_items(
    id: IdPath, body: schemas.ItemsBody, principal: CurrentPrincipal, session: Session
) -> schemas.FilterList:
    """Replace every item of a list."""
    return await service.replace_items(session, principal, id, body.items)


@router.delete("/filterlists/{id}/items")
async def remove_items(
    id: IdPath, body: schemas.ItemsBody, principal: CurrentPrincipal, session: Session
) -> schemas.ItemsRemoved:
    """Remove items; those not in the list are ignored."""
    return await service.remove(session, principal, id, body.items)


@router.put("/filterlists/{id}/items/upload")
async def replace_items_from_upload(
    id: IdPath,
    principal: CurrentPrincipal,
    session: Session,
    # Optional here so that another account's list is "not found" before the body is judged.
    file: OptionalUpload = None,
    column: Column = None,
) -> schemas.FilterList:
    """Replace every item of a list with those of a CSV or TXT upload (multipart)."""
    data, filename = await _read(file) if file is not None else (None, "")
    return await service.replace_from_file(
        session, principal, id, data=data, filename=filename, column=column
    )


# campaign links


@router.get("/campaigns/{id}/filterlists")
async def list_links(
    id: IdPath, principal: CurrentPrincipal, session: Session
) -> list[schemas.CampaignFilterList]:
    """The lists a campaign uses, each included or excluded."""
    return await service.list_links(session, principal, id)


@router.put("/campaigns/{id}/filterlists")
async def replace_links(
    id: IdPath, body: schemas.LinksBody, principal: CurrentPrincipal, session: Session
) -> list[schemas.CampaignFilterList]:
    """Make these the campaign's lists, exactly."""
    return await service.replace_links(session, principal, id, body.links)


@router.post("/campaigns/{id}/filterlists")
async def append_links(
    id: IdPath, body: schemas.LinksBody, principal: CurrentPrincipal, session: Session
) -> list[schemas.CampaignFilterList]:
    """Add lists to the campaign's; one it already uses takes the new include flag."""
    return await service.append_links(session, principal, id, body.links)


@router.delete("/campaigns/{id}/filterlists")
async def remove_links(
    id: IdPath, body: schemas.LinkRemoval, principal: CurrentPrincipal, session: Session
) -> list[schemas.CampaignFilterList]:
    """Stop the campaign using these lists."""
    return await service.remove_links(session, principal, id, body.filter_list_ids)
