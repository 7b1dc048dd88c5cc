"""Inventory use cases. Inventory is platform-wide; only admins change it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.accounts.service import require_admin
from adplane.inventory.repository import InventoryRepository
from adplane.kit.errors import NotFound
from adplane.models import Site, Spot


async def create_site(
    session: AsyncSession, principal: Principal | None, *, name: str, domain: str
) -> Site:
    """Add a site (``principal`` None means the local CLI or demo)."""
    if principal is not None:
        require_admin(principal)
    site = Site(name=name, domain=domain)
    session.add(site)
    await session.flush()
    return site


async def create_spot(
    session: AsyncSession,
    principal: Principal | None,
    *,
    site_id: int,
    name: str,
    format_id: int | None,
) -> Spot:
    """Add an ad spot to a site."""
    if principal is not None:
        require_admin(principal)
    repo = InventoryRepository.from_session(session)
    if await repo.get_site(site_id) is None:
        raise NotFound(f"site {site_id} not found")
    if format_id is not None and await repo.get_format(format_id) is None:
        raise NotFound(f"format {format_id} not found")
    spot = Spot(site_id=site_id, name=name, format_id=format_id)
    session.add(spot)
    await session.flush()
    return spot
