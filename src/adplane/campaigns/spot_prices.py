"""Per-spot bids: a campaign's price on one spot, overriding its default bid there."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.campaigns import schemas
from adplane.campaigns.history import record
from adplane.campaigns.repository import CampaignRepository
from adplane.campaigns.views import load
from adplane.inventory import service as inventory_service
from adplane.kit.errors import Conflict, NotFound, ValidationFailed
from adplane.kit.money import from_micros, to_micros
from adplane.kit.time import as_utc, utcnow
from adplane.models import CampaignSpotPrice


async def _spot_exists(session: AsyncSession, spot_id: int) -> None:
    if not await inventory_service.existing_spot_ids(session, {spot_id}):
        raise NotFound(f"spot {spot_id} not found")


def _price_view(p: CampaignSpotPrice) -> schemas.SpotPrice:
    return schemas.SpotPrice(
        campaign_id=p.campaign_id,
        spot_id=p.spot_id,
        price=from_micros(p.price_micros),
        created_at=as_utc(p.created_at),
        updated_at=as_utc(p.updated_at),
    )


async def list_spot_prices(
    session: AsyncSession, principal: Principal, campaign_id: int
) -> list[schemas.SpotPrice]:
    await load(session, principal, campaign_id)
    prices = await CampaignRepository.from_session(session).spot_prices(campaign_id)
    return [_price_view(p) for p in prices]


async def spot_prices_for_campaigns(
    session: AsyncSession, campaign_ids: Collection[int]
) -> dict[int, list[schemas.SpotPrice]]:
    """Campaign id -> its spot prices, for delivery's snapshot (no principal)."""
    found: dict[int, list[schemas.SpotPrice]] = {cid: [] for cid in campaign_ids}
    for p in await CampaignRepository.from_session(session).spot_prices_for(set(campaign_ids)):
        found[p.campaign_id].append(_price_view(p))
    return found


async def get_spot_price(
    session: AsyncSession, principal: Principal, campaign_id: int, spot_id: int
) -> schemas.SpotPrice:
    await load(session, principal, campaign_id)
    price = await CampaignRepository.from_session(session).spot_price(campaign_id, spot_id)
    if price is None:
        raise NotFound(f"campaign {campaign_id} has no price for spot {spot_id}")
    return _price_view(price)


async def set_spot_price(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    spot_id: int,
    price: Decimal,
    *,
    tag: str | None = None,
) -> schemas.SpotPrice:
    """Set or replace the campaign's bid on one spot."""
    campaign = await load(session, principal, campaign_id)
    if campaign.is_archived:
        raise Conflict(f"campaign {campaign_id} is archived")
    if price < 0:
        raise ValidationFailed.field("price", "must not be negative")
    await _spot_exists(session, spot_id)
    repo = CampaignRepository.from_session(session)
    row = await repo.spot_price(campaign_id, spot_id)
    micros = to_micros(price)
    old = None if row is None else from_micros(row.price_micros)
    if row is None:
        row = await repo.add_spot_price(
            CampaignSpotPrice(campaign_id=campaign_id, spot_id=spot_id, price_micros=micros)
        )
    else:
        row.price_micros = micros
        row.updated_at = utcnow()
        await session.flush()
    await record(
        session, principal, campaign, "set_spot_price", {f"spot_price.{spot_id}": [old, price]}, tag
    )
    return _price_view(row)


async def delete_spot_price(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    spot_id: int,
    *,
    tag: str | None = None,
) -> None:
    campaign = await load(session, principal, campaign_id)
    if not await CampaignRepository.from_session(session).delete_spot_price(campaign_id, spot_id):
        raise NotFound(f"campaign {campaign_id} has no price for spot {spot_id}")
    await record(
        session,
        principal,
        campaign,
        "delete_spot_price",
        {f"spot_price.{spot_id}": ["set", None]},
        tag,
    )
