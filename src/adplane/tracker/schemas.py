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


# First path segments adplane answers itself (its mounts and root routes, and the ones the
# dialects in progress take): a campaign alias equal to one would never be reached.
# tests/tracker/test_settings.py checks that every mount of the app is here.
RESERVED_ALIASES: frozenset[str] = frozenset(
    {
        "admin_api",
        "api",
        "docs",
        "favicon.ico",
        "healthz",
        "instal",
        "metrics",
        "openapi.json",
        "postback",
        "robots.txt",
        "rtb",
        "smartyads",
        "static",
        "t",
        "topsort",
        "trafficstars",
    }
)


def alias_reserved(alias: str) -> bool:
    """Whether ``alias`` would shadow one of adplane's own paths (compared case-folded)."""
    return alias.casefold() in RESERVED_ALIASES
