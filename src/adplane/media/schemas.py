"""Native wire models for media assets."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from adplane.kit.schemas import Schema


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    HTML = "html"


class MediaAsset(Schema):
    """An uploaded file and what was read from it."""

    id: int
    account_id: int
    user_id: int | None = Field(description="Who uploaded it")
    kind: MediaKind
    filename: str = Field(description="The file's name as uploaded")
    path: str = Field(
        description="The stored file the URL serves: the file itself, or a bundle's index.html"
    )
    mime_type: str
    size_bytes: int = Field(description="The uploaded file's size (a bundle's zip)")
    width: int | None = Field(description="Pixels (images, videos)")
    height: int | None = Field(description="Pixels (images, videos)")
    duration_ms: int | None = Field(description="Videos")
    bitrate: int | None = Field(description="Videos, bits per second")
    file_count: int | None = Field(description="HTML5 bundles: files once unpacked")
    unpacked_bytes: int | None = Field(description="HTML5 bundles: bytes once unpacked")
    url: str = Field(description="Absolute public URL, served without credentials")
    created_at: datetime
