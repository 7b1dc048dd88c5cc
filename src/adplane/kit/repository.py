"""The generic repository every domain's repository builds on (after Polar's ``RepositoryBase``).

A domain repository names its model and adds only its own queries; getting one row, listing
with equality filters, paging, creating and updating are written once here. When the model has
an ``account_id`` column, every read takes an ``account_id`` scope: ``None`` means no scope (an
admin, or the platform itself), anything else keeps the rows of that account only, so another
account's row looks exactly like a missing one.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Mapping, Sequence
from typing import Any, ClassVar, Generic, Self, TypeVar

from sqlalchemy import Select, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from adplane.kit.pagination import PageParams
from adplane.kit.time import utcnow

M = TypeVar("M", bound=DeclarativeBase)


class RepositoryBase(Generic[M]):
    """Queries for one ORM model; subclasses set ``model`` and add their own queries."""

    model: ClassVar[type[Any]]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> Self:
        return cls(session)

    # columns

    @classmethod
    def column(cls, name: str) -> InstrumentedAttribute[Any]:
        """The model's mapped attribute ``name`` (a programming error if it has none)."""
        attribute = getattr(cls.model, name, None)
        if not isinstance(attribute, InstrumentedAttribute):
            raise AttributeError(f"{cls.model.__name__} has no column {name!r}")
        return attribute

    @classmethod
    def is_account_scoped(cls) -> bool:
        return isinstance(getattr(cls.model, "account_id", None), InstrumentedAttribute)

    # statements

    def statement(self, *, account_id: int | None = None) -> Select[M]:
        """``SELECT model``, scoped to ``account_id`` when the model belongs to accounts."""
        stmt: Select[M] = select(self.model)
        return self.scoped(stmt, account_id)

    def scoped(self, stmt: Select[Any], account_id: int | None) -> Select[Any]:
        if account_id is not None and self.is_account_scoped():
            stmt = stmt.where(self.column("account_id") == account_id)
        return stmt

    def equal(self, filters: Mapping[str, Any]) -> builtins.list[ColumnElement[bool]]:
        """One ``column = value`` clause per filter whose value is not None."""
        clauses: builtins.list[ColumnElement[bool]] = []
        for name, value in filters.items():
            if value is None:
                continue
            column = self.column(name)
            clauses.append(column.is_(value) if isinstance(value, bool) else column == value)
        return clauses

    # reads

    async def get(self, id: int, *, account_id: int | None = None) -> M | None:
        """The row with this id (in this account, when scoped), or None."""
        if account_id is None or not self.is_account_scoped():
            # The identity map first: a row this unit of work already loaded costs no query.
            row: M | None = await self.session.get(self.model, id)
            return row
        stmt = self.statement(account_id=account_id).where(self.column("id") == id)
        return (await self.session.execute(stmt.limit(1))).scalars().first()

    async def get_all(self, stmt: Select[M]) -> builtins.list[M]:
        return builtins.list((await self.session.execute(stmt)).scalars())

    async def list(
        self,
        filters: Mapping[str, Any] | None = None,
        *,
        clauses: Sequence[ColumnElement[bool]] = (),
        account_id: int | None = None,
    ) -> builtins.list[M]:
        """Rows matching the equality ``filters`` and ``clauses``, by id."""
        stmt = self.statement(account_id=account_id).where(*self.equal(filters or {}), *clauses)
        return await self.get_all(stmt.order_by(self.column("id")))

    async def paginate(
        self,
        page: PageParams,
        filters: Mapping[str, Any] | None = None,
        *,
        clauses: Sequence[ColumnElement[bool]] = (),
        account_id: int | None = None,
    ) -> tuple[builtins.list[M], int]:
        """One page of the rows ``list`` would return, and how many there are in all."""
        where = [*self.equal(filters or {}), *clauses]
        count = self.scoped(select(func.count()).select_from(self.model), account_id)
        total = (await self.session.execute(count.where(*where))).scalar_one()
        stmt = (
            self.statement(account_id=account_id)
            .where(*where)
            .order_by(self.column("id"))
            .offset(page.offset)
            .limit(page.page_size)
        )
        return await self.get_all(stmt), int(total)

    async def existing_ids(
        self, ids: Collection[int], *, account_id: int | None = None
    ) -> builtins.set[int]:
        """Which of ``ids`` exist (in this account, when scoped)."""
        if not ids:
            return set()
        stmt = self.scoped(select(self.column("id")), account_id).where(
            self.column("id").in_(list(ids))
        )
        return {int(i) for i in (await self.session.execute(stmt)).scalars()}

    async def names(
        self, ids: Collection[int], *, account_id: int | None = None, column: str = "name"
    ) -> dict[int, str]:
        """Id -> ``column`` for those of ``ids`` that exist (in this account, when scoped).

        Report labels read names for a page of ids in one query, never the whole rows.
        """
        if not ids:
            return {}
        stmt = self.scoped(select(self.column("id"), self.column(column)), account_id).where(
            self.column("id").in_(list(ids))
        )
        return {int(i): str(n) for i, n in (await self.session.execute(stmt)).all()}

    # writes (flush only: the request or the command's unit of work commits)

    async def create(self, row: M) -> M:
        """Add ``row`` and flush, so its id and defaults are set."""
        self.session.add(row)
        await self.session.flush()
        return row

    async def update(self, row: M, changes: Mapping[str, Any]) -> M:
        """Set each changed attribute, stamp ``updated_at`` when the model has one, flush."""
        for name, value in changes.items():
            self.column(name)  # an unknown field is a bug, never a silent new attribute
            setattr(row, name, value)
        if hasattr(self.model, "updated_at"):
            row.updated_at = utcnow()  # type: ignore[attr-defined]
        await self.session.flush()
        return row

    async def advance_id_sequence(self) -> None:
        """After inserting an explicit id, move PostgreSQL's id sequence past it."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        table = self.model.__table__.name
        await self.session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        )
