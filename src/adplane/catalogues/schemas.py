"""Native wire models for the platform catalogues."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from adplane.kit.ids import RowId
from adplane.kit.schemas import Schema, StrictSchema

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
Description = Annotated[str, StringConstraints(max_length=10_000)]
SegmentType = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class RejectReason(Schema):
    """A reason a moderator gives when rejecting a campaign."""

    code: int
    title: str
    created_at: datetime
    updated_at: datetime


class Restriction(Schema):
    """A kind of traffic a campaign refuses (a dialect may call them restrictions)."""

    id: int
    name: str
    description: str
    created_at: datetime
    updated_at: datetime


class RestrictionCreate(StrictSchema):
    name: Name
    description: Description = ""


class RestrictionUpdate(StrictSchema):
    name: Name | None = None
    description: Description | None = None


class Segment(Schema):
    """An audience segment; ``account_id`` None means platform-wide."""

    id: int
    account_id: int | None
    name: str
    type: str
    description: str
    created_at: datetime
    updated_at: datetime


class SegmentCreate(StrictSchema):
    name: Name
    type: SegmentType = "audience"
    description: Description = ""
    account_id: RowId | None = Field(
        default=None,
        description=(
            "The owning account. An admin leaves it out for a platform-wide segment; an "
            "advertiser's segments always belong to its own account."
        ),
    )


class SegmentUpdate(StrictSchema):
    """The owner of a segment never changes: campaigns of that account may refer to it."""

    name: Name | None = None
    type: SegmentType | None = None
    description: Description | None = None
