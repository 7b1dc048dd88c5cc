"""Uploaded media: images, videos and HTML5 bundles, stored behind ``adplane.media.storage``."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from adplane.models.base import Base, BigId, TimestampMixin


class MediaAsset(TimestampMixin, Base):
    __tablename__ = "media_assets"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    # Who uploaded it; the account keeps the file when the user goes.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(8))
    # Where the storage keeps the files (and the public URL's first segment): random, unique.
    key: Mapped[str] = mapped_column(String(64), unique=True)
    # The file as the client named it, and the stored file the URL serves (a bundle's
    # index.html, relative to the bundle's root).
    filename: Mapped[str] = mapped_column(String(255))
    path: Mapped[str] = mapped_column(String(1024))
    mime_type: Mapped[str] = mapped_column(String(127))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    width: Mapped[int | None]
    height: Mapped[int | None]
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)
    bitrate: Mapped[int | None] = mapped_column(BigInteger)
    # HTML5 bundles: how many files and how many bytes once unpacked.
    file_count: Mapped[int | None]
    unpacked_bytes: Mapped[int | None] = mapped_column(BigInteger)
