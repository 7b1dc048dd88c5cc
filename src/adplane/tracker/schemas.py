"""Tracker settings in core names, as the campaign view shows them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field

from adplane.kit.paths import mounted


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


# Root paths adplane answers outside its mounts (and the admin API's and the tracker's, kept
# free ahead of them); the mounts themselves are registered as the app mounts them.
RESERVED_ALIASES: frozenset[str] = frozenset(
    {
        "admin_api",
        "api",
        "docs",
        "favicon.ico",
        "healthz",
        "metrics",
        "openapi.json",
        "postback",
        "robots.txt",
        "static",
    }
)


def alias_reserved(alias: str) -> bool:
    """Whether ``alias`` would shadow one of adplane's own paths (compared case-folded)."""
    folded = alias.casefold()
    return folded in RESERVED_ALIASES or folded in mounted()
