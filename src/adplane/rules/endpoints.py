"""Native rule routes: ``/rules`` and the campaign's one rule at ``/campaigns/{id}/rule``."""

from __future__ import annotations

from fastapi import APIRouter, Response

from adplane.accounts.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.pagination import Page
from adplane.kit.params import IdPath, LongPaging, Paging
from adplane.kit.problems import PROBLEM_RESPONSES
from adplane.rules import schemas, service

router = APIRouter(prefix="/rules", tags=["rules"], responses=PROBLEM_RESPONSES)
campaign_router = APIRouter(prefix="/campaigns", tags=["rules"], responses=PROBLEM_RESPONSES)


@router.get("")
async def list_rules(
    principal: CurrentPrincipal, session: Session, page: Paging
) -> Page[schemas.Rule]:
    """The caller's rules, by id."""
    result = await service.list_rules(session, principal, page)
    return Page(items=result.items, total=result.total, page=page.page, page_size=page.page_size)


@router.post("", status_code=201)
async def create(
    body: schemas.RuleCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Rule:
    """Create a rule; link it to campaigns with ``PUT /campaigns/{id}/rule``."""
    return await service.create(session, principal, body)


@router.get("/{id}")
async def get(id: IdPath, principal: CurrentPrincipal, session: Session) -> schemas.Rule:
    """One rule."""
    return await service.get(session, principal, id)


@router.patch("/{id}")
async def update(
    id: IdPath, body: schemas.RuleUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Rule:
    """Change a rule's fields."""
    return await service.update(session, principal, id, body)


@router.delete("/{id}", status_code=204)
async def delete(id: IdPath, principal: CurrentPrincipal, session: Session) -> Response:
    """Delete a rule, its campaign links and its history."""
    await service.delete(session, principal, id)
    return Response(status_code=204)


@router.get("/{id}/history")
async def history(
    id: IdPath, principal: CurrentPrincipal, session: Session, page: LongPaging
) -> Page[schemas.Firing]:
    """The sources the rule added to its target list, oldest first."""
    result = await service.rule_history(session, principal, id, page)
    return Page(items=result.items, total=result.total, page=page.page, page_size=page.page_size)


@campaign_router.get("/{id}/rule")
async def get_campaign_rule(
    id: IdPath, principal: CurrentPrincipal, session: Session
) -> schemas.Rule:
    """The campaign's rule (404 when it has none)."""
    return await service.campaign_rule(session, principal, id)


@campaign_router.put("/{id}/rule")
async def link_campaign_rule(
    id: IdPath, body: schemas.CampaignRuleLink, principal: CurrentPrincipal, session: Session
) -> schemas.Rule:
    """Make a rule the campaign's one rule, replacing the one it had."""
    return await service.link(session, principal, id, body.rule_id)


@campaign_router.delete("/{id}/rule", status_code=204)
async def unlink_campaign_rule(
    id: IdPath, principal: CurrentPrincipal, session: Session
) -> Response:
    """Remove the campaign's rule (the rule itself stays)."""
    await service.unlink(session, principal, id)
    return Response(status_code=204)


@campaign_router.get("/{id}/rule/history")
async def campaign_rule_history(
    id: IdPath, principal: CurrentPrincipal, session: Session, page: LongPaging
) -> Page[schemas.Firing]:
    """The sources rules added to their lists for this campaign, oldest first."""
    result = await service.campaign_history(session, principal, id, page)
    return Page(items=result.items, total=result.total, page=page.page, page_size=page.page_size)
