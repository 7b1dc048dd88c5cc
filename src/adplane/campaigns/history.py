"""The change history of campaigns: who changed what, when, and the client's tag."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.campaigns import schemas
from adplane.campaigns.repository import CampaignRepository
from adplane.campaigns.views import load
from adplane.kit.pagination import PageParams, PageResult
from adplane.kit.time import as_utc
from adplane.models import Campaign, CampaignChange


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def diff(before: schemas.CampaignFields | None, after: schemas.CampaignFields) -> dict[str, Any]:
    """Field -> [old, new] for every field that changed (every set field of a new campaign)."""
    new = after.model_dump(mode="json")
    if before is None:
        return {k: [None, v] for k, v in new.items() if v not in (None, [], {}, False)}
    old = before.model_dump(mode="json")
    # Compare values, not their JSON: Decimal("0.1") and Decimal("0.100000") are one price.
    return {k: [old[k], new[k]] for k in new if getattr(before, k) != getattr(after, k)}


async def record(
    session: AsyncSession,
    principal: Principal | None,
    campaign: Campaign,
    action: str,
    changes: dict[str, Any] | None = None,
    tag: str | None = None,
) -> None:
    await CampaignRepository.from_session(session).add_change(
        CampaignChange(
            campaign_id=campaign.id,
            user_id=principal.user_id if principal else None,
            action=action,
            changes={k: [_jsonable(x) for x in v] for k, v in (changes or {}).items()},
            tag=tag,
        )
    )


async def history(
    session: AsyncSession, principal: Principal, campaign_id: int, page: PageParams
) -> PageResult[schemas.CampaignChange]:
    """Who changed the campaign, when, what changed, and the client's tag."""
    await load(session, principal, campaign_id)
    rows, total = await CampaignRepository.from_session(session).changes(campaign_id, page)
    items = [
        schemas.CampaignChange(
            id=r.id,
            campaign_id=r.campaign_id,
            user_id=r.user_id,
            action=r.action,
            changes=r.changes,
            tag=r.tag,
            created_at=as_utc(r.created_at),
        )
        for r in rows
    ]
    return PageResult(items, total, page.page, page.page_size)
