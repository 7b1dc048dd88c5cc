"""Topsort campaign-service models: field names, enums and types as the document gives them.

Request models follow Topsort's FastAPI style: every PATCH field is optional and ``null``
means "leave it as it is"; unknown fields are ignored. Money is an integer in minor units of
the account's currency (cents for USD), as Topsort counts it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field, PlainSerializer, StringConstraints

from adplane.kit.ids import MAX_ID

BudgetType = Literal["daily", "weekly", "monthly", "total"]
CampaignType = Literal["manual", "autobidding", "exclusive"]
ReviewStatus = Literal["approved", "pending", "rejected"]
ChargeType = Literal["CPM", "CPC", "CPA"]
AutobiddingObjective = Literal["impressions", "clicks", "conversions", "revenue"]
AdFormat = Literal[
    "listing",
    "banner",
    "sponsored_brand",
    "exclusive_listing",
    "exclusive_banner",
    "travel_listing",
    "flight_listing",
]
# Integer minor units; Topsort caps budget amounts below two billion.
MinorAmount = Annotated[int, Field(ge=0, lt=2_000_000_000)]
SegmentId = Annotated[int, Field(gt=0, le=MAX_ID)]
ProductId = Annotated[str, StringConstraints(min_length=1, max_length=255)]


class BudgetUpdate(BaseModel):
    """A new budget; a missing part keeps the current one."""

    amount: MinorAmount | None = Field(
        default=None, description="In minor units of the account's currency (cents for USD)."
    )
    type: BudgetType | None = Field(
        default=None,
        description="daily; weekly and monthly (spread evenly over 7 or 30 days); total "
        "(no daily limit).",
    )


class BudgetCreate(BaseModel):
    amount: MinorAmount = Field(description="In minor units of the account's currency.")
    type: BudgetType = "daily"


class Budget(BaseModel):
    amount: int
    amountRemaining: int
    amountCarryover: int
    amountUsed: int
    type: BudgetType


class SegmentFilter(BaseModel):
    type: str = Field(default="audience", max_length=64)
    segmentId: SegmentId


class SegmentMultiplier(SegmentFilter):
    multiplier: Annotated[
        Decimal, Field(gt=0, le=100), PlainSerializer(float, return_type=float, when_used="json")
    ]


class CampaignMultiplierConfig(BaseModel):
    isActive: bool = False
    multipliers: list[SegmentMultiplier] = Field(default_factory=list, max_length=1000)


class CampaignTargetingFilters(BaseModel):
    isActive: bool = False
    targetingFilters: list[SegmentFilter] = Field(default_factory=list, max_length=1000)


class CampaignExclusionFilters(BaseModel):
    isActive: bool = False
    exclusionFilters: list[SegmentFilter] = Field(default_factory=list, max_length=1000)


class BannerAdRejectionReason(BaseModel):
    declineReason: str | None = Field(default=None, max_length=255)
    reasonDetails: str | None = Field(default=None, max_length=2000)


class CampaignUpdate(BaseModel):
    """Public Campaign Update Request Body."""

    name: str | None = Field(default=None, min_length=1, examples=["Bola-Bola Ad campaign"])
    budget: BudgetUpdate | None = None
    startDate: datetime | None = Field(
        default=None, description="If the start date is in the past, it becomes now."
    )
    endDate: datetime | None = Field(default=None, description="Must be after the start date.")
    isActive: bool | None = None
    isSmart: bool | None = None
    campaignType: Literal["autobidding"] | None = Field(
        default=None, description="Can only be updated to autobidding."
    )
    status: ReviewStatus | None = Field(
        default=None, description="The review status of a banner campaign (admins only)."
    )
    statusUpdatedBy: UUID | None = Field(
        default=None, description="The admin user who reviewed the banner campaign."
    )
    isAutoTrigger: bool | None = None
    targetRoas: Decimal | None = Field(default=None, ge=Decimal("0.5"), le=20)
    externalCampaignId: str | None = Field(default=None, min_length=1, max_length=255)
    multiplierConfig: CampaignMultiplierConfig | None = None
    targetingFilters: CampaignTargetingFilters | None = None
    exclusionFilters: CampaignExclusionFilters | None = None
    chargeType: ChargeType | None = None
    autobiddingObjective: AutobiddingObjective | None = None
    productIds: list[ProductId] | None = Field(
        default=None, min_length=1, max_length=200, description="Banner campaigns only."
    )
    bannerAdRejectionReason: BannerAdRejectionReason | None = Field(
        default=None, description="Why a banner campaign is rejected (with status rejected)."
    )


class CampaignCreate(BaseModel):
    """A new campaign, in the fields of the campaign model."""

    name: str = Field(min_length=1, examples=["Bola-Bola Ad campaign"])
    adFormat: AdFormat = "listing"
    campaignType: CampaignType = "manual"
    budget: BudgetCreate | None = None
    startDate: datetime | None = None
    endDate: datetime | None = None
    isActive: bool = True
    isSmart: bool = False
    isAutoTrigger: bool = False
    status: ReviewStatus | None = Field(
        default=None, description="A banner campaign's initial review status (admins only)."
    )
    targetRoas: Decimal | None = Field(default=None, ge=Decimal("0.5"), le=20)
    externalCampaignId: str | None = Field(default=None, min_length=1, max_length=255)
    exclusivityPrice: MinorAmount | None = Field(
        default=None, description="Daily price of an exclusive campaign, in minor units."
    )
    multiplierConfig: CampaignMultiplierConfig | None = None
    targetingFilters: CampaignTargetingFilters | None = None
    exclusionFilters: CampaignExclusionFilters | None = None
    chargeType: ChargeType | None = Field(
        default=None, description="Defaults to CPM for banner formats and CPC otherwise."
    )
    autobiddingObjective: AutobiddingObjective | None = None
    productIds: list[ProductId] | None = Field(default=None, min_length=1, max_length=200)
    bids: list[Any] | None = Field(
        default=None,
        description="Accepted for compatibility and not stored: adplane keeps no product bids.",
    )
    promotionType: dict[str, Any] | None = Field(
        default=None,
        json_schema_extra={"deprecated": True},
        description="Deprecated and ignored; use adFormat.",
    )


class Campaign(BaseModel):
    """The campaign model, fields in the document's order."""

    campaignId: UUID
    marketplaceId: UUID
    name: str
    startDate: datetime
    endDate: datetime | None = Field(description="null when the campaign has no end date")
    isActive: bool
    isSmart: bool
    campaignType: CampaignType
    status: ReviewStatus
    createdAt: datetime
    chargeType: ChargeType
    externalVendorId: str = Field(
        json_schema_extra={"deprecated": True}, description="Deprecated. Use vendorId."
    )
    adFormat: AdFormat
    isAutoTrigger: bool
    vendorId: str
    walletId: UUID
    bidCount: int
    budget: Budget | None
    statusUpdatedBy: UUID | None
    campaignBehaviorData: str | None = Field(
        json_schema_extra={"deprecated": True}, description="Always null."
    )
    campaignBehaviorDataByDay: str | None = Field(
        json_schema_extra={"deprecated": True}, description="Always null."
    )
    exclusivityPrice: int | None
    targetRoas: float | None
    externalCampaignId: str | None
    autobiddingObjective: AutobiddingObjective | None
    multiplierConfig: CampaignMultiplierConfig
    targetingFilters: CampaignTargetingFilters
    exclusionFilters: CampaignExclusionFilters
    promotionType: dict[str, Any] | None = Field(
        json_schema_extra={"deprecated": True}, description="Deprecated: always null; use adFormat."
    )


class NextPage(BaseModel):
    offset: int
    limit: int


class CampaignPage(BaseModel):
    """The campaigns response."""

    campaigns: list[Campaign]
    hasMore: bool
    next: NextPage | None


class Detail(BaseModel):
    """An HTTP error: ``{"detail": "..."}``."""

    detail: str


class ValidationIssue(BaseModel):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrors(BaseModel):
    """A 422: one entry per field, naming the field (``loc``) and the rule (``msg``)."""

    detail: list[ValidationIssue]
