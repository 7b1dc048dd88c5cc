"""SmartyAds request and response models: field names, envelopes and types as documented.

Where the document types a field one way and its examples show another (NOTES.md lists each
case), a request accepts both spellings and a response prints the one chosen in NOTES.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from adplane.kit.ids import MAX_ID, MAX_INT32

# JSON numbers: integral amounts print without a fraction, as the vendor's examples do.
Number = int | float
Money = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=6, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=10**15)]
Word = Annotated[str, StringConstraints(min_length=1, max_length=255)]
WordList = Annotated[list[Word], Field(max_length=10_000)]
Id = Annotated[int, Field(gt=0, le=MAX_ID)]

CampaignType = Literal["banner", "native", "video", "audio"]
BudgetUse = Literal["pacer", "fast"]
FrequencyType = Literal["user", "ip"]


class Error(BaseModel):
    """Every error of the dialect (Laravel's JSON error shape)."""

    message: str
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="Messages per SmartyAds field (validation only)"
    )


# --- authorization -------------------------------------------------------------------------


class LoginRequest(BaseModel):
    email: str = Field(min_length=1, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class LoginResponse(BaseModel):
    access_token: str = Field(description='Send it as "Authorization: Bearer <this token>"')
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Time token live in seconds")


class Message(BaseModel):
    message: str


# --- campaigns -----------------------------------------------------------------------------


class CampaignInput(BaseModel):
    """The writable campaign fields of "Create a Custom Campaign" and its update.

    Unknown fields are ignored rather than refused, so a client can send back a campaign it
    read (with ``id``, ``isRunning``, ``extendedStatus`` ...) as an update.
    """

    model_config = ConfigDict(extra="ignore")

    type: CampaignType | None = None
    name: str | None = Field(default=None, max_length=255)
    isActive: bool | None = None
    isRewarded: bool | None = None
    isDesktopWeb: bool | None = None
    isMobileApp: bool | None = None
    isMobileWeb: bool | None = None
    isSmartphone: bool | None = None
    isTablet: bool | None = None
    isCTV: bool | None = None
    isDOOH: bool | None = None
    aDomain: str | None = Field(default=None, max_length=255)
    dateStart: str | None = Field(default=None, max_length=32)
    dateEnd: str | None = Field(default=None, max_length=32)
    geoCountries: WordList | None = None
    geoCountriesIsInclude: bool | None = None
    geoRegions: WordList | None = None
    geoRegionsIsInclude: bool | None = None
    geoCities: WordList | None = None
    geoCitiesIsInclude: bool | None = None
    contentCategories: WordList | None = None
    contentCategoriesIsInclude: bool | None = None
    userAgeMin: int | None = Field(default=None, ge=0, le=120)
    userAgeMax: int | None = Field(default=None, ge=0, le=120)
    connectionTypes: WordList | None = None
    clickedInventoryCategories: WordList | None = None
    deviceCarrier: WordList | None = None
    deviceCarrierIsInclude: bool | None = None
    OS: WordList | None = None
    OSIsInclude: bool | None = None
    browser: WordList | None = None
    browserIsInclude: bool | None = None
    deviceLanguage: WordList | None = None
    deviceLanguageIsInclude: bool | None = None
    spentDailyLimit: Money | None = None
    spentTotalLimit: Money | None = None
    impressionsDailyLimit: Count | None = None
    impressionsTotalLimit: Count | None = None
    clicksDailyLimit: Count | None = None
    clicksTotalLimit: Count | None = None
    budgetUse: BudgetUse | None = None
    allSources: bool | None = None
    classicPush: bool | None = None
    inPagePush: bool | None = None
    pricingModel: str | None = Field(default=None, max_length=8)
    cpm: Money | None = None
    adaptiveCpm: bool | None = None
    useCpm: bool | None = None
    landingPageUrl: str | None = Field(default=None, max_length=4096)
    googleAnalyticsTrackingCode: str | None = Field(default=None, max_length=255)
    dynamicTargeting: WordList | None = None
    subscriptionAge: WordList | None = None
    frequencyType: FrequencyType | None = None
    frequency: bool | None = None
    frequencyCap: int | None = Field(default=None, ge=0, le=1_000_000)
    frequencyPeriod: int | None = Field(default=None, ge=0, le=3)
    pretarget: int | None = Field(default=None, ge=-MAX_ID - 1, le=MAX_ID)


class CampaignSummary(BaseModel):
    """A campaign as "Campaigns list" prints it (the object without its push, frequency and
    pretarget fields)."""

    id: int
    userId: int
    isActive: bool
    isRunning: bool
    type: str | None
    name: str
    isRewarded: bool
    isDesktopWeb: bool
    isMobileApp: bool
    isMobileWeb: bool
    isSmartphone: bool
    isTablet: bool
    isCTV: bool
    isDOOH: bool
    aDomain: str | None
    dateStart: str | None
    dateEnd: str | None
    geoCountries: list[str]
    geoCountriesIsInclude: bool
    geoRegions: list[str]
    geoRegionsIsInclude: bool
    geoCities: list[str]
    geoCitiesIsInclude: bool
    contentCategories: list[str]
    contentCategoriesIsInclude: bool
    userAgeMin: int
    userAgeMax: int
    connectionTypes: list[str]
    clickedInventoryCategories: list[str]
    deviceCarrier: list[str]
    deviceCarrierIsInclude: bool
    OS: list[str]
    OSIsInclude: bool
    browser: list[str]
    browserIsInclude: bool
    deviceLanguage: list[str]
    deviceLanguageIsInclude: bool
    spentDailyLimit: Number
    spentTotalLimit: Number
    impressionsDailyLimit: int
    impressionsTotalLimit: int
    clicksDailyLimit: int
    clicksTotalLimit: int
    budgetUse: BudgetUse
    allSources: bool
    cpm: Number | None
    adaptiveCpm: bool
    useCpm: bool
    extendedStatus: str
    createdAt: str
    updatedAt: str
    deletedAt: str | None


class Campaign(CampaignSummary):
    """The whole campaign object (all 64 documented fields)."""

    classicPush: bool
    inPagePush: bool
    pricingModel: str | None
    landingPageUrl: str | None
    googleAnalyticsTrackingCode: str | None
    dynamicTargeting: list[str]
    subscriptionAge: list[str]
    frequencyType: FrequencyType | None
    frequency: bool
    frequencyCap: int
    frequencyPeriod: int
    pretarget: int | None


class Pagination(BaseModel):
    total: int
    count: int
    per_page: int
    current_page: int
    total_pages: int
    links: list[str] = Field(default_factory=list)


class Meta(BaseModel):
    pagination: Pagination


def meta(total: int, count: int, per_page: int, page: int) -> Meta:
    """The document's ``meta.pagination`` (``links`` is always empty in its examples)."""
    return Meta(
        pagination=Pagination(
            total=total,
            count=count,
            per_page=per_page,
            current_page=page,
            total_pages=max(1, -(-total // per_page)),
            links=[],
        )
    )


class CampaignList(BaseModel):
    data: list[CampaignSummary]
    meta: Meta


class CampaignOne(BaseModel):
    data: Campaign


class Empty(BaseModel):
    """``{}``: the document's answer to a deleted campaign."""


# --- statistic ----------------------------------------------------------------------------

GroupBy = Literal[
    "YMD",
    "YMDH",
    "campaignId",
    "creativeId",
    "country",
    "connectionType",
    "carrier",
    "sspId",
    "region",
    "city",
    "browser",
    "os",
    "appName",
    "siteName",
    "source",
    "originalPubId",
    "sitePage",
    "trafficType",
    "requestType",
    "deviceType",
    "language",
    "size",
    "isPmpReq",
]
Aggregated = Literal[
    "bids",
    "wins",
    "impressions",
    "clicks",
    "conversions",
    "reach",
    "dspSpend",
    "ecpm",
    "ecpc",
    "ctr",
    "winrate",
]


class StatisticFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    campaignId: Id | None = Field(default=None, description="Filtering by Campaign Id(cid)")
    creativeId: Id | None = Field(default=None, description="Filtering by Creative Id(bid)")


class StatisticRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timezone: str | None = Field(
        default=None, max_length=64, description='"Etc/GMT+12" ... "Etc/GMT-12", "UTC", ...'
    )
    from_: str = Field(alias="from", max_length=10, description="Start date (yyyy-mm-dd)")
    to: str = Field(max_length=10, description="End date (yyyy-mm-dd)")
    groupBy: Annotated[list[GroupBy], Field(min_length=1, max_length=23)]
    agregatedFields: Annotated[list[Aggregated], Field(min_length=1, max_length=11)]
    filter: StatisticFilter | None = None
    orderField: str | None = Field(default=None, max_length=64)
    orderDir: Literal["asc", "desc"] | None = None
    page: int = Field(default=1, ge=1, le=MAX_INT32)
    rowsOnPage: int = Field(default=25, ge=10, le=50_000)


class StatisticPagination(BaseModel):
    page: int
    per_page: int
    total: int


class Statistic(BaseModel):
    status: Literal["success"] = "success"
    data: list[dict[str, str | int | float | None]]
    totals: dict[str, str | int | float | None]
    pagination: StatisticPagination


# --- filter lists -------------------------------------------------------------------------

ListType = Literal[
    "domain",
    "apps",
    "bundles",
    "deviceIfas",
    "publishers",
    "ipAdresses",
    "siteAndAppsIds",
    "urls",
    "tagIds",
    "listDomains",
    "listApps",
    "listBundles",
    "listDeviceIfas",
    "listPublishers",
    "listIpAdresses",
    "listSiteAndAppIds",
    "listUrls",
    "listTags",
]
Items = Annotated[
    list[Annotated[str, StringConstraints(max_length=2048)]], Field(max_length=1_000_000)
]


class FilterListInput(BaseModel):
    """Create (``title``, ``type``, ``isInclude`` required) and update (type is fixed)."""

    model_config = ConfigDict(extra="ignore")

    title: str | None = Field(default=None, max_length=255)
    type: ListType | None = None
    isInclude: bool | None = Field(default=None, description="true: white list; false: black")
    isActive: bool | None = None
    items: Items | None = Field(default=None, description="Can be empty if there is a fileName")
    fileName: str | None = Field(
        default=None, max_length=512, description="The fileName api/parsefile answered"
    )


class FilterListSummary(BaseModel):
    id: int
    isActive: bool
    userId: int
    title: str
    type: str
    isInclude: bool
    count: int
    createdAt: str
    updatedAt: str


class FilterListDetail(BaseModel):
    id: int
    userId: int
    isActive: bool
    title: str
    type: str
    isInclude: bool
    createdAt: str
    updatedAt: str
    items: list[str]
    listCount: int


class FilterListPage(BaseModel):
    data: list[FilterListSummary]
    meta: Meta


class FilterListOne(BaseModel):
    data: FilterListDetail


class FilterListWritten(BaseModel):
    message: str
    data: FilterListDetail


class Deleted(BaseModel):
    message: str
    deleted: bool


class DeletedOnly(BaseModel):
    deleted: bool


class ListLinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Id
    isInclude: bool | None = None


class ListLinksBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: Annotated[list[ListLinkIn], Field(max_length=1000)]


class IdsBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: Annotated[list[Id], Field(max_length=1000)]


class CampaignListLink(BaseModel):
    isInclude: bool
    filterList: FilterListSummary


class CampaignListLinks(BaseModel):
    data: list[CampaignListLink]
    meta: Meta


class ParsedFile(BaseModel):
    message: str
    items: list[str]
    fileName: str
    countItems: int


# --- media ----------------------------------------------------------------------------------


class MediaItem(BaseModel):
    id: int
    userId: int
    mediaType: Literal["image", "video", "html"]
    originName: str
    name: str
    extension: str
    url: str
    width: int
    height: int
    weight: int = Field(description="The uploaded file's size in bytes")
    createdAt: str
    updatedAt: str


class VideoItem(MediaItem):
    mimeType: str
    bitrate: int
    duration: int = Field(description="Whole seconds")
    durationTime: str
    playtime: str


class MediaCreated(BaseModel):
    message: str
    data: list[MediaItem]


class VideoCreated(BaseModel):
    message: str
    data: list[VideoItem]


# --- optimization rules ---------------------------------------------------------------------

TimeRange = Literal["last_day", "last_3_days", "last_week", "last_month"]
Then = Literal["whitelist_source", "blacklist_source"]


class RuleConditionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    condition: Literal["when", "and", "or"]
    action: str = Field(max_length=32, description="ctr, clicks, winrate, impressions, dspSpend")
    comparison: Literal[">", "<", "="]
    value: Decimal | str = Field(description="A number (a string as in the document, or not)")


class RuleInput(BaseModel):
    """Create (every field required, as documented) and update (the fields sent)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=255)
    timeRange: TimeRange | None = None
    then: Then | None = None
    targetFilterListId: Id | None = None
    conditions: Annotated[list[RuleConditionIn], Field(max_length=20)] | None = None


class RuleCondition(BaseModel):
    condition: str
    action: str
    comparison: str
    value: str


class RuleOut(BaseModel):
    id: int
    userId: int
    ownerCampaignId: int
    name: str
    timeRange: str
    then: Then
    targetFilterListId: int
    conditions: list[RuleCondition]
    createdAt: str
    updatedAt: str


class RulePage(BaseModel):
    data: list[RuleOut]
    meta: Meta


class RuleOne(BaseModel):
    data: RuleOut


class RuleRelation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    campaignId: Id
    ruleId: Id


# --- creatives (the base object; variants come with the creatives mapping) -----------------


class CreativeBase(BaseModel):
    """The 20 base fields of a creative, as "Get list of Creatives assigned to Campaign"."""

    id: int
    userId: int
    isActive: bool
    approved: Literal["approved", "pending", "disapproved"]
    creativeType: str
    name: str
    frequencyType: FrequencyType | None
    frequency: bool
    frequencyCap: int
    frequencyPeriod: int
    bidPrice: Number | None
    autoresize: bool
    adaptiveCpm: bool
    size: str
    weight: str
    folderId: str | None
    createdAt: str
    updatedAt: str
    pendingAt: str | None
    deletedAt: str | None


class CreativeBasePage(BaseModel):
    data: list[CreativeBase]
    meta: Meta


# --- creative CRUD (sections 5.1-5.11) -----------------------------------------------------

ApiFramework = Literal[0, 3, 5, 6, 10]
MediaIds = Annotated[list[Id], Field(min_length=1, max_length=1)]
Text = Annotated[str, StringConstraints(max_length=65_536)]
Url = Annotated[str, StringConstraints(max_length=4096)]
CategoryFlags = Annotated[
    dict[Annotated[str, StringConstraints(max_length=16)], bool | int | list[Word]],
    Field(max_length=50),
]
SubCategories = Annotated[
    dict[
        Annotated[str, StringConstraints(max_length=16)],
        Annotated[list[Word], Field(max_length=50)],
    ],
    Field(max_length=50),
]


class BannerIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    apiFramework: ApiFramework | None = None
    width: int | None = Field(default=None, ge=0, le=10_000)
    height: int | None = Field(default=None, ge=0, le=10_000)
    admBody: Text | None = None
    clickUrl: Url | None = None
    bannerType: Literal["banner", "inBannerVideo"] | None = None


class NativeIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    smallImageId: Id | None = None
    largeImageId: Id | None = None
    assetDataDesc: Text | None = None
    assetTitle: Text | None = None
    assetDataSponsored: Text | None = None
    assetCtaText: Text | None = None
    clickUrl: Url | None = None
    displayUrl: Url | None = None
    impTracker: Url | None = None


class VideoIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sizes: Annotated[str, StringConstraints(max_length=32)] | None = None
    mimeType: (
        Annotated[list[Annotated[str, StringConstraints(max_length=128)]], Field(max_length=16)]
        | None
    ) = None
    admBody: Text | None = None
    clickUrl: Url | None = None
    width: int | None = Field(default=None, ge=0, le=10_000)
    height: int | None = Field(default=None, ge=0, le=10_000)
    duration: int | None = Field(default=None, ge=0, le=36_000)
    partyTagFormat: Literal[0, 1, 2, 3] | None = None


class CreativeInput(BaseModel):
    """The creative fields of the six create variants (5.5-5.10) and of the update (5.11).

    Unknown fields are ignored, so a creative read back can be sent as an update.
    """

    model_config = ConfigDict(extra="ignore")

    name: str | None = Field(default=None, max_length=255)
    creativeType: CampaignType | None = None
    isActive: bool | None = None
    frequencyType: FrequencyType | None = None
    frequency: bool | None = None
    frequencyCap: int | None = Field(default=None, ge=0, le=1_000_000)
    frequencyPeriod: int | None = Field(default=None, ge=0, le=3)
    bidPrice: Money | None = None
    mediaId: Id | MediaIds | None = Field(default=None, description="One media id (C.24)")
    folderId: Annotated[str, StringConstraints(max_length=64)] | int | None = None
    autoresize: bool | None = None
    adaptiveCpm: bool | None = None
    banner: BannerIn | None = None
    native: NativeIn | None = None
    video: VideoIn | None = None
    categories: CategoryFlags | Annotated[list[Word], Field(max_length=50)] | None = None
    subCategories: SubCategories | Annotated[list[Word], Field(max_length=50)] | None = None


class CreativeMediaOut(BaseModel):
    id: int
    userId: int
    mediaType: str
    originName: str
    name: str
    extension: str
    url: str
    width: int
    height: int
    weight: int = Field(description="The file's size in bytes")
    # Printed by a single creative only (the list's table lacks it).
    modifiedUrl: str | None = Field(
        default=None, description="Always null: adplane serves uploads unchanged"
    )


class NativeImage(BaseModel):
    id: int
    folderId: str | None
    userId: int
    width: int
    height: int
    name: str
    url: str
    href: str | None
    originName: str
    path: str | None
    extension: str
    mediaType: str
    createdAt: str
    updatedAt: str
    deletedAt: str | None
    weight: int


class BannerOut(BaseModel):
    apiFramework: int | None
    admBody: str | None
    bannerType: str | None
    clickUrl: str | None
    width: int | None
    height: int | None
    # Printed by the list only (5.1), as its table does.
    childrenCreative: str | None = None
    statusChildrenCreative: list[str] | None = None
    main: bool | None = None


class NativeOut(BaseModel):
    smallImageId: int | None
    largeImageId: int
    smallImage: NativeImage | None
    largeImage: NativeImage | None
    assetDataDesc: str | None
    assetTitle: str | None
    assetDataSponsored: str | None
    assetCtaText: str | None
    clickUrl: str
    displayUrl: str | None
    impTracker: str | None


class VideoOut(BaseModel):
    sizes: str | None
    admBody: str | None
    mimeType: list[str]
    width: int
    height: int
    duration: int
    clickUrl: str
    partyTagFormat: int | None


class Relation(BaseModel):
    """Exactly one of ``banner``, ``native``, ``video`` (by ``creativeType``)."""

    model_config = ConfigDict(extra="forbid")

    banner: BannerOut | None = None
    native: NativeOut | None = None
    video: VideoOut | None = None


class CreativeOut(CreativeBase):
    """A creative with its media (printed only when it has one) and its relation."""

    media: CreativeMediaOut | None = None
    relation: Relation


class CreativePage(BaseModel):
    data: list[CreativeOut]
    meta: Meta


class CreativeOne(BaseModel):
    data: CreativeOut


class CreativeWritten(BaseModel):
    message: str
    data: CreativeOut
