"""Account, user and credential use cases. Services flush; the request commits."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from uuid import UUID

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal, Role
from adplane.accounts.repository import (
    ACCOUNT_SORTS,
    API_KEY_SORTS,
    TRANSACTION_SORTS,
    USER_SORTS,
    AccountRepository,
)
from adplane.accounts.security import (
    API_KEY_PREFIX,
    IssuedToken,
    decode_token,
    hash_password,
    hash_secret,
    issue_token,
    looks_like_jwt,
    new_api_key,
    verify_password,
)
from adplane.accounts.views import AccountView, ApiKeyView, TokenView, TransactionView, UserView
from adplane.kit.db import side_transaction
from adplane.kit.errors import Conflict, Forbidden, NotFound, Unauthorized, ValidationFailed
from adplane.kit.limits import LoginGuard
from adplane.kit.money import to_micros
from adplane.kit.observability import note_caller
from adplane.kit.pagination import PageParams, Sort, check_sort
from adplane.kit.time import utcnow
from adplane.models import AccessToken, Account, ApiKey, Transaction, User
from adplane.settings import Settings

log = logging.getLogger("adplane.accounts")

API_KEY_USE_PRECISION = timedelta(minutes=1)


def require_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise Forbidden("this action needs the admin role")


# accounts


async def create_account(
    session: AsyncSession,
    principal: Principal | None,
    *,
    name: str,
    currency: str,
    external_id: str | None = None,
) -> AccountView:
    """Create an account with an empty wallet (``principal`` None means the local CLI)."""
    if principal is not None:
        require_admin(principal)
    account = Account(
        name=name,
        currency=currency,
        external_id=external_id or f"acc_{secrets.token_hex(8)}",
        balance_micros=0,
    )
    repo = AccountRepository.from_session(session)
    try:
        async with session.begin_nested():
            await repo.add(account)
    except IntegrityError as exc:
        raise Conflict(f"external_id {external_id!r} is already used") from exc
    return AccountView.of(account)


async def get_account(session: AsyncSession, principal: Principal, account_id: int) -> AccountView:
    """An account the principal may see; any other is not found."""
    account = await AccountRepository.from_session(session).get_account(account_id)
    if account is None or not principal.can_access(account.id):
        raise NotFound(f"account {account_id} not found")
    return AccountView.of(account)


async def get_account_by_external_id(
    session: AsyncSession, principal: Principal, external_id: str
) -> AccountView:
    """An account by its external id (a dialect's vendor id); one the principal may not see is
    not found."""
    account = await AccountRepository.from_session(session).get_account_by_external_id(external_id)
    if account is None or not principal.can_access(account.id):
        raise NotFound(f"account {external_id!r} not found")
    return AccountView.of(account)


async def list_accounts(
    session: AsyncSession, principal: Principal, page: PageParams, sort: Sequence[Sort] = ()
) -> tuple[list[AccountView], int]:
    """Every account for an admin; an advertiser's own account otherwise."""
    check_sort(sort, ACCOUNT_SORTS)
    repo = AccountRepository.from_session(session)
    if principal.is_admin:
        rows, total = await repo.list_accounts(page, sort)
        return [AccountView.of(a) for a in rows], total
    own = await repo.get_account(principal.account_id) if principal.account_id else None
    items = [AccountView.of(own)] if own is not None and page.page == 1 else []
    return items, 1 if own is not None else 0


async def accounts_by_ids(session: AsyncSession, ids: list[int]) -> dict[int, AccountView]:
    """Accounts keyed by id, for rendering (callers have already checked access)."""
    rows = await AccountRepository.from_session(session).accounts_by_ids(ids)
    return {aid: AccountView.of(a) for aid, a in rows.items()}


async def deposit(
    session: AsyncSession,
    principal: Principal | None,
    account_id: int,
    amount: Decimal,
    reference: str | None = None,
) -> TransactionView:
    """Credit an account's wallet; recorded as a transaction (``None``: the local CLI)."""
    if principal is not None:
        # Visibility before role: another account's wallet is missing, not forbidden.
        await get_account(session, principal, account_id)
        require_admin(principal)
    if amount <= 0:
        raise ValidationFailed.field("amount", "must be greater than 0")
    return await record_transaction(
        session,
        account_id,
        "deposit",
        to_micros(amount),
        reference,
        principal.user_id if principal else None,
    )


async def record_transaction(
    session: AsyncSession,
    account_id: int,
    kind: str,
    amount_micros: int,
    reference: str | None,
    user_id: int | None,
) -> TransactionView:
    """The only way a balance changes: update it in SQL and append the transaction."""
    repo = AccountRepository.from_session(session)
    balance = await repo.apply_balance_change(account_id, amount_micros)
    if balance is None:
        if await repo.get_account(account_id) is None:
            raise NotFound(f"account {account_id} not found")
        raise ValidationFailed.field("amount", "would take the balance beyond the wallet's limit")
    tx = Transaction(
        account_id=account_id,
        kind=kind,
        amount_micros=amount_micros,
        balance_after_micros=balance,
        reference=reference,
        created_by_user_id=user_id,
    )
    await repo.add(tx)
    return TransactionView.of(tx)


async def list_transactions(
    session: AsyncSession,
    principal: Principal,
    account_id: int,
    page: PageParams,
    sort: Sequence[Sort] = (),
    kind: str | None = None,
) -> tuple[list[TransactionView], int]:
    """An account's wallet transactions, newest first unless sorted otherwise."""
    check_sort(sort, TRANSACTION_SORTS)
    await get_account(session, principal, account_id)
    rows, total = await AccountRepository.from_session(session).list_transactions(
        account_id, page, sort, kind
    )
    return [TransactionView.of(t) for t in rows], total


# users


@dataclass(frozen=True)
class CreatedUser:
    user: UserView
    account: AccountView | None
    api_key: str


async def create_user(
    session: AsyncSession,
    principal: Principal | None,
    *,
    email: str,
    password: str,
    role: Role,
    account_id: int | None = None,
    currency: str = "USD",
    password_hash: str | None = None,
) -> CreatedUser:
    """Create a user and its first API key; a new advertiser gets a new account.

    ``password_hash`` is an argon2id hash made earlier (a user imported from elsewhere, or
    test fixtures sharing one) that is stored instead of hashing ``password``.
    """
    if password_hash is not None and not password_hash.startswith("$argon2id$"):
        raise ValueError("password_hash must be an argon2id hash")
    if principal is not None:
        require_admin(principal)
    repo = AccountRepository.from_session(session)
    if await repo.get_user_by_email(email) is not None:
        raise Conflict(f"a user with email {email!r} already exists")
    account: AccountView | None = None
    if account_id is not None:
        row = await repo.get_account(account_id)
        if row is None:
            raise NotFound(f"account {account_id} not found")
        account = AccountView.of(row)
    elif role is Role.ADVERTISER:
        account = await create_account(session, None, name=email, currency=currency)
    user = User(
        email=email,
        # Hashing takes a CPU-bound tenth of a second; keep the event loop serving meanwhile.
        password_hash=password_hash or await asyncio.to_thread(hash_password, password),
        role=role.value,
        account_id=account.id if account else None,
    )
    try:
        # Two requests racing with one email both pass the check above; one loses here.
        async with session.begin_nested():
            await repo.add(user)
    except IntegrityError as exc:
        raise Conflict(f"a user with email {email!r} already exists") from exc
    key, _ = await _new_key(repo, user.id, "default")
    return CreatedUser(UserView.of(user), account, key)


async def list_users(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    account_id: int | None = None,
    *,
    sort: Sequence[Sort] = (),
    role: Role | None = None,
) -> tuple[list[UserView], int]:
    """Users the principal may see: an advertiser sees its own account's."""
    check_sort(sort, USER_SORTS)
    scope = principal.scope()
    if scope is not None:
        if account_id is not None and account_id != scope:
            return [], 0
        account_id = scope
    rows, total = await AccountRepository.from_session(session).list_users(
        account_id, page, sort, role.value if role else None
    )
    return [UserView.of(u) for u in rows], total


async def _get_user(session: AsyncSession, user_id: int) -> User:
    user = await AccountRepository.from_session(session).get_user(user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found")
    return user


async def get_user(session: AsyncSession, user_id: int) -> UserView:
    """A user by id (callers check access themselves)."""
    return UserView.of(await _get_user(session, user_id))


async def user_by_email(session: AsyncSession, email: str) -> UserView | None:
    """A user by email, matched case-insensitively (the local demo's setup; no principal)."""
    user = await AccountRepository.from_session(session).get_user_by_email(email)
    return None if user is None else UserView.of(user)


async def set_user_active(
    session: AsyncSession, principal: Principal | None, user_id: int, *, active: bool
) -> UserView:
    """Disable (or enable again) a user; disabling ends its sessions, its keys stop working."""
    if principal is not None:
        require_admin(principal)
    user = await _get_user(session, user_id)
    user.is_active = active
    if not active:
        await AccountRepository.from_session(session).revoke_tokens_of_user(user.id, utcnow())
    await session.flush()
    return UserView.of(user)


async def set_password(
    session: AsyncSession, principal: Principal | None, user_id: int, password: str
) -> UserView:
    """Replace a user's password and end the sessions opened with the old one."""
    if principal is not None:
        require_admin(principal)
    if len(password) < 8:
        raise ValidationFailed.field("password", "must be at least 8 characters")
    user = await _get_user(session, user_id)
    user.password_hash = await asyncio.to_thread(hash_password, password)
    await AccountRepository.from_session(session).revoke_tokens_of_user(user.id, utcnow())
    await session.flush()
    return UserView.of(user)


async def users_by_ids(session: AsyncSession, ids: list[int]) -> dict[int, UserView]:
    """Users keyed by id, for rendering (callers have already checked access)."""
    rows = await AccountRepository.from_session(session).users_by_ids(ids)
    return {uid: UserView.of(u) for uid, u in rows.items()}


async def users_by_uuids(session: AsyncSession, uuids: list[UUID]) -> dict[UUID, UserView]:
    """Users keyed by uuid, for dialects that name users by uuid (who changed a status)."""
    rows = await AccountRepository.from_session(session).users_by_uuids(uuids)
    return {uid: UserView.of(u) for uid, u in rows.items()}


# API keys


async def _new_key(
    repo: AccountRepository, user_id: int, name: str, key: str | None = None
) -> tuple[str, ApiKey]:
    key = key or new_api_key()
    row = ApiKey(user_id=user_id, name=name, prefix=key[:10], key_hash=hash_secret(key))
    await repo.add(row)
    return key, row


async def store_api_key(session: AsyncSession, user_id: int, name: str, key: str) -> ApiKeyView:
    """Store a key the caller derived itself (the demo's stable keys); only its hash is kept.

    Keys handed to clients normally come from ``create_api_key``, which draws them at random.
    """
    if not key.startswith(API_KEY_PREFIX) or len(key) < 40:
        raise ValueError("an API key needs the adplane prefix and at least 256 bits")
    _, row = await _new_key(AccountRepository.from_session(session), user_id, name, key)
    return ApiKeyView.of(row)


async def get_api_key_by_secret(session: AsyncSession, key: str) -> ApiKeyView | None:
    """The stored record of a key, found by hashing it."""
    row = await AccountRepository.from_session(session).get_api_key_by_hash(hash_secret(key))
    return None if row is None else ApiKeyView.of(row)


async def _visible_user(session: AsyncSession, principal: Principal, user_id: int) -> User:
    user = await AccountRepository.from_session(session).get_user(user_id)
    if user is None or not (
        principal.is_admin
        or (user.account_id is not None and user.account_id == principal.account_id)
    ):
        raise NotFound(f"user {user_id} not found")
    return user


async def create_api_key(
    session: AsyncSession, principal: Principal, *, name: str, user_id: int | None = None
) -> tuple[str, ApiKeyView]:
    """A new API key for the caller, or (admins, own account) for another user."""
    user = await _visible_user(session, principal, user_id or principal.user_id)
    key, row = await _new_key(AccountRepository.from_session(session), user.id, name)
    return key, ApiKeyView.of(row)


async def list_api_keys(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    sort: Sequence[Sort] = (),
    revoked: bool | None = None,
) -> tuple[list[ApiKeyView], int]:
    """API keys of the principal's account (every key, for an admin acting for none)."""
    check_sort(sort, API_KEY_SORTS)
    repo = AccountRepository.from_session(session)
    if principal.is_admin and principal.account_id is None:
        rows, total = await repo.list_api_keys(None, page, sort, revoked)
    else:
        users, _ = await repo.list_users(principal.account_id, PageParams(1, 10_000))
        ids = [u.id for u in users] or [principal.user_id]
        rows, total = await repo.list_api_keys(ids, page, sort, revoked)
    return [ApiKeyView.of(k) for k in rows], total


async def revoke_api_key(session: AsyncSession, principal: Principal, key_id: int) -> ApiKeyView:
    """Revoke a key the principal may see (revoking it again changes nothing)."""
    repo = AccountRepository.from_session(session)
    key = await repo.get_api_key(key_id)
    if key is None:
        raise NotFound(f"API key {key_id} not found")
    try:
        await _visible_user(session, principal, key.user_id)
    except NotFound:
        raise NotFound(f"API key {key_id} not found") from None
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        await session.flush()
    return ApiKeyView.of(key)


# sessions and authentication


async def _principal_for(repo: AccountRepository, user_id: int, jti: str | None) -> Principal:
    user = await repo.get_user(user_id)
    if user is None or not user.is_active:
        raise Unauthorized("the credentials are no longer valid")
    note_caller(user.id, user.account_id)
    return Principal(user.id, Role(user.role), user.account_id, jti)


async def _open_session(
    session: AsyncSession,
    settings: Settings,
    user_id: int,
    *,
    kind: str,
    source: str,
    ttl_seconds: int | None = None,
    extra_claims: Mapping[str, object] | None = None,
) -> IssuedToken:
    default_ttl = settings.access_token_ttl_seconds if kind == "access" else 30 * 86400
    issued = issue_token(
        secret_key=settings.secret_key,
        user_id=user_id,
        kind=kind,
        ttl_seconds=min(ttl_seconds, default_ttl) if ttl_seconds else default_ttl,
        extra_claims=extra_claims,
    )
    await AccountRepository.from_session(session).add(
        AccessToken(
            jti=issued.jti, user_id=user_id, kind=kind, source=source, expires_at=issued.expires_at
        )
    )
    return issued


async def login(
    session: AsyncSession,
    settings: Settings,
    email: str,
    password: str,
    *,
    guard: LoginGuard,
    address: str | None,
    ttl_seconds: int | None = None,
    extra_claims: Mapping[str, object] | None = None,
) -> IssuedToken:
    """Exchange an email and password for an access token.

    Every password login goes through here, so ``guard`` throttles each of them: failures
    per account and per client ``address`` (429 with Retry-After once a budget is spent).
    A surface whose vendor documents a shorter session passes ``ttl_seconds`` (never longer
    than the configured one) and its documented ``extra_claims``.
    """
    guard.check(email, address)
    user = await AccountRepository.from_session(session).get_user_by_email(email)
    # Verify even for a missing user so timing does not reveal which emails exist.
    ok = await asyncio.to_thread(
        verify_password, user.password_hash if user else _dummy_hash(), password
    )
    if user is None or not ok or not user.is_active:
        guard.failed(email, address)
        raise Unauthorized("invalid email or password")
    guard.succeeded(email)
    return await _open_session(
        session,
        settings,
        user.id,
        kind="access",
        source="password",
        ttl_seconds=ttl_seconds,
        extra_claims=extra_claims,
    )


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Made on first use: hashing takes a tenth of a second, which every process importing
    # this module (each CLI command, each server start) would otherwise pay.
    return hash_password(secrets.token_hex(8))


@dataclass(frozen=True)
class RefreshedSession:
    access: IssuedToken
    refresh: IssuedToken
    principal: Principal


async def refresh(session: AsyncSession, settings: Settings, credential: str) -> RefreshedSession:
    """OAuth-style refresh grant: an API key or a refresh token opens a new session."""
    repo = AccountRepository.from_session(session)
    if looks_like_jwt(credential):
        claims = decode_token(credential, secret_key=settings.secret_key)
        row = await repo.get_token(claims.jti) if claims else None
        if claims is None or row is None or row.kind != "refresh" or row.revoked_at is not None:
            raise Unauthorized("invalid refresh token")
        user_id = claims.user_id
    else:
        key = await repo.get_api_key_by_hash(hash_secret(credential))
        if key is None or key.revoked_at is not None:
            raise Unauthorized("invalid refresh token or API key")
        user_id = key.user_id
    access = await _open_session(session, settings, user_id, kind="access", source="refresh")
    refresh_token = await _open_session(
        session, settings, user_id, kind="refresh", source="refresh"
    )
    principal = await _principal_for(repo, user_id, access.jti)
    return RefreshedSession(access, refresh_token, principal)


async def authenticate(session: AsyncSession, settings: Settings, credential: str) -> Principal:
    """Resolve a bearer credential (API key or access token) to a principal."""
    repo = AccountRepository.from_session(session)
    now = utcnow()
    if looks_like_jwt(credential):
        claims = decode_token(credential, secret_key=settings.secret_key)
        row = await repo.get_token(claims.jti) if claims else None
        if (
            claims is None
            or row is None
            or row.kind != "access"
            or row.revoked_at is not None
            or row.expires_at <= now
        ):
            raise Unauthorized("the access token is invalid, expired or revoked")
        return await _principal_for(repo, claims.user_id, claims.jti)
    key = await repo.get_api_key_by_hash(hash_secret(credential))
    if key is None or key.revoked_at is not None:
        raise Unauthorized("invalid API key")
    principal = await _principal_for(repo, key.user_id, None)
    # Recorded in a short transaction of its own: in the request's, the update would hold
    # the key's row lock (SQLite's write lock) until the request ends, queueing concurrent
    # requests behind it. A minute's precision is enough for "last used".
    since = now - API_KEY_USE_PRECISION
    if key.last_used_at is None or key.last_used_at < since:
        try:
            async with side_transaction(session) as side:
                await AccountRepository.from_session(side).touch_api_key(
                    key.id, now, unless_since=since
                )
        except OperationalError:
            # SQLite's write lock held past busy_timeout (a long write elsewhere): "last
            # used" is bookkeeping, and the request it would fail only reads. The next use
            # records it.
            log.warning("could not record the API key's last use; the database is busy")
    return principal


async def token_info(session: AsyncSession, jti: str) -> TokenView | None:
    """A session token's record by its id, if it was ever issued."""
    row = await AccountRepository.from_session(session).get_token(jti)
    return None if row is None else TokenView.of(row)


async def logout(session: AsyncSession, principal: Principal) -> None:
    """Revoke the access token the request came with (an API key has no session to end)."""
    if principal.token_jti is not None:
        await AccountRepository.from_session(session).revoke_token(principal.token_jti, utcnow())


async def issue_refresh_token(
    session: AsyncSession, settings: Settings, principal: Principal
) -> IssuedToken:
    """A refresh token for the principal's user, to renew the session later (refresh grant)."""
    return await _open_session(
        session, settings, principal.user_id, kind="refresh", source="session"
    )


async def act_for(session: AsyncSession, principal: Principal, account_id: int) -> Principal:
    """An admin acting within one account; anyone else may only name their own."""
    account = await get_account(session, principal, account_id)
    if not principal.is_admin:
        return principal
    return Principal(principal.user_id, principal.role, account.id, principal.token_jti)
