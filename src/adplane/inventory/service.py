"""Inventory use cases. Inventory is platform-wide: every user may read it, only admins change it.

Nothing is ever deleted: campaigns, spot prices and delivery history refer to formats, sites
and spots, so "delete" deactivates (``is_active = false``) and the row stays readable.

The three kinds share one set of rules (``_Kind``): reading, paging, updating and deactivating
are written once; only spots check references and codenames on top.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.accounts.service import require_admin
from adplane.inventory import schemas
from adplane.inventory.repository import (
    FormatRepository,
    InventoryFilter,
    SiteRepository,
    SpotRepository,
)
from adplane.kit.errors import Conflict, NotFound, ValidationFailed
from adplane.kit.pagination import PageParams
from adplane.kit.repository import RepositoryBase
from adplane.kit.schemas import Schema
from adplane.models import AdFormat, Site, Spot

# Fields an update may set to null; any other null is a mistake worth reporting.
_NULLABLE = frozenset({"format_id"})

S = TypeVar("S", bound=Schema)


@dataclass(frozen=True)
class _Kind(Generic[S]):
    """One inventory kind: its repository, its wire schema, its noun and its list filters."""

    repository: type[RepositoryBase[Any]]
    schema: type[S]
    noun: str
    filters: tuple[str, ...]

    def repo(self, session: AsyncSession) -> RepositoryBase[Any]:
        return self.repository.from_session(session)

    async def row(self, session: AsyncSession, id: int) -> Any:
        row = await self.repo(session).get(id)
        if row is None:
            raise NotFound(f"{self.noun} {id} not found")
        return row

    async def page(
        self, session: AsyncSession, filters: InventoryFilter, page: PageParams
    ) -> tuple[list[S], int]:
        wanted = {k: v for k, v in asdict(filters).items() if k in self.filters}
        rows, total = await self.repo(session).paginate(page, wanted)
        return [self.schema.model_validate(r) for r in rows], total

    async def update(self, session: AsyncSession, row: Any, changes: dict[str, Any]) -> S:
        return self.schema.model_validate(await self.repo(session).update(row, changes))


FORMATS: _Kind[schemas.AdFormat] = _Kind(
    FormatRepository, schemas.AdFormat, "format", ("is_active",)
)
SITES: _Kind[schemas.Site] = _Kind(SiteRepository, schemas.Site, "site", ("is_active",))
SPOTS: _Kind[schemas.Spot] = _Kind(
    SpotRepository, schemas.Spot, "spot", ("is_active", "site_id", "format_id")
)


def _changes(body: BaseModel) -> dict[str, Any]:
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    for name, value in changes.items():
        if value is None and name not in _NULLABLE:
            raise ValidationFailed.field(name, "must not be null")
    return changes


# ad formats


async def list_formats(
    session: AsyncSession, principal: Principal, filters: InventoryFilter, page: PageParams
) -> tuple[list[schemas.AdFormat], int]:
    return await FORMATS.page(session, filters, page)


async def get_format(
    session: AsyncSession, principal: Principal, format_id: int
) -> schemas.AdFormat:
    return schemas.AdFormat.model_validate(await FORMATS.row(session, format_id))


async def create_format(
    session: AsyncSession, principal: Principal, body: schemas.AdFormatCreate
) -> schemas.AdFormat:
    """Add an ad format (admin); its options are the sub-formats campaigns may pick."""
    require_admin(principal)
    repo = FormatRepository.from_session(session)
    if body.id is not None and await repo.get(body.id) is not None:
        raise Conflict(f"format {body.id} already exists")
    fmt = AdFormat(name=body.name, kind=body.kind, options=list(body.options), is_active=True)
    if body.id is not None:
        fmt.id = body.id
    try:
        async with session.begin_nested():
            await repo.create(fmt)
    except IntegrityError as exc:
        raise Conflict(f"format {body.id} already exists") from exc
    if body.id is not None:
        await repo.advance_id_sequence()
    return schemas.AdFormat.model_validate(fmt)


async def update_format(
    session: AsyncSession, principal: Principal, format_id: int, body: schemas.AdFormatUpdate
) -> schemas.AdFormat:
    require_admin(principal)
    return await FORMATS.update(session, await FORMATS.row(session, format_id), _changes(body))


async def deactivate_format(
    session: AsyncSession, principal: Principal, format_id: int
) -> schemas.AdFormat:
    require_admin(principal)
    fmt = await FORMATS.row(session, format_id)
    return await FORMATS.update(session, fmt, {"is_active": False})


# sites


async def list_sites(
    session: AsyncSession, principal: Principal, filters: InventoryFilter, page: PageParams
) -> tuple[list[schemas.Site], int]:
    return await SITES.page(session, filters, page)


async def get_site(session: AsyncSession, principal: Principal, site_id: int) -> schemas.Site:
    return schemas.Site.model_validate(await SITES.row(session, site_id))


async def create_site(
    session: AsyncSession, principal: Principal | None, *, name: str, domain: str
) -> schemas.Site:
    """Add a site (``principal`` None means the local CLI or demo)."""
    if principal is not None:
        require_admin(principal)
    site = await SiteRepository.from_session(session).create(Site(name=name, domain=domain))
    return schemas.Site.model_validate(site)


async def update_site(
    session: AsyncSession, principal: Principal, site_id: int, body: schemas.SiteUpdate
) -> schemas.Site:
    require_admin(principal)
    return await SITES.update(session, await SITES.row(session, site_id), _changes(body))


async def deactivate_site(
    session: AsyncSession, principal: Principal, site_id: int
) -> schemas.Site:
    require_admin(principal)
    return await SITES.update(session, await SITES.row(session, site_id), {"is_active": False})


# spots


async def list_spots(
    session: AsyncSession, principal: Principal, filters: InventoryFilter, page: PageParams
) -> tuple[list[schemas.Spot], int]:
    return await SPOTS.page(session, filters, page)


async def get_spot(session: AsyncSession, principal: Principal, spot_id: int) -> schemas.Spot:
    return schemas.Spot.model_validate(await SPOTS.row(session, spot_id))


async def _check_spot_refs(
    session: AsyncSession, changes: dict[str, Any], spot_id: int | None
) -> None:
    site_id = changes.get("site_id")
    if site_id is not None and await SiteRepository.from_session(session).get(site_id) is None:
        raise ValidationFailed.field("site_id", f"site {site_id} does not exist")
    format_id = changes.get("format_id")
    if (
        format_id is not None
        and await FormatRepository.from_session(session).get(format_id) is None
    ):
        raise ValidationFailed.field("format_id", f"format {format_id} does not exist")
    codename = changes.get("codename")
    spots = SpotRepository.from_session(session)
    if codename is not None and await spots.codename_taken(codename, spot_id):
        raise Conflict(f"codename {codename!r} is already used by another spot")


async def create_spot(
    session: AsyncSession,
    principal: Principal | None,
    *,
    site_id: int,
    name: str,
    format_id: int | None,
    codename: str | None = None,
) -> schemas.Spot:
    """Add an ad spot to a site."""
    if principal is not None:
        require_admin(principal)
    await _check_spot_refs(
        session, {"site_id": site_id, "format_id": format_id, "codename": codename}, None
    )
    spot = Spot(site_id=site_id, name=name, format_id=format_id)
    if codename is not None:
        spot.codename = codename
    return schemas.Spot.model_validate(await SpotRepository.from_session(session).create(spot))


async def update_spot(
    session: AsyncSession, principal: Principal, spot_id: int, body: schemas.SpotUpdate
) -> schemas.Spot:
    require_admin(principal)
    spot = await SPOTS.row(session, spot_id)
    changes = _changes(body)
    await _check_spot_refs(session, changes, spot_id)
    return await SPOTS.update(session, spot, changes)


async def deactivate_spot(
    session: AsyncSession, principal: Principal, spot_id: int
) -> schemas.Spot:
    require_admin(principal)
    return await SPOTS.update(session, await SPOTS.row(session, spot_id), {"is_active": False})


# lookups for other domains (campaign validation) and for dialects that name spots by codename


async def format_options(session: AsyncSession, format_id: int) -> list[str] | None:
    """The options of a format, or None when no such format exists."""
    fmt = await FormatRepository.from_session(session).get(format_id)
    return None if fmt is None else list(fmt.options)


async def format_id_of_kind(session: AsyncSession, kind: str) -> int | None:
    """The active format serving ``kind`` ("banner", "native", "video"...), lowest id first."""
    return await FormatRepository.from_session(session).first_active_of_kind(kind)


async def existing_spot_ids(session: AsyncSession, spot_ids: Collection[int]) -> set[int]:
    """Which of ``spot_ids`` exist."""
    return await SpotRepository.from_session(session).existing_ids(set(spot_ids))


async def existing_site_ids(session: AsyncSession, site_ids: Collection[int]) -> set[int]:
    """Which of ``site_ids`` exist."""
    return await SiteRepository.from_session(session).existing_ids(set(site_ids))


async def spot_codenames(session: AsyncSession, spot_ids: Collection[int]) -> dict[int, str]:
    """Spot id -> codename, for the ids that exist."""
    return await SpotRepository.from_session(session).codenames(set(spot_ids))


async def spot_ids_by_codename(session: AsyncSession, codenames: Collection[str]) -> dict[str, int]:
    """Codename -> spot id, for the codenames that exist."""
    return await SpotRepository.from_session(session).ids_by_codename(set(codenames))


async def site_names(session: AsyncSession, principal: Principal, ids: list[int]) -> dict[int, str]:
    """Site id -> name for the ids that exist (inventory is readable by every user)."""
    return await SiteRepository.from_session(session).names(ids)


async def spot_names(session: AsyncSession, principal: Principal, ids: list[int]) -> dict[int, str]:
    """Spot id -> name for the ids that exist (inventory is readable by every user)."""
    return await SpotRepository.from_session(session).names(ids)
