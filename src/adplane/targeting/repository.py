"""Every query for the targeting values admins added."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.models import TargetingValue


class TargetingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> TargetingRepository:
        return cls(session)

    async def added_values(self) -> list[TargetingValue]:
        """Every added value of every dimension (a short list: built-ins are not rows)."""
        rows = await self.session.execute(
            select(TargetingValue).order_by(TargetingValue.dimension, TargetingValue.value_id)
        )
        return list(rows.scalars())

    async def max_value_id(self, dimension: str) -> int | None:
        return (
            await self.session.execute(
                select(func.max(TargetingValue.value_id)).where(
                    TargetingValue.dimension == dimension
                )
            )
        ).scalar_one()

    async def add(self, row: TargetingValue) -> None:
        self.session.add(row)
        await self.session.flush()
