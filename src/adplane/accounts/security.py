"""Secret handling: argon2id passwords, hashed random API keys, signed expiring tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from adplane.kit.time import utcnow

API_KEY_PREFIX = "adp_"
_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
_ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_api_key() -> str:
    """A random API key; 32 bytes of entropy, recognisable by its prefix."""
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """SHA-256 of a high-entropy secret; argon2 is for low-entropy passwords only."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: str
    jti: str
    expires_at: datetime
    expires_in: int


def issue_token(
    *,
    secret_key: str,
    user_id: int,
    kind: str,
    ttl_seconds: int,
    extra_claims: Mapping[str, object] | None = None,
) -> IssuedToken:
    """Sign a token naming the user, its kind and a unique id the database can revoke.

    ``extra_claims`` (a dialect's documented claims) never replace the ones checked here.
    """
    now = utcnow()
    jti = secrets.token_hex(16)
    expires_at = now + timedelta(seconds=ttl_seconds)
    payload = {
        "sub": str(user_id),
        "jti": jti,
        "typ": kind,
        "iat": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "iss": "adplane",
    }
    payload = {**(extra_claims or {}), **payload}
    token = jwt.encode(payload, secret_key, algorithm=_ALGORITHM)
    return IssuedToken(token, jti, expires_at, ttl_seconds)


@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    jti: str
    kind: str


def decode_token(token: str, *, secret_key: str) -> TokenClaims | None:
    """The claims of a valid, unexpired token we signed; None for anything else."""
    try:
        payload = jwt.decode(
            token,
            secret_key,
            algorithms=[_ALGORITHM],
            issuer="adplane",
            options={"require": ["exp", "sub", "jti"]},
        )
        return TokenClaims(
            int(payload["sub"]), str(payload["jti"]), str(payload.get("typ", "access"))
        )
    except (jwt.PyJWTError, ValueError, KeyError):
        return None


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2 and not token.startswith(API_KEY_PREFIX)
