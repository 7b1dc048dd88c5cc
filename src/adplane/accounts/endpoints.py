"""Native routes: tokens, the caller, and admin management of accounts, users and API keys."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from adplane.accounts import schemas, service
from adplane.accounts.auth import AppSettings, CurrentPrincipal
from adplane.accounts.principal import Role
from adplane.accounts.views import AccountView, ApiKeyView, TransactionView, UserView
from adplane.billing import service as billing_service
from adplane.campaigns.spend import reader_of
from adplane.kit.db import Session
from adplane.kit.ids import MAX_ID
from adplane.kit.money import from_micros
from adplane.kit.pagination import Page, PageParams, parse_sort
from adplane.kit.params import IdPath, PageNo, PageSize
from adplane.kit.problems import PROBLEM_RESPONSES, Problem
from adplane.kit.routing import ExactJSONRoute

router = APIRouter(route_class=ExactJSONRoute)
ERRORS = PROBLEM_RESPONSES
Id = IdPath
SortParam = Annotated[
    str | None,
    Query(max_length=255, description="Fields separated by commas, '-' prefix for descending"),
]


def account_out(a: AccountView, available_micros: int | None = None) -> schemas.Account:
    available = a.balance_micros if available_micros is None else available_micros
    return schemas.Account(
        id=a.id,
        uuid=str(a.uuid),
        external_id=a.external_id,
        wallet_uuid=str(a.wallet_uuid),
        name=a.name,
        currency=a.currency,
        balance=from_micros(a.balance_micros),
        available=from_micros(available),
        created_at=a.created_at,
    )


def user_out(u: UserView) -> schemas.User:
    return schemas.User(
        id=u.id,
        uuid=str(u.uuid),
        email=u.email,
        role=u.role,
        account_id=u.account_id,
        is_active=u.is_active,
        created_at=u.created_at,
    )


def key_out(k: ApiKeyView) -> schemas.ApiKey:
    return schemas.ApiKey(
        id=k.id,
        user_id=k.user_id,
        name=k.name,
        prefix=k.prefix,
        created_at=k.created_at,
        last_used_at=k.last_used_at,
        revoked_at=k.revoked_at,
    )


def tx_out(t: TransactionView) -> schemas.Transaction:
    return schemas.Transaction(
        id=t.id,
        account_id=t.account_id,
        kind=t.kind,
        amount=from_micros(t.amount_micros),
        balance_after=from_micros(t.balance_after_micros),
        reference=t.reference,
        created_at=t.created_at,
    )


@router.post(
    "/auth/token",
    tags=["auth"],
    responses={**ERRORS, 429: {"model": Problem, "description": "Too many failed logins"}},
)
async def token(
    body: schemas.TokenRequest, request: Request, session: Session, settings: AppSettings
) -> schemas.TokenResponse:
    """Exchange an email and password for an expiring access token.

    Failed attempts are limited per account and per client address: past the limit the
    answer is 429 with ``Retry-After``.
    """
    issued = await service.login(
        session,
        settings,
        body.email,
        body.password,
        guard=request.app.state.login_guard,
        address=request.client.host if request.client else None,
    )
    return schemas.TokenResponse(access_token=issued.token, expires_in=issued.expires_in)


@router.post("/auth/logout", tags=["auth"], status_code=204, responses=ERRORS)
async def logout(principal: CurrentPrincipal, session: Session) -> Response:
    """Revoke the access token this request carries."""
    await service.logout(session, principal)
    return Response(status_code=204)


@router.get("/me", tags=["auth"], responses=ERRORS)
async def me(principal: CurrentPrincipal, session: Session) -> schemas.Me:
    """The authenticated principal."""
    user = await service.get_user(session, principal.user_id)
    return schemas.Me(
        user_id=user.id,
        email=user.email,
        role=principal.role,
        account_id=principal.account_id,
        auth="access_token" if principal.token_jti else "api_key",
    )


@router.post("/accounts", tags=["accounts"], status_code=201, responses=ERRORS)
async def create_account(
    body: schemas.AccountCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Account:
    """Create an account (admin)."""
    account = await service.create_account(
        session, principal, name=body.name, currency=body.currency, external_id=body.external_id
    )
    return account_out(account)


@router.get("/accounts", tags=["accounts"], responses=ERRORS)
async def list_accounts(
    principal: CurrentPrincipal,
    session: Session,
    page: PageNo = 1,
    page_size: PageSize = 20,
    sort: SortParam = None,
) -> Page[schemas.Account]:
    """Accounts the caller may see (an advertiser sees its own)."""
    items, total = await service.list_accounts(
        session, principal, PageParams(page, page_size), parse_sort(sort)
    )
    funds = await billing_service.available_funds(
        session, reader_of(session), [a.id for a in items]
    )
    return Page(
        items=[account_out(a, funds.get(a.id)) for a in items],
        total=total,
        page=page,
        page_size=page_size,
    )


@router.get("/accounts/{id}", tags=["accounts"], responses=ERRORS)
async def get_account(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.Account:
    """One account."""
    account = await service.get_account(session, principal, id)
    funds = await billing_service.available_funds(session, reader_of(session), [account.id])
    return account_out(account, funds.get(account.id))


@router.post("/accounts/{id}/deposit", tags=["accounts"], status_code=201, responses=ERRORS)
async def deposit(
    id: Id, body: schemas.DepositCreate, principal: CurrentPrincipal, session: Session
) -> schemas.Transaction:
    """Credit an account's wallet (admin)."""
    return tx_out(await service.deposit(session, principal, id, body.amount, body.reference))


@router.get("/accounts/{id}/transactions", tags=["accounts"], responses=ERRORS)
async def transactions(
    id: Id,
    principal: CurrentPrincipal,
    session: Session,
    page: PageNo = 1,
    page_size: PageSize = 20,
    sort: SortParam = None,
    kind: Annotated[str | None, Query(max_length=16, pattern="^[a-z_]+$")] = None,
) -> Page[schemas.Transaction]:
    """The account's wallet transactions, newest first unless sorted otherwise."""
    items, total = await service.list_transactions(
        session, principal, id, PageParams(page, page_size), parse_sort(sort), kind
    )
    return Page(items=[tx_out(t) for t in items], total=total, page=page, page_size=page_size)


@router.post("/users", tags=["users"], status_code=201, responses=ERRORS)
async def create_user(
    body: schemas.UserCreate, principal: CurrentPrincipal, session: Session
) -> schemas.UserCreated:
    """Create a user and its first API key (admin); a new advertiser gets a new account."""
    created = await service.create_user(
        session,
        principal,
        email=body.email,
        password=body.password,
        role=body.role,
        account_id=body.account_id,
    )
    return schemas.UserCreated(**user_out(created.user).model_dump(), api_key=created.api_key)


@router.get("/users", tags=["users"], responses=ERRORS)
async def list_users(
    principal: CurrentPrincipal,
    session: Session,
    account_id: Annotated[int | None, Query(gt=0, le=MAX_ID)] = None,
    role: Role | None = None,
    page: PageNo = 1,
    page_size: PageSize = 20,
    sort: SortParam = None,
) -> Page[schemas.User]:
    """Users the caller may see."""
    items, total = await service.list_users(
        session,
        principal,
        PageParams(page, page_size),
        account_id,
        sort=parse_sort(sort),
        role=role,
    )
    return Page(items=[user_out(u) for u in items], total=total, page=page, page_size=page_size)


@router.post("/api-keys", tags=["api keys"], status_code=201, responses=ERRORS)
async def create_api_key(
    body: schemas.ApiKeyCreate, principal: CurrentPrincipal, session: Session
) -> schemas.ApiKeyCreated:
    """Create an API key; the key is shown only in this response."""
    key, row = await service.create_api_key(
        session, principal, name=body.name, user_id=body.user_id
    )
    return schemas.ApiKeyCreated(**key_out(row).model_dump(), api_key=key)


@router.get("/api-keys", tags=["api keys"], responses=ERRORS)
async def list_api_keys(
    principal: CurrentPrincipal,
    session: Session,
    page: PageNo = 1,
    page_size: PageSize = 20,
    sort: SortParam = None,
    status: Annotated[Literal["active", "revoked"] | None, Query()] = None,
) -> Page[schemas.ApiKey]:
    """API keys of the caller's account (all, for an admin)."""
    items, total = await service.list_api_keys(
        session,
        principal,
        PageParams(page, page_size),
        sort=parse_sort(sort),
        revoked=None if status is None else status == "revoked",
    )
    return Page(items=[key_out(k) for k in items], total=total, page=page, page_size=page_size)


@router.post("/api-keys/{id}/revoke", tags=["api keys"], responses=ERRORS)
async def revoke_api_key(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.ApiKey:
    """Revoke an API key; it stops working at once."""
    return key_out(await service.revoke_api_key(session, principal, id))


@router.delete("/api-keys/{id}", tags=["api keys"], responses=ERRORS)
async def delete_api_key(id: Id, principal: CurrentPrincipal, session: Session) -> schemas.ApiKey:
    """Revoke an API key (the key's record is kept for audit)."""
    return key_out(await service.revoke_api_key(session, principal, id))
