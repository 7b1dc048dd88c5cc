"""Spend posted to wallets: one row per campaign and closed UTC hour, with its transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from adplane.models.base import Base, BigId, TimestampMixin


class SpendPosting(TimestampMixin, Base):
    """What one campaign's hour of spend has taken from its account's wallet so far.

    Unique per (campaign, hour): a second poster of the same hour fails and rolls back its
    wallet transaction with it. ``amount_micros`` grows only when spend recorded late for the
    hour is posted (``billing.service.post_spend``), by its own transaction.
    """

    __tablename__ = "spend_postings"
    __table_args__ = (
        UniqueConstraint("campaign_id", "hour_start", name="uq_spend_postings_campaign_hour"),
        Index("ix_spend_postings_account", "account_id"),
        Index("ix_spend_postings_hour", "hour_start"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    # No foreign key: the spend stays posted whatever becomes of the campaign row.
    campaign_id: Mapped[int] = mapped_column(BigInteger)
    hour_start: Mapped[datetime]
    amount_micros: Mapped[int] = mapped_column(BigInteger)
    # The wallet transaction of the last amount posted for this hour.
    transaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("transactions.id", ondelete="SET NULL")
    )
