"""Native wire models of rules, their campaign link and their firing history."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator

from adplane.kit.ids import RowId
from adplane.kit.schemas import Schema, StrictSchema
from adplane.reports.catalog import METRICS

MAX_CONDITIONS = 20
MAX_LOOKBACK_DAYS = 90
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
Action = Literal["whitelist", "blacklist"]


def _known_metric(name: str) -> str:
    if name not in METRICS:
        raise ValueError(f"unknown metric {name!r}; use one of {', '.join(METRICS)}")
    return name


MetricName = Annotated[
    str,
    Field(json_schema_extra={"enum": list(METRICS)}),
    AfterValidator(_known_metric),
]
# A metric value: counts, money and percentages, exact to the engine's six places.
Threshold = Annotated[
    Decimal,
    Field(ge=Decimal("-1e15"), le=Decimal("1e15"), max_digits=22, decimal_places=6),
]


class Condition(StrictSchema):
    """``metric operator value``, joined to the condition before it by ``join``."""

    join: Literal["and", "or"] | None = Field(
        default=None,
        description="How this condition joins the one before: required on every condition "
        "but the first, absent (null) on the first; `and` binds tighter than `or`",
    )
    metric: MetricName
    operator: Literal[">", "<", "="]
    value: Threshold


Conditions = Annotated[list[Condition], Field(min_length=1, max_length=MAX_CONDITIONS)]
LookbackDays = Annotated[
    int,
    Field(
        ge=1,
        le=MAX_LOOKBACK_DAYS,
        description="The window the metrics are measured over: the last N x 24 hours",
    ),
]


def _check_joins(conditions: list[Condition] | None) -> list[Condition] | None:
    for index, condition in enumerate(conditions or ()):
        if index == 0 and condition.join is not None:
            raise ValueError("the first condition has no join")
        if index > 0 and condition.join is None:
            raise ValueError(f"condition {index} needs a join: 'and' or 'or'")
    return conditions


class RuleCreate(StrictSchema):
    name: Name
    lookback_days: LookbackDays
    conditions: Conditions
    action: Action = Field(
        description="`whitelist` adds offending sources to a white list, `blacklist` to a "
        "black list; the target list must be of that mode"
    )
    target_list_id: RowId
    is_active: bool = True
    account_id: RowId | None = Field(default=None, description="An admin names the account")

    _joins = field_validator("conditions")(_check_joins)


class RuleUpdate(StrictSchema):
    """Fields to change; the rest stay as they are."""

    name: Name | None = None
    lookback_days: LookbackDays | None = None
    conditions: Conditions | None = None
    action: Action | None = None
    target_list_id: RowId | None = None
    is_active: bool | None = None

    _joins = field_validator("conditions")(_check_joins)


class Rule(Schema):
    id: int
    account_id: int
    name: str
    lookback_days: int
    conditions: list[Condition]
    action: Action
    target_list_id: int
    # The dimension of the events whose values the target list collects.
    source_dimension: str | None
    is_active: bool
    campaign_ids: list[int] = Field(description="The campaigns this rule watches")
    created_at: datetime
    updated_at: datetime


class CampaignRuleLink(StrictSchema):
    rule_id: RowId


class Firing(Schema):
    """One source a rule added to its target list, with the values that made it fire."""

    id: int
    rule_id: int
    campaign_id: int
    list_id: int
    dimension: str
    source: str
    metrics: dict[str, int | Decimal] = Field(description="Metric -> value over the window")
    window_start: datetime
    window_end: datetime
    fired_at: datetime
