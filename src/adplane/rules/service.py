"""Rule use cases: create, change and delete rules, link one to a campaign, read firings.

Tenancy: a rule belongs to an account; another account's rule, campaign or filter list is
"not found", exactly like a missing one. A rule may only watch campaigns of its own account
and fill a list of its own account, so evaluation never crosses accounts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal, Role
from adplane.campaigns import service as campaign_service
from adplane.filterlists import service as filterlist_service
from adplane.kit.errors import NotFound, ValidationFailed
from adplane.kit.pagination import PageParams, PageResult
from adplane.models import Rule
from adplane.rules import schemas
from adplane.rules.repository import FiringRepository, RuleRepository
from adplane.rules.targets import collectable_types, source_dimension


def conditions_to_storage(conditions: list[schemas.Condition]) -> list[dict[str, Any]]:
    # Decimal as text: JSON columns would turn it into a binary float.
    return [
        {"join": c.join, "metric": c.metric, "operator": c.operator, "value": str(c.value)}
        for c in conditions
    ]


async def _target_dimension(
    session: AsyncSession, owner: Principal, list_id: int, action: str
) -> str:
    """Check the target list (the owner's, of the action's mode, of a collectable type)."""
    try:
        target = await filterlist_service.get(session, owner, list_id)
    except NotFound as exc:
        raise ValidationFailed.field("target_list_id", f"filter list {list_id} not found") from exc
    wanted = "white" if action == "whitelist" else "black"
    if target.mode.value != wanted:
        raise ValidationFailed.field(
            "target_list_id",
            f"filter list {list_id} is a {target.mode.value} list; a {action} rule needs a "
            f"{wanted} list",
        )
    dimension = source_dimension(target.type.value)
    if dimension is None:
        raise ValidationFailed.field(
            "target_list_id",
            f"a rule cannot collect {target.type.value}: the events have no such dimension; "
            f"target a list of {', '.join(collectable_types())}",
        )
    return dimension


def _owner(account_id: int) -> Principal:
    # The rule's account as a principal: lists are resolved in that account only.
    return Principal(user_id=0, role=Role.ADVERTISER, account_id=account_id)


async def _views(session: AsyncSession, rules: list[Rule]) -> list[schemas.Rule]:
    linked = await RuleRepository.from_session(session).campaign_ids([r.id for r in rules])
    out = []
    for rule in rules:
        try:
            target = await filterlist_service.get(
                session, _owner(rule.account_id), rule.target_list_id
            )
            dimension = source_dimension(target.type.value)
        except NotFound:
            dimension = None
        out.append(
            schemas.Rule(
                id=rule.id,
                account_id=rule.account_id,
                name=rule.name,
                lookback_days=rule.lookback_days,
                conditions=[schemas.Condition.model_validate(c) for c in rule.conditions],
                action=rule.action,
                target_list_id=rule.target_list_id,
                source_dimension=dimension,
                is_active=rule.is_active,
                campaign_ids=linked.get(rule.id, []),
                created_at=rule.created_at,
                updated_at=rule.updated_at,
            )
        )
    return out


async def _view(session: AsyncSession, rule: Rule) -> schemas.Rule:
    return (await _views(session, [rule]))[0]


async def _load(session: AsyncSession, principal: Principal, rule_id: int) -> Rule:
    rule = await RuleRepository.from_session(session).get(rule_id, account_id=principal.scope())
    if rule is None or not principal.can_access(rule.account_id):
        raise NotFound(f"rule {rule_id} not found")
    return rule


async def list_rules(
    session: AsyncSession, principal: Principal, page: PageParams
) -> PageResult[schemas.Rule]:
    """The principal's rules (every account's for an admin), by id."""
    rows, total = await RuleRepository.from_session(session).paginate(
        page, account_id=principal.scope()
    )
    return PageResult(await _views(session, rows), total, page.page, page.page_size)


async def get(session: AsyncSession, principal: Principal, rule_id: int) -> schemas.Rule:
    return await _view(session, await _load(session, principal, rule_id))


async def create(
    session: AsyncSession, principal: Principal, body: schemas.RuleCreate
) -> schemas.Rule:
    """A new rule in the principal's account (an admin names the account)."""
    account_id = principal.account_for_write(body.account_id)
    await _target_dimension(session, _owner(account_id), body.target_list_id, body.action)
    rule = Rule(
        account_id=account_id,
        name=body.name,
        lookback_days=body.lookback_days,
        conditions=conditions_to_storage(body.conditions),
        action=body.action,
        target_list_id=body.target_list_id,
        is_active=body.is_active,
    )
    await RuleRepository.from_session(session).create(rule)
    return await _view(session, rule)


async def update(
    session: AsyncSession, principal: Principal, rule_id: int, body: schemas.RuleUpdate
) -> schemas.Rule:
    """Change the given fields; the action and target list are checked together."""
    rule = await _load(session, principal, rule_id)
    changes: dict[str, Any] = {}
    for name in body.model_fields_set:
        value = getattr(body, name)
        if value is None:
            raise ValidationFailed.field(name, "must not be null")
        changes[name] = value
    if "conditions" in changes:
        changes["conditions"] = conditions_to_storage(body.conditions or [])
    action = changes.get("action", rule.action)
    target = changes.get("target_list_id", rule.target_list_id)
    if "action" in changes or "target_list_id" in changes:
        await _target_dimension(session, _owner(rule.account_id), target, action)
    await RuleRepository.from_session(session).update(rule, changes)
    return await _view(session, rule)


async def delete(session: AsyncSession, principal: Principal, rule_id: int) -> None:
    """Delete a rule; its campaign links and firing history go with it."""
    rule = await _load(session, principal, rule_id)
    await RuleRepository.from_session(session).delete(rule)


# the campaign's one rule


async def campaign_rule(
    session: AsyncSession, principal: Principal, campaign_id: int
) -> schemas.Rule:
    """The rule linked to a campaign."""
    await campaign_service.account_of(session, principal, campaign_id)
    rule = await RuleRepository.from_session(session).rule_of(campaign_id)
    if rule is None:
        raise NotFound(f"campaign {campaign_id} has no rule")
    return await _view(session, rule)


async def link(
    session: AsyncSession, principal: Principal, campaign_id: int, rule_id: int
) -> schemas.Rule:
    """Make ``rule_id`` the campaign's rule, replacing the one it had."""
    account_id = await campaign_service.account_of(session, principal, campaign_id)
    rule = await RuleRepository.from_session(session).get(rule_id)
    if rule is None or not principal.can_access(rule.account_id):
        raise ValidationFailed.field("rule_id", f"rule {rule_id} not found")
    if rule.account_id != account_id:
        # Only an admin gets here: an advertiser sees one account.
        raise ValidationFailed.field(
            "rule_id", f"rule {rule_id} belongs to another account than campaign {campaign_id}"
        )
    await RuleRepository.from_session(session).link(campaign_id, rule_id)
    return await _view(session, rule)


async def unlink(session: AsyncSession, principal: Principal, campaign_id: int) -> None:
    """Remove the campaign's rule (the rule itself stays)."""
    await campaign_service.account_of(session, principal, campaign_id)
    if not await RuleRepository.from_session(session).unlink(campaign_id):
        raise NotFound(f"campaign {campaign_id} has no rule")


# firing history


def _firing(row: Any) -> schemas.Firing:
    metrics = {k: v if isinstance(v, int) else Decimal(str(v)) for k, v in row.metrics.items()}
    return schemas.Firing(
        id=row.id,
        rule_id=row.rule_id,
        campaign_id=row.campaign_id,
        list_id=row.list_id,
        dimension=row.dimension,
        source=row.source,
        metrics=metrics,
        window_start=row.window_start,
        window_end=row.window_end,
        fired_at=row.fired_at,
    )


async def rule_history(
    session: AsyncSession, principal: Principal, rule_id: int, page: PageParams
) -> PageResult[schemas.Firing]:
    """What a rule added to its list, oldest first."""
    rule = await _load(session, principal, rule_id)
    rows, total = await FiringRepository.from_session(session).page_for(page, rule_id=rule.id)
    return PageResult([_firing(r) for r in rows], total, page.page, page.page_size)


async def campaign_history(
    session: AsyncSession, principal: Principal, campaign_id: int, page: PageParams
) -> PageResult[schemas.Firing]:
    """What rules added to their lists for a campaign, oldest first."""
    await campaign_service.account_of(session, principal, campaign_id)
    repo = FiringRepository.from_session(session)
    rows, total = await repo.page_for(page, campaign_id=campaign_id)
    return PageResult([_firing(r) for r in rows], total, page.page, page.page_size)
