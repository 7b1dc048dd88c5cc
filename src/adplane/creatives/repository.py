"""Every query for creatives and their campaign assignments."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.sql.elements import ColumnElement

from adplane.kit.pagination import PageParams
from adplane.kit.repository import RepositoryBase
from adplane.models import CampaignCreative, Creative, CreativeMediaUse


@dataclass(frozen=True)
class CreativeFilter:
    """List filters; None means no filter on that field."""

    account_id: int | None = None
    type: str | None = None
    variant: str | None = None
    approval: str | None = None
    is_active: bool | None = None
    name_contains: str | None = None


class CreativeRepository(RepositoryBase[Creative]):
    model = Creative

    async def get_live(self, creative_id: int) -> Creative | None:
        """The creative unless it was deleted."""
        row = await self.get(creative_id)
        return None if row is None or row.deleted_at is not None else row

    async def page(self, filters: CreativeFilter, page: PageParams) -> tuple[list[Creative], int]:
        clauses: list[ColumnElement[bool]] = [Creative.deleted_at.is_(None)]
        if filters.name_contains:
            clauses.append(func.lower(Creative.name).contains(filters.name_contains.lower()))
        equal = {
            "type": filters.type,
            "variant": filters.variant,
            "approval": filters.approval,
            "is_active": filters.is_active,
        }
        return await self.paginate(page, equal, clauses=clauses, account_id=filters.account_id)

    async def live_account_ids(self, ids: Collection[int]) -> dict[int, int]:
        """Creative id -> account id for the ids that exist and are not deleted."""
        if not ids:
            return {}
        rows = await self.session.execute(
            select(Creative.id, Creative.account_id).where(
                Creative.id.in_(list(ids)), Creative.deleted_at.is_(None)
            )
        )
        return {int(cid): int(aid) for cid, aid in rows.all()}

    async def use_media(self, creative_id: int, media_ids: Collection[int]) -> None:
        """Record exactly these assets as the creative's (none: it uses no media)."""
        await self.session.execute(
            delete(CreativeMediaUse).where(CreativeMediaUse.creative_id == creative_id)
        )
        if media_ids:
            await self.session.execute(
                insert(CreativeMediaUse),
                [{"creative_id": creative_id, "media_id": mid} for mid in sorted(set(media_ids))],
            )

    # assignments

    async def assigned_ids(self, campaign_id: int) -> list[int]:
        rows = await self.session.execute(
            select(CampaignCreative.creative_id)
            .join(Creative, Creative.id == CampaignCreative.creative_id)
            .where(CampaignCreative.campaign_id == campaign_id, Creative.deleted_at.is_(None))
            .order_by(CampaignCreative.creative_id)
        )
        return [int(i) for i in rows.scalars()]

    async def assigned_page(self, campaign_id: int, page: PageParams) -> tuple[list[Creative], int]:
        where = (
            CampaignCreative.campaign_id == campaign_id,
            Creative.deleted_at.is_(None),
        )
        joined = select(Creative).join(
            CampaignCreative, CampaignCreative.creative_id == Creative.id
        )
        count = (
            select(func.count())
            .select_from(Creative)
            .join(CampaignCreative, CampaignCreative.creative_id == Creative.id)
        )
        total = (await self.session.execute(count.where(*where))).scalar_one()
        stmt = joined.where(*where).order_by(Creative.id).offset(page.offset).limit(page.page_size)
        return await self.get_all(stmt), int(total)

    async def assigned_rows(
        self, campaign_ids: Sequence[int], *, approved_only: bool
    ) -> list[tuple[int, Creative]]:
        """(campaign id, creative) for every live creative of these campaigns."""
        if not campaign_ids:
            return []
        stmt = (
            select(CampaignCreative.campaign_id, Creative)
            .join(Creative, Creative.id == CampaignCreative.creative_id)
            .where(
                CampaignCreative.campaign_id.in_(list(campaign_ids)),
                Creative.deleted_at.is_(None),
            )
            .order_by(CampaignCreative.campaign_id, Creative.id)
        )
        if approved_only:
            stmt = stmt.where(Creative.approval == "approved", Creative.is_active.is_(True))
        rows = await self.session.execute(stmt)
        return [(int(cid), creative) for cid, creative in rows.all()]

    async def campaign_ids_for(self, creative_ids: Collection[int]) -> set[int]:
        """The campaigns these creatives are assigned to."""
        if not creative_ids:
            return set()
        rows = await self.session.execute(
            select(CampaignCreative.campaign_id).where(
                CampaignCreative.creative_id.in_(list(creative_ids))
            )
        )
        return {int(cid) for cid in rows.scalars()}

    async def assign(self, campaign_id: int, creative_ids: Collection[int]) -> None:
        if not creative_ids:
            return
        # Core inserts: the rows never enter the identity map, so a replace (delete, then
        # insert the same pairs) cannot collide with objects the session still holds.
        await self.session.execute(
            insert(CampaignCreative),
            [{"campaign_id": campaign_id, "creative_id": cid} for cid in creative_ids],
        )

    async def unassign(self, campaign_id: int, creative_ids: Collection[int] | None) -> None:
        """Remove these creatives from the campaign (None: all of them)."""
        stmt = delete(CampaignCreative).where(CampaignCreative.campaign_id == campaign_id)
        if creative_ids is not None:
            if not creative_ids:
                return
            stmt = stmt.where(CampaignCreative.creative_id.in_(list(creative_ids)))
        await self.session.execute(stmt)

    async def unassign_everywhere(self, creative_id: int) -> None:
        await self.session.execute(
            delete(CampaignCreative).where(CampaignCreative.creative_id == creative_id)
        )
