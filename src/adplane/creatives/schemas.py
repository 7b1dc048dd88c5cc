"""Native wire models for creatives: six variants of one creative, and campaign assignment.

A creative is common fields (name, size, bid price, frequency cap, IAB categories, state)
plus ``content``: one of six variants, told apart by ``content.variant``:

| variant | type | what it shows |
|---|---|---|
| ``banner_tag`` | banner | a third-party tag (markup), as given |
| ``banner_image`` | banner | an uploaded image, linked to ``click_url`` |
| ``banner_html5`` | banner | an uploaded HTML5 bundle (its ``index.html`` in an iframe) |
| ``native`` | native | title, text, sponsor, call to action, logo, image, click and display URL |
| ``video_tag`` | video | a third-party VAST tag: its URL or its XML |
| ``video_media`` | video | an uploaded video; adplane writes its VAST 4 document |
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from adplane.kit.ids import RowId
from adplane.kit.routing import NUL_MESSAGE
from adplane.kit.schemas import Schema, StrictSchema, holds_nul
from adplane.moderation.schemas import Approval
from adplane.targeting.catalogue import Dimension, code_shape_error, normalise

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
# An absolute http(s) URL; delivery puts it into markup and redirects, so nothing else fits.
Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=4096, pattern=r"^https?://[^\s<>\"]+$"),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
# Third-party markup is passed through as given; 64 KiB is far beyond any real tag.
Markup = Annotated[str, StringConstraints(min_length=1, max_length=65_536)]
Price = Annotated[Decimal, Field(gt=0, le=1_000_000, max_digits=18, decimal_places=6)]
Domain = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        max_length=253,
        pattern=r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$",
    ),
]
MimeType = Annotated[str, StringConstraints(pattern=r"^[a-z]+/[a-z0-9.+-]{1,100}$")]
MAX_EXTENSIONS_BYTES = 16_384


class CreativeType(StrEnum):
    BANNER = "banner"
    NATIVE = "native"
    VIDEO = "video"


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    HTML = "html"


class Size(StrictSchema):
    """Width x height in CSS pixels."""

    width: int = Field(ge=1, le=10_000)
    height: int = Field(ge=1, le=10_000)


class FrequencyCap(StrictSchema):
    """Show the creative at most ``count`` times per ``period_hours`` to one user (or IP)."""

    count: int = Field(ge=1, le=1_000_000)
    period_hours: int = Field(ge=1, le=24 * 366)
    per: Literal["user", "ip"] = "user"


# MRAID versions a rich-media banner speaks (OpenRTB API frameworks 3, 5 and 6).
MraidVersions = Annotated[list[Literal[1, 2, 3]], Field(max_length=3)]


def _unique_sorted(values: list[int]) -> list[int]:
    return sorted(set(values))


def _optional_unique_sorted(values: list[int] | None) -> list[int] | None:
    return None if values is None else sorted(set(values))


class _Variant(BaseModel):
    """A content variant: strict like every request body, NUL refused on the whole input.

    Not a ``Schema``: pydantic allows no before-validator on a discriminator field, and
    ``Schema`` puts one on every field; this one checks the input in one pass instead.
    """

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    @model_validator(mode="before")
    @classmethod
    def _refuse_nul(cls, value: Any) -> Any:
        if holds_nul(value):
            raise ValueError(NUL_MESSAGE)
        return value


class BannerTag(_Variant):
    variant: Literal["banner_tag"] = "banner_tag"
    tag: Markup
    click_url: Url | None = None
    mraid_versions: MraidVersions = Field(default_factory=list)

    _mraid = field_validator("mraid_versions")(_unique_sorted)


class BannerImage(_Variant):
    variant: Literal["banner_image"] = "banner_image"
    media_id: RowId = Field(description="An uploaded image")
    click_url: Url
    mraid_versions: MraidVersions = Field(default_factory=list)

    _mraid = field_validator("mraid_versions")(_unique_sorted)


class BannerHtml5(_Variant):
    variant: Literal["banner_html5"] = "banner_html5"
    media_id: RowId = Field(description="An uploaded HTML5 bundle")
    click_url: Url | None = None
    mraid_versions: MraidVersions = Field(default_factory=list)

    _mraid = field_validator("mraid_versions")(_unique_sorted)


class Native(_Variant):
    variant: Literal["native"] = "native"
    title: ShortText | None = None
    text: Text | None = None
    sponsor: ShortText | None = Field(default=None, description="The brand shown as sponsor")
    call_to_action: ShortText | None = None
    logo_media_id: RowId | None = Field(default=None, description="An uploaded image")
    image_media_id: RowId = Field(description="An uploaded image, the main one")
    click_url: Url
    display_url: Url | None = None
    impression_trackers: list[Url] = Field(default_factory=list, max_length=10)


class VideoTag(_Variant):
    """A third-party VAST tag: exactly one of its URL and its XML (passed through as given)."""

    variant: Literal["video_tag"] = "video_tag"
    vast_url: Url | None = None
    vast_xml: Markup | None = None
    click_url: Url | None = None
    mime_types: list[MimeType] = Field(default_factory=list, max_length=16)
    duration_seconds: int | None = Field(default=None, ge=1, le=36_000)

    @model_validator(mode="after")
    def _one_source(self) -> VideoTag:
        if (self.vast_url is None) == (self.vast_xml is None):
            raise ValueError("give exactly one of vast_url and vast_xml")
        return self


class VideoMedia(_Variant):
    variant: Literal["video_media"] = "video_media"
    media_id: RowId = Field(description="An uploaded video")
    click_url: Url


AnyContent = BannerTag | BannerImage | BannerHtml5 | Native | VideoTag | VideoMedia
Content = Annotated[AnyContent, Field(discriminator="variant")]
MediaRole = Literal["main", "logo", "image"]

TYPE_OF: dict[str, CreativeType] = {
    "banner_tag": CreativeType.BANNER,
    "banner_image": CreativeType.BANNER,
    "banner_html5": CreativeType.BANNER,
    "native": CreativeType.NATIVE,
    "video_tag": CreativeType.VIDEO,
    "video_media": CreativeType.VIDEO,
}


def _categories(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    codes: list[str] = []
    for raw in values:
        code = normalise(Dimension.CATEGORIES, raw)
        problem = code_shape_error(Dimension.CATEGORIES, code)
        if problem is not None:
            raise ValueError(problem)
        if code not in codes:
            codes.append(code)
    return codes


def _extensions(value: dict[str, dict[str, Any]] | None) -> dict[str, dict[str, Any]] | None:
    if value is not None and len(json.dumps(value, default=str)) > MAX_EXTENSIONS_BYTES:
        raise ValueError(f"must be at most {MAX_EXTENSIONS_BYTES} bytes of JSON")
    return value


# AdCOM 1.0 "Creative Attributes" (OpenRTB 2.6 ``battr`` blocks them, a bid's ``attr`` names
# them): 1 audio autoplay, 2 audio on click, 3 expands by itself, 4 expands on click, 5 expands
# on rollover, 6 in-banner video autoplay, 7 in-banner video on click, 8 pop, 9 provocative or
# suggestive imagery, 10 shaky, flashing or extreme animation, 11 surveys, 12 text only, 13 user
# interactive (games), 14 dialog or alert style, 15 audio on/off button, 16 skippable, 17 Flash.
CreativeAttribute = Annotated[int, Field(ge=1, le=17)]
Attributes = Annotated[
    list[CreativeAttribute],
    Field(
        max_length=17,
        description="AdCOM 1.0 creative attribute ids (1-17): what the creative does, as "
        "declared; impressions whose battr names one of them are not bid on",
    ),
]
Categories = Annotated[list[Annotated[str, StringConstraints(max_length=16)]], Field(max_length=50)]
Extensions = Annotated[
    dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,32}$")], dict[str, Any]],
    Field(max_length=8, description="Fields only one dialect knows, one document per dialect"),
]


class CreativeCreate(StrictSchema):
    name: Name
    account_id: RowId | None = Field(default=None, description="Admins name the account")
    content: Content
    size: Size | None = Field(
        default=None, description="Required for tags and HTML5; else the media's size"
    )
    bid_price: Price | None = Field(default=None, description="CPM; none: the campaign's bid")
    frequency_cap: FrequencyCap | None = None
    categories: Categories = Field(
        default_factory=list, description="IAB codes of the targeting categories catalogue"
    )
    advertiser_domain: Domain | None = None
    attributes: Attributes = Field(default_factory=list)
    is_active: bool = True
    extensions: Extensions = Field(default_factory=dict)

    _codes = field_validator("categories")(_categories)
    _ext = field_validator("extensions")(_extensions)
    _attributes = field_validator("attributes")(_unique_sorted)


class CreativeUpdate(StrictSchema):
    """Only the fields given change; ``content`` is replaced whole (its variant may change).

    Changing what a reviewer looked at (``content``, ``size``, ``categories``,
    ``advertiser_domain``, ``attributes``) sends an approved or rejected creative back to
    pending.
    """

    name: Name | None = None
    content: Content | None = None
    size: Size | None = None
    bid_price: Price | None = None
    frequency_cap: FrequencyCap | None = None
    categories: Categories | None = None
    advertiser_domain: Domain | None = None
    attributes: Attributes | None = None
    is_active: bool | None = None
    extensions: Extensions | None = None

    _codes = field_validator("categories")(_categories)
    _ext = field_validator("extensions")(_extensions)
    _attributes = field_validator("attributes")(_optional_unique_sorted)


class CreativeMedia(Schema):
    """An uploaded file the creative shows, as it was when the creative was saved."""

    role: MediaRole
    media_id: int
    kind: MediaKind
    url: str
    mime_type: str
    filename: str
    size_bytes: int
    width: int | None
    height: int | None
    duration_ms: int | None
    bitrate: int | None


class Creative(Schema):
    id: int
    account_id: int
    created_by_user_id: int | None
    name: str
    type: CreativeType
    content: Content
    size: Size | None
    bid_price: Decimal | None
    frequency_cap: FrequencyCap | None
    categories: list[str]
    advertiser_domain: str | None
    attributes: list[int]
    is_active: bool
    extensions: dict[str, dict[str, Any]]
    media: list[CreativeMedia]
    markup: str | None = Field(
        description="What delivery serves: the tag, generated <a><img>/<iframe> markup, or VAST"
    )
    # review
    approval: Approval
    pending_since: datetime | None
    reject_reason_codes: list[int]
    reject_comment: str | None
    decline_reason: str | None
    reviewed_by_user_id: int | None
    reviewed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ReviewRequest(StrictSchema):
    """An admin's decision: approve, reject (with reject reason codes), or back to pending."""

    approval: Approval
    reason_codes: list[Annotated[int, Field(ge=0, le=2**31 - 1)]] = Field(
        default_factory=list, max_length=20
    )
    comment: str | None = Field(default=None, max_length=2000)
    decline_reason: str | None = Field(default=None, max_length=255)


class CreativeIds(StrictSchema):
    ids: list[RowId] = Field(max_length=1000)


class CreativeIdsToChange(StrictSchema):
    ids: list[RowId] = Field(min_length=1, max_length=1000)


class Assignment(Schema):
    """The creatives assigned to a campaign, by id."""

    campaign_id: int
    creative_ids: list[int]
