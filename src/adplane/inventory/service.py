"""Inventory use cases. Inventory is platform-wide: every user may read it, only admins change it.

Nothing is ever deleted: campaigns, spot prices and delivery history refer to formats, sites
and spots, so "delete" deactivates (``is_active = false``) and the row stays readable.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.accounts.service import require_admin
from adplane.inventory import schemas
from adplane.inventory.repository import InventoryFilter, InventoryRepository
from adplane.kit.errors import Conflict, NotFound, ValidationFailed
from adplane.kit.pagination import PageParams
from adplane.kit.time import utcnow
from adplane.models import AdFormat, Site, Spot

# Fields an update may set to null; any other null is a mistake worth reporting.
_NULLABLE = frozenset({"format_id"})


def _changes(body: BaseModel) -> dict[str, Any]:
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    for name, value in changes.items():
        if value is None and name not in _NULLABLE:
            raise ValidationFailed.field(name, "must not be null")
    return changes


def _apply(row: AdFormat | Site | Spot, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = utcnow()


# ad formats


async def list_formats(
    session: AsyncSession, principal: Principal, filters: InventoryFilter, page: PageParams
) -> tuple[list[AdFormat], int]:
    return await InventoryRepository.from_session(session).list_formats(filters, page)


async def get_format(session: AsyncSession, principal: Principal, format_id: int) -> AdFormat:
    fmt = await InventoryRepository.from_session(session).get_format(format_id)
    if fmt is None:
        raise NotFound(f"format {format_id} not found")
    return fmt


async def create_format(
    session: AsyncSession, principal: Principal, body: schemas.AdFormatCreate
) -> AdFormat:
    """Add an ad format (admin); its options are the sub-formats campaigns may pick."""
    require_admin(principal)
    repo = InventoryRepository.from_session(session)
    if body.id is not None and await repo.get_format(body.id) is not None:
        raise Conflict(f"format {body.id} already exists")
    fmt = AdFormat(name=body.name, kind=body.kind, options=list(body.options), is_active=True)
    if body.id is not None:
        fmt.id = body.id
    try:
        async with session.begin_nested():
            await repo.add(fmt)
    except IntegrityError as exc:
        raise Conflict(f"format {body.id} already exists") from exc
    if body.id is not None:
        await repo.advance_id_sequence("ad_formats")
    return fmt


async def update_format(
    session: AsyncSession, principal: Principal, format_id: int, body: schemas.AdFormatUpdate
) -> AdFormat:
    require_admin(principal)
    fmt = await get_format(session, principal, format_id)
    _apply(fmt, _changes(body))
    await session.flush()
    return fmt


async def deactivate_format(
    session: AsyncSession, principal: Principal, format_id: int
) -> AdFormat:
    require_admin(principal)
    fmt = await get_format(session, principal, format_id)
    _apply(fmt, {"is_active": False})
    await session.flush()
    return fmt


# sites


async def list_sites(
    session: AsyncSession, principal: Principal, filters: InventoryFilter, page: PageParams
) -> tuple[list[Site], int]:
    return await InventoryRepository.from_session(session).list_sites(filters, page)


async def get_site(session: AsyncSession, principal: Principal, site_id: int) -> Site:
    site = await InventoryRepository.from_session(session).get_site(site_id)
    if site is None:
        raise NotFound(f"site {site_id} not found")
    return site


async def create_site(
    session: AsyncSession, principal: Principal | None, *, name: str, domain: str
) -> Site:
    """Add a site (``principal`` None means the local CLI or demo)."""
    if principal is not None:
        require_admin(principal)
    site = Site(name=name, domain=domain)
    await InventoryRepository.from_session(session).add(site)
    return site


async def update_site(
    session: AsyncSession, principal: Principal, site_id: int, body: schemas.SiteUpdate
) -> Site:
    require_admin(principal)
    site = await get_site(session, principal, site_id)
    _apply(site, _changes(body))
    await session.flush()
    return site


async def deactivate_site(session: AsyncSession, principal: Principal, site_id: int) -> Site:
    require_admin(principal)
    site = await get_site(session, principal, site_id)
    _apply(site, {"is_active": False})
    await session.flush()
    return site


# spots


async def list_spots(
    session: AsyncSession, principal: Principal, filters: InventoryFilter, page: PageParams
) -> tuple[list[Spot], int]:
    return await InventoryRepository.from_session(session).list_spots(filters, page)


async def get_spot(session: AsyncSession, principal: Principal, spot_id: int) -> Spot:
    spot = await InventoryRepository.from_session(session).get_spot(spot_id)
    if spot is None:
        raise NotFound(f"spot {spot_id} not found")
    return spot


async def _check_spot_refs(
    repo: InventoryRepository, changes: dict[str, Any], spot_id: int | None
) -> None:
    site_id = changes.get("site_id")
    if site_id is not None and await repo.get_site(site_id) is None:
        raise ValidationFailed.field("site_id", f"site {site_id} does not exist")
    format_id = changes.get("format_id")
    if format_id is not None and await repo.get_format(format_id) is None:
        raise ValidationFailed.field("format_id", f"format {format_id} does not exist")
    codename = changes.get("codename")
    if codename is not None and await repo.codename_taken(codename, spot_id):
        raise Conflict(f"codename {codename!r} is already used by another spot")


async def create_spot(
    session: AsyncSession,
    principal: Principal | None,
    *,
    site_id: int,
    name: str,
    format_id: int | None,
    codename: str | None = None,
) -> Spot:
    """Add an ad spot to a site."""
    if principal is not None:
        require_admin(principal)
    repo = InventoryRepository.from_session(session)
    await _check_spot_refs(
        repo, {"site_id": site_id, "format_id": format_id, "codename": codename}, None
    )
    spot = Spot(site_id=site_id, name=name, format_id=format_id)
    if codename is not None:
        spot.codename = codename
    await repo.add(spot)
    return spot


async def update_spot(
    session: AsyncSession, principal: Principal, spot_id: int, body: schemas.SpotUpdate
) -> Spot:
    require_admin(principal)
    spot = await get_spot(session, principal, spot_id)
    changes = _changes(body)
    await _check_spot_refs(InventoryRepository.from_session(session), changes, spot_id)
    _apply(spot, changes)
    await session.flush()
    return spot


async def deactivate_spot(session: AsyncSession, principal: Principal, spot_id: int) -> Spot:
    require_admin(principal)
    spot = await get_spot(session, principal, spot_id)
    _apply(spot, {"is_active": False})
    await session.flush()
    return spot


# lookups for dialects that name spots by codename (TrafficStars ``adspots``)


async def spot_codenames(session: AsyncSession, spot_ids: Collection[int]) -> dict[int, str]:
    """Spot id -> codename, for the ids that exist."""
    return await InventoryRepository.from_session(session).spot_codenames(set(spot_ids))


async def spot_ids_by_codename(session: AsyncSession, codenames: Collection[str]) -> dict[str, int]:
    """Codename -> spot id, for the codenames that exist."""
    return await InventoryRepository.from_session(session).spot_ids_by_codename(set(codenames))
