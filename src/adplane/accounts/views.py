"""What the accounts service hands its callers: frozen snapshots of rows, never the rows.

A caller holding an ORM row could change it (or trip a lazy load) behind the service's back;
these carry the columns callers read and nothing secret (no password or key hash). Money
stays integer micros, as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any
from uuid import UUID

from adplane.accounts.principal import Role
from adplane.models import AccessToken, Account, ApiKey, Transaction, User


def _columns(view: type[Any], row: object) -> dict[str, Any]:
    """The row's values of the view's fields (each view names a subset of its row's columns)."""
    return {f.name: getattr(row, f.name) for f in fields(view)}


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
        return cls(**_columns(cls, row))


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
        return cls(**_columns(cls, row))


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
        return cls(**(_columns(cls, row) | {"role": Role(row.role)}))


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
        return cls(**_columns(cls, row))


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
        return cls(**_columns(cls, row))
