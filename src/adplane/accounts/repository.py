"""Every query for accounts, users, API keys, access tokens and transactions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import PageParams, Sort
from adplane.models import AccessToken, Account, ApiKey, Transaction, User

MAX_BALANCE_MICROS = MAX_ID
T = TypeVar("T")

# What each list may be sorted by (the ``sort`` parameter's field names).
ACCOUNT_SORTS: Mapping[str, Any] = {
    "id": Account.id,
    "name": Account.name,
    "currency": Account.currency,
    "balance": Account.balance_micros,
    "created_at": Account.created_at,
}
TRANSACTION_SORTS: Mapping[str, Any] = {
    "id": Transaction.id,
    "kind": Transaction.kind,
    "amount": Transaction.amount_micros,
    "created_at": Transaction.created_at,
}
USER_SORTS: Mapping[str, Any] = {
    "id": User.id,
    "email": User.email,
    "role": User.role,
    "account_id": User.account_id,
    "created_at": User.created_at,
}
API_KEY_SORTS: Mapping[str, Any] = {
    "id": ApiKey.id,
    "name": ApiKey.name,
    "user_id": ApiKey.user_id,
    "created_at": ApiKey.created_at,
    "last_used_at": ApiKey.last_used_at,
}


def _order(sort: Sequence[Sort], columns: Mapping[str, Any], *default: Any) -> list[Any]:
    # The id last keeps pages stable when the sort fields tie.
    # A missing value counts as the largest, on SQLite as on PostgreSQL.
    order = [
        columns[s.field].desc().nulls_first()
        if s.descending
        else columns[s.field].asc().nulls_last()
        for s in sort
    ]
    return [*order, *default] if not sort else [*order, columns["id"]]


class AccountRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def from_session(cls, session: AsyncSession) -> AccountRepository:
        return cls(session)

    # accounts
    async def get_account(self, account_id: int, *, for_update: bool = False) -> Account | None:
        stmt = select(Account).where(Account.id == account_id)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def _page(
        self, stmt: Select[T], order: list[Any], page: PageParams
    ) -> tuple[list[T], int]:
        count = select(func.count()).select_from(stmt.subquery())
        total = (await self.session.execute(count)).scalar_one()
        rows = await self.session.execute(
            stmt.order_by(*order).offset(page.offset).limit(page.page_size)
        )
        return list(rows.scalars()), total

    async def list_accounts(
        self, page: PageParams, sort: Sequence[Sort] = ()
    ) -> tuple[list[Account], int]:
        return await self._page(select(Account), _order(sort, ACCOUNT_SORTS, Account.id), page)

    async def accounts_by_ids(self, ids: Sequence[int]) -> dict[int, Account]:
        if not ids:
            return {}
        rows = await self.session.execute(select(Account).where(Account.id.in_(ids)))
        return {a.id: a for a in rows.scalars()}

    async def get_account_by_external_id(self, external_id: str) -> Account | None:
        rows = await self.session.execute(select(Account).where(Account.external_id == external_id))
        return rows.scalar_one_or_none()

    async def add(self, obj: Account | User | ApiKey | AccessToken | Transaction) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def apply_balance_change(
        self, account_id: int, amount_micros: int, *, limit_micros: int = MAX_BALANCE_MICROS
    ) -> int | None:
        """Add to the balance atomically in SQL and return the new balance.

        None when the account is missing or the new balance would leave +/- ``limit_micros``
        (the column is a BIGINT: PostgreSQL would fail and SQLite would turn it into a float).
        """
        within = (
            Account.balance_micros <= limit_micros - amount_micros
            if amount_micros >= 0
            else Account.balance_micros >= -limit_micros - amount_micros
        )
        result = await self.session.execute(
            update(Account)
            .where(Account.id == account_id, within)
            .values(balance_micros=Account.balance_micros + amount_micros)
            .returning(Account.balance_micros)
        )
        return result.scalar_one_or_none()

    async def list_transactions(
        self,
        account_id: int,
        page: PageParams,
        sort: Sequence[Sort] = (),
        kind: str | None = None,
    ) -> tuple[list[Transaction], int]:
        stmt = select(Transaction).where(Transaction.account_id == account_id)
        if kind is not None:
            stmt = stmt.where(Transaction.kind == kind)
        order = _order(sort, TRANSACTION_SORTS, Transaction.id.desc())
        return await self._page(stmt, order, page)

    # users
    async def get_user(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def get_user_by_email(self, email: str) -> User | None:
        rows = await self.session.execute(
            select(User).where(func.lower(User.email) == email.lower())
        )
        return rows.scalar_one_or_none()

    async def list_users(
        self,
        account_id: int | None,
        page: PageParams,
        sort: Sequence[Sort] = (),
        role: str | None = None,
    ) -> tuple[list[User], int]:
        stmt = select(User)
        if account_id is not None:
            stmt = stmt.where(User.account_id == account_id)
        if role is not None:
            stmt = stmt.where(User.role == role)
        return await self._page(stmt, _order(sort, USER_SORTS, User.id), page)

    async def users_by_ids(self, ids: Sequence[int]) -> dict[int, User]:
        if not ids:
            return {}
        rows = await self.session.execute(select(User).where(User.id.in_(ids)))
        return {u.id: u for u in rows.scalars()}

    async def users_by_uuids(self, uuids: Sequence[UUID]) -> dict[UUID, User]:
        if not uuids:
            return {}
        rows = await self.session.execute(select(User).where(User.uuid.in_(list(uuids))))
        return {u.uuid: u for u in rows.scalars()}

    # API keys
    async def get_api_key_by_hash(self, key_hash: str) -> ApiKey | None:
        rows = await self.session.execute(select(ApiKey).where(ApiKey.key_hash == key_hash))
        return rows.scalar_one_or_none()

    async def get_api_key(self, key_id: int) -> ApiKey | None:
        return await self.session.get(ApiKey, key_id)

    async def list_api_keys(
        self,
        user_ids: Sequence[int] | None,
        page: PageParams,
        sort: Sequence[Sort] = (),
        revoked: bool | None = None,
    ) -> tuple[list[ApiKey], int]:
        stmt = select(ApiKey)
        if user_ids is not None:
            stmt = stmt.where(ApiKey.user_id.in_(user_ids))
        if revoked is not None:
            stmt = stmt.where(
                ApiKey.revoked_at.is_not(None) if revoked else ApiKey.revoked_at.is_(None)
            )
        return await self._page(stmt, _order(sort, API_KEY_SORTS, ApiKey.id), page)

    async def touch_api_key(
        self, key_id: int, when: datetime, *, unless_since: datetime | None = None
    ) -> None:
        """Record a use; with ``unless_since``, skip it if one was recorded since then."""
        stmt = update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=when)
        if unless_since is not None:
            stmt = stmt.where(
                or_(ApiKey.last_used_at.is_(None), ApiKey.last_used_at < unless_since)
            )
        await self.session.execute(stmt)

    # access tokens
    async def get_token(self, jti: str) -> AccessToken | None:
        rows = await self.session.execute(select(AccessToken).where(AccessToken.jti == jti))
        return rows.scalar_one_or_none()

    async def revoke_tokens_of_user(self, user_id: int, when: datetime) -> None:
        await self.session.execute(
            update(AccessToken)
            .where(AccessToken.user_id == user_id, AccessToken.revoked_at.is_(None))
            .values(revoked_at=when)
        )

    async def revoke_token(self, jti: str, when: datetime) -> None:
        await self.session.execute(
            update(AccessToken)
            .where(AccessToken.jti == jti, AccessToken.revoked_at.is_(None))
            .values(revoked_at=when)
        )
