"""Native targeting catalogue routes: the dimensions, their values, values admins add."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from adplane.accounts.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.pagination import MAX_PAGE_SIZE, Page, PageParams
from adplane.kit.problems import PROBLEM_RESPONSES
from adplane.kit.routing import ExactJSONRoute
from adplane.targeting import schemas, service

router = APIRouter(prefix="/targeting", tags=["targeting"], route_class=ExactJSONRoute)
ERRORS = PROBLEM_RESPONSES
DimensionName = Annotated[
    str, Path(max_length=64, description="A catalogued dimension, such as countries or oses")
]
PageNo = Annotated[int, Query(ge=1, le=10_000_000)]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
CodeFilter = Annotated[str | None, Query(max_length=64, description="Exactly this code")]
Search = Annotated[
    str | None, Query(max_length=255, description="A substring of the code or the name")
]


@router.get("", responses=ERRORS)
async def list_dimensions(
    _principal: CurrentPrincipal, session: Session
) -> list[schemas.DimensionInfo]:
    """The catalogued targeting dimensions."""
    return await service.list_dimensions(session)


@router.get("/{dimension}", responses=ERRORS)
async def list_values(
    dimension: DimensionName,
    _principal: CurrentPrincipal,
    session: Session,
    code: CodeFilter = None,
    q: Search = None,
    page: PageNo = 1,
    page_size: PageSize = 100,
) -> Page[schemas.TargetingValue]:
    """One dimension's values by id, filtered by ``code`` and ``q``."""
    result = await service.list_values(
        session, dimension, PageParams(page, page_size), code=code, q=q
    )
    return Page(items=result.items, total=result.total, page=page, page_size=page_size)


@router.post("/{dimension}", status_code=201, responses=ERRORS)
async def create_value(
    dimension: DimensionName,
    body: schemas.TargetingValueCreate,
    principal: CurrentPrincipal,
    session: Session,
) -> schemas.TargetingValue:
    """Add a value to a dimension (admin)."""
    return await service.add_value(session, principal, dimension, body)
