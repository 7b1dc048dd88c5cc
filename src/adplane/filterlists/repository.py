"""Every query for filter lists, their items and their campaign links.

Items are written in large batches inside the caller's transaction: a new or replaced list
goes to the driver directly (``executemany`` on SQLite, ``COPY`` on PostgreSQL), in index
order; additions go as ``INSERT ... ON CONFLICT DO NOTHING RETURNING`` in pages, so the count
of new items is exact even when two writers add the same value at once. Reads go by keyset
over the (list, value) primary key, in index order, a chunk at a time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from sqlalchemy import Table, delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from adplane.kit.db import has_written
from adplane.kit.pagination import PageParams
from adplane.kit.repository import RepositoryBase
from adplane.kit.time import utcnow
from adplane.models import CampaignFilterList, FilterList, FilterListItem

# Rows per statement or per executemany call: large enough that round trips do not dominate,
# small enough that one batch's parameters stay well inside every driver's limits.
WRITE_BATCH = 20_000
READ_CHUNK = 50_000
# A bulk insert of this many rows refreshes PostgreSQL's statistics of the items table.
_ANALYZE_AFTER = 100_000
_ITEMS: Table = FilterListItem.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class ListFilter:
    """List filters; None means no filter on that field."""

    account_id: int | None = None
    item_type: str | None = None
    mode: str | None = None
    is_active: bool | None = None


class FilterListRepository(RepositoryBase[FilterList]):
    model = FilterList

    async def get_for_update(self, id: int, *, account_id: int | None) -> FilterList | None:
        """The list row, locked until the transaction ends (item writes then serialise)."""
        stmt = self.statement(account_id=account_id).where(FilterList.id == id).with_for_update()
        return (await self.session.execute(stmt)).scalars().first()

    async def by_ids(self, ids: Collection[int]) -> dict[int, FilterList]:
        if not ids:
            return {}
        rows = await self.get_all(select(FilterList).where(FilterList.id.in_(list(ids))))
        return {row.id: row for row in rows}

    async def delete(self, row: FilterList) -> None:
        """Delete the list; its items and campaign links go with it (ON DELETE CASCADE)."""
        await self.session.delete(row)
        await self.session.flush()


def _difference(current: Sequence[str], wanted: Sequence[str]) -> tuple[list[str], list[str]]:
    """(values to delete, values to insert) to turn ``current`` into ``wanted``."""
    have, want = set(current), set(wanted)
    return sorted(have - want), [v for v in wanted if v not in have]


class ItemRepository:
    """The items of filter lists; ``list_id`` scoping is the caller's (the list row's) job."""

    def __init__(self, session: Any) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: Any) -> ItemRepository:
        return cls(session)

    @property
    def dialect(self) -> str:
        return str(self.session.get_bind().dialect.name)

    async def clear(self, list_id: int) -> None:
        await self.session.execute(delete(FilterListItem).where(FilterListItem.list_id == list_id))

    async def _driver(self) -> Any:
        """The DBAPI driver's own connection under the session's (asyncpg or aiosqlite).

        Bulk item writes and reads go straight to it, inside the session's transaction: a
        million rows through SQLAlchemy's row machinery take five times as long.
        """
        connection = await self.session.connection()
        raw = await connection.get_raw_connection()
        return raw.driver_connection

    async def insert_new(self, list_id: int, values: Sequence[str]) -> None:
        """Insert values the list does not hold (the caller cleared it or deduplicated).

        The caller has written in this transaction already (the list row), so on SQLite the
        session holds the write lock that ``kit.db`` takes before a first write; statements
        sent to the driver directly would not take it.
        """
        if not values:
            return
        await self.session.flush()
        if not await has_written(self.session):
            raise RuntimeError("bulk item writes need the transaction's write lock first")
        # In index order, each page of the (list_id, value) index is filled once.
        ordered = sorted(values)
        driver = await self._driver()
        if self.dialect == "postgresql":
            await driver.copy_records_to_table(
                _ITEMS.name,
                records=((list_id, value) for value in ordered),
                columns=["list_id", "value"],
            )
            if len(ordered) >= _ANALYZE_AFTER:
                # Until autovacuum gets to it the planner thinks the table is as small as
                # before and would sort it whole for every keyset read, instead of walking
                # the index.
                await driver.execute(f"ANALYZE {_ITEMS.name}")
            return
        sql = f"INSERT INTO {_ITEMS.name} (list_id, value) VALUES (?, ?)"
        for start in range(0, len(ordered), WRITE_BATCH * 10):
            batch = ordered[start : start + WRITE_BATCH * 10]
            await driver.executemany(sql, [(list_id, value) for value in batch])

    async def replace(self, list_id: int, values: Sequence[str]) -> None:
        """Make ``values`` (distinct) the list's items, writing only the difference.

        A list uploaded again usually differs little from what it was, and removing a million
        rows only to insert most of them again is the slowest thing a table can be asked.
        """
        current: list[str] = []
        async for chunk in self.chunks(list_id):
            current.extend(chunk)
        # Set arithmetic over a million strings is CPU work: off the event loop.
        gone, new = await anyio.to_thread.run_sync(_difference, current, values)
        if gone and len(gone) == len(current):
            await self.clear(list_id)
        elif gone:
            await self._delete_values(list_id, gone)
        await self.insert_new(list_id, new)

    async def _delete_values(self, list_id: int, values: Sequence[str]) -> None:
        await self.session.flush()
        if not await has_written(self.session):
            raise RuntimeError("bulk item writes need the transaction's write lock first")
        driver = await self._driver()
        for start in range(0, len(values), WRITE_BATCH * 5):
            batch = list(values[start : start + WRITE_BATCH * 5])
            if self.dialect == "postgresql":
                await driver.execute(
                    f"DELETE FROM {_ITEMS.name} WHERE list_id = $1 AND value = ANY($2::varchar[])",
                    list_id,
                    batch,
                )
            else:
                await driver.executemany(
                    f"DELETE FROM {_ITEMS.name} WHERE list_id = ? AND value = ?",
                    [(list_id, value) for value in batch],
                )

    async def add(self, list_id: int, values: Sequence[str]) -> int:
        """Insert the values not yet in the list; how many were new."""
        added = 0
        for start in range(0, len(values), WRITE_BATCH):
            batch = values[start : start + WRITE_BATCH]
            if self.dialect == "postgresql":
                stmt: Any = pg_insert(FilterListItem).on_conflict_do_nothing()
            else:
                stmt = sqlite_insert(FilterListItem).on_conflict_do_nothing()
            result = await self.session.execute(
                stmt.returning(FilterListItem.value),
                [{"list_id": list_id, "value": v} for v in batch],
            )
            added += len(result.all())
        return added

    async def remove(self, list_id: int, values: Sequence[str]) -> int:
        removed = 0
        for start in range(0, len(values), WRITE_BATCH // 10):
            batch = list(values[start : start + WRITE_BATCH // 10])
            result = await self.session.execute(
                delete(FilterListItem)
                .where(FilterListItem.list_id == list_id, FilterListItem.value.in_(batch))
                .execution_options(synchronize_session=False)
            )
            removed += int(result.rowcount or 0)
        return removed

    async def count(self, list_id: int) -> int:
        stmt = select(func.count()).select_from(_ITEMS).where(_ITEMS.c.list_id == list_id)
        return int((await self.session.execute(stmt)).scalar_one())

    async def page(self, list_id: int, page: PageParams) -> list[str]:
        stmt = (
            select(_ITEMS.c.value)
            .where(_ITEMS.c.list_id == list_id)
            .order_by(_ITEMS.c.value)
            .offset(page.offset)
            .limit(page.page_size)
        )
        return [str(v) for v in (await self.session.execute(stmt)).scalars()]

    async def chunks(self, list_id: int, size: int = READ_CHUNK) -> AsyncIterator[list[str]]:
        """The list's values in index order, ``size`` at a time (keyset: no OFFSET scans).

        The caller has read the list row in this transaction, so it has begun.
        """
        driver = await self._driver()
        postgres = self.dialect == "postgresql"
        first = f"SELECT value FROM {_ITEMS.name} WHERE list_id = {{0}} ORDER BY value LIMIT {{1}}"
        after_sql = (
            f"SELECT value FROM {_ITEMS.name} WHERE list_id = {{0}} AND value > {{2}}"
            " ORDER BY value LIMIT {1}"
        )
        marks = ("$1", "$2", "$3") if postgres else ("?", "?", "?")
        after: str | None = None
        while True:
            params: tuple[Any, ...] = (list_id, size) if after is None else (list_id, size, after)
            sql = (first if after is None else after_sql).format(*marks)
            if postgres:
                rows = await driver.fetch(sql, *params)
            else:
                # "?" marks bind in the order they appear: the value bound comes before LIMIT.
                cursor = await driver.execute(sql, params[:1] + params[2:] + params[1:2])
                rows = await cursor.fetchall()
                await cursor.close()
            if not rows:
                return
            chunk = [row[0] for row in rows]
            yield chunk
            if len(chunk) < size:
                return
            after = chunk[-1]


class LinkRepository(RepositoryBase[CampaignFilterList]):
    model = CampaignFilterList

    async def for_campaign(self, campaign_id: int) -> list[CampaignFilterList]:
        stmt = (
            select(CampaignFilterList)
            .where(CampaignFilterList.campaign_id == campaign_id)
            .order_by(CampaignFilterList.created_at, CampaignFilterList.filter_list_id)
        )
        return await self.get_all(stmt)

    async def for_campaigns(self, campaign_ids: Collection[int]) -> list[CampaignFilterList]:
        if not campaign_ids:
            return []
        stmt = (
            select(CampaignFilterList)
            .where(CampaignFilterList.campaign_id.in_(list(campaign_ids)))
            .order_by(CampaignFilterList.campaign_id, CampaignFilterList.filter_list_id)
        )
        return await self.get_all(stmt)

    async def campaign_ids_for_lists(self, list_ids: Collection[int]) -> set[int]:
        if not list_ids:
            return set()
        rows = await self.session.execute(
            select(CampaignFilterList.campaign_id).where(
                CampaignFilterList.filter_list_id.in_(list(list_ids))
            )
        )
        return {int(cid) for cid in rows.scalars()}

    async def add(self, campaign_id: int, links: Mapping[int, bool]) -> None:
        """Link each list id -> include flag to the campaign (none of them is linked yet)."""
        now = utcnow()
        self.session.add_all(
            CampaignFilterList(
                campaign_id=campaign_id, filter_list_id=list_id, include=include, created_at=now
            )
            for list_id, include in links.items()
        )
        await self.session.flush()

    async def set_include(self, links: Sequence[CampaignFilterList], include: bool) -> None:
        for link in links:
            link.include = include
        await self.session.flush()

    async def remove(self, campaign_id: int, list_ids: Collection[int] | None = None) -> None:
        stmt = delete(CampaignFilterList).where(CampaignFilterList.campaign_id == campaign_id)
        if list_ids is not None:
            stmt = stmt.where(CampaignFilterList.filter_list_id.in_(list(list_ids)))
        await self.session.execute(stmt.execution_options(synchronize_session="fetch"))
