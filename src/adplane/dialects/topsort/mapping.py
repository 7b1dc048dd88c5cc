"""Topsort wire <-> core campaign, both directions; all Topsort vocabulary lives here.

Topsort counts money as integers in minor units of the currency; the core keeps exact
decimals in major units. A Topsort budget is one amount of one type; it maps onto the core's
budget fields so the core's budget stops enforce it:

- ``daily``: ``daily_budget``;
- ``weekly`` / ``monthly``: ``period_budget`` with ``budget_period``, and the even daily share
  (1/7, 1/30, rounded down) as ``daily_budget``, as Topsort spreads these budgets over days;
- ``total``: ``total_budget`` with ``use_total_budget`` and no daily limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from typing import Any, ClassVar
from uuid import UUID

from pydantic import ValidationError

from adplane.campaigns.schemas import Campaign, CampaignFields, PricingModel
from adplane.campaigns.service import Extension, extension_of
from adplane.dialects.topsort import wire
from adplane.kit.errors import FieldError, ValidationFailed

# ISO 4217 minor units of the currencies that do not use two decimals.
_MINOR_DIGITS = {
    **dict.fromkeys(
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI"],
        0,
    ),
    **dict.fromkeys(["VND", "VUV", "XAF", "XOF", "XPF"], 0),
    **dict.fromkeys(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"], 3),
    **dict.fromkeys(["CLF", "UYW"], 4),
}
_MICRO = Decimal("0.000001")


class CampaignExtras(Extension):
    """Campaign flags only Topsort has and nothing in the core reads: kept in the campaign's
    ``topsort`` extension document, not on the campaign row."""

    dialect: ClassVar[str] = "topsort"

    is_smart: bool = False
    is_auto_trigger: bool = False


@dataclass(frozen=True)
class CoreChanges:
    """A request in core terms: the core fields and the extension fields it sets."""

    fields: CampaignFields
    extras: CampaignExtras

    @property
    def any(self) -> bool:
        return bool(self.fields.model_fields_set or self.extras.model_fields_set)


def extras_of(view: Campaign) -> CampaignExtras:
    return extension_of(view, CampaignExtras)


_EXTENSION_PREFIX = f"extensions.{CampaignExtras.dialect}."
_PERIOD_DAYS = {"weekly": 7, "monthly": 30}
BANNER_FORMATS = frozenset({"banner", "exclusive_banner"})

CHARGE_TYPES: dict[PricingModel, wire.ChargeType] = {
    PricingModel.CPM: "CPM",
    PricingModel.CPC: "CPC",
    PricingModel.CPA: "CPA",
    # An install is an action; a video view is an impression.
    PricingModel.CPI: "CPA",
    PricingModel.CPV: "CPM",
}

# Core field (dotted prefix) -> the Topsort field an error about it points at.
FIELD_NAMES: dict[str, str] = {
    "name": "name",
    "start_at": "startDate",
    "end_at": "endDate",
    "is_active": "isActive",
    "is_smart": "isSmart",
    "bidding_strategy": "campaignType",
    "approval": "status",
    "reviewed_by_user_id": "statusUpdatedBy",
    "decline_reason": "bannerAdRejectionReason",
    "is_auto_trigger": "isAutoTrigger",
    "target_roas": "targetRoas",
    "external_campaign_id": "externalCampaignId",
    "segments.multipliers": "multiplierConfig",
    "segments.targeting": "targetingFilters",
    "segments.exclusion": "exclusionFilters",
    "segments": "targetingFilters",
    "pricing_model": "chargeType",
    "autobidding_objective": "autobiddingObjective",
    "product_ids": "productIds",
    "daily_budget": "budget",
    "period_budget": "budget",
    "total_budget": "budget",
    "budget_period": "budget",
    "use_total_budget": "budget",
    "exclusivity_price": "exclusivityPrice",
    "placement": "adFormat",
}
_CORE_NAME = re.compile(r"\b(" + "|".join(sorted(FIELD_NAMES, key=len, reverse=True)) + r")\b")


def wire_field(core_field: str) -> str:
    """The Topsort name of a core field path (the longest known prefix wins)."""
    parts = core_field.removeprefix(_EXTENSION_PREFIX).split(".")
    for end in range(len(parts), 0, -1):
        name = FIELD_NAMES.get(".".join(parts[:end]))
        if name is not None:
            return name
    head, *rest = parts[0].split("_")
    return head + "".join(word.title() for word in rest)


def wire_message(message: str) -> str:
    """A core message with core field names replaced by Topsort's."""
    return _CORE_NAME.sub(lambda m: FIELD_NAMES[m.group(1)], message)


# money


def _scale(currency: str) -> Decimal:
    return Decimal(10) ** _MINOR_DIGITS.get(currency.upper(), 2)


def to_minor(amount: Decimal, currency: str) -> int:
    """Exact major units -> integer minor units (half-even, as accountants round)."""
    return int((amount * _scale(currency)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def from_minor(amount: int, currency: str) -> Decimal:
    return (Decimal(amount) / _scale(currency)).quantize(_MICRO)


# budgets


def current_budget(view: Campaign) -> tuple[wire.BudgetType, Decimal] | None:
    """The campaign's budget in Topsort's terms (major units), or None when it has none."""
    if view.period_budget is not None and view.budget_period in _PERIOD_DAYS:
        return view.budget_period, view.period_budget
    if view.daily_budget is not None:
        return "daily", view.daily_budget
    if view.total_budget is not None and view.use_total_budget:
        return "total", view.total_budget
    return None


def budget_fields(kind: wire.BudgetType, amount: Decimal) -> dict[str, Any]:
    """The core budget fields for a Topsort budget of ``kind`` and ``amount`` (major units)."""
    if kind == "daily":
        return {"daily_budget": amount, "budget_period": "daily", "period_budget": None}
    if kind == "total":
        return {
            "total_budget": amount,
            "use_total_budget": True,
            "daily_budget": None,
            "budget_period": "daily",
            "period_budget": None,
        }
    share = (amount / _PERIOD_DAYS[kind]).quantize(_MICRO, rounding=ROUND_DOWN)
    return {"period_budget": amount, "budget_period": kind, "daily_budget": share}


# wire -> core


def core_fields(data: dict[str, Any]) -> CoreChanges:
    """Build the core and extension fields; their schemas' rules are reported as core field
    errors."""
    extra = {k: data.pop(k) for k in CampaignExtras.model_fields if k in data}
    try:
        return CoreChanges(
            CampaignFields.model_validate(data), CampaignExtras.model_validate(extra)
        )
    except ValidationError as exc:
        errors = [
            FieldError(".".join(str(p) for p in e["loc"]) or "body", e["msg"]) for e in exc.errors()
        ]
        raise ValidationFailed(
            "; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors
        ) from None


def _refs(items: list[wire.SegmentFilter]) -> list[dict[str, Any]]:
    return [{"type": i.type, "segment_id": i.segmentId} for i in items]


def _segments(
    view_segments: dict[str, Any],
    multipliers: wire.CampaignMultiplierConfig | None,
    targeting: wire.CampaignTargetingFilters | None,
    exclusion: wire.CampaignExclusionFilters | None,
) -> dict[str, Any]:
    segments = dict(view_segments)
    if multipliers is not None:
        segments["multipliers"] = {
            "is_active": multipliers.isActive,
            "items": [
                {"type": m.type, "segment_id": m.segmentId, "multiplier": m.multiplier}
                for m in multipliers.multipliers
            ],
        }
    if targeting is not None:
        segments["targeting"] = {
            "is_active": targeting.isActive,
            "items": _refs(targeting.targetingFilters),
        }
    if exclusion is not None:
        segments["exclusion"] = {
            "is_active": exclusion.isActive,
            "items": _refs(exclusion.exclusionFilters),
        }
    return segments


_SIMPLE = {
    "name": "name",
    "startDate": "start_at",
    "endDate": "end_at",
    "isSmart": "is_smart",
    "campaignType": "bidding_strategy",
    "isAutoTrigger": "is_auto_trigger",
    "targetRoas": "target_roas",
    "externalCampaignId": "external_campaign_id",
    "autobiddingObjective": "autobidding_objective",
    "productIds": "product_ids",
}


def update_fields(body: wire.CampaignUpdate, view: Campaign) -> CoreChanges:
    """The core changes a PATCH asks for (``null`` leaves a field as it is)."""
    sent = {name for name in body.model_fields_set if getattr(body, name) is not None}
    data: dict[str, Any] = {
        core: getattr(body, name) for name, core in _SIMPLE.items() if name in sent
    }
    if "chargeType" in sent and body.chargeType is not None:
        data["pricing_model"] = body.chargeType.lower()
    if sent & {"multiplierConfig", "targetingFilters", "exclusionFilters"}:
        data["segments"] = _segments(
            view.segments.model_dump(),
            body.multiplierConfig,
            body.targetingFilters,
            body.exclusionFilters,
        )
    if body.budget is not None:
        current = current_budget(view)
        kind = body.budget.type or (current[0] if current else "daily")
        if body.budget.amount is not None:
            amount = from_minor(body.budget.amount, view.account_currency)
        elif current is not None:
            amount = current[1]
        else:
            raise ValidationFailed.field("budget", "amount is required: the campaign has none")
        data.update(budget_fields(kind, amount))
    return core_fields(data)


def create_fields(body: wire.CampaignCreate, currency: str) -> CoreChanges:
    """The core fields of a new campaign."""
    data: dict[str, Any] = {
        core: getattr(body, name)
        for name, core in _SIMPLE.items()
        if getattr(body, name) is not None
    }
    data.update(
        placement=body.adFormat,
        bidding_strategy=body.campaignType,
        is_smart=body.isSmart,
        is_auto_trigger=body.isAutoTrigger,
        pricing_model=(
            body.chargeType or ("CPM" if body.adFormat in BANNER_FORMATS else "CPC")
        ).lower(),
    )
    if body.exclusivityPrice is not None:
        data["exclusivity_price"] = from_minor(body.exclusivityPrice, currency)
    if body.multiplierConfig or body.targetingFilters or body.exclusionFilters:
        data["segments"] = _segments(
            {}, body.multiplierConfig, body.targetingFilters, body.exclusionFilters
        )
    if body.budget is not None:
        data.update(budget_fields(body.budget.type, from_minor(body.budget.amount, currency)))
    return core_fields(data)


# core -> wire


@dataclass(frozen=True)
class Extras:
    """What a campaign's Topsort rendering needs beyond the core view."""

    marketplace_id: UUID
    vendor_id: str
    wallet_id: UUID
    reviewer: UUID | None
    bid_count: int


def _budget(view: Campaign) -> wire.Budget | None:
    current = current_budget(view)
    if current is None:
        return None
    kind, amount = current
    if kind == "daily":
        used = view.spend_today
    elif kind == "total":
        used = view.spend_total
    else:
        # The core tracks the spend of the current week or month (and stops the campaign
        # when it reaches the period budget).
        used = view.spend_period
    currency = view.account_currency
    return wire.Budget(
        amount=to_minor(amount, currency),
        amountRemaining=to_minor(max(amount - used, Decimal(0)), currency),
        # adplane never carries unspent budget over: each day stops at its daily budget.
        amountCarryover=0,
        amountUsed=to_minor(used, currency),
        type=kind,
    )


def bid_count(view: Campaign, spot_prices: int) -> int:
    """The campaign's bids: its default bid (when it has a price) and each per-spot bid."""
    return (1 if view.bid_price is not None else 0) + spot_prices


def _ad_format(view: Campaign) -> wire.AdFormat:
    # A campaign made without a placement (natively, or by another dialect) is a listing.
    return view.placement.value if view.placement is not None else "listing"


def to_wire(view: Campaign, extras: Extras) -> wire.Campaign:
    """Render one core campaign as Topsort's campaign model."""
    s = view.segments
    currency = view.account_currency
    own = extras_of(view)
    return wire.Campaign(
        campaignId=view.uuid,
        marketplaceId=extras.marketplace_id,
        name=view.name or "",
        # No start date means the campaign started when it was created.
        startDate=view.start_at or view.created_at,
        endDate=view.end_at,
        isActive=view.is_active,
        isSmart=own.is_smart,
        campaignType=view.bidding_strategy,
        status=view.approval.value,
        createdAt=view.created_at,
        chargeType=CHARGE_TYPES[view.pricing_model],
        externalVendorId=extras.vendor_id,
        adFormat=_ad_format(view),
        isAutoTrigger=own.is_auto_trigger,
        vendorId=extras.vendor_id,
        walletId=extras.wallet_id,
        bidCount=extras.bid_count,
        budget=_budget(view),
        statusUpdatedBy=extras.reviewer,
        campaignBehaviorData=None,
        campaignBehaviorDataByDay=None,
        exclusivityPrice=(
            None if view.exclusivity_price is None else to_minor(view.exclusivity_price, currency)
        ),
        targetRoas=None if view.target_roas is None else float(view.target_roas),
        externalCampaignId=view.external_campaign_id,
        autobiddingObjective=view.autobidding_objective,
        multiplierConfig=wire.CampaignMultiplierConfig(
            isActive=s.multipliers.is_active,
            multipliers=[
                wire.SegmentMultiplier(type=m.type, segmentId=m.segment_id, multiplier=m.multiplier)
                for m in s.multipliers.items
            ],
        ),
        targetingFilters=wire.CampaignTargetingFilters(
            isActive=s.targeting.is_active,
            targetingFilters=[
                wire.SegmentFilter(type=r.type, segmentId=r.segment_id) for r in s.targeting.items
            ],
        ),
        exclusionFilters=wire.CampaignExclusionFilters(
            isActive=s.exclusion.is_active,
            exclusionFilters=[
                wire.SegmentFilter(type=r.type, segmentId=r.segment_id) for r in s.exclusion.items
            ],
        ),
        promotionType=None,
    )
