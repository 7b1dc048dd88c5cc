"""Tracker settings in core names, as the campaign view shows them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field


class TrackerSettings(BaseModel):
    """One campaign's tracker settings; the campaign schema validates them on the way in."""

    alias: str | None = None
    rotation_type: str = "position"
    cookies_ttl_hours: int = 24
    cost_model: str = "CPC"
    cost_value: Decimal = Decimal(0)
    cost_currency: str | None = None
    cost_auto: bool = False
    bind_visitors: str | None = None
    traffic_source_id: int | None = None
    tracker_token: str | None = None
    domain_id: int | None = None
    tracker_parameters: dict[str, Any] = Field(default_factory=dict)
    postbacks: list[dict[str, Any]] = Field(default_factory=list)


FIELDS: frozenset[str] = frozenset(TrackerSettings.model_fields)
