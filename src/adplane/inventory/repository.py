"""Every query for ad formats, sites and spots."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from adplane.kit.pagination import PageParams
from adplane.models import AdFormat, Site, Spot


@dataclass(frozen=True)
class InventoryFilter:
    """List filters; None means no filter on that field."""

    is_active: bool | None = None
    site_id: int | None = None
    format_id: int | None = None


class InventoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> InventoryRepository:
        return cls(session)

    async def get_format(self, format_id: int) -> AdFormat | None:
        return await self.session.get(AdFormat, format_id)

    async def existing_spot_ids(self, ids: Collection[int]) -> set[int]:
        if not ids:
            return set()
        rows = await self.session.execute(select(Spot.id).where(Spot.id.in_(list(ids))))
        return set(rows.scalars())

    async def existing_site_ids(self, ids: Collection[int]) -> set[int]:
        if not ids:
            return set()
        rows = await self.session.execute(select(Site.id).where(Site.id.in_(list(ids))))
        return set(rows.scalars())

    async def get_site(self, site_id: int) -> Site | None:
        return await self.session.get(Site, site_id)

    async def get_spot(self, spot_id: int) -> Spot | None:
        return await self.session.get(Spot, spot_id)

    async def spot_codenames(self, ids: Collection[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = await self.session.execute(
            select(Spot.id, Spot.codename).where(Spot.id.in_(list(ids)))
        )
        return {int(spot_id): str(codename) for spot_id, codename in rows.all()}

    async def spot_ids_by_codename(self, codenames: Collection[str]) -> dict[str, int]:
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

    async def add(self, row: AdFormat | Site | Spot) -> None:
        self.session.add(row)
        await self.session.flush()

    async def advance_id_sequence(self, table: str) -> None:
        """After an insert with an explicit id, move PostgreSQL's sequence past it."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        await self.session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        )

    async def _page(
        self, model: Any, clauses: list[ColumnElement[bool]], page: PageParams
    ) -> tuple[list[Any], int]:
        count = select(func.count()).select_from(model).where(*clauses)
        total = (await self.session.execute(count)).scalar_one()
        stmt = (
            select(model)
            .where(*clauses)
            .order_by(model.id)
            .offset(page.offset)
            .limit(page.page_size)
        )
        return list((await self.session.execute(stmt)).scalars()), int(total)

    async def list_formats(
        self, filters: InventoryFilter, page: PageParams
    ) -> tuple[list[AdFormat], int]:
        clauses: list[ColumnElement[bool]] = []
        if filters.is_active is not None:
            clauses.append(AdFormat.is_active.is_(filters.is_active))
        return await self._page(AdFormat, clauses, page)

    async def list_sites(
        self, filters: InventoryFilter, page: PageParams
    ) -> tuple[list[Site], int]:
        clauses: list[ColumnElement[bool]] = []
        if filters.is_active is not None:
            clauses.append(Site.is_active.is_(filters.is_active))
        return await self._page(Site, clauses, page)

    async def list_spots(
        self, filters: InventoryFilter, page: PageParams
    ) -> tuple[list[Spot], int]:
        clauses: list[ColumnElement[bool]] = []
        if filters.is_active is not None:
            clauses.append(Spot.is_active.is_(filters.is_active))
        if filters.site_id is not None:
            clauses.append(Spot.site_id == filters.site_id)
        if filters.format_id is not None:
            clauses.append(Spot.format_id == filters.format_id)
        return await self._page(Spot, clauses, page)
