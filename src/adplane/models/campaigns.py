"""The one campaign every dialect renders, its spot prices and its change history.

Scalar fields that filters, delivery or budgets read are columns; money is integer micros.
Tracker settings live in their own domain (``models/tracker.py``), one row per campaign.
Targeting and the few nested structures are JSON documents validated by the core schemas
(``adplane.campaigns.schemas``) before they are stored; fields only one dialect has live in
that dialect's extension document (``campaign_extensions``), never in a column.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from adplane.kit.time import utcnow
from adplane.models.base import Base, BigId, TimestampMixin


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"
    __table_args__ = (
        Index("ix_campaigns_account_archived", "account_id", "is_archived"),
        # An external id is unique per marketplace (this installation) and placement.
        UniqueConstraint("placement", "external_campaign_id", name="uq_campaigns_external"),
    )

    # identity
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    uuid: Mapped[UUID] = mapped_column(default=uuid4, unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    cloned_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(String(255))
    notes: Mapped[str | None] = mapped_column(Text)
    group_id: Mapped[int | None]
    position: Mapped[int | None]

    # format and type
    format_id: Mapped[int | None] = mapped_column(ForeignKey("ad_formats.id", ondelete="SET NULL"))
    creative_type: Mapped[str | None] = mapped_column(String(32))
    placement: Mapped[str | None] = mapped_column(String(32))
    ad_format_options: Mapped[list[str]] = mapped_column(default=list)

    # state flags (ARCHITECTURE.md section 2)
    is_draft: Mapped[bool] = mapped_column(default=False)
    approval: Mapped[str] = mapped_column(String(16), default="pending")
    reject_reason_codes: Mapped[list[int]] = mapped_column(default=list)
    reject_comment: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[str | None] = mapped_column(String(255))
    reviewed_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    reviewed_at: Mapped[datetime | None]
    is_active: Mapped[bool] = mapped_column(default=False)
    is_archived: Mapped[bool] = mapped_column(default=False)
    archived_at: Mapped[datetime | None]

    # pricing
    pricing_model: Mapped[str] = mapped_column(String(8), default="cpm")
    bid_price_micros: Mapped[int | None] = mapped_column(BigInteger)
    rtb_bid_price_micros: Mapped[int | None] = mapped_column(BigInteger)
    disable_rtb: Mapped[bool] = mapped_column(default=False)
    adaptive_bid: Mapped[bool] = mapped_column(default=False)
    bidding_strategy: Mapped[str] = mapped_column(String(16), default="manual")
    autobidding_objective: Mapped[str | None] = mapped_column(String(16))
    target_roas_micros: Mapped[int | None] = mapped_column(BigInteger)
    exclusivity_price_micros: Mapped[int | None] = mapped_column(BigInteger)
    flat_rate_micros: Mapped[int | None] = mapped_column(BigInteger)
    payout_micros: Mapped[int | None] = mapped_column(BigInteger)

    # budgets, caps and pacing
    daily_budget_micros: Mapped[int | None] = mapped_column(BigInteger)
    total_budget_micros: Mapped[int | None] = mapped_column(BigInteger)
    use_total_budget: Mapped[bool] = mapped_column(default=False)
    budget_period: Mapped[str] = mapped_column(String(16), default="daily")
    period_budget_micros: Mapped[int | None] = mapped_column(BigInteger)
    daily_impressions_cap: Mapped[int | None] = mapped_column(BigInteger)
    total_impressions_cap: Mapped[int | None] = mapped_column(BigInteger)
    daily_clicks_cap: Mapped[int | None] = mapped_column(BigInteger)
    total_clicks_cap: Mapped[int | None] = mapped_column(BigInteger)
    pacing: Mapped[str] = mapped_column(String(8), default="even")
    frequency_enabled: Mapped[bool] = mapped_column(default=False)
    frequency_type: Mapped[str | None] = mapped_column(String(8))
    frequency_cap: Mapped[int | None]
    frequency_period: Mapped[int | None]
    weight: Mapped[int | None]

    # schedule
    start_at: Mapped[datetime | None]
    end_at: Mapped[datetime | None]
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    day_parting: Mapped[str | None] = mapped_column(String(168))

    # traffic
    traffic_type: Mapped[str] = mapped_column(String(16), default="ron")
    traffic_source_type: Mapped[str] = mapped_column(String(16), default="all")
    network_traffic_type: Mapped[str] = mapped_column(String(16), default="all")
    targeting: Mapped[dict[str, Any]] = mapped_column(default=dict)
    segments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    restriction_ids: Mapped[list[int]] = mapped_column(default=list)
    product_ids: Mapped[list[str]] = mapped_column(default=list)
    external_campaign_id: Mapped[str | None] = mapped_column(String(255))
    # OpenRTB PMP deal ids the campaign buys (delivery indexes them).
    deal_ids: Mapped[list[str]] = mapped_column(default=list)
    is_rewarded: Mapped[bool] = mapped_column(default=False)

    # destination
    destination_url: Mapped[str | None] = mapped_column(Text)
    advertiser_domain: Mapped[str | None] = mapped_column(String(255))


class CampaignExtension(Base):
    """One dialect's document of the fields only its vendor has, beside the campaign.

    The campaign service writes it in the campaign's transaction, after the dialect's own
    model has validated it; nothing else reads or writes it, so the core never filters on it.
    """

    __tablename__ = "campaign_extensions"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    dialect: Mapped[str] = mapped_column(String(32), primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CampaignSpotPrice(TimestampMixin, Base):
    """A per-spot bid that overrides the campaign price on that spot."""

    __tablename__ = "campaign_spot_prices"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    spot_id: Mapped[int] = mapped_column(
        ForeignKey("spots.id", ondelete="CASCADE"), primary_key=True
    )
    price_micros: Mapped[int] = mapped_column(BigInteger)


class CampaignChange(Base):
    """One recorded change of a campaign: who, when, what, and the client's tag."""

    __tablename__ = "campaign_changes"
    __table_args__ = (Index("ix_campaign_changes_campaign", "campaign_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    tag: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignRestriction(Base):
    """A restriction a campaign carries: the index behind "which campaigns use it".

    The campaign's ``restriction_ids`` keeps the order the advertiser gave; these rows are
    written with it, in the same transaction, by the campaign service.
    """

    __tablename__ = "campaign_restrictions"
    __table_args__ = (Index("ix_campaign_restrictions_restriction", "restriction_id"),)

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    restriction_id: Mapped[int] = mapped_column(ForeignKey("restrictions.id"), primary_key=True)


class CampaignSegment(Base):
    """An audience segment a campaign targets, excludes or bids up (any of the three)."""

    __tablename__ = "campaign_segments"
    __table_args__ = (Index("ix_campaign_segments_segment", "segment_id"),)

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"), primary_key=True)
