"""Small platform-wide catalogues: reject reasons, restrictions, audience segments."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from adplane.models.base import Base, BigId, TimestampMixin


class RejectReason(TimestampMixin, Base):
    __tablename__ = "reject_reasons"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # The constant a moderator picks; a dialect may show it as its own reason number.
    code: Mapped[int] = mapped_column(unique=True)
    title: Mapped[str] = mapped_column(String(255))


class Restriction(TimestampMixin, Base):
    """A kind of traffic a campaign refuses (a restriction)."""

    __tablename__ = "restrictions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")


class Segment(TimestampMixin, Base):
    """An audience segment campaigns can target, exclude or bid up."""

    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # None means a platform-wide segment visible to every account.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    type: Mapped[str] = mapped_column(String(64), default="audience")
    description: Mapped[str] = mapped_column(Text, default="")
