"""Core campaign -> Instal campaign, and Instal's status filter -> core list filters.

All Instal vocabulary lives here: status names, campaign types, OS names, country names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import ClassVar

from pydantic import Field

from adplane.campaigns.schemas import Campaign, PricingModel
from adplane.campaigns.service import CampaignFilter, Extension, extension_of, state_from_view
from adplane.campaigns.state import Approval, CampaignState
from adplane.catalogues.schemas import Restriction
from adplane.dialects.instal import wire
from adplane.kit.time import as_utc
from adplane.targeting.catalogue import Catalogue, Dimension


class InstalExtras(Extension):
    """The campaign fields only Instal prints; no core rule, budget or the bidder reads them.

    Instal's API is read-only, so the native API writes this document
    (``extensions.instal`` on native create and update).
    """

    dialect: ClassVar[str] = "instal"
    native: ClassVar[bool] = True

    application_name: str | None = Field(default=None, max_length=255)
    is_incentivized: bool = False


STATUS_CHOICES: tuple[str, ...] = (
    "RUNNING",
    "PAUSED",
    "DELETED",
    "REJECTED",
    "EXPIRED",
    "NOTDELETED",
)

# Instal bills installs, actions and clicks. CPM and CPV have no Instal name; both pay for
# showing the ad rather than for an outcome, which is closest to paying for the click.
CAMPAIGN_TYPES: dict[PricingModel, wire.CampaignType] = {
    PricingModel.CPC: "CPC",
    PricingModel.CPI: "CPI",
    PricingModel.CPA: "CPA",
    PricingModel.CPM: "CPC",
    PricingModel.CPV: "CPC",
}

# Catalogue OS codes (GET /api/v1/targeting/oses) -> Instal's platform names.
_OS_NAMES: dict[str, wire.Os] = {"android": "ANDROID", "ios": "IOS"}
_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?")


def iso(value: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, as Django REST framework prints datetimes."""
    text = as_utc(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def country_name(code: str, catalogue: Catalogue) -> str:
    """The catalogue's name of a country (its common name: "South Korea")."""
    entry = catalogue.by_code(Dimension.COUNTRIES, code)
    return code if entry is None else entry.name


def os_of(view: Campaign) -> wire.Os | None:
    """The campaign's platform: the first included OS Instal has a name for."""
    for code in view.targeting.oses.include:
        name = _OS_NAMES.get(code)
        if name is not None:
            return name
    return None


def os_min_version(raw: str | None) -> float | None:
    """The documented number: "7.1.2" becomes 7.1; a version without digits is unknown."""
    match = _VERSION.match(raw or "")
    if match is None:
        return None
    major, minor = match.group(1), match.group(2) or "0"
    return float(f"{major}.{minor}")


def _number(value: object) -> float | None:
    return None if value is None else float(str(value))


def status_from_state(state: CampaignState) -> str:
    """The Instal status name from the core state (ARCHITECTURE.md's table)."""
    if state.is_archived:
        return "DELETED"
    if state.approval is Approval.REJECTED:
        return "REJECTED"
    if state.ended:
        return "EXPIRED"
    if state.is_active:
        return "RUNNING"
    return "PAUSED"


_STATUSES: dict[str, wire.Status] = {
    s: s for s in ("RUNNING", "PAUSED", "DELETED", "REJECTED", "EXPIRED")
}


def status_of(view: Campaign, now: datetime) -> wire.Status:
    """The derived Instal status (ARCHITECTURE.md: archived, rejected, ended, active)."""
    return _STATUSES[status_from_state(state_from_view(view, now))]


def status_filter(
    status: str | None, now: datetime
) -> tuple[CampaignFilter, Callable[[Campaign], bool] | None]:
    """The SQL filter and, for statuses that depend on the clock, the derived predicate."""
    if not status:
        return CampaignFilter(include_archived=True), None
    if status == "NOTDELETED":
        return CampaignFilter(include_archived=False), None
    if status == "DELETED":
        return CampaignFilter(statuses=["archived"]), None
    sql = CampaignFilter(include_archived=False)
    if status == "REJECTED":
        sql.approval = ["rejected"]
    return sql, lambda view: status_of(view, now) == status


def to_wire(
    view: Campaign, restrictions: Mapping[int, Restriction], catalogue: Catalogue, now: datetime
) -> wire.Campaign:
    """Render one core campaign as Instal prints it."""
    extras = extension_of(view, InstalExtras)
    return wire.Campaign(
        application=extras.application_name,
        budget=_number(view.total_budget),
        campaign_type=CAMPAIGN_TYPES[view.pricing_model],
        countries={c: country_name(c, catalogue) for c in view.targeting.countries.include},
        daily_cap=_number(view.daily_budget),
        destination_url=view.destination_url,
        id=view.id,
        is_incentivized=extras.is_incentivized,
        name=view.name or "",
        os=os_of(view),
        os_min_version=os_min_version(view.targeting.os_min_version),
        payout=_number(view.payout),
        restrictions={
            str(rid): wire.Restriction(
                name=restrictions[rid].name, description=restrictions[rid].description
            )
            for rid in view.restriction_ids
            if rid in restrictions
        },
        # No start date means the campaign started when it was created.
        start_date=iso(view.start_at or view.created_at),
        status=status_of(view, now),
        stop_date=None if view.end_at is None else iso(view.end_at),
    )
