"""The report request and result in core names; dialects map their own shapes onto these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints

MAX_PAGE_SIZE = 50_000
MAX_FILTER_VALUES = 1_000

FilterValue = StrictBool | StrictInt | Annotated[str, StringConstraints(max_length=2048)] | None


class ReportRequest(BaseModel):
    """A report: a date range in a time zone, grouped by dimensions, measured by metrics."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: date = Field(alias="from", description="First day, inclusive, in `timezone`")
    to: date = Field(description="Last day, inclusive, in `timezone`")
    timezone: str = Field(
        default="UTC", max_length=64, description="IANA name, e.g. Europe/Berlin or Etc/GMT+10"
    )
    dimensions: list[str] = Field(default_factory=list, max_length=12)
    metrics: list[str] = Field(min_length=1, max_length=40)
    filters: dict[str, FilterValue | list[FilterValue]] = Field(
        default_factory=dict,
        description="Dimension -> a value or a list of values (null matches a missing value)",
    )
    order_by: str | None = Field(default=None, description="A requested dimension or metric")
    order: Literal["asc", "desc"] = "asc"
    labels: bool = Field(
        default=False,
        description=(
            "Add the name beside each id dimension that has one (campaign_id -> "
            "campaign_name, site_id -> site_name ...); null where the id names nothing the "
            "caller may see"
        ),
    )
    page: int = Field(default=1, ge=1, le=10_000_000)
    page_size: int = Field(default=100, ge=1, le=MAX_PAGE_SIZE)


Value = bool | int | str | Decimal | None


@dataclass(frozen=True)
class ReportResult:
    """Rows of the requested page, totals over every row, and the number of rows."""

    rows: list[dict[str, Value]]
    totals: dict[str, Value]
    page: int
    page_size: int
    total_rows: int


class ReportResponse(BaseModel):
    """The native report body. Money and ratios are exact decimal numbers (6 places)."""

    rows: list[dict[str, Any]]
    totals: dict[str, Any]
    page: int
    page_size: int
    total_rows: int
