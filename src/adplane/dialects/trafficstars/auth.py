"""TrafficStars credentials: ``Authorization: bearer <access token>`` -> the core Principal.

The token endpoint exchanges an API key or a refresh token for an access token (the core's
refresh grant). The ``id_token`` it returns describes the user; it is signed like the access
token but carries no token id and an audience of its own, so the core never accepts it as a
credential (see NOTES.md).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import parse_qsl

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError

from adplane.accounts import service as accounts
from adplane.accounts.auth import AppSettings, bearer_credential
from adplane.accounts.principal import Principal
from adplane.dialects.trafficstars import wire
from adplane.dialects.trafficstars.errors import TrafficStarsError
from adplane.kit.db import Session
from adplane.kit.errors import FieldError
from adplane.kit.routing import loads
from adplane.kit.time import utcnow
from adplane.kit.validation import field_errors
from adplane.settings import Settings

# Only for the OpenAPI document; the header is read by ``bearer_credential`` (any case).
_bearer = HTTPBearer(auto_error=False, description="bearer {access_token}")
ID_TOKEN_AUDIENCE = "trafficstars"


async def current_principal(
    request: Request,
    session: Session,
    settings: AppSettings,
    _documented: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller behind ``Authorization: bearer <access token>`` (an API key also works)."""
    return await accounts.authenticate(session, settings, bearer_credential(request, "bearer"))


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def id_token(
    settings: Settings,
    *,
    user_id: int,
    email: str,
    role: str,
    account_id: int | None,
    expires_at: datetime,
) -> str:
    """A signed statement of who the session belongs to (OpenID Connect style claims)."""
    now = utcnow()
    claims = {
        "iss": "adplane",
        "aud": ID_TOKEN_AUDIENCE,
        "typ": "id",
        "sub": str(user_id),
        "email": email,
        "role": role,
        "account_id": account_id,
        "iat": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
    }
    return jwt.encode(claims, settings.secret_key, algorithm="HS256")


def _invalid_request(message: str, errors: list[FieldError] | None = None) -> TrafficStarsError:
    return TrafficStarsError(400, "invalid_request", message, errors=errors)


async def _form_or_json(request: Request) -> dict[str, Any]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
        form = await request.form()
        return {k: v for k, v in form.items() if isinstance(v, str)}
    raw = await request.body()
    if content_type.endswith("json") or raw.lstrip().startswith((b"{", b"[")):
        try:
            # The shared parser bounds the nesting depth: no RecursionError on ``[[[[...``.
            data = loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise _invalid_request("the request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise _invalid_request("the request body must be a JSON object")
        return data
    # A form sent without its Content-Type (curl --data does set it; others may not).
    try:
        return dict(parse_qsl(raw.decode(), keep_blank_values=True))
    except UnicodeDecodeError:
        raise _invalid_request("the request body is not a form") from None


async def token_request(request: Request) -> wire.TokenRequest:
    """The grant of ``POST /v1/auth/token``, form-encoded or JSON."""
    data = await _form_or_json(request)
    try:
        grant = wire.TokenRequest.model_validate(data)
    except ValidationError as exc:
        errors = field_errors(exc)
        raise _invalid_request(
            "; ".join(f"{e.field}: {e.message}" for e in errors), errors
        ) from None
    if grant.grant_type != "refresh_token":
        raise TrafficStarsError(
            400,
            "unsupported_grant_type",
            "grant_type must be refresh_token",
            errors=[FieldError("grant_type", "acceptable value: refresh_token")],
        )
    if not grant.refresh_token:
        raise _invalid_request(
            "refresh_token is required",
            [FieldError("refresh_token", "required if grant_type = refresh_token")],
        )
    return grant
