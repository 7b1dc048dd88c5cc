"""The core campaign in core names: what every dialect maps to and from.

``CampaignFields`` is every field an advertiser may set. It serves both create (with the
service checking the required ones) and partial update (only the fields a request set are
applied, read from ``model_fields_set``). Range and format rules live here; rules that span
fields or need the database live in ``service.py``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from adplane.campaigns.state import Approval, StopReason
from adplane.kit.ids import MAX_ID, MAX_INT32, Int32, RowId
from adplane.kit.money import is_currency
from adplane.kit.time import is_timezone
from adplane.targeting.catalogue import Dimension, normalise

Money = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=6)]
Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=9, decimal_places=6)]
Count = Annotated[int, Field(ge=0, le=10**15)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
Text = Annotated[str, StringConstraints(max_length=10_000)]
Value = int | Annotated[str, StringConstraints(min_length=1, max_length=255)]
# A catalogued targeting value: the canonical code (never a vendor's id or name).
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
CATALOGUED = tuple(d.value for d in Dimension)
# An OpenRTB PMP deal id (``imp.pmp.deals[].id``), as the exchange spells it: printable ASCII.
DealId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=128, pattern=r"^[!-~]+$"),
]


class PricingModel(StrEnum):
    CPM = "cpm"
    CPC = "cpc"
    CPA = "cpa"
    CPI = "cpi"
    CPV = "cpv"


class CreativeType(StrEnum):
    IMAGE = "image"
    IFRAME = "iframe"
    VIDEO = "video"
    HTML5 = "html5"
    VAST = "vast"
    DYNAMIC = "dynamic"
    RTB = "rtb"
    BANNER = "banner"
    NATIVE = "native"
    AUDIO = "audio"
    PUSH = "push"


class Placement(StrEnum):
    LISTING = "listing"
    BANNER = "banner"
    SPONSORED_BRAND = "sponsored_brand"
    EXCLUSIVE_LISTING = "exclusive_listing"
    EXCLUSIVE_BANNER = "exclusive_banner"
    TRAVEL_LISTING = "travel_listing"
    FLIGHT_LISTING = "flight_listing"


# How deeply a free-form document (tracker parameters, postbacks) may nest; deeper ones are
# refused rather than left to fail when they are serialised.
MAX_DOCUMENT_DEPTH = 10


def _plain(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DOCUMENT_DEPTH:
        raise ValueError(f"is nested more than {MAX_DOCUMENT_DEPTH} levels deep")
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, depth + 1) for v in value]
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TargetList(Strict):
    """One targeting dimension: values to include (empty = any) and values to exclude."""

    include: list[Value] = Field(default_factory=list, max_length=10_000)
    exclude: list[Value] = Field(default_factory=list, max_length=10_000)


class CodeList(Strict):
    """A catalogued dimension: canonical codes (``GET /targeting/{dimension}``) to include
    (empty = any) and to exclude. Codes are normalised (``us`` is ``US``, ``Android`` is
    ``android``); the service checks that each is in the catalogue."""

    include: list[Code] = Field(default_factory=list, max_length=10_000)
    exclude: list[Code] = Field(default_factory=list, max_length=10_000)


class Targeting(Strict):
    """Every targeting dimension of the five documents, each with include and exclude lists."""

    countries: CodeList = Field(default_factory=CodeList)
    regions: CodeList = Field(default_factory=CodeList)
    cities: TargetList = Field(default_factory=TargetList)
    languages: CodeList = Field(default_factory=CodeList)
    carriers: CodeList = Field(default_factory=CodeList)
    connection_types: CodeList = Field(default_factory=CodeList)
    oses: CodeList = Field(default_factory=CodeList)
    os_versions: TargetList = Field(default_factory=TargetList)
    browsers: CodeList = Field(default_factory=CodeList)
    browser_versions: TargetList = Field(default_factory=TargetList)
    device_types: CodeList = Field(default_factory=CodeList)
    device_brands: TargetList = Field(default_factory=TargetList)
    device_models: TargetList = Field(default_factory=TargetList)
    categories: CodeList = Field(default_factory=CodeList)
    keywords: TargetList = Field(default_factory=TargetList)
    sub_ids: TargetList = Field(default_factory=TargetList)
    ip_ranges: TargetList = Field(default_factory=TargetList)
    applications: TargetList = Field(default_factory=TargetList)
    spots: TargetList = Field(default_factory=TargetList)
    sites: TargetList = Field(default_factory=TargetList)
    clicked_inventory_categories: TargetList = Field(default_factory=TargetList)
    subscription_ages: TargetList = Field(default_factory=TargetList)
    dynamic: TargetList = Field(default_factory=TargetList)
    os_min_version: str | None = Field(default=None, max_length=32)
    age_min: int | None = Field(default=None, ge=0, le=120)
    age_max: int | None = Field(default=None, ge=0, le=120)
    device_release_date_offset: int | None = Field(default=None, ge=0, le=1200)
    device_price_from: Money | None = None
    device_price_to: Money | None = None
    desktop_web: bool = True
    mobile_web: bool = True
    mobile_app: bool = True
    smartphone: bool = True
    tablet: bool = True
    ctv: bool = True
    dooh: bool = True
    private_browsing: bool | None = None
    adblock: bool | None = None
    flash: bool | None = None
    push_subscription_interval: Literal[
        "any", "1_10", "11_21", "22_35", "36_72", "73_100", "101_inf"
    ] = "any"
    retargeting_list_id: str | None = Field(default=None, max_length=64)
    all_sources: bool = True
    classic_push: bool = False
    in_page_push: bool = False
    pretarget: int | None = Field(default=None, ge=-MAX_ID - 1, le=MAX_ID)

    @field_validator(*CATALOGUED)
    @classmethod
    def _canonical_codes(cls, value: CodeList, info: ValidationInfo) -> CodeList:
        dimension = Dimension(str(info.field_name))
        return CodeList(
            include=[normalise(dimension, c) for c in value.include],
            exclude=[normalise(dimension, c) for c in value.exclude],
        )

    @field_validator("spots", "sites")
    @classmethod
    def _integer_ids(cls, value: TargetList) -> TargetList:
        for item in [*value.include, *value.exclude]:
            if not isinstance(item, int) or not 0 < item <= MAX_ID:
                raise ValueError("spot and site ids are positive 64-bit integers")
        return value


class SegmentRef(Strict):
    type: str = Field(default="audience", max_length=64)
    segment_id: RowId


class SegmentMultiplier(SegmentRef):
    multiplier: Decimal = Field(gt=0, le=100, max_digits=12, decimal_places=6)


class SegmentFilters(Strict):
    is_active: bool = False
    items: list[SegmentRef] = Field(default_factory=list, max_length=1000)


class SegmentMultipliers(Strict):
    is_active: bool = False
    items: list[SegmentMultiplier] = Field(default_factory=list, max_length=1000)


class SegmentTargeting(Strict):
    """Audience segments the campaign targets, excludes, and bids up."""

    targeting: SegmentFilters = Field(default_factory=SegmentFilters)
    exclusion: SegmentFilters = Field(default_factory=SegmentFilters)
    multipliers: SegmentMultipliers = Field(default_factory=SegmentMultipliers)

    def segment_ids(self) -> set[int]:
        refs: list[SegmentRef] = [*self.targeting.items, *self.exclusion.items]
        refs.extend(self.multipliers.items)
        return {r.segment_id for r in refs}


class CampaignFields(Strict):
    """Every advertiser-settable campaign field; all optional so a PATCH can send a few."""

    # general
    name: Name | None = None
    notes: Text | None = None
    group_id: Int32 | None = None
    position: Int32 | None = None
    format_id: RowId | None = None
    creative_type: CreativeType | None = None
    placement: Placement | None = None
    ad_format_options: list[Annotated[str, StringConstraints(max_length=32)]] = Field(
        default_factory=list, max_length=16
    )

    # pricing
    pricing_model: PricingModel = PricingModel.CPM
    bid_price: Money | None = None
    rtb_bid_price: Money | None = None
    disable_rtb: bool = False
    adaptive_bid: bool = False
    bidding_strategy: Literal["manual", "autobidding", "exclusive"] = "manual"
    autobidding_objective: Literal["impressions", "clicks", "conversions", "revenue"] | None = None
    target_roas: Decimal | None = Field(default=None, ge=Decimal("0.5"), le=20, decimal_places=6)
    exclusivity_price: Money | None = None
    flat_rate: Percent | None = None
    payout: Money | None = None

    # budgets, caps, pacing
    daily_budget: Money | None = None
    total_budget: Money | None = None
    use_total_budget: bool = False
    budget_period: Literal["daily", "weekly", "monthly"] = "daily"
    period_budget: Money | None = None
    daily_impressions_cap: Count | None = None
    total_impressions_cap: Count | None = None
    daily_clicks_cap: Count | None = None
    total_clicks_cap: Count | None = None
    pacing: Literal["even", "asap"] = "even"
    frequency_enabled: bool = False
    frequency_type: Literal["user", "ip"] | None = None
    frequency_cap: int | None = Field(default=None, ge=1, le=1_000_000)
    frequency_period: int | None = Field(default=None, ge=1, le=10_000)
    weight: int | None = Field(default=None, ge=0, le=1_000_000)

    # schedule
    start_at: datetime | None = None
    end_at: datetime | None = None
    timezone: str = "UTC"
    day_parting: str | None = Field(default=None, pattern=r"^[01]{1,168}$")

    # traffic and targeting
    traffic_type: Literal["ron", "prime", "members_area"] = "ron"
    traffic_source_type: Literal["all", "direct", "network"] = "all"
    network_traffic_type: Literal["all", "non_proxy", "proxy"] = "all"
    targeting: Targeting = Field(default_factory=Targeting)
    segments: SegmentTargeting = Field(default_factory=SegmentTargeting)
    restriction_ids: list[RowId] = Field(default_factory=list, max_length=100)
    product_ids: list[Annotated[str, StringConstraints(min_length=1, max_length=255)]] = Field(
        default_factory=list, max_length=200
    )
    external_campaign_id: str | None = Field(default=None, min_length=1, max_length=255)
    deal_ids: list[DealId] = Field(
        default_factory=list,
        max_length=100,
        description="OpenRTB private marketplace deals the campaign buys: an impression "
        "offering one of them is bid under the deal (at least its floor); a private auction "
        "is bid only by campaigns naming one of its deals",
    )
    is_rewarded: bool = False

    # destination
    destination_url: str | None = Field(default=None, max_length=4096)
    advertiser_domain: str | None = Field(default=None, max_length=255)

    # tracker
    alias: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]{1,255}$")
    rotation_type: Literal["position", "weight"] = "position"
    cookies_ttl_hours: int = Field(default=24, ge=0, le=24 * 365)
    cost_model: Literal["CPM", "CPC", "CPUC", "RevShare", "CPA", "CPS", "CPUV", "CPV"] = "CPC"
    cost_value: Money = Decimal(0)
    cost_currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    cost_auto: bool = False
    bind_visitors: Literal["s", "sl", "slo"] | None = None
    traffic_source_id: int | None = Field(default=None, gt=0, le=MAX_INT32)
    tracker_token: str | None = Field(default=None, max_length=255)
    domain_id: int | None = Field(default=None, gt=0, le=MAX_INT32)
    tracker_parameters: dict[str, Any] = Field(default_factory=dict)
    postbacks: list[dict[str, Any]] = Field(default_factory=list, max_length=100)

    @field_validator("tracker_parameters", "postbacks")
    @classmethod
    def _plain_json(cls, value: Any) -> Any:
        # Free-form documents are stored as JSON: exact decimals from the request parser
        # become the floats a JSON document holds.
        return _plain(value)

    @field_validator("deal_ids")
    @classmethod
    def _distinct_deals(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @field_validator("cost_currency")
    @classmethod
    def _iso_currency(cls, value: str | None) -> str | None:
        if value is not None and not is_currency(value):
            raise ValueError(f"{value!r} is not an ISO 4217 currency code")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        if not is_timezone(value):
            raise ValueError(f"{value!r} is not an IANA time zone")
        return value


# Fields that hold money: stored as integer micros in ``<name>_micros``.
MONEY_FIELDS = frozenset(
    {
        "bid_price",
        "rtb_bid_price",
        "target_roas",
        "exclusivity_price",
        "flat_rate",
        "payout",
        "daily_budget",
        "total_budget",
        "period_budget",
        "cost_value",
    }
)
REQUIRED_ON_CREATE = ("name",)


class CampaignStatus(StrEnum):
    """The native status, derived from the flags alone (no spend needed)."""

    DRAFT = "draft"
    PENDING = "pending"
    REJECTED = "rejected"
    PAUSED = "paused"
    ACTIVE = "active"
    ARCHIVED = "archived"


class Campaign(CampaignFields):
    """A campaign as the core returns it: fields, identity, state flags, derived state."""

    model_config = ConfigDict(extra="ignore")

    id: int
    uuid: UUID
    account_id: int
    created_by_user_id: int | None
    cloned_from_id: int | None
    created_at: datetime
    updated_at: datetime
    # state flags
    is_draft: bool
    approval: Approval
    reject_reason_codes: list[int]
    reject_comment: str | None
    decline_reason: str | None
    reviewed_by_user_id: int | None
    reviewed_at: datetime | None
    is_active: bool
    is_archived: bool
    archived_at: datetime | None
    # derived
    status: CampaignStatus
    stop_reason: StopReason | None
    is_running: bool
    no_funds: bool
    ended: bool
    spend_today: Decimal
    spend_total: Decimal
    # Spend in the current budget period (the week or month of a weekly or monthly budget).
    spend_period: Decimal = Decimal(0)
    impressions_today: int
    impressions_total: int
    clicks_today: int
    clicks_total: int
    account_balance: Decimal
    account_currency: str
    # Each dialect's document of the fields only its vendor has (``campaigns.extensions``),
    # as that dialect stored it; the core never interprets it.
    extensions: dict[str, dict[str, Any]] = Field(default_factory=dict)


# Dialect -> the fields of its extension document a native request sets; only dialects
# without a write surface of their own accept one (``campaigns.extensions.from_native``).
NativeExtensions = dict[
    Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")], dict[str, Any]
]


class CampaignCreate(CampaignFields):
    """Native create: the fields, plus the account an admin creates it for."""

    account_id: RowId | None = None
    is_active: bool = True
    extensions: NativeExtensions = Field(default_factory=dict, max_length=16)


class CampaignUpdate(CampaignFields):
    """Native update: the fields to change, and the extension document fields to change."""

    extensions: NativeExtensions = Field(default_factory=dict, max_length=16)


class RejectRequest(Strict):
    reason_codes: list[Int32] = Field(default_factory=list, max_length=20)
    comment: str | None = Field(default=None, max_length=2000)
    decline_reason: str | None = Field(default=None, max_length=255)


class BulkRequest(Strict):
    ids: list[RowId] = Field(min_length=1, max_length=1000)


class BulkFailure(BaseModel):
    id: int
    reason: str


class BulkResult(BaseModel):
    success: list[int]
    failed: list[BulkFailure]
    total: int


class SpotPrice(BaseModel):
    campaign_id: int
    spot_id: int
    price: Decimal
    created_at: datetime
    updated_at: datetime


class CampaignChange(BaseModel):
    id: int
    campaign_id: int
    user_id: int | None
    action: str
    changes: dict[str, Any]
    tag: str | None
    created_at: datetime
