"""Tracker settings: how the click tracker routes and costs a campaign's visits.

One row per campaign. Streams, landings and offers will join them here; the campaign row
keeps only what state, budgets, delivery and reports read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from adplane.models.base import Base


class TrackerSettings(Base):
    __tablename__ = "tracker_settings"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    # The path the tracker answers on (``/{alias}``): unique across the installation.
    alias: Mapped[str | None] = mapped_column(String(255), unique=True)
    rotation_type: Mapped[str] = mapped_column(String(16), default="position")
    cookies_ttl_hours: Mapped[int] = mapped_column(default=24)
    cost_model: Mapped[str] = mapped_column(String(16), default="CPC")
    cost_value_micros: Mapped[int] = mapped_column(BigInteger, default=0)
    cost_currency: Mapped[str | None] = mapped_column(String(3))
    cost_auto: Mapped[bool] = mapped_column(default=False)
    bind_visitors: Mapped[str | None] = mapped_column(String(8))
    traffic_source_id: Mapped[int | None]
    tracker_token: Mapped[str | None] = mapped_column(String(255))
    domain_id: Mapped[int | None]
    tracker_parameters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    postbacks: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
