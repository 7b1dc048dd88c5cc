"""Every query for ad formats, sites and spots."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.models import AdFormat, Site, Spot


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
