"""Creatives (the ads a campaign shows) and which campaigns show them.

The variant's own fields (a tag, native assets, a VAST URL ...) are one JSON document
(``content``) validated by ``adplane.creatives.schemas`` before it is stored; what lists,
review and delivery filter or price on are columns. ``media`` keeps the facts of the media
assets the creative uses (URL, MIME type, dimensions, duration, bitrate) as they were when
the creative was saved: uploads never change, and the bidder builds markup without a query.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from adplane.kit.time import utcnow
from adplane.models.base import Base, BigId, TimestampMixin


class Creative(TimestampMixin, Base):
    __tablename__ = "creatives"
    __table_args__ = (Index("ix_creatives_account_deleted", "account_id", "deleted_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(String(255))
    # banner / native / video, and which of the six variants (banner_tag, video_media ...)
    type: Mapped[str] = mapped_column(String(16))
    variant: Mapped[str] = mapped_column(String(32))
    is_active: Mapped[bool] = mapped_column(default=True)

    width: Mapped[int | None]
    height: Mapped[int | None]
    bid_price_micros: Mapped[int | None] = mapped_column(BigInteger)
    frequency_cap: Mapped[int | None]
    frequency_period_hours: Mapped[int | None]
    frequency_per: Mapped[str | None] = mapped_column(String(8))
    categories: Mapped[list[str]] = mapped_column(default=list)
    advertiser_domain: Mapped[str | None] = mapped_column(String(255))
    # AdCOM 1.0 creative attribute ids, as declared (delivery matches OpenRTB battr on them).
    attributes: Mapped[list[int]] = mapped_column(default=list)

    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    media: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    # Fields only one dialect knows, one document per dialect, keyed by its name.
    extensions: Mapped[dict[str, Any]] = mapped_column(default=dict)

    # review (adplane.moderation)
    approval: Mapped[str] = mapped_column(String(16), default="pending")
    pending_since: Mapped[datetime | None] = mapped_column(default=utcnow)
    reject_reason_codes: Mapped[list[int]] = mapped_column(default=list)
    reject_comment: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[str | None] = mapped_column(String(255))
    reviewed_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    reviewed_at: Mapped[datetime | None]

    # A deleted creative is gone for every API (404) but its row stays, so event and report
    # rows that name it keep a name.
    deleted_at: Mapped[datetime | None]


class CampaignCreative(Base):
    """One creative assigned to one campaign (many-to-many, same account)."""

    __tablename__ = "campaign_creatives"
    __table_args__ = (Index("ix_campaign_creatives_creative", "creative_id"),)

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    creative_id: Mapped[int] = mapped_column(
        ForeignKey("creatives.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CreativeMediaUse(Base):
    """One media asset one live creative shows: the database refuses to delete it meanwhile.

    The creative's ``media`` snapshot is JSON; this row is the same fact as a foreign key, so
    deleting a used asset fails in the database (no JSON scan, no race with a new creative).
    The key on ``media_id`` has no ``ondelete``: deleting an account, which removes its
    creatives and its media in one statement, still succeeds (checked at its end).
    """

    __tablename__ = "creative_media"
    __table_args__ = (Index("ix_creative_media_media", "media_id"),)

    creative_id: Mapped[int] = mapped_column(
        ForeignKey("creatives.id", ondelete="CASCADE"), primary_key=True
    )
    media_id: Mapped[int] = mapped_column(ForeignKey("media_assets.id"), primary_key=True)
