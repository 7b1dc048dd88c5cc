"""Every query for accounts, users, API keys, access tokens and transactions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.kit.pagination import PageParams
from adplane.models import AccessToken, Account, ApiKey, Transaction, User


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

    async def list_accounts(self, page: PageParams) -> tuple[list[Account], int]:
        total = (await self.session.execute(select(func.count(Account.id)))).scalar_one()
        rows = await self.session.execute(
            select(Account).order_by(Account.id).offset(page.offset).limit(page.page_size)
        )
        return list(rows.scalars()), total

    async def accounts_by_ids(self, ids: Sequence[int]) -> dict[int, Account]:
        if not ids:
            return {}
        rows = await self.session.execute(select(Account).where(Account.id.in_(ids)))
        return {a.id: a for a in rows.scalars()}

    async def add(self, obj: Account | User | ApiKey | AccessToken | Transaction) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def apply_balance_change(self, account_id: int, amount_micros: int) -> int | None:
        """Add to the balance atomically in SQL and return the new balance."""
        result = await self.session.execute(
            update(Account)
            .where(Account.id == account_id)
            .values(balance_micros=Account.balance_micros + amount_micros)
            .returning(Account.balance_micros)
        )
        return result.scalar_one_or_none()

    async def list_transactions(
        self, account_id: int, page: PageParams
    ) -> tuple[list[Transaction], int]:
        where = Transaction.account_id == account_id
        total = (
            await self.session.execute(select(func.count(Transaction.id)).where(where))
        ).scalar_one()
        rows = await self.session.execute(
            select(Transaction)
            .where(where)
            .order_by(Transaction.id.desc())
            .offset(page.offset)
            .limit(page.page_size)
        )
        return list(rows.scalars()), total

    # users
    async def get_user(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def get_user_by_email(self, email: str) -> User | None:
        rows = await self.session.execute(
            select(User).where(func.lower(User.email) == email.lower())
        )
        return rows.scalar_one_or_none()

    async def list_users(self, account_id: int | None, page: PageParams) -> tuple[list[User], int]:
        stmt = select(User)
        count = select(func.count(User.id))
        if account_id is not None:
            stmt = stmt.where(User.account_id == account_id)
            count = count.where(User.account_id == account_id)
        total = (await self.session.execute(count)).scalar_one()
        rows = await self.session.execute(
            stmt.order_by(User.id).offset(page.offset).limit(page.page_size)
        )
        return list(rows.scalars()), total

    async def users_by_ids(self, ids: Sequence[int]) -> dict[int, User]:
        if not ids:
            return {}
        rows = await self.session.execute(select(User).where(User.id.in_(ids)))
        return {u.id: u for u in rows.scalars()}

    # API keys
    async def get_api_key_by_hash(self, key_hash: str) -> ApiKey | None:
        rows = await self.session.execute(select(ApiKey).where(ApiKey.key_hash == key_hash))
        return rows.scalar_one_or_none()

    async def get_api_key(self, key_id: int) -> ApiKey | None:
        return await self.session.get(ApiKey, key_id)

    async def list_api_keys(
        self, user_ids: Sequence[int] | None, page: PageParams
    ) -> tuple[list[ApiKey], int]:
        stmt = select(ApiKey)
        count = select(func.count(ApiKey.id))
        if user_ids is not None:
            stmt = stmt.where(ApiKey.user_id.in_(user_ids))
            count = count.where(ApiKey.user_id.in_(user_ids))
        total = (await self.session.execute(count)).scalar_one()
        rows = await self.session.execute(
            stmt.order_by(ApiKey.id).offset(page.offset).limit(page.page_size)
        )
        return list(rows.scalars()), total

    async def touch_api_key(self, key_id: int, when: datetime) -> None:
        await self.session.execute(
            update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=when)
        )

    # access tokens
    async def get_token(self, jti: str) -> AccessToken | None:
        rows = await self.session.execute(select(AccessToken).where(AccessToken.jti == jti))
        return rows.scalar_one_or_none()

    async def revoke_token(self, jti: str, when: datetime) -> None:
        await self.session.execute(
            update(AccessToken)
            .where(AccessToken.jti == jti, AccessToken.revoked_at.is_(None))
            .values(revoked_at=when)
        )
