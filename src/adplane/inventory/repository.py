"""Every query for ad formats, sites and spots, on the kit's generic repository."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.kit.repository import RepositoryBase
from adplane.models import AdFormat, Site, Spot


@dataclass(frozen=True)
class InventoryFilter:
    """List filters; None means no filter on that field (site and format apply to spots)."""

    is_active: bool | None = None
    site_id: int | None = None
    format_id: int | None = None


class FormatRepository(RepositoryBase[AdFormat]):
    model = AdFormat

    async def first_active_of_kind(self, kind: str) -> int | None:
        """The lowest id of an active format of ``kind``."""
        stmt = (
            select(AdFormat.id)
            .where(AdFormat.kind == kind, AdFormat.is_active.is_(True))
            .order_by(AdFormat.id)
            .limit(1)
        )
        return await self.session.scalar(stmt)


class SiteRepository(RepositoryBase[Site]):
    model = Site


class SpotRepository(RepositoryBase[Spot]):
    model = Spot

    async def codenames(self, ids: Collection[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = await self.session.execute(
            select(Spot.id, Spot.codename).where(Spot.id.in_(list(ids)))
        )
        return {int(spot_id): str(codename) for spot_id, codename in rows.all()}

    async def ids_by_codename(self, codenames: Collection[str]) -> dict[str, int]:
        if not codenames:
            return {}
        rows = await self.session.execute(
            select(Spot.codename, Spot.id).where(Spot.codename.in_(list(codenames)))
        )
        return {str(codename): int(spot_id) for codename, spot_id in rows.all()}

    async def codename_taken(self, codename: str, exclude_id: int | None) -> bool:
        stmt = select(Spot.id).where(Spot.codename == codename)
        if exclude_id is not None:
            stmt = stmt.where(Spot.id != exclude_id)
        return (await self.session.execute(stmt.limit(1))).first() is not None


class InventoryRepository:
    """The three repositories together, for callers written before they were split.

    Another domain should call ``inventory.service`` (``format_options``, ``existing_spot_ids``
    ...) instead: a domain never imports another domain's repository.
    """

    def __init__(self, formats: FormatRepository, sites: SiteRepository, spots: SpotRepository):
        self.formats = formats
        self.sites = sites
        self.spots = spots

    @classmethod
    def from_session(cls, session: AsyncSession) -> InventoryRepository:
        return cls(FormatRepository(session), SiteRepository(session), SpotRepository(session))

    async def get_format(self, format_id: int) -> AdFormat | None:
        return await self.formats.get(format_id)

    async def get_site(self, site_id: int) -> Site | None:
        return await self.sites.get(site_id)

    async def get_spot(self, spot_id: int) -> Spot | None:
        return await self.spots.get(spot_id)

    async def existing_spot_ids(self, ids: Collection[int]) -> set[int]:
        return await self.spots.existing_ids(ids)

    async def existing_site_ids(self, ids: Collection[int]) -> set[int]:
        return await self.sites.existing_ids(ids)
