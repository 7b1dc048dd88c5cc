"""Every query for tracker settings."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.models import TrackerSettings


class TrackerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> TrackerRepository:
        return cls(session)

    async def get(self, campaign_id: int) -> TrackerSettings | None:
        return await self.session.get(TrackerSettings, campaign_id)

    async def get_many(self, campaign_ids: Collection[int]) -> dict[int, TrackerSettings]:
        if not campaign_ids:
            return {}
        rows = await self.session.execute(
            select(TrackerSettings).where(TrackerSettings.campaign_id.in_(list(campaign_ids)))
        )
        return {row.campaign_id: row for row in rows.scalars()}

    def add(self, settings: TrackerSettings) -> None:
        self.session.add(settings)

    async def alias_taken(self, alias: str, exclude_campaign_id: int | None) -> bool:
        stmt = select(TrackerSettings.campaign_id).where(TrackerSettings.alias == alias)
        if exclude_campaign_id is not None:
            stmt = stmt.where(TrackerSettings.campaign_id != exclude_campaign_id)
        return (await self.session.execute(stmt.limit(1))).first() is not None
