"""Creatives assigned to campaigns (``api/campaigns/{id}/creatives``) and creative deletion,
over ``adplane.creatives``.

PENDING: the creative CRUD of the document's section 5 (list, get, the six create variants,
update) maps the ``banner`` / ``native`` / ``video`` relations onto the core's six content
variants; it is not served yet.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Path

from adplane.creatives import schemas as core
from adplane.creatives import service as creatives
from adplane.dialects.smartyads import errors, wire
from adplane.dialects.smartyads.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import PageParams
from adplane.kit.time import as_utc
from adplane.moderation.schemas import Approval

router = APIRouter(prefix="/api", responses=errors.ERROR_RESPONSES)

CreativeId = Annotated[int, Path(gt=0, le=MAX_ID, description="Creative Id")]
CampaignId = Annotated[int, Path(gt=0, le=MAX_ID, description="Campaign Id")]
ASSIGNED_PAGE_SIZE = 1000
_APPROVED: dict[Approval, Literal["approved", "pending", "disapproved"]] = {
    Approval.APPROVED: "approved",
    Approval.PENDING: "pending",
    Approval.REJECTED: "disapproved",
}


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else as_utc(value).strftime("%Y-%m-%d %H:%M:%S")


def _number(value: Decimal | None) -> wire.Number | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def base(view: core.Creative) -> wire.CreativeBase:
    """A creative's base fields (sizes ``"W x H"``, weight in MB of its main file)."""
    cap = view.frequency_cap
    size_bytes = sum(m.size_bytes for m in view.media if m.role == "main")
    return wire.CreativeBase(
        id=view.id,
        userId=view.created_by_user_id or 0,
        isActive=view.is_active,
        approved=_APPROVED[view.approval],
        creativeType=view.type.value,
        name=view.name,
        frequencyType=None if cap is None else cap.per,
        frequency=cap is not None,
        frequencyCap=0 if cap is None else cap.count,
        # SmartyAds counts the period in days; the core in hours.
        frequencyPeriod=0 if cap is None else max(1, cap.period_hours // 24),
        bidPrice=_number(view.bid_price),
        autoresize=False,
        adaptiveCpm=False,
        size=" x " if view.size is None else f"{view.size.width} x {view.size.height}",
        weight=f"{size_bytes / 1_000_000:.2f} MB",
        folderId=None,
        createdAt=_stamp(view.created_at) or "",
        updatedAt=_stamp(view.updated_at) or "",
        pendingAt=_stamp(view.pending_since),
        deletedAt=None,
    )


@router.delete("/creatives/{id}", tags=["Creatives"], summary="Delete a Custom Creative")
async def delete_creative(
    id: CreativeId, principal: CurrentPrincipal, session: Session
) -> wire.Empty:
    """Delete the creative; it leaves every campaign."""
    await creatives.delete(session, principal, id)
    return wire.Empty()


@router.get(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Get list of Creatives assigned to Campaign",
)
async def campaign_creatives(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> wire.CreativeBasePage:
    """The campaign's creatives by id."""
    views, total = await creatives.list_for_campaign(
        session, principal, id, PageParams(1, ASSIGNED_PAGE_SIZE)
    )
    data = [base(v) for v in views]
    return wire.CreativeBasePage(data=data, meta=wire.meta(total, len(data), ASSIGNED_PAGE_SIZE, 1))


@router.post(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Replace Creatives assigned to Campaign",
)
async def replace_campaign_creatives(
    id: CampaignId,
    body: Annotated[wire.IdsBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Message:
    """Make these the campaign's creatives."""
    await creatives.replace_assignment(session, principal, id, body.ids)
    return wire.Message(message="Replaced.")


@router.patch(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Append Creatives assigned to Campaign",
)
async def append_campaign_creatives(
    id: CampaignId,
    body: Annotated[wire.IdsBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Message:
    """Add creatives to the campaign's."""
    await creatives.append_assignment(session, principal, id, body.ids)
    return wire.Message(message="Appended.")


@router.delete(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Remove Creatives assigned to Campaign",
)
async def remove_campaign_creatives(
    id: CampaignId,
    body: Annotated[wire.IdsBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Deleted:
    """Take creatives off the campaign; ids not assigned are ignored."""
    await creatives.remove_assignment(session, principal, id, body.ids)
    return wire.Deleted(message="Deleted.", deleted=True)
