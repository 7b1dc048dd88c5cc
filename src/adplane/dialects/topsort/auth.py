"""Topsort's credential scheme: ``Authorization: Bearer <API key>``.

An admin's key is the marketplace's key (every vendor's campaigns); an advertiser's key is a
vendor's (its own account only). An access token from the native login works as well.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from adplane.accounts import service as accounts
from adplane.accounts.auth import AppSettings
from adplane.accounts.principal import Principal
from adplane.dialects.topsort.errors import TopsortError
from adplane.kit.db import Session
from adplane.kit.errors import Unauthorized

# Declared for the OpenAPI document; the header is checked below with Topsort's messages.
scheme = HTTPBearer(
    scheme_name="Authorization",
    description="A valid API key (`Bearer <API key>`).",
    auto_error=False,
)


async def topsort_principal(
    request: Request,
    session: Session,
    settings: AppSettings,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(scheme)] = None,
) -> Principal:
    """Resolve the bearer API key; a missing or wrong one is a 401."""
    name, _, value = request.headers.get("authorization", "").partition(" ")
    if name.lower() != "bearer" or not value.strip():
        raise TopsortError(401, "Not authenticated")
    try:
        return await accounts.authenticate(session, settings, value.strip())
    except Unauthorized:
        raise TopsortError(401, "Invalid API key") from None


TopsortPrincipal = Annotated[Principal, Depends(topsort_principal)]
