"""Native wire models of the targeting catalogues."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from adplane.targeting.catalogue import FIRST_ADDED_ID, MAX_VALUE_ID, Dimension

# NUL characters are refused: PostgreSQL cannot store them in text.
Code = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[^\x00]*$"),
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=255, pattern=r"^[^\x00]*$"),
]


class DimensionInfo(BaseModel):
    """A catalogued targeting dimension."""

    dimension: Dimension
    description: str
    total: int = Field(description="How many values the catalogue holds")


class TargetingValue(BaseModel):
    """One catalogue value: a stable integer id, the canonical code, a display name."""

    id: int
    code: str
    name: str


class TargetingValueCreate(BaseModel):
    """A value an admin adds; the code is normalised as the dimension's codes are."""

    model_config = ConfigDict(extra="forbid")

    code: Code
    name: Name
    id: int | None = Field(
        default=None,
        ge=FIRST_ADDED_ID,
        le=MAX_VALUE_ID,
        description=(
            f"The value's id; ids from {FIRST_ADDED_ID} up are left to added values. "
            "Left out, the next free one."
        ),
    )
