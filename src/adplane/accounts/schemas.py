"""Native wire models for accounts, users, API keys and tokens."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from adplane.accounts.principal import Role
from adplane.kit.ids import RowId
from adplane.kit.money import is_currency
from adplane.kit.schemas import Schema, StrictSchema


def _iso_currency(code: str) -> str:
    if not is_currency(code):
        raise ValueError(f"{code!r} is not an ISO 4217 currency code")
    return code


Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$"), AfterValidator(_iso_currency)]
# A deliberately plain check: one @, no spaces, a dot in the domain (no extra dependency).
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
]


class TokenRequest(StrictSchema):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class TokenResponse(Schema):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class Me(Schema):
    user_id: int
    email: str
    role: Role
    account_id: int | None
    auth: str = Field(description="How this request authenticated: api_key or access_token")


class AccountCreate(StrictSchema):
    name: str = Field(min_length=1, max_length=255)
    currency: Currency = "USD"
    external_id: str | None = Field(default=None, min_length=1, max_length=64)


class Account(Schema):
    id: int
    uuid: str
    external_id: str
    wallet_uuid: str
    name: str
    currency: str
    balance: Decimal = Field(description="The wallet's posted balance (its last transaction's)")
    available: Decimal = Field(
        description="The balance less spend recorded but not posted yet: what reports agree with"
    )
    created_at: datetime


class DepositCreate(StrictSchema):
    amount: Decimal = Field(gt=0, max_digits=18, decimal_places=6)
    reference: str | None = Field(default=None, max_length=255)


class Transaction(Schema):
    id: int
    account_id: int
    kind: str
    amount: Decimal
    balance_after: Decimal
    reference: str | None
    created_at: datetime


class UserCreate(StrictSchema):
    email: Email
    password: str = Field(min_length=8, max_length=1024)
    role: Role = Role.ADVERTISER
    account_id: RowId | None = None


class User(Schema):
    id: int
    uuid: str
    email: str
    role: Role
    account_id: int | None
    is_active: bool
    created_at: datetime


class UserCreated(User):
    api_key: str = Field(description="Shown only in this response")


class ApiKeyCreate(StrictSchema):
    name: str = Field(default="default", min_length=1, max_length=255)
    user_id: RowId | None = Field(default=None, description="Defaults to the caller")


class ApiKey(Schema):
    id: int
    user_id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKey):
    api_key: str = Field(description="Shown only in this response")
