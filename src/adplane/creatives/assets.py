"""The media assets a creative shows, read through the media service and kept as a snapshot.

Uploads never change, so the creative keeps what it needs of each (URL, MIME type, size,
dimensions, duration, bitrate) when it is saved: reads, previews and the bidder need no
media lookup. Media of another account is "not found", exactly like missing media.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.creatives import schemas
from adplane.kit.errors import FieldError
from adplane.media import service as media_service

KIND_NAMES = {"image": "an image", "video": "a video", "html": "an HTML5 bundle"}


@dataclass(frozen=True)
class Wanted:
    """One media reference of a variant: where it sits, what it is for, what it must be."""

    field: str
    role: schemas.MediaRole
    media_id: int
    kind: schemas.MediaKind


def wanted(content: schemas.AnyContent) -> list[Wanted]:
    """The media a variant refers to."""
    image, video, html = schemas.MediaKind.IMAGE, schemas.MediaKind.VIDEO, schemas.MediaKind.HTML
    if isinstance(content, schemas.BannerImage):
        return [Wanted("content.media_id", "main", content.media_id, image)]
    if isinstance(content, schemas.BannerHtml5):
        return [Wanted("content.media_id", "main", content.media_id, html)]
    if isinstance(content, schemas.VideoMedia):
        return [Wanted("content.media_id", "main", content.media_id, video)]
    if isinstance(content, schemas.Native):
        found = [Wanted("content.image_media_id", "image", content.image_media_id, image)]
        if content.logo_media_id is not None:
            found.append(Wanted("content.logo_media_id", "logo", content.logo_media_id, image))
        return found
    return []


async def resolve(
    session: AsyncSession, principal: Principal, account_id: int, refs: list[Wanted]
) -> tuple[list[schemas.CreativeMedia], list[FieldError]]:
    """The snapshot of each referenced asset, and one error per unusable reference."""
    media: list[schemas.CreativeMedia] = []
    errors: list[FieldError] = []
    found = await media_service.get_many(session, principal, [r.media_id for r in refs])
    for ref in refs:
        asset = found.get(ref.media_id)
        if asset is None or asset.account_id != account_id:
            # An admin may see every account's media, but a creative shows its own account's.
            errors.append(FieldError(ref.field, f"media {ref.media_id} not found"))
            continue
        if asset.kind.value != ref.kind.value:
            errors.append(
                FieldError(
                    ref.field,
                    f"media {ref.media_id} is {KIND_NAMES.get(asset.kind.value, asset.kind.value)}"
                    f", not {KIND_NAMES[ref.kind.value]}",
                )
            )
            continue
        media.append(
            schemas.CreativeMedia(
                role=ref.role,
                media_id=asset.id,
                kind=schemas.MediaKind(asset.kind.value),
                url=asset.url,
                mime_type=asset.mime_type,
                filename=asset.filename,
                size_bytes=asset.size_bytes,
                width=asset.width,
                height=asset.height,
                duration_ms=asset.duration_ms,
                bitrate=asset.bitrate,
            )
        )
    return media, errors
