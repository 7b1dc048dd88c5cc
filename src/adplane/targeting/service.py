"""Targeting catalogue use cases: list dimensions and values, add values, check targeting.

The built-in catalogue is data in code, built once per process. Values admins add are rows;
``catalogue`` merges them in on every call (one small query), so a value added through one
process is seen by every other (the server, the CLI, a bidder) without a cache to invalidate.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.accounts.service import require_admin
from adplane.campaigns.schemas import CodeList, Targeting
from adplane.kit.errors import Conflict, FieldError, NotFound, ValidationFailed
from adplane.kit.pagination import PageParams, PageResult
from adplane.models import TargetingValue
from adplane.targeting import schemas
from adplane.targeting.catalogue import (
    DESCRIPTIONS,
    FIRST_ADDED_ID,
    Catalogue,
    Dimension,
    Entry,
    builtin_catalogue,
    code_shape_error,
    normalise,
)
from adplane.targeting.repository import TargetingRepository

CATALOGUED: tuple[str, ...] = tuple(d.value for d in Dimension)


def dimension_of(name: str) -> Dimension:
    """The dimension called ``name``; any other name is not found."""
    try:
        return Dimension(name)
    except ValueError:
        known = ", ".join(CATALOGUED)
        raise NotFound(f"targeting dimension {name!r} not found; use one of {known}") from None


async def catalogue(session: AsyncSession) -> Catalogue:
    """The whole catalogue: the built-in values and those admins added."""
    rows = await TargetingRepository.from_session(session).added_values()
    if not rows:
        return builtin_catalogue()
    added: dict[Dimension, list[Entry]] = {}
    for row in rows:
        if row.dimension in CATALOGUED:
            added.setdefault(Dimension(row.dimension), []).append(
                Entry(row.value_id, row.code, row.name)
            )
    return builtin_catalogue().with_added(added)


def _value(entry: Entry) -> schemas.TargetingValue:
    return schemas.TargetingValue(id=entry.id, code=entry.code, name=entry.name)


async def list_dimensions(session: AsyncSession) -> list[schemas.DimensionInfo]:
    """Every catalogued dimension, with how many values it holds."""
    cat = await catalogue(session)
    return [
        schemas.DimensionInfo(dimension=d, description=DESCRIPTIONS[d], total=len(cat.entries(d)))
        for d in Dimension
    ]


async def list_values(
    session: AsyncSession,
    dimension: str,
    page: PageParams,
    *,
    code: str | None = None,
    q: str | None = None,
) -> PageResult[schemas.TargetingValue]:
    """A page of one dimension's values by id: ``code`` matches exactly (in any case), ``q``
    is a case-insensitive substring of the code or the name."""
    dim = dimension_of(dimension)
    entries: Sequence[Entry] = (await catalogue(session)).entries(dim)
    if code is not None:
        wanted = normalise(dim, code)
        entries = [e for e in entries if e.code == wanted]
    if q:
        needle = q.strip().lower()
        entries = [e for e in entries if needle in e.code.lower() or needle in e.name.lower()]
    chosen = entries[page.offset : page.offset + page.page_size]
    return PageResult([_value(e) for e in chosen], len(entries), page.page, page.page_size)


async def add_value(
    session: AsyncSession,
    principal: Principal,
    dimension: str,
    data: schemas.TargetingValueCreate,
) -> schemas.TargetingValue:
    """Add a value to a dimension (admin). Its code and id must be new to the dimension."""
    require_admin(principal)
    dim = dimension_of(dimension)
    code = normalise(dim, data.code)
    problem = code_shape_error(dim, code)
    if problem is not None:
        raise ValidationFailed.field("code", problem)
    cat = await catalogue(session)
    if cat.by_code(dim, code) is not None:
        raise Conflict(f"{dim.value} already has the code {code!r}")
    repo = TargetingRepository.from_session(session)
    if data.id is not None:
        if cat.by_id(dim, data.id) is not None:
            raise Conflict(f"{dim.value} already has the id {data.id}")
        value_id = data.id
    else:
        value_id = max(FIRST_ADDED_ID - 1, await repo.max_value_id(dim.value) or 0) + 1
    row = TargetingValue(dimension=dim.value, value_id=value_id, code=code, name=data.name)
    try:
        async with session.begin_nested():
            await repo.add(row)
    except IntegrityError:
        # Another admin added the same code or id in the meantime.
        raise Conflict(f"{dim.value} already has the code {code!r} or the id {value_id}") from None
    return _value(Entry(value_id, code, data.name))


def unknown_values(cat: Catalogue, targeting: Targeting) -> list[FieldError]:
    """One error per catalogued value of ``targeting`` the catalogue does not hold."""
    errors: list[FieldError] = []
    for dim in Dimension:
        lists: CodeList = getattr(targeting, dim.value)
        for mode, values in (("include", lists.include), ("exclude", lists.exclude)):
            for value in values:
                if cat.by_code(dim, value) is None:
                    errors.append(
                        FieldError(
                            f"targeting.{dim.value}",
                            f"{value!r} ({mode}) is not a code of the {dim.value} catalogue",
                        )
                    )
    return errors


async def unknown_targeting(session: AsyncSession, targeting: Targeting) -> list[FieldError]:
    """The catalogued values of a campaign's targeting that no catalogue holds, each named."""
    if not any(
        getattr(targeting, d.value).include or getattr(targeting, d.value).exclude
        for d in Dimension
    ):
        # Nothing catalogued is targeted: no need to read the added values.
        return []
    return unknown_values(await catalogue(session), targeting)
