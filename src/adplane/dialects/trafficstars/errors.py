"""The dialect's one error shape, ``{"code", "error", "message", "errors"}``, for every failure.

Core errors name core fields; they are renamed to the TrafficStars fields here. A route can
leave hints in ``request.state``: ``ts_sent`` (the fields the request sent, to choose between
two spellings) and ``ts_rename`` (core field prefix -> the name to show, e.g. ``ids``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from adplane.dialects.trafficstars import wire
from adplane.dialects.trafficstars.mapping import ts_field
from adplane.kit.errors import (
    AppError,
    BadRequest,
    Conflict,
    FieldError,
    Forbidden,
    NotFound,
    Unauthorized,
    ValidationFailed,
)
from adplane.kit.responses import CatchAll
from adplane.kit.responses import SafeJSONResponse as JSONResponse
from adplane.kit.surface import allowed_methods
from adplane.kit.validation import input_errors, is_malformed

log = logging.getLogger("adplane.trafficstars")

_SLUGS: tuple[tuple[type[AppError], str], ...] = (
    (ValidationFailed, "validation_failed"),
    (Unauthorized, "unauthorized"),
    (Forbidden, "forbidden"),
    (NotFound, "not_found"),
    (Conflict, "conflict"),
    (BadRequest, "bad_request"),
)
_BY_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    415: "unsupported_media_type",
    422: "validation_failed",
}

# Every route declares these, so the OpenAPI document shows the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": wire.Error, "description": text}
    for code, text in (
        (400, "Malformed JSON or a bad request"),
        (401, "Missing, invalid, expired or revoked access token"),
        (403, "Not allowed for this user"),
        (404, "Not found (another account's campaign is not found either)"),
        (409, "The campaign's state forbids this"),
        (422, "A parameter is invalid; errors name the TrafficStars field"),
    )
}


class TrafficStarsError(AppError):
    """An error with an explicit slug (the OAuth token endpoint uses OAuth's vocabulary)."""

    def __init__(
        self, status_code: int, error: str, detail: str, *, errors: list[FieldError] | None = None
    ) -> None:
        super().__init__(detail, errors=errors)
        self.status_code = status_code
        self.error = error


def error_response(
    status: int,
    error: str,
    message: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"code": status, "error": error, "message": message, "errors": errors or []}
    if status == 401:
        headers = {"WWW-Authenticate": "Bearer", **(headers or {})}
    return JSONResponse(body, status_code=status, headers=headers)


def _slug(exc: AppError) -> str:
    if isinstance(exc, TrafficStarsError):
        return exc.error
    for kind, slug in _SLUGS:
        if isinstance(exc, kind):
            return slug
    return _BY_STATUS.get(exc.status_code, "error")


def _rename(field: str, request: Request) -> str:
    renames: Mapping[str, str] = getattr(request.state, "ts_rename", {})
    for prefix, name in renames.items():
        if field == prefix or field.startswith(prefix + "."):
            return name
    return ts_field(field, getattr(request.state, "ts_sent", ()))


def _render_app_error(request: Request, exc: AppError) -> JSONResponse:
    errors = [{"field": _rename(e.field, request), "message": e.message} for e in exc.errors]
    message = "; ".join(f"{e['field']}: {e['message']}" for e in errors) if errors else exc.detail
    return error_response(exc.status_code, _slug(exc), message, errors)


def install(app: FastAPI) -> None:
    """Render every error of the dialect app in the TrafficStars shape."""

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return _render_app_error(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        found = input_errors(exc)
        if is_malformed(found):
            return error_response(400, "malformed_json", "the request body is not valid JSON")
        errors = [{"field": _rename(e.field, request), "message": e.message} for e in found]
        message = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        return error_response(422, "validation_failed", message, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug = _BY_STATUS.get(exc.status_code, "error")
        if exc.status_code == 404:
            message = f"no route {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        else:
            message = exc.detail if isinstance(exc.detail, str) else slug
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return error_response(exc.status_code, slug, message, headers=headers or None)

    app.add_middleware(
        CatchAll,
        render=lambda: error_response(
            500, "internal_error", "an unexpected error occurred; it has been logged"
        ),
        log=log,
    )
