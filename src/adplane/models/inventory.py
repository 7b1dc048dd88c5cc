"""Inventory the platform sells: ad formats, sites and their spots."""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from adplane.models.base import Base, BigId, TimestampMixin


class AdFormat(TimestampMixin, Base):
    __tablename__ = "ad_formats"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(32))
    # The sub-format options a campaign of this format may pick (a dialect's ad format options).
    options: Mapped[list[str]] = mapped_column(default=list)
    is_active: Mapped[bool] = mapped_column(default=True)


class Site(TimestampMixin, Base):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    domain: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True)


class Spot(TimestampMixin, Base):
    __tablename__ = "spots"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    format_id: Mapped[int | None] = mapped_column(ForeignKey("ad_formats.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(255))
    codename: Mapped[str] = mapped_column(String(32), unique=True, default=lambda: uuid4().hex)
    is_active: Mapped[bool] = mapped_column(default=True)
