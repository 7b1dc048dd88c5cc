"""Optimization rules, the campaign each one watches, and the history of their firings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from adplane.kit.time import utcnow
from adplane.models.base import Base, BigId, TimestampMixin


class Rule(TimestampMixin, Base):
    """A rule: over a look-back window, sources whose metrics meet the conditions are added
    to the target filter list."""

    __tablename__ = "rules"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    lookback_days: Mapped[int]
    # [{"join": null|"and"|"or", "metric": ..., "operator": ">"|"<"|"=", "value": "<decimal>"}]
    conditions: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    action: Mapped[str] = mapped_column(String(16))
    # No foreign key: a filter list may be deleted while a rule still names it; the rule then
    # stops firing (and says so in the job's log) instead of blocking the deletion.
    target_list_id: Mapped[int] = mapped_column(BigInteger)
    is_active: Mapped[bool] = mapped_column(default=True)


class CampaignRule(Base):
    """The one rule a campaign has (the primary key makes it one)."""

    __tablename__ = "campaign_rules"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    rule_id: Mapped[int] = mapped_column(ForeignKey("rules.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RuleFiring(Base):
    """One source a rule added to its target list, and the metric values that made it fire."""

    __tablename__ = "rule_firings"
    __table_args__ = (
        Index("ix_rule_firings_rule", "rule_id", "id"),
        Index("ix_rule_firings_campaign", "campaign_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("rules.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    list_id: Mapped[int] = mapped_column(BigInteger)
    # The event dimension the source is a value of (domain, bundle, publisher_id ...).
    dimension: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(2048))
    # Metric name -> its value over the window, as exact decimal text.
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    fired_at: Mapped[datetime] = mapped_column(default=utcnow)
