"""SmartyAds credentials: ``Authorization: Bearer <token from api/users/login>`` -> Principal.

The token is the core's access token (revocable by its ``jti``, stored hashed in the core's
token table) with the claims the document's tokens carry: ``iss``, ``iat``, ``exp`` (an hour
after ``iat``), ``nbf``, ``jti``, ``sub`` (the user id) and ``prv``. An API key works as the
Bearer credential too, as on every surface.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from adplane.accounts import service as accounts
from adplane.accounts.auth import AppSettings
from adplane.accounts.principal import Principal
from adplane.dialects.smartyads.errors import SmartyAdsError
from adplane.kit.db import Session
from adplane.kit.errors import Unauthorized
from adplane.kit.time import utcnow

TOKEN_TTL_SECONDS = 3600
# jwt-auth's ``prv`` names the user provider by a SHA-1; this one names adplane's users.
PROVIDER = hashlib.sha1(b"adplane.accounts.User", usedforsecurity=False).hexdigest()

# Declared for the OpenAPI document; the header is checked below with SmartyAds' messages.
_bearer = HTTPBearer(auto_error=False, description="Bearer <access_token of api/users/login>")


def token_claims() -> dict[str, object]:
    """The document's claims beyond the core's own (``iss``, ``iat``, ``exp``, ``sub``, ``jti``)."""
    return {"nbf": int(utcnow().timestamp()), "prv": PROVIDER}


async def current_principal(
    request: Request,
    session: Session,
    settings: AppSettings,
    _documented: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller behind ``Authorization: Bearer <token>``; anything else is a 401."""
    name, _, value = request.headers.get("authorization", "").strip().partition(" ")
    if name.lower() != "bearer" or not value.strip():
        raise SmartyAdsError(401, "Unauthenticated.")
    try:
        return await accounts.authenticate(session, settings, value.strip())
    except Unauthorized:
        raise SmartyAdsError(401, "Unauthenticated.") from None


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
