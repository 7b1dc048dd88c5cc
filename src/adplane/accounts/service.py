"""Account, user and credential use cases. Services flush; the request commits."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal, Role
from adplane.accounts.repository import AccountRepository
from adplane.accounts.security import (
    IssuedToken,
    decode_token,
    hash_password,
    hash_secret,
    issue_token,
    looks_like_jwt,
    new_api_key,
    verify_password,
)
from adplane.kit.errors import Conflict, Forbidden, NotFound, Unauthorized, ValidationFailed
from adplane.kit.money import to_micros
from adplane.kit.pagination import PageParams
from adplane.kit.time import utcnow
from adplane.models import AccessToken, Account, ApiKey, Transaction, User
from adplane.settings import Settings


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
) -> Account:
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
    return account


async def get_account(session: AsyncSession, principal: Principal, account_id: int) -> Account:
    """An account the principal may see; any other is not found."""
    account = await AccountRepository.from_session(session).get_account(account_id)
    if account is None or not principal.can_access(account.id):
        raise NotFound(f"account {account_id} not found")
    return account


async def list_accounts(
    session: AsyncSession, principal: Principal, page: PageParams
) -> tuple[list[Account], int]:
    repo = AccountRepository.from_session(session)
    if principal.is_admin:
        return await repo.list_accounts(page)
    own = await repo.get_account(principal.account_id) if principal.account_id else None
    items = [own] if own is not None and page.page == 1 else []
    return items, 1 if own is not None else 0


async def accounts_by_ids(session: AsyncSession, ids: list[int]) -> dict[int, Account]:
    """Accounts keyed by id, for rendering (callers have already checked access)."""
    return await AccountRepository.from_session(session).accounts_by_ids(ids)


async def deposit(
    session: AsyncSession,
    principal: Principal,
    account_id: int,
    amount: Decimal,
    reference: str | None = None,
) -> Transaction:
    """Credit an account's wallet; recorded as a transaction."""
    require_admin(principal)
    if amount <= 0:
        raise ValidationFailed.field("amount", "must be greater than 0")
    await get_account(session, principal, account_id)
    return await record_transaction(
        session, account_id, "deposit", to_micros(amount), reference, principal.user_id
    )


async def record_transaction(
    session: AsyncSession,
    account_id: int,
    kind: str,
    amount_micros: int,
    reference: str | None,
    user_id: int | None,
) -> Transaction:
    """The only way a balance changes: update it in SQL and append the transaction."""
    repo = AccountRepository.from_session(session)
    balance = await repo.apply_balance_change(account_id, amount_micros)
    if balance is None:
        raise NotFound(f"account {account_id} not found")
    tx = Transaction(
        account_id=account_id,
        kind=kind,
        amount_micros=amount_micros,
        balance_after_micros=balance,
        reference=reference,
        created_by_user_id=user_id,
    )
    await repo.add(tx)
    return tx


async def list_transactions(
    session: AsyncSession, principal: Principal, account_id: int, page: PageParams
) -> tuple[list[Transaction], int]:
    await get_account(session, principal, account_id)
    return await AccountRepository.from_session(session).list_transactions(account_id, page)


# users


@dataclass(frozen=True)
class CreatedUser:
    user: User
    account: Account | None
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
) -> CreatedUser:
    """Create a user and its first API key; a new advertiser gets a new account."""
    if principal is not None:
        require_admin(principal)
    repo = AccountRepository.from_session(session)
    if await repo.get_user_by_email(email) is not None:
        raise Conflict(f"a user with email {email!r} already exists")
    account: Account | None = None
    if account_id is not None:
        account = await repo.get_account(account_id)
        if account is None:
            raise NotFound(f"account {account_id} not found")
    elif role is Role.ADVERTISER:
        account = await create_account(session, None, name=email, currency=currency)
    user = User(
        email=email,
        password_hash=hash_password(password),
        role=role.value,
        account_id=account.id if account else None,
    )
    await repo.add(user)
    key, _ = await _new_key(repo, user.id, "default")
    return CreatedUser(user, account, key)


async def list_users(
    session: AsyncSession, principal: Principal, page: PageParams, account_id: int | None = None
) -> tuple[list[User], int]:
    scope = principal.scope()
    if scope is not None:
        if account_id is not None and account_id != scope:
            return [], 0
        account_id = scope
    return await AccountRepository.from_session(session).list_users(account_id, page)


async def get_user(session: AsyncSession, user_id: int) -> User:
    user = await AccountRepository.from_session(session).get_user(user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found")
    return user


async def users_by_ids(session: AsyncSession, ids: list[int]) -> dict[int, User]:
    return await AccountRepository.from_session(session).users_by_ids(ids)


# API keys


async def _new_key(repo: AccountRepository, user_id: int, name: str) -> tuple[str, ApiKey]:
    key = new_api_key()
    row = ApiKey(user_id=user_id, name=name, prefix=key[:10], key_hash=hash_secret(key))
    await repo.add(row)
    return key, row


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
) -> tuple[str, ApiKey]:
    """A new API key for the caller, or (admins, own account) for another user."""
    user = await _visible_user(session, principal, user_id or principal.user_id)
    return await _new_key(AccountRepository.from_session(session), user.id, name)


async def list_api_keys(
    session: AsyncSession, principal: Principal, page: PageParams
) -> tuple[list[ApiKey], int]:
    repo = AccountRepository.from_session(session)
    if principal.is_admin and principal.account_id is None:
        return await repo.list_api_keys(None, page)
    users, _ = await repo.list_users(principal.account_id, PageParams(1, 10_000))
    ids = [u.id for u in users] or [principal.user_id]
    return await repo.list_api_keys(ids, page)


async def revoke_api_key(session: AsyncSession, principal: Principal, key_id: int) -> ApiKey:
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
    return key


# sessions and authentication


async def _principal_for(repo: AccountRepository, user_id: int, jti: str | None) -> Principal:
    user = await repo.get_user(user_id)
    if user is None or not user.is_active:
        raise Unauthorized("the credentials are no longer valid")
    return Principal(user.id, Role(user.role), user.account_id, jti)


async def _open_session(
    session: AsyncSession, settings: Settings, user_id: int, *, kind: str, source: str
) -> IssuedToken:
    issued = issue_token(
        secret_key=settings.secret_key,
        user_id=user_id,
        kind=kind,
        ttl_seconds=settings.access_token_ttl_seconds if kind == "access" else 30 * 86400,
    )
    await AccountRepository.from_session(session).add(
        AccessToken(
            jti=issued.jti, user_id=user_id, kind=kind, source=source, expires_at=issued.expires_at
        )
    )
    return issued


async def login(
    session: AsyncSession, settings: Settings, email: str, password: str
) -> IssuedToken:
    """Exchange an email and password for an access token."""
    user = await AccountRepository.from_session(session).get_user_by_email(email)
    # Verify even for a missing user so timing does not reveal which emails exist.
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if user is None or not ok or not user.is_active:
        raise Unauthorized("invalid email or password")
    return await _open_session(session, settings, user.id, kind="access", source="password")


_DUMMY_HASH = hash_password(secrets.token_hex(8))


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
    await repo.touch_api_key(key.id, now)
    return principal


async def token_info(session: AsyncSession, jti: str) -> AccessToken | None:
    return await AccountRepository.from_session(session).get_token(jti)


async def logout(session: AsyncSession, principal: Principal) -> None:
    """Revoke the access token the request came with (an API key has no session to end)."""
    if principal.token_jti is not None:
        await AccountRepository.from_session(session).revoke_token(principal.token_jti, utcnow())


async def act_for(session: AsyncSession, principal: Principal, account_id: int) -> Principal:
    """An admin acting within one account; anyone else may only name their own."""
    account = await get_account(session, principal, account_id)
    if not principal.is_admin:
        return principal
    return Principal(principal.user_id, principal.role, account.id, principal.token_jti)
