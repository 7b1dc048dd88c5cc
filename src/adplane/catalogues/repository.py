"""Every query for reject reasons, restrictions and segments."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.kit.pagination import PageParams
from adplane.models import (
    CampaignRestriction,
    CampaignSegment,
    RejectReason,
    Restriction,
    Segment,
)


class CatalogueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> CatalogueRepository:
        return cls(session)

    # reject reasons

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

    # restrictions

    async def restrictions_by_ids(self, ids: Collection[int]) -> dict[int, Restriction]:
        if not ids:
            return {}
        rows = await self.session.execute(select(Restriction).where(Restriction.id.in_(list(ids))))
        return {r.id: r for r in rows.scalars()}

    async def restrictions(self, page: PageParams) -> tuple[list[Restriction], int]:
        total = (await self.session.execute(select(func.count(Restriction.id)))).scalar_one()
        rows = await self.session.execute(
            select(Restriction).order_by(Restriction.id).offset(page.offset).limit(page.page_size)
        )
        return list(rows.scalars()), total

    async def get_restriction(self, restriction_id: int) -> Restriction | None:
        return await self.session.get(Restriction, restriction_id)

    async def add(self, row: Restriction | Segment) -> None:
        self.session.add(row)
        await self.session.flush()

    async def delete(self, row: Restriction | Segment) -> None:
        await self.session.delete(row)
        await self.session.flush()

    async def campaigns_using_restriction(self, restriction_id: int) -> list[int]:
        """Campaign ids whose restriction list holds ``restriction_id``."""
        rows = await self.session.execute(
            select(CampaignRestriction.campaign_id)
            .where(CampaignRestriction.restriction_id == restriction_id)
            .order_by(CampaignRestriction.campaign_id)
        )
        return list(rows.scalars())

    # segments

    @staticmethod
    def _visible(account_id: int | None) -> Any:
        if account_id is None:
            return Segment.account_id.is_(None)
        return or_(Segment.account_id.is_(None), Segment.account_id == account_id)

    async def segments(
        self, page: PageParams, *, visible_to: int | None, everything: bool, account_id: int | None
    ) -> tuple[list[Segment], int]:
        """A page of segments: all (``everything``) or those ``visible_to`` one account."""
        clauses: list[Any] = []
        if not everything:
            clauses.append(self._visible(visible_to))
        if account_id is not None:
            clauses.append(Segment.account_id == account_id)
        total = (
            await self.session.execute(select(func.count(Segment.id)).where(*clauses))
        ).scalar_one()
        rows = await self.session.execute(
            select(Segment)
            .where(*clauses)
            .order_by(Segment.id)
            .offset(page.offset)
            .limit(page.page_size)
        )
        return list(rows.scalars()), total

    async def get_segment(self, segment_id: int) -> Segment | None:
        return await self.session.get(Segment, segment_id)

    async def segments_by_ids(self, ids: Collection[int]) -> dict[int, Segment]:
        if not ids:
            return {}
        rows = await self.session.execute(select(Segment).where(Segment.id.in_(list(ids))))
        return {s.id: s for s in rows.scalars()}

    async def visible_segment_ids(self, ids: Collection[int], account_id: int) -> set[int]:
        """Segment ids among ``ids`` that are platform-wide or belong to ``account_id``."""
        if not ids:
            return set()
        rows = await self.session.execute(
            select(Segment.id).where(Segment.id.in_(list(ids)), self._visible(account_id))
        )
        return set(rows.scalars())

    async def campaigns_using_segment(self, segment_id: int) -> list[int]:
        """Campaign ids that target, exclude or bid up ``segment_id``."""
        rows = await self.session.execute(
            select(CampaignSegment.campaign_id)
            .where(CampaignSegment.segment_id == segment_id)
            .order_by(CampaignSegment.campaign_id)
        )
        return list(rows.scalars())
