"""What the accounts service hands its callers: frozen snapshots of rows, never the rows.

A caller holding an ORM row could change it (or trip a lazy load) behind the service's back;
these carry the columns callers read and nothing secret (no password or key hash). Money
stays integer micros, as stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from adplane.accounts.principal import Role
from adplane.models import AccessToken, Account, ApiKey, Transaction, User


@dataclass(frozen=True, slots=True)
class AccountView:
    id: int
    uuid: UUID
    external_id: str
    wallet_uuid: UUID
    name: str
    currency: str
    balance_micros: int
    created_at: datetime

    @classmethod
    def of(cls, row: Account) -> AccountView:
        return cls(
            id=row.id,
            uuid=row.uuid,
            external_id=row.external_id,
            wallet_uuid=row.wallet_uuid,
            name=row.name,
            currency=row.currency,
            balance_micros=row.balance_micros,
            created_at=row.created_at,
        )


@dataclass(frozen=True, slots=True)
class TransactionView:
    id: int
    account_id: int
    kind: str
    amount_micros: int
    balance_after_micros: int
    reference: str | None
    created_by_user_id: int | None
    created_at: datetime

    @classmethod
    def of(cls, row: Transaction) -> TransactionView:
        return cls(
            id=row.id,
            account_id=row.account_id,
            kind=row.kind,
            amount_micros=row.amount_micros,
            balance_after_micros=row.balance_after_micros,
            reference=row.reference,
            created_by_user_id=row.created_by_user_id,
            created_at=row.created_at,
        )


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    uuid: UUID
    email: str
    role: Role
    account_id: int | None
    is_active: bool
    created_at: datetime

    @classmethod
    def of(cls, row: User) -> UserView:
        return cls(
            id=row.id,
            uuid=row.uuid,
            email=row.email,
            role=Role(row.role),
            account_id=row.account_id,
            is_active=row.is_active,
            created_at=row.created_at,
        )


@dataclass(frozen=True, slots=True)
class ApiKeyView:
    id: int
    user_id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, row: ApiKey) -> ApiKeyView:
        return cls(
            id=row.id,
            user_id=row.user_id,
            name=row.name,
            prefix=row.prefix,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            revoked_at=row.revoked_at,
        )


@dataclass(frozen=True, slots=True)
class TokenView:
    """A session token's record (the token itself is never stored)."""

    jti: str
    user_id: int
    kind: str
    source: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    @classmethod
    def of(cls, row: AccessToken) -> TokenView:
        return cls(
            jti=row.jti,
            user_id=row.user_id,
            kind=row.kind,
            source=row.source,
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
        )
