"""Instal's credential scheme: ``Authorization: Token <API key>`` (DRF TokenAuthentication).

The API is the advertiser's view of its own account, so the principal it resolves to always
acts as the advertiser of the caller's account, whatever the caller's role: an admin linked to
an account sees that account's campaigns, and a user linked to no account is refused with the
documented 403, as Instal refuses "a user not linked to an advertiser".
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from adplane.accounts import service as accounts
from adplane.accounts.auth import AppSettings
from adplane.accounts.principal import Principal, Role
from adplane.dialects.instal.errors import INVALID_TOKEN, NOT_AUTHENTICATED, InstalError
from adplane.kit.db import Session
from adplane.kit.errors import Unauthorized

# Declared for the OpenAPI document (the header is parsed below, as DRF parses it).
scheme = APIKeyHeader(
    name="Authorization",
    scheme_name="Token",
    description="`Token <API key>`: an adplane API key of a user linked to an account.",
    auto_error=False,
)


async def instal_principal(
    request: Request,
    session: Session,
    settings: AppSettings,
    _header: Annotated[str | None, Depends(scheme)] = None,
) -> Principal:
    """Resolve ``Authorization: Token <key>``; anything else is a 403 in DRF's words."""
    parts = request.headers.get("authorization", "").split()
    # DRF ignores other schemes, which leaves the request unauthenticated.
    if not parts or parts[0].lower() != "token":
        raise InstalError.detail(403, NOT_AUTHENTICATED)
    if len(parts) == 1:
        raise InstalError.detail(403, "Invalid token header. No credentials provided.")
    if len(parts) > 2:
        raise InstalError.detail(
            403, "Invalid token header. Token string should not contain spaces."
        )
    try:
        principal = await accounts.authenticate(session, settings, parts[1])
    except Unauthorized:
        raise InstalError.detail(403, INVALID_TOKEN) from None
    if principal.account_id is None:
        raise InstalError.detail(403, NOT_AUTHENTICATED)
    return Principal(principal.user_id, Role.ADVERTISER, principal.account_id, principal.token_jti)


InstalPrincipal = Annotated[Principal, Depends(instal_principal)]
