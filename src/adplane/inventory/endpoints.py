"""Native inventory routes: ad formats, sites and spots. Everyone reads; admins write."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from adplane.accounts.auth import CurrentPrincipal
from adplane.inventory import schemas, service
from adplane.inventory.repository import InventoryFilter
from adplane.kit.db import Session
from adplane.kit.pagination import Page
from adplane.kit.params import IdPath, IdQuery, LongPaging
from adplane.kit.problems import PROBLEM_RESPONSES

router = APIRouter(tags=["inventory"], responses=PROBLEM_RESPONSES)
Active = Annotated[bool | None, Query(description="Only active (true) or inactive (false)")]


# ad formats


@router.get("/formats")
async def list_formats(
    principal: CurrentPrincipal, session: Session, page: LongPaging, is_active: Active = None
) -> Page[schemas.AdFormat]:
    """Ad formats, by id."""
    filters = InventoryFilter(is_active=is_active)
    items, total = await service.list_formats(session, principal, filters, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.post("/formats", status_code=201)
async def create_format(
    body: schemas.AdFormatCreate, principal: CurrentPrincipal, session: Session
) -> schemas.AdFormat:
    """Add an ad format (admin)."""
    return await service.create_format(session, principal, body)


@router.get("/formats/{id}")
async def get_format(id: IdPath, principal: CurrentPrincipal, session: Session) -> schemas.AdFormat:
    """One ad format."""
    return await service.get_format(session, principal, id)


@router.patch("/formats/{id}")
async def update_format(
    id: IdPath, body: schemas.AdFormatUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.AdFormat:
    """Change an ad format (admin)."""
    return await service.update_format(session, principal, id, body)


@router.delete("/formats/{id}")
async def deactivate_format(
    id: IdPath, principal: CurrentPrincipal, session: Session
) -> schemas.AdFormat:
    """Deactivate an ad format (admin); campaigns that use it keep it."""
    return await service.deactivate_format(session, principal, id)


# sites


@router.get("/sites")
async def list_sites(
    principal: CurrentPrincipal, session: Session, page: LongPaging, is_active: Active = None
) -> Page[schemas.Site]:
    """Sites, by id."""
    filters = InventoryFilter(is_active=is_active)
    items, total = await service.list_sites(session, principal, filters, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.post("/sites", status_code=201)
async def create_site(
    body: schemas.SiteCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Site:
    """Add a site (admin)."""
    return await service.create_site(session, principal, name=body.name, domain=body.domain)


@router.get("/sites/{id}")
async def get_site(id: IdPath, principal: CurrentPrincipal, session: Session) -> schemas.Site:
    """One site."""
    return await service.get_site(session, principal, id)


@router.patch("/sites/{id}")
async def update_site(
    id: IdPath, body: schemas.SiteUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Site:
    """Change a site (admin)."""
    return await service.update_site(session, principal, id, body)


@router.delete("/sites/{id}")
async def deactivate_site(
    id: IdPath, principal: CurrentPrincipal, session: Session
) -> schemas.Site:
    """Deactivate a site (admin)."""
    return await service.deactivate_site(session, principal, id)


# spots


@router.get("/spots")
async def list_spots(
    principal: CurrentPrincipal,
    session: Session,
    page: LongPaging,
    is_active: Active = None,
    site_id: IdQuery = None,
    format_id: IdQuery = None,
) -> Page[schemas.Spot]:
    """Spots, by id; filter by site or format."""
    filters = InventoryFilter(is_active=is_active, site_id=site_id, format_id=format_id)
    items, total = await service.list_spots(session, principal, filters, page)
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.post("/spots", status_code=201)
async def create_spot(
    body: schemas.SpotCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Spot:
    """Add a spot to a site (admin)."""
    return await service.create_spot(
        session,
        principal,
        site_id=body.site_id,
        name=body.name,
        format_id=body.format_id,
        codename=body.codename,
    )


@router.get("/spots/{id}")
async def get_spot(id: IdPath, principal: CurrentPrincipal, session: Session) -> schemas.Spot:
    """One spot."""
    return await service.get_spot(session, principal, id)


@router.patch("/spots/{id}")
async def update_spot(
    id: IdPath, body: schemas.SpotUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Spot:
    """Change a spot (admin)."""
    return await service.update_spot(session, principal, id, body)


@router.delete("/spots/{id}")
async def deactivate_spot(
    id: IdPath, principal: CurrentPrincipal, session: Session
) -> schemas.Spot:
    """Deactivate a spot (admin)."""
    return await service.deactivate_spot(session, principal, id)
