"""Instal's response models: field names, order and types as the document prints them.

Fields the core may leave unset (no budget, no OS targeting, no stop date ...) are null, as a
Django REST serializer renders an empty nullable model field.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, RootModel

CampaignType = Literal["CPC", "CPI", "CPA"]
Os = Literal["ANDROID", "IOS"]
Status = Literal["RUNNING", "PAUSED", "DELETED", "REJECTED", "EXPIRED"]
StatusFilter = Literal["RUNNING", "PAUSED", "DELETED", "REJECTED", "EXPIRED", "NOTDELETED"]


class Restriction(BaseModel):
    name: str
    description: str


class Campaign(BaseModel):
    """One campaign, exactly the documented attributes in the documented order."""

    application: str | None = Field(description="Application name")
    budget: float | None = Field(description="Total campaign budget")
    campaign_type: CampaignType = Field(description="Campaign type, Can be CPC, CPI, CPA")
    countries: dict[str, str] = Field(description="ISO 3166-1 alpha-2 country code -> country name")
    daily_cap: float | None = Field(description="Campaign daily cap")
    destination_url: str | None = Field(description="Campaign destination url, macros verbatim")
    id: int = Field(description="Campaign id")
    is_incentivized: bool = Field(description="Campaign can allows incent traffic")
    name: str = Field(description="Campaign name")
    os: Os | None = Field(description="Operative system associated with this campaign")
    os_min_version: float | None = Field(description="Minimum operative system version")
    payout: float | None = Field(description="Payout of the campaign")
    restrictions: dict[str, Restriction] = Field(
        description="Restriction id -> restriction name and description"
    )
    start_date: str = Field(description="Campaign start date, in ISO 8601 format")
    status: Status = Field(description="RUNNING, PAUSED, DELETED, REJECTED or EXPIRED")
    stop_date: str | None = Field(description="Campaign stop date, in ISO 8601 format")


class CampaignPage(BaseModel):
    """The list envelope."""

    count: int = Field(description="Total campaigns count")
    next: str | None = Field(description="Link to next results page")
    numpages: int = Field(description="Number of available pages")
    previous: str | None = Field(description="Link to previous results page")
    results: list[Campaign]


class Detail(BaseModel):
    """A Django REST framework error: authentication, not found, method not allowed."""

    detail: str


class FieldErrors(RootModel[dict[str, list[str]]]):
    """A rejected parameter, as a DRF serializer reports it: ``{"<parameter>": ["<message>"]}``.

    The parameter is ``status`` or ``page_size`` on the list, or whichever one failed.
    """
