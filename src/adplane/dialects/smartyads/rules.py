"""Optimization rules (``api/optimization-rule``) and a campaign's rule
(``api/campaign/.../optimization-rule-relation``) over ``adplane.rules``.

The core evaluates the rules (its job adds each offending source to the target list); this
module only translates the document's vocabulary: ``timeRange`` is a look-back in days,
``then`` the list action, ``conditions`` ``when``/``and``/``or`` joins over metrics.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Body, Path
from pydantic import BaseModel, ValidationError

from adplane.dialects.smartyads import errors, wire
from adplane.dialects.smartyads.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import PageParams
from adplane.kit.time import as_utc
from adplane.kit.validation import field_errors
from adplane.rules import schemas as core
from adplane.rules import service as rules

router = APIRouter(prefix="/api", responses=errors.ERROR_RESPONSES)

M = TypeVar("M", bound=BaseModel)
RuleId = Annotated[int, Path(gt=0, le=MAX_ID, description="Rule id")]
CampaignId = Annotated[int, Path(gt=0, le=MAX_ID, description="Campaign Id")]
LIST_PAGE_SIZE = 15

TIME_RANGES: dict[str, int] = {"last_day": 1, "last_3_days": 3, "last_week": 7, "last_month": 30}
_TIME_RANGE_NAMES = {days: name for name, days in TIME_RANGES.items()}
THEN: dict[str, str] = {"whitelist_source": "whitelist", "blacklist_source": "blacklist"}
_THEN_NAMES: dict[str, wire.Then] = {
    "whitelist": "whitelist_source",
    "blacklist": "blacklist_source",
}
# The document's condition metrics; its examples' "dspPrice" (C.52) means the spend.
METRICS: dict[str, str] = {
    "ctr": "ctr",
    "clicks": "clicks",
    "winrate": "winrate",
    "impressions": "impressions",
    "dspSpend": "spend",
    "dspPrice": "spend",
}
_METRIC_NAMES = {"spend": "dspSpend"}
_CORE_FIELDS = {
    "name": "name",
    "lookback_days": "timeRange",
    "action": "then",
    "target_list_id": "targetFilterListId",
    "conditions": "conditions",
    "rule_id": "ruleId",
}


def _renamed(exc: ValidationFailed) -> ValidationFailed:
    found = []
    for error in exc.errors:
        head, _, rest = error.field.partition(".")
        name = _CORE_FIELDS.get(head, head)
        found.append(FieldError(f"{name}.{rest}" if rest else name, error.message))
    return ValidationFailed(exc.detail, errors=found)


def _conditions(raw: list[wire.RuleConditionIn]) -> list[core.Condition]:
    errors_: list[FieldError] = []
    out: list[core.Condition] = []
    for index, item in enumerate(raw):
        if (index == 0) != (item.condition == "when"):
            errors_.append(
                FieldError(
                    f"conditions.{index}.condition",
                    "the first condition must be when, the others and or or",
                )
            )
        metric = METRICS.get(item.action)
        if metric is None:
            errors_.append(
                FieldError(
                    f"conditions.{index}.action",
                    "must be one of ctr, clicks, winrate, impressions, dspSpend",
                )
            )
        try:
            value = Decimal(str(item.value).strip())
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            errors_.append(FieldError(f"conditions.{index}.value", "must be a number"))
            continue
        if metric is not None:
            out.append(
                core.Condition(
                    join=None if item.condition == "when" else item.condition,
                    metric=metric,
                    operator=item.comparison,
                    value=value,
                )
            )
    if not raw:
        errors_.append(FieldError("conditions", "at least one condition is required"))
    if errors_:
        raise ValidationFailed(
            "; ".join(f"{e.field}: {e.message}" for e in errors_), errors=errors_
        )
    return out


def _fields(body: wire.RuleInput) -> dict[str, Any]:
    sent = body.model_fields_set
    fields: dict[str, Any] = {}
    if "name" in sent and body.name is not None:
        fields["name"] = body.name
    if "timeRange" in sent and body.timeRange is not None:
        fields["lookback_days"] = TIME_RANGES[body.timeRange]
    if "then" in sent and body.then is not None:
        fields["action"] = THEN[body.then]
    if "targetFilterListId" in sent and body.targetFilterListId is not None:
        fields["target_list_id"] = body.targetFilterListId
    if "conditions" in sent and body.conditions is not None:
        fields["conditions"] = _conditions(body.conditions)
    return fields


def _core(model: type[M], fields: dict[str, Any]) -> M:
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise _renamed(ValidationFailed("invalid rule", errors=field_errors(exc))) from None


def _stamp(value: datetime) -> str:
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _value(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def render(rule: core.Rule) -> wire.RuleOut:
    """A core rule as the document prints it."""
    return wire.RuleOut(
        id=rule.id,
        userId=rule.account_id,
        ownerCampaignId=rule.campaign_ids[0] if rule.campaign_ids else 0,
        name=rule.name,
        timeRange=_TIME_RANGE_NAMES.get(rule.lookback_days, f"last_{rule.lookback_days}_days"),
        then=_THEN_NAMES[rule.action],
        targetFilterListId=rule.target_list_id,
        conditions=[
            wire.RuleCondition(
                condition="when" if c.join is None else c.join,
                action=_METRIC_NAMES.get(c.metric, c.metric),
                comparison=c.operator,
                value=_value(c.value),
            )
            for c in rule.conditions
        ],
        createdAt=_stamp(rule.created_at),
        updatedAt=_stamp(rule.updated_at),
    )


@router.get("/optimization-rule", tags=["Optimization rules"], summary="Rule")
async def list_rules(
    principal: CurrentPrincipal, session: Session, page: int = 1, per_page: int = LIST_PAGE_SIZE
) -> wire.RulePage:
    """The caller's rules by id."""
    if not 1 <= page <= 1_000_000 or not 1 <= per_page <= 1000:
        raise ValidationFailed.field("per_page", "page from 1, per_page from 1 to 1000")
    result = await rules.list_rules(session, principal, PageParams(page, per_page))
    data = [render(r) for r in result.items]
    return wire.RulePage(data=data, meta=wire.meta(result.total, len(data), per_page, page))


@router.get("/optimization-rule/{id}", tags=["Optimization rules"], summary="Get rule by ID")
async def get_rule(id: RuleId, principal: CurrentPrincipal, session: Session) -> wire.RuleOne:
    """One rule."""
    return wire.RuleOne(data=render(await rules.get(session, principal, id)))


@router.post("/optimization-rule", tags=["Optimization rules"], summary="Create a rule")
async def create_rule(
    body: Annotated[wire.RuleInput, Body()], principal: CurrentPrincipal, session: Session
) -> wire.RuleOne:
    """A new rule; the core's job evaluates it once a campaign uses it."""
    missing = [
        FieldError(name, f"The {name} field is required.")
        for name in ("name", "timeRange", "then", "targetFilterListId", "conditions")
        if getattr(body, name) is None
    ]
    if missing:
        raise ValidationFailed("; ".join(e.message for e in missing), errors=missing)
    try:
        created = await rules.create(session, principal, _core(core.RuleCreate, _fields(body)))
    except ValidationFailed as exc:
        raise _renamed(exc) from None
    return wire.RuleOne(data=render(created))


async def _update(
    id: int, body: wire.RuleInput, principal: CurrentPrincipal, session: Session
) -> wire.RuleOne:
    fields = _fields(body)
    if not fields:
        return wire.RuleOne(data=render(await rules.get(session, principal, id)))
    try:
        updated = await rules.update(session, principal, id, _core(core.RuleUpdate, fields))
    except ValidationFailed as exc:
        raise _renamed(exc) from None
    return wire.RuleOne(data=render(updated))


@router.put("/optimization-rule/{id}", tags=["Optimization rules"], summary="Rule update")
async def update_rule(
    id: RuleId,
    body: Annotated[wire.RuleInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.RuleOne:
    """Change the fields sent (the document sends them all)."""
    return await _update(id, body, principal, session)


@router.patch(
    "/optimization-rule/{id}",
    tags=["Optimization rules"],
    summary="Rule update (PATCH)",
    description="The same partial update as PUT (NOTES.md: PUT vs PATCH).",
)
async def patch_rule(
    id: RuleId,
    body: Annotated[wire.RuleInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.RuleOne:
    return await _update(id, body, principal, session)


@router.delete("/optimization-rule/{id}", tags=["Optimization rules"], summary="Remove Rule")
async def delete_rule(
    id: RuleId, principal: CurrentPrincipal, session: Session
) -> wire.DeletedOnly:
    """Delete the rule; campaigns that used it have none afterwards."""
    await rules.delete(session, principal, id)
    return wire.DeletedOnly(deleted=True)


@router.get(
    "/campaign/{id}/optimization-rule-relation",
    tags=["Assign optimization rules to campaigns"],
    summary="Get Rule assigned to Campaign",
)
async def campaign_rule(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> wire.RuleOne:
    """The campaign's one rule (404 when it has none)."""
    return wire.RuleOne(data=render(await rules.campaign_rule(session, principal, id)))


@router.post(
    "/campaign/optimization-rule-relation",
    tags=["Assign optimization rules to campaigns"],
    summary="Replace Rule assigned to Campaign",
)
async def link_rule(
    body: Annotated[wire.RuleRelation, Body()], principal: CurrentPrincipal, session: Session
) -> wire.RuleRelation:
    """Make ``ruleId`` the campaign's rule, replacing the one it had."""
    try:
        await rules.link(session, principal, body.campaignId, body.ruleId)
    except ValidationFailed as exc:
        raise _renamed(exc) from None
    return wire.RuleRelation(campaignId=body.campaignId, ruleId=body.ruleId)


@router.delete(
    "/campaign/{id}/optimization-rule-relation",
    tags=["Assign optimization rules to campaigns"],
    summary="Remove Rule assigned to Campaign",
)
async def unlink_rule(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> wire.DeletedOnly:
    """The campaign stops using its rule (the rule stays)."""
    await rules.unlink(session, principal, id)
    return wire.DeletedOnly(deleted=True)
