"""TrafficStars request and response models: field names, envelopes and types as documented."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from adplane.kit.ids import MAX_ID, MAX_INT32, RowId

# JSON numbers: integral amounts print without a fraction, as the vendor's examples do.
Number = int | float
Money = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=6, allow_inf_nan=False)]
Percent = Annotated[
    Decimal, Field(ge=0, le=100, max_digits=9, decimal_places=6, allow_inf_nan=False)
]
SmallInt = Annotated[int, Field(ge=0, le=MAX_INT32)]
Word = Annotated[str, StringConstraints(min_length=1, max_length=255)]
IdList = Annotated[list[RowId], Field(max_length=10_000)]
IntList = Annotated[list[SmallInt], Field(max_length=10_000)]
WordList = Annotated[list[Word], Field(max_length=10_000)]
HoursTargeting = Annotated[str, StringConstraints(pattern=r"^[01]{0,168}$")]

PricingModel = Literal["cpm", "cpc", "cpa"]
CampaignType = Literal["image", "iframe", "video", "html5", "vast", "dynamic", "rtb"]
TrafficType = Literal["ron", "prime", "members_area"]
TrafficSourceType = Literal["all", "direct", "network"]
NetworkTrafficType = Literal["all", "non_proxy", "proxy"]
PushFormatOption = Literal["all", "web_push", "in_page_push"]
# Checked against the format's own options by the core (an admin may add formats).
AdFormatOption = Annotated[str, StringConstraints(min_length=1, max_length=32)]
PushSubscriptionInterval = Literal["any", "1_10", "11_21", "22_35", "36_72", "73_100", "101_inf"]
Status = Literal[
    "unapproved",
    "enabled",
    "paused",
    "rejected",
    "draft",
    "no_funds_paused",
    "no_funds_active",
    "total_budget_is_reached",
]
BulkAction = Literal["publish", "run", "pause", "archive", "unarchive"]


class CampaignInput(BaseModel):
    """The form parameters of "Create a campaign" (also draft, save_as and edit).

    Unknown fields are ignored rather than refused, so a client can send back a campaign it
    read (with ``id``, ``status``, ``created_at`` ...) as an edit.
    """

    model_config = ConfigDict(extra="ignore")

    id: RowId | None = Field(default=None, description="An existing draft to publish")
    user_id: RowId | None = Field(default=None, description="Create for this user (admins)")
    name: str | None = Field(default=None, max_length=255)
    format_id: RowId | None = None
    pricing_model: PricingModel | None = None
    price: Money | None = None
    price_mode: str | None = Field(default=None, max_length=32)
    allow_setting_any_price: bool | None = None
    price_rtb: Money | None = None
    disable_rtb: bool | None = None
    max_daily: Money | None = None
    use_total_budget: bool | None = None
    total_budget: Money | None = None
    hours_targeting: HoursTargeting | None = None
    hours_retargeting: HoursTargeting | None = Field(
        default=None, description="The name the parameter table uses for hours_targeting"
    )
    weight: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    type: CampaignType | None = None
    countries: (
        Annotated[list[Annotated[str, StringConstraints(max_length=8)]], Field(max_length=300)]
        | None
    ) = None
    geo_targets: WordList | None = None
    categories: IntList | None = None
    exclude_categories: IntList | None = None
    keywords: WordList | None = None
    browsers: IntList | None = None
    browser_versions: IntList | None = None
    oses: IntList | None = None
    os_versions: IntList | None = None
    devices: IntList | None = None
    device_brands: IntList | None = None
    device_models: IntList | None = None
    device_release_date_offset: Annotated[int, Field(ge=0, le=1200)] | None = None
    device_price_on_release_from: Money | None = None
    device_price_on_release_to: Money | None = None
    languages: IntList | None = None
    carriers: IntList | None = None
    exclusive: bool | None = None
    is_exclusive: bool | None = None
    backup: bool | None = None
    is_backup: bool | None = None
    enabled_applications: IntList | None = None
    disabled_applications: IntList | None = None
    reject_reason: Annotated[list[SmallInt], Field(max_length=20)] | SmallInt | None = None
    reject_comment: str | None = Field(default=None, max_length=2000)
    group_id: SmallInt | None = None
    flat_rate: Percent | None = None
    flat_rate_amount: Money | None = None
    adblock: bool | None = None
    private_browsing: bool | None = None
    flash: bool | None = None
    ip_range: str | None = Field(default=None, max_length=100_000)
    exclude_ip_range: str | None = Field(default=None, max_length=100_000)
    schedule_start_time: str | None = Field(default=None, max_length=64)
    schedule_end_time: str | None = Field(default=None, max_length=64)
    schedule_timezone: Annotated[int, Field(ge=-12, le=14)] | None = None
    enabled_subids: WordList | None = None
    disabled_subids: WordList | None = None
    adspots: (
        Annotated[
            list[Annotated[str, StringConstraints(min_length=1, max_length=32)]],
            Field(max_length=10_000),
        ]
        | None
    ) = None
    spots: IdList | None = None
    exclude_spots: IdList | None = None
    sites: IdList | None = None
    exclude_sites: IdList | None = None
    last_note: str | None = Field(default=None, max_length=10_000)
    is_prime: bool | None = None
    traffic_type: TrafficType | None = None
    traffic_source_type: TrafficSourceType | None = None
    network_traffic_type: NetworkTrafficType | None = None
    push_format_option: PushFormatOption | None = None
    push_format_options: PushFormatOption | None = None
    ad_format_options: Annotated[list[AdFormatOption], Field(max_length=16)] | None = None
    push_subscription_interval: PushSubscriptionInterval | None = None
    test_period: bool | None = None
    test_period_budget: Money | None = None
    spot_prices: bool | None = Field(default=None, description="Clone the spot prices too")
    retargeting_conditions: bool | None = None
    traced: bool | None = None
    is_traced: bool | None = None
    retargeting_list_id: str | None = Field(default=None, max_length=64)
    native_creatives_limit: Annotated[int, Field(ge=0, le=1000)] | None = None
    postback_payout_modifier: bool | None = None
    postback_payout_modifier_percent: Percent | None = None
    stretch_time: bool | None = None


class Campaign(BaseModel):
    """A campaign as every campaign route returns it.

    Where the document's examples disagree on a name (``backup``/``is_backup``,
    ``exclusive``/``is_exclusive``, ``push_format_option``/``push_format_options``) both are
    present with the same value.
    """

    id: int
    compromised: bool
    ecpm: Number
    enabled_subids: list[str]
    disabled_subids: list[str] | None
    exclude_ip_range: str | None
    exclude_spots: list[int]
    flash: bool | None
    flat_rate: Number | None
    flat_rate_amount: Number | None
    format_id: int | None
    hours_targeting: str
    ip_range: str | None
    countries: list[str]
    geo_targets: list[str]
    browsers: list[int]
    browser_versions: list[int]
    oses: list[int]
    os_versions: list[int]
    devices: list[int]
    device_brands: list[int]
    device_models: list[int]
    device_release_date_offset: int | None
    device_price_on_release_from: Number | None
    device_price_on_release_to: Number | None
    languages: list[int]
    carriers: list[int]
    backup: bool
    is_backup: bool
    exclusive: bool
    is_exclusive: bool
    is_traced: bool
    categories: list[int]
    exclude_categories: list[int]
    keywords: list[str]
    max_daily: Number
    use_total_budget: bool
    total_budget: Number
    name: str
    price: Number
    price_mode: str | None
    allow_setting_any_price: bool
    price_rtb: Number
    disable_rtb: bool
    pricing_model: str
    private_browsing: bool | None
    adblock: bool | None
    reject_comment: str
    reject_reason: list[int] | None
    schedule_end_time: str
    schedule_start_time: str
    schedule_timezone: int
    spent_today: Number
    status: Status
    approved: Literal["pending", "approved", "rejected"]
    active: bool
    is_archived: bool
    no_funds: bool
    stopped: Literal["no_funds"] | None
    stretch_time: bool
    timezone: int
    type: str
    user_id: int | None
    weight: int
    group_id: int | None
    last_note: str
    is_prime: bool
    traffic_type: str
    traffic_source_type: str
    network_traffic_type: str
    push_format_option: PushFormatOption
    push_format_options: PushFormatOption
    ad_format_options: list[str]
    push_subscription_interval: str
    test_period: bool
    test_period_budget: Number
    retargeting_list_id: str
    native_creatives_limit: int
    postback_payout_modifier: bool
    postback_payout_modifier_percent: Number
    enabled_applications: list[int] | None
    disabled_applications: list[int] | None
    adspots: list[str]
    spots: list[int]
    sites: list[int]
    exclude_sites: list[int]
    created_at: str
    updated_at: str


class CampaignList(BaseModel):
    response: list[Campaign]


class CloneOptions(BaseModel):
    """The optional body of clone: which related settings to copy."""

    spot_prices: bool | None = Field(default=None, description="Copy the spot prices (true)")
    retargeting_conditions: bool | None = None


class TargetingIds(BaseModel):
    ids: IdList


class SpotPriceInput(BaseModel):
    price: Money


class SpotPrice(BaseModel):
    campaign_id: int
    spot_id: int
    price: Number
    created_at: str
    updated_at: str


class RejectReason(BaseModel):
    id: int = Field(description="The reason's constant (0 to 8), as campaigns' reject_reason")
    Title: str
    created_at: str
    updated_at: str


class BulkInput(BaseModel):
    campaign_ids: Annotated[
        list[Annotated[int, Field(ge=-MAX_ID, le=MAX_ID)]], Field(max_length=10_000)
    ]


class BulkResult(BaseModel):
    success: list[int]
    failed: list[int]
    total: int


class Spending(BaseModel):
    id: int
    total: Number


class TokenRequest(BaseModel):
    grant_type: str = Field(max_length=64)
    refresh_token: str | None = Field(default=None, max_length=4096)


class Token(BaseModel):
    access_token: str
    expires_in: int
    token_type: str = "Bearer"
    id_token: str
    refresh_token: str = Field(description="Renews the session with grant_type=refresh_token")


class SessionInfo(BaseModel):
    access_token: str
    expires_in: int
    refresh_token: str
    token_type: str = "bearer"


class FieldProblem(BaseModel):
    field: str
    message: str


class Error(BaseModel):
    """The one error shape of this dialect (see NOTES.md)."""

    code: int = Field(description="The HTTP status")
    error: str = Field(description="A stable machine-readable slug")
    message: str
    errors: list[FieldProblem]
