"""Every query for campaigns, their spot prices and their change history."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Select, and_, delete, func, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from adplane.campaigns.queries import CampaignFilter
from adplane.kit.pagination import PageParams, Sort
from adplane.models import (
    Account,
    Campaign,
    CampaignChange,
    CampaignExtension,
    CampaignRestriction,
    CampaignSegment,
    CampaignSpotPrice,
)

# One column per field of ``queries.SORTABLE_FIELDS``.
SORTABLE: dict[str, Any] = {
    "id": Campaign.id,
    "name": Campaign.name,
    "created_at": Campaign.created_at,
    "updated_at": Campaign.updated_at,
    "bid_price": Campaign.bid_price_micros,
    "price": Campaign.bid_price_micros,
    "pricing_model": Campaign.pricing_model,
    "daily_budget": Campaign.daily_budget_micros,
    "start_at": Campaign.start_at,
    "end_at": Campaign.end_at,
    "account_id": Campaign.account_id,
}


def sort_key(column: Any, descending: bool) -> Any:
    """ORDER BY one column, a missing value counting as the largest on every backend.

    PostgreSQL already sorts NULL as largest; SQLite sorts it as smallest, so the same list
    would come back in two orders without saying so.
    """
    return column.desc().nulls_first() if descending else column.asc().nulls_last()


def status_clause(status: str) -> ColumnElement[bool]:
    """SQL for one native status (see ``state.native_status``)."""
    live = and_(not_(Campaign.is_archived), not_(Campaign.is_draft))
    clauses: dict[str, ColumnElement[bool]] = {
        "archived": Campaign.is_archived.is_(True),
        "draft": and_(not_(Campaign.is_archived), Campaign.is_draft),
        "rejected": and_(live, Campaign.approval == "rejected"),
        "pending": and_(live, Campaign.approval == "pending"),
        "paused": and_(live, Campaign.approval == "approved", not_(Campaign.is_active)),
        "active": and_(live, Campaign.approval == "approved", Campaign.is_active),
    }
    return clauses[status]


def filter_clauses(f: CampaignFilter) -> list[ColumnElement[bool]]:
    """The SQL for a campaign query object."""
    out: list[ColumnElement[bool]] = []
    if f.account_id is not None:
        out.append(Campaign.account_id == f.account_id)
    if f.ids:
        out.append(Campaign.id.in_(list(f.ids)))
    if f.statuses:
        out.append(or_(*(status_clause(s) for s in f.statuses)))
    elif not f.include_archived:
        out.append(not_(Campaign.is_archived))
    pairs: list[tuple[Any, Collection[Any]]] = [
        (Campaign.format_id, f.format_ids),
        (Campaign.pricing_model, f.pricing_models),
        (Campaign.creative_type, f.creative_types),
        (Campaign.placement, f.placements),
        (Campaign.traffic_type, f.traffic_types),
        (Campaign.traffic_source_type, f.traffic_source_types),
        (Campaign.network_traffic_type, f.network_traffic_types),
        (Campaign.created_by_user_id, f.created_by_user_ids),
        (Campaign.approval, f.approval),
    ]
    out.extend(column.in_(list(values)) for column, values in pairs if values)
    if f.is_active is not None:
        out.append(Campaign.is_active.is_(f.is_active))
    if f.is_draft is not None:
        out.append(Campaign.is_draft.is_(f.is_draft))
    if f.flat_rate is not None:
        has = Campaign.flat_rate_micros.is_not(None)
        out.append(has if f.flat_rate else not_(has))
    if f.name_contains:
        # autoescape: "50%" or "a_b" are names to find, not LIKE patterns.
        out.append(func.lower(Campaign.name).contains(f.name_contains.lower(), autoescape=True))
    return out


class CampaignRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> CampaignRepository:
        return cls(session)

    async def get(self, campaign_id: int) -> Campaign | None:
        return await self.session.get(Campaign, campaign_id)

    async def get_by_uuid(self, campaign_uuid: Any) -> Campaign | None:
        rows = await self.session.execute(select(Campaign).where(Campaign.uuid == campaign_uuid))
        return rows.scalar_one_or_none()

    async def get_many(self, ids: Collection[int]) -> dict[int, Campaign]:
        if not ids:
            return {}
        rows = await self.session.execute(select(Campaign).where(Campaign.id.in_(list(ids))))
        return {c.id: c for c in rows.scalars()}

    async def account_ids(self, ids: Collection[int]) -> dict[int, int]:
        if not ids:
            return {}
        rows = await self.session.execute(
            select(Campaign.id, Campaign.account_id).where(Campaign.id.in_(list(ids)))
        )
        return {int(row[0]): int(row[1]) for row in rows.all()}

    async def all_account_ids(self) -> dict[int, int]:
        """Every campaign id -> its account id (bulk event imports check against this)."""
        rows = await self.session.execute(select(Campaign.id, Campaign.account_id))
        return {int(row[0]): int(row[1]) for row in rows.all()}

    def _filtered(self, filters: CampaignFilter) -> Select[Any]:
        return select(Campaign).where(*filter_clauses(filters))

    async def search(
        self, filters: CampaignFilter, sort: Sequence[Sort], page: PageParams | None
    ) -> tuple[list[Campaign], int]:
        stmt = self._filtered(filters)
        order = [sort_key(SORTABLE[s.field], s.descending) for s in sort]
        stmt = stmt.order_by(*order, Campaign.id)
        if page is None:
            items = list((await self.session.execute(stmt)).scalars())
            return items, len(items)
        count = select(func.count()).select_from(self._filtered(filters).subquery())
        total = (await self.session.execute(count)).scalar_one()
        stmt = stmt.offset(page.offset).limit(page.page_size)
        return list((await self.session.execute(stmt)).scalars()), total

    async def add(self, campaign: Campaign) -> Campaign:
        self.session.add(campaign)
        await self.session.flush()
        return campaign

    async def external_id_taken(
        self, external_id: str, placement: str | None, exclude_id: int | None
    ) -> bool:
        stmt = select(Campaign.id).where(
            Campaign.external_campaign_id == external_id,
            Campaign.placement.is_(None) if placement is None else Campaign.placement == placement,
        )
        if exclude_id is not None:
            stmt = stmt.where(Campaign.id != exclude_id)
        return (await self.session.execute(stmt.limit(1))).first() is not None

    async def balances(self, account_ids: Collection[int]) -> dict[int, tuple[int, str]]:
        if not account_ids:
            return {}
        rows = await self.session.execute(
            select(Account.id, Account.balance_micros, Account.currency).where(
                Account.id.in_(list(account_ids))
            )
        )
        return {aid: (balance, currency) for aid, balance, currency in rows.all()}

    async def active_for_generation(self) -> list[Campaign]:
        """Every campaign that is not archived, for synthetic traffic."""
        rows = await self.session.execute(
            select(Campaign).where(not_(Campaign.is_archived)).order_by(Campaign.id)
        )
        return list(rows.scalars())

    async def live(
        self,
        ids: Collection[int] | None = None,
        account_ids: Collection[int] | None = None,
        *,
        after_id: int | None = None,
        limit: int | None = None,
    ) -> list[Campaign]:
        """Approved, active campaigns that are neither drafts nor archived (delivery's
        candidates; spend, funds and schedule are derived afterwards), optionally by id or
        account, by id from ``after_id`` on (keyset pages)."""
        stmt = select(Campaign).where(status_clause("active"))
        if ids is not None:
            stmt = stmt.where(Campaign.id.in_(list(ids)))
        if account_ids is not None:
            stmt = stmt.where(Campaign.account_id.in_(list(account_ids)))
        if after_id is not None:
            stmt = stmt.where(Campaign.id > after_id)
        stmt = stmt.order_by(Campaign.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = await self.session.execute(stmt)
        return list(rows.scalars())

    # associations: which restrictions and segments a campaign refers to
    async def set_references(
        self, campaign_id: int, restriction_ids: Collection[int], segment_ids: Collection[int]
    ) -> None:
        """Replace the campaign's restriction and segment association rows."""
        await self.session.execute(
            delete(CampaignRestriction).where(CampaignRestriction.campaign_id == campaign_id)
        )
        await self.session.execute(
            delete(CampaignSegment).where(CampaignSegment.campaign_id == campaign_id)
        )
        self.session.add_all(
            CampaignRestriction(campaign_id=campaign_id, restriction_id=rid)
            for rid in sorted(set(restriction_ids))
        )
        self.session.add_all(
            CampaignSegment(campaign_id=campaign_id, segment_id=sid)
            for sid in sorted(set(segment_ids))
        )
        await self.session.flush()

    # extension documents: one per campaign and dialect
    async def extensions(self, campaign_ids: Collection[int]) -> dict[int, dict[str, Any]]:
        """Campaign id -> dialect -> document, for the campaigns that have any."""
        if not campaign_ids:
            return {}
        rows = await self.session.execute(
            select(CampaignExtension)
            .where(CampaignExtension.campaign_id.in_(list(campaign_ids)))
            .order_by(CampaignExtension.campaign_id, CampaignExtension.dialect)
        )
        found: dict[int, dict[str, Any]] = {}
        for row in rows.scalars():
            found.setdefault(row.campaign_id, {})[row.dialect] = row.document
        return found

    async def set_extension(self, campaign_id: int, dialect: str, document: dict[str, Any]) -> None:
        """Store (create or replace) one dialect's document of one campaign."""
        row = await self.session.get(CampaignExtension, (campaign_id, dialect))
        if row is None:
            self.session.add(
                CampaignExtension(campaign_id=campaign_id, dialect=dialect, document=document)
            )
        else:
            # A new dict, so the JSON column sees the change.
            row.document = dict(document)
        await self.session.flush()

    # spot prices
    async def spot_prices(self, campaign_id: int) -> list[CampaignSpotPrice]:
        rows = await self.session.execute(
            select(CampaignSpotPrice)
            .where(CampaignSpotPrice.campaign_id == campaign_id)
            .order_by(CampaignSpotPrice.spot_id)
        )
        return list(rows.scalars())

    async def spot_prices_for(self, campaign_ids: Collection[int]) -> list[CampaignSpotPrice]:
        if not campaign_ids:
            return []
        rows = await self.session.execute(
            select(CampaignSpotPrice)
            .where(CampaignSpotPrice.campaign_id.in_(list(campaign_ids)))
            .order_by(CampaignSpotPrice.campaign_id, CampaignSpotPrice.spot_id)
        )
        return list(rows.scalars())

    async def spot_price_counts(self, campaign_ids: Collection[int]) -> dict[int, int]:
        if not campaign_ids:
            return {}
        rows = await self.session.execute(
            select(CampaignSpotPrice.campaign_id, func.count())
            .where(CampaignSpotPrice.campaign_id.in_(list(campaign_ids)))
            .group_by(CampaignSpotPrice.campaign_id)
        )
        return {int(cid): int(n) for cid, n in rows.all()}

    async def spot_price(self, campaign_id: int, spot_id: int) -> CampaignSpotPrice | None:
        return await self.session.get(CampaignSpotPrice, (campaign_id, spot_id))

    async def add_spot_price(self, price: CampaignSpotPrice) -> CampaignSpotPrice:
        self.session.add(price)
        await self.session.flush()
        return price

    async def delete_spot_price(self, campaign_id: int, spot_id: int) -> bool:
        result = await self.session.execute(
            delete(CampaignSpotPrice).where(
                CampaignSpotPrice.campaign_id == campaign_id, CampaignSpotPrice.spot_id == spot_id
            )
        )
        return bool(getattr(result, "rowcount", 0))

    # history
    async def last_swept_reasons(
        self, campaign_ids: Collection[int], actions: Sequence[str]
    ) -> dict[int, str | None]:
        """Campaign id -> the stop reason its last sweep entry recorded (none: never swept)."""
        if not campaign_ids:
            return {}
        latest = (
            select(func.max(CampaignChange.id))
            .where(
                CampaignChange.campaign_id.in_(list(campaign_ids)),
                CampaignChange.action.in_(list(actions)),
            )
            .group_by(CampaignChange.campaign_id)
        )
        rows = await self.session.execute(
            select(CampaignChange.campaign_id, CampaignChange.changes).where(
                CampaignChange.id.in_(latest)
            )
        )
        out: dict[int, str | None] = {}
        for campaign_id, changes in rows.all():
            pair = (changes or {}).get("stop_reason") or [None, None]
            out[int(campaign_id)] = pair[1]
        return out

    async def add_change(self, change: CampaignChange) -> None:
        self.session.add(change)
        await self.session.flush()

    async def changes(self, campaign_id: int, page: PageParams) -> tuple[list[CampaignChange], int]:
        where = CampaignChange.campaign_id == campaign_id
        total = (
            await self.session.execute(select(func.count(CampaignChange.id)).where(where))
        ).scalar_one()
        rows = await self.session.execute(
            select(CampaignChange)
            .where(where)
            .order_by(CampaignChange.id)
            .offset(page.offset)
            .limit(page.page_size)
        )
        return list(rows.scalars()), total
