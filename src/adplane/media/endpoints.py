"""Native media routes: upload (multipart or raw body), list, get, delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from adplane.accounts.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.errors import ValidationFailed
from adplane.kit.pagination import Page
from adplane.kit.params import IdPath, IdQuery, Paging
from adplane.kit.problems import PROBLEM_RESPONSES, Problem
from adplane.media import service, uploads
from adplane.media.repository import MediaFilter
from adplane.media.schemas import MediaAsset, MediaKind

router = APIRouter(tags=["media"], responses=PROBLEM_RESPONSES)

UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": Problem, "description": "The file (or the bundle unpacked) is too large"}
}
_BINARY = {"type": "string", "format": "binary"}
UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": (
            "The file, as the `file` part of a multipart form, or as the whole body (any "
            "content type; name it with `filename`)."
        ),
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"], "properties": {"file": _BINARY}}
            },
            "application/octet-stream": {"schema": _BINARY},
        },
    }
}
FileName = Annotated[
    str | None,
    Query(max_length=255, description="The file's name, for a raw body (multipart names it)"),
]
Kind = Annotated[
    MediaKind | None,
    Query(description="What the file must be; detected from its bytes when omitted"),
]


@router.post("/media", status_code=201, responses=UPLOAD_RESPONSES, openapi_extra=UPLOAD_BODY)
async def upload_media(
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
    kind: Kind = None,
    filename: FileName = None,
    account_id: IdQuery = None,
) -> MediaAsset:
    """Upload an image (PNG, JPEG, GIF, WebP), a video (MP4, MOV, WebM) or an HTML5 zip."""
    async with uploads.receive(request, fields={"file"}, filename=filename) as files:
        if not files:
            raise ValidationFailed.field("file", "the request carries no file")
        if len(files) > 1:
            raise ValidationFailed.field("file", "send one file per request")
        received = files[0]
        return await service.upload(
            session,
            principal,
            content=received.content,
            filename=received.filename,
            kind=kind,
            account_id=account_id,
        )


@router.get("/media")
async def list_media(
    principal: CurrentPrincipal,
    session: Session,
    page: Paging,
    kind: Annotated[MediaKind | None, Query()] = None,
    account_id: IdQuery = None,
) -> Page[MediaAsset]:
    """The caller's media (an admin's: every account's, or one's), newest last."""
    filters = MediaFilter(kind=None if kind is None else kind.value, account_id=account_id)
    items, total = await service.list_media(session, principal, filters, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.get("/media/{id}")
async def get_media(id: IdPath, principal: CurrentPrincipal, session: Session) -> MediaAsset:
    """One asset, with its public URL."""
    return await service.get(session, principal, id)


@router.delete("/media/{id}", status_code=204)
async def delete_media(id: IdPath, principal: CurrentPrincipal, session: Session) -> Response:
    """Delete an asset and its files (409 while something still uses it)."""
    await service.delete(session, principal, id)
    return Response(status_code=204)
