"""The native API's credential scheme: ``Authorization: Bearer <API key or access token>``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from adplane.accounts import service
from adplane.accounts.principal import Principal
from adplane.kit.db import Session
from adplane.kit.errors import BadRequest, Unauthorized
from adplane.kit.ids import MAX_ID
from adplane.kit.observability import note_caller
from adplane.settings import Settings

ACT_FOR_HEADER = "X-Adplane-Account"

# Declares the scheme in the OpenAPI document (so Swagger's Authorize sends it); the header
# itself is read by ``bearer_credential``, which matches the scheme's name in any case.
bearer_scheme = HTTPBearer(
    scheme_name="Bearer",
    description="An API key (`adplane users create` prints one) or an access token from "
    "`POST /auth/token`, sent as `Authorization: Bearer <credential>`.",
    auto_error=False,
)


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(app_settings)]


def bearer_credential(request: Request, scheme: str = "bearer") -> str:
    """The credential after ``Authorization: <scheme>``, matched case-insensitively."""
    header = request.headers.get("authorization", "")
    name, _, value = header.partition(" ")
    if name.lower() != scheme.lower() or not value.strip():
        raise Unauthorized(f"send 'Authorization: {scheme.title()} <credential>'")
    return value.strip()


async def current_principal(
    request: Request,
    session: Session,
    settings: AppSettings,
    _documented: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)] = None,
) -> Principal:
    """Authenticate the request; an admin may act for an account with X-Adplane-Account."""
    principal = await service.authenticate(session, settings, bearer_credential(request))
    raw = request.headers.get(ACT_FOR_HEADER)
    if raw is not None:
        raw = raw.strip()
        # isdigit() alone admits non-ASCII digits ("²") that int() refuses.
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 19 and 0 < int(raw) <= MAX_ID):
            raise BadRequest(f"{ACT_FOR_HEADER} must be an account id")
        principal = await service.act_for(session, principal, int(raw))
        note_caller(principal.user_id, principal.account_id)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
