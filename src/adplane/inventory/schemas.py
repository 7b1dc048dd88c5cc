"""Native wire models for ad formats, sites and spots."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from adplane.kit.ids import MAX_INT32, RowId
from adplane.kit.schemas import Schema, StrictSchema

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
Kind = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,32}$")]
Option = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,32}$")]
# A host name: labels of letters, digits and hyphens, at least one dot, no scheme or path.
Domain = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        max_length=253,
        pattern=r"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$",
    ),
]
Codename = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,32}$")]
Options = Annotated[list[Option], Field(max_length=16)]


def _unique(options: list[str] | None) -> list[str] | None:
    if options is not None and len(set(options)) != len(options):
        raise ValueError("options must not repeat")
    return options


class AdFormat(Schema):
    id: int
    name: str
    kind: str
    options: list[str]
    is_active: bool
    created_at: datetime
    updated_at: datetime


class AdFormatCreate(StrictSchema):
    # Vendor documents name formats by number (one numbers Push 104), so an admin may
    # choose the id; otherwise the next free one is used.
    id: int | None = Field(default=None, gt=0, le=MAX_INT32)
    name: Name
    kind: Kind
    options: Options = Field(default_factory=list)

    _unique_options = field_validator("options")(_unique)


class AdFormatUpdate(StrictSchema):
    name: Name | None = None
    kind: Kind | None = None
    options: Options | None = None
    is_active: bool | None = None

    _unique_options = field_validator("options")(_unique)


class Site(Schema):
    id: int
    name: str
    domain: str
    is_active: bool
    created_at: datetime
    updated_at: datetime


class SiteCreate(StrictSchema):
    name: Name
    domain: Domain


class SiteUpdate(StrictSchema):
    name: Name | None = None
    domain: Domain | None = None
    is_active: bool | None = None


class Spot(Schema):
    id: int
    site_id: int
    format_id: int | None
    name: str
    codename: str
    is_active: bool
    created_at: datetime
    updated_at: datetime


class SpotCreate(StrictSchema):
    site_id: RowId
    name: Name
    format_id: RowId | None = None
    codename: Codename | None = Field(
        default=None, description="Unique; a random 32-character hex string when omitted"
    )


class SpotUpdate(StrictSchema):
    site_id: RowId | None = None
    name: Name | None = None
    format_id: RowId | None = None
    codename: Codename | None = None
    is_active: bool | None = None
