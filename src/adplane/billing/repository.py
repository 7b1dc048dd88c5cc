"""Every query of billing: the spend postings."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.models import SpendPosting


class BillingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> BillingRepository:
        return cls(session)

    async def latest_hour(self) -> datetime | None:
        """The last hour any campaign's spend was posted for."""
        return await self.session.scalar(select(func.max(SpendPosting.hour_start)))

    async def postings_between(
        self, since: datetime, until: datetime
    ) -> dict[tuple[int, datetime], SpendPosting]:
        """(campaign, hour) -> posting, for the hours in [since, until)."""
        rows = await self.session.scalars(
            select(SpendPosting).where(
                SpendPosting.hour_start >= since, SpendPosting.hour_start < until
            )
        )
        return {(p.campaign_id, p.hour_start): p for p in rows}

    async def add(self, posting: SpendPosting) -> None:
        self.session.add(posting)
        await self.session.flush()

    async def grow(self, posting_id: int, was: int, now: int, transaction_id: int) -> bool:
        """Raise a posting's amount from ``was`` to ``now``; False if another poster moved it."""
        result = await self.session.execute(
            update(SpendPosting)
            .where(SpendPosting.id == posting_id, SpendPosting.amount_micros == was)
            .values(amount_micros=now, transaction_id=transaction_id)
            .returning(SpendPosting.id)
        )
        return result.scalar_one_or_none() is not None

    async def posted_by_account(self, account_ids: Collection[int]) -> dict[int, int]:
        """Every spend posted to each account's wallet, in micros."""
        if not account_ids:
            return {}
        rows = await self.session.execute(
            select(SpendPosting.account_id, func.sum(SpendPosting.amount_micros))
            .where(SpendPosting.account_id.in_(set(account_ids)))
            .group_by(SpendPosting.account_id)
        )
        return {aid: int(total or 0) for aid, total in rows.all()}
