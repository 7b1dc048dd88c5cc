"""Filter lists: named sets of domains, apps, IPs ... that campaigns include or exclude.

Items are rows of their own, keyed by (list, value): a list of a million domains loads with
bulk inserts, reads back in index order without sorting, and the bidder compiles it into a
set. The list row keeps the item count, so listing lists never counts a million rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from adplane.kit.time import utcnow
from adplane.models.base import Base, BigId, TimestampMixin

# The longest item any type accepts (a URL); the (list_id, value) index holds it.
MAX_VALUE_LENGTH = 2048


class FilterList(TimestampMixin, Base):
    __tablename__ = "filter_lists"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    # What the items are (domains, ips, ...): ``adplane.filterlists.items.ItemType``.
    item_type: Mapped[str] = mapped_column(String(16))
    # ``white`` (serve only there) or ``black`` (never serve there).
    mode: Mapped[str] = mapped_column(String(8))
    is_active: Mapped[bool] = mapped_column(default=True)
    item_count: Mapped[int] = mapped_column(default=0)


class FilterListItem(Base):
    __tablename__ = "filter_list_items"

    list_id: Mapped[int] = mapped_column(
        ForeignKey("filter_lists.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[str] = mapped_column(String(MAX_VALUE_LENGTH), primary_key=True)


class CampaignFilterList(Base):
    """A filter list a campaign uses, included (as the list says) or excluded (inverted)."""

    __tablename__ = "campaign_filter_lists"
    __table_args__ = (Index("ix_campaign_filter_lists_filter_list", "filter_list_id"),)

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    filter_list_id: Mapped[int] = mapped_column(
        ForeignKey("filter_lists.id", ondelete="CASCADE"), primary_key=True
    )
    include: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
