"""Every query for reject reasons, restrictions and segments."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.models import RejectReason, Restriction, Segment


class CatalogueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> CatalogueRepository:
        return cls(session)

    async def reject_reasons(self) -> list[RejectReason]:
        rows = await self.session.execute(select(RejectReason).order_by(RejectReason.code))
        return list(rows.scalars())

    async def existing_reject_codes(self, codes: Collection[int]) -> set[int]:
        if not codes:
            return set()
        rows = await self.session.execute(
            select(RejectReason.code).where(RejectReason.code.in_(list(codes)))
        )
        return set(rows.scalars())

    async def restrictions_by_ids(self, ids: Collection[int]) -> dict[int, Restriction]:
        if not ids:
            return {}
        rows = await self.session.execute(select(Restriction).where(Restriction.id.in_(list(ids))))
        return {r.id: r for r in rows.scalars()}

    async def visible_segment_ids(self, ids: Collection[int], account_id: int) -> set[int]:
        """Segment ids among ``ids`` that are platform-wide or belong to ``account_id``."""
        if not ids:
            return set()
        rows = await self.session.execute(
            select(Segment.id).where(
                Segment.id.in_(list(ids)),
                or_(Segment.account_id.is_(None), Segment.account_id == account_id),
            )
        )
        return set(rows.scalars())
