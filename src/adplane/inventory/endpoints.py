"""Native inventory routes: ad formats, sites and spots. Everyone reads; admins write."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from adplane.accounts.auth import CurrentPrincipal
from adplane.inventory import schemas, service
from adplane.inventory.repository import InventoryFilter
from adplane.kit.db import Session
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import MAX_PAGE_SIZE, Page, PageParams
from adplane.kit.problems import PROBLEM_RESPONSES

router = APIRouter()
ERRORS = PROBLEM_RESPONSES
Id = Annotated[int, Path(gt=0, le=2**62)]
PageNo = Annotated[int, Query(ge=1, le=10_000_000)]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Active = Annotated[bool | None, Query(description="Only active (true) or inactive (false)")]


# ad formats


@router.get("/formats", tags=["inventory"], responses=ERRORS)
async def list_formats(
    principal: CurrentPrincipal,
    session: Session,
    is_active: Active = None,
    page: PageNo = 1,
    page_size: PageSize = 100,
) -> Page[schemas.AdFormat]:
    """Ad formats, by id."""
    items, total = await service.list_formats(
        session, principal, InventoryFilter(is_active=is_active), PageParams(page, page_size)
    )
    return Page(
        items=[schemas.AdFormat.model_validate(f) for f in items],
        total=total,
        page=page,
        page_size=page_size,
    )


@router.post("/formats", tags=["inventory"], status_code=201, responses=ERRORS)
async def create_format(
    body: schemas.AdFormatCreate, principal: CurrentPrincipal, session: Session
) -> schemas.AdFormat:
    """Add an ad format (admin)."""
    return schemas.AdFormat.model_validate(await service.create_format(session, principal, body))


@router.get("/formats/{id}", tags=["inventory"], responses=ERRORS)
async def get_format(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.AdFormat:
    """One ad format."""
    return schemas.AdFormat.model_validate(await service.get_format(session, principal, id))


@router.patch("/formats/{id}", tags=["inventory"], responses=ERRORS)
async def update_format(
    id: Id, body: schemas.AdFormatUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.AdFormat:
    """Change an ad format (admin)."""
    fmt = await service.update_format(session, principal, id, body)
    return schemas.AdFormat.model_validate(fmt)


@router.delete("/formats/{id}", tags=["inventory"], responses=ERRORS)
async def deactivate_format(
    id: Id, principal: CurrentPrincipal, session: Session
) -> schemas.AdFormat:
    """Deactivate an ad format (admin); campaigns that use it keep it."""
    fmt = await service.deactivate_format(session, principal, id)
    return schemas.AdFormat.model_validate(fmt)


# sites


@router.get("/sites", tags=["inventory"], responses=ERRORS)
async def list_sites(
    principal: CurrentPrincipal,
    session: Session,
    is_active: Active = None,
    page: PageNo = 1,
    page_size: PageSize = 100,
) -> Page[schemas.Site]:
    """Sites, by id."""
    items, total = await service.list_sites(
        session, principal, InventoryFilter(is_active=is_active), PageParams(page, page_size)
    )
    return Page(
        items=[schemas.Site.model_validate(s) for s in items],
        total=total,
        page=page,
        page_size=page_size,
    )


@router.post("/sites", tags=["inventory"], status_code=201, responses=ERRORS)
async def create_site(
    body: schemas.SiteCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Site:
    """Add a site (admin)."""
    site = await service.create_site(session, principal, name=body.name, domain=body.domain)
    return schemas.Site.model_validate(site)


@router.get("/sites/{id}", tags=["inventory"], responses=ERRORS)
async def get_site(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Site:
    """One site."""
    return schemas.Site.model_validate(await service.get_site(session, principal, id))


@router.patch("/sites/{id}", tags=["inventory"], responses=ERRORS)
async def update_site(
    id: Id, body: schemas.SiteUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Site:
    """Change a site (admin)."""
    return schemas.Site.model_validate(await service.update_site(session, principal, id, body))


@router.delete("/sites/{id}", tags=["inventory"], responses=ERRORS)
async def deactivate_site(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Site:
    """Deactivate a site (admin)."""
    return schemas.Site.model_validate(await service.deactivate_site(session, principal, id))


# spots


@router.get("/spots", tags=["inventory"], responses=ERRORS)
async def list_spots(
    principal: CurrentPrincipal,
    session: Session,
    is_active: Active = None,
    site_id: Annotated[int | None, Query(gt=0, le=MAX_ID)] = None,
    format_id: Annotated[int | None, Query(gt=0, le=MAX_ID)] = None,
    page: PageNo = 1,
    page_size: PageSize = 100,
) -> Page[schemas.Spot]:
    """Spots, by id; filter by site or format."""
    filters = InventoryFilter(is_active=is_active, site_id=site_id, format_id=format_id)
    items, total = await service.list_spots(
        session, principal, filters, PageParams(page, page_size)
    )
    return Page(
        items=[schemas.Spot.model_validate(s) for s in items],
        total=total,
        page=page,
        page_size=page_size,
    )


@router.post("/spots", tags=["inventory"], status_code=201, responses=ERRORS)
async def create_spot(
    body: schemas.SpotCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Spot:
    """Add a spot to a site (admin)."""
    spot = await service.create_spot(
        session,
        principal,
        site_id=body.site_id,
        name=body.name,
        format_id=body.format_id,
        codename=body.codename,
    )
    return schemas.Spot.model_validate(spot)


@router.get("/spots/{id}", tags=["inventory"], responses=ERRORS)
async def get_spot(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Spot:
    """One spot."""
    return schemas.Spot.model_validate(await service.get_spot(session, principal, id))


@router.patch("/spots/{id}", tags=["inventory"], responses=ERRORS)
async def update_spot(
    id: Id, body: schemas.SpotUpdate, principal: CurrentPrincipal, session: Session
) -> schemas.Spot:
    """Change a spot (admin)."""
    return schemas.Spot.model_validate(await service.update_spot(session, principal, id, body))


@router.delete("/spots/{id}", tags=["inventory"], responses=ERRORS)
async def deactivate_spot(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Spot:
    """Deactivate a spot (admin)."""
    return schemas.Spot.model_validate(await service.deactivate_spot(session, principal, id))
