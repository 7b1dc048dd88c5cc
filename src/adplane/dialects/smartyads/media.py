"""``api/media-asset/upload/{image,video,html}``: uploads onto ``adplane.media``.

The document sends its files with ``Content-type: application/json`` (C.60); the media
domain's upload reader takes a multipart form, a multipart body under a JSON content type, or
the raw file as the body (named by ``?filename=``).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from adplane.dialects.smartyads import errors, wire
from adplane.dialects.smartyads.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.errors import ValidationFailed
from adplane.kit.time import as_utc
from adplane.media import service as media
from adplane.media import uploads
from adplane.media.schemas import MediaAsset, MediaKind

router = APIRouter(prefix="/api/media-asset/upload", tags=["Upload media"])

_BINARY = {"type": "string", "format": "binary"}
UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The file as the `file` part of a multipart form, or as the whole body.",
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"], "properties": {"file": _BINARY}}
            },
            "application/octet-stream": {"schema": _BINARY},
        },
    }
}
FileName = Annotated[
    str | None, Query(max_length=255, description="The file's name, for a raw body")
]


def _stamp(asset: MediaAsset) -> str:
    return as_utc(asset.created_at).strftime("%Y-%m-%d %H:%M:%S")


def _clock(milliseconds: int | None) -> str:
    seconds = (milliseconds or 0) // 1000
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def item(asset: MediaAsset) -> wire.MediaItem:
    """One asset as the document prints it (``weight`` in bytes, NOTES.md C.14)."""
    return wire.MediaItem(
        id=asset.id,
        userId=asset.user_id or 0,
        mediaType=asset.kind.value,
        originName=asset.filename,
        name=asset.path,
        extension=PurePosixPath(asset.filename).suffix.lstrip(".").lower(),
        url=asset.url,
        width=asset.width or 0,
        height=asset.height or 0,
        weight=asset.size_bytes,
        createdAt=_stamp(asset),
        updatedAt=_stamp(asset),
    )


def video_item(asset: MediaAsset) -> wire.VideoItem:
    return wire.VideoItem(
        **item(asset).model_dump(),
        mimeType=asset.mime_type,
        bitrate=asset.bitrate or 0,
        duration=(asset.duration_ms or 0) // 1000,
        durationTime=_clock(asset.duration_ms),
        playtime=_clock(asset.duration_ms),
    )


async def _upload(
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
    kind: MediaKind,
    filename: str | None,
) -> MediaAsset:
    async with uploads.receive(request, filename=filename) as files:
        if not files:
            raise ValidationFailed.field("file", "The file field is required.")
        if len(files) > 1:
            raise ValidationFailed.field("file", "send one file per request")
        received = files[0]
        return await media.upload(
            session, principal, content=received.content, filename=received.filename, kind=kind
        )


_RESPONSES = {
    **errors.ERROR_RESPONSES,
    413: {"model": wire.Error, "description": "The file is too large"},
}


@router.post("/image", summary="Store image", responses=_RESPONSES, openapi_extra=UPLOAD_BODY)
async def upload_image(
    request: Request, principal: CurrentPrincipal, session: Session, filename: FileName = None
) -> wire.MediaCreated:
    """Upload an image (PNG, JPEG, GIF, WebP); its dimensions are read from the file."""
    asset = await _upload(request, principal, session, MediaKind.IMAGE, filename)
    return wire.MediaCreated(message="MediaAsset created.", data=[item(asset)])


@router.post("/video", summary="Store video", responses=_RESPONSES, openapi_extra=UPLOAD_BODY)
async def upload_video(
    request: Request, principal: CurrentPrincipal, session: Session, filename: FileName = None
) -> wire.VideoCreated:
    """Upload a video (MP4, MOV, WebM); dimensions, duration and bitrate come from the file."""
    asset = await _upload(request, principal, session, MediaKind.VIDEO, filename)
    return wire.VideoCreated(message="MediaAsset created.", data=[video_item(asset)])


@router.post("/html", summary="Store HTML", responses=_RESPONSES, openapi_extra=UPLOAD_BODY)
async def upload_html(
    request: Request, principal: CurrentPrincipal, session: Session, filename: FileName = None
) -> wire.MediaCreated:
    """Upload an HTML5 zip with an ``index.html`` at its root; the URL serves that page."""
    asset = await _upload(request, principal, session, MediaKind.HTML, filename)
    return wire.MediaCreated(message="MediaAsset created.", data=[item(asset)])
