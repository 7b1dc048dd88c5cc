"""The dialect's one error shape, ``{"message": str, "errors": {field: [message, ...]}}``.

The document shows no error at all. The vendor's API is a Laravel application (its tokens
carry jwt-auth's ``prv`` claim), so every failure answers as Laravel's JSON errors do: a
message, and for validation the messages per field (``errors`` is ``{}`` otherwise). Field
paths are the SmartyAds names (``mapping.wire_field`` renames core fields back).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from adplane.dialects.smartyads import wire
from adplane.dialects.smartyads.mapping import wire_field
from adplane.kit.errors import AppError, FieldError
from adplane.kit.responses import CatchAll
from adplane.kit.responses import SafeJSONResponse as JSONResponse
from adplane.kit.surface import allowed_methods
from adplane.kit.validation import input_errors, is_malformed

log = logging.getLogger("adplane.smartyads")

_MESSAGES = {
    400: "Bad request.",
    401: "Unauthenticated.",
    403: "This action is unauthorized.",
    404: "Not found.",
    405: "Method not allowed.",
    409: "Conflict.",
    413: "Payload too large.",
    415: "Unsupported media type.",
    422: "The given data was invalid.",
    429: "Too Many Attempts.",
    500: "Server Error",
}

# Every route declares these, so the OpenAPI document shows the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": wire.Error, "description": text}
    for code, text in (
        (400, "The body is not JSON, or the request is malformed"),
        (401, "Missing, invalid, expired or revoked token"),
        (403, "Not allowed for this user"),
        (404, "Not found (another account's resource is not found either)"),
        (409, "The resource's state forbids this"),
        (413, "The body is too large"),
        (422, "A field is invalid; errors name the SmartyAds field"),
        (429, "Too many requests in the window (see X-ratelimit-limit)"),
    )
}


class SmartyAdsError(AppError):
    """An error already in SmartyAds' words (status and message chosen by the dialect)."""

    def __init__(
        self, status_code: int, message: str, *, errors: list[FieldError] | None = None
    ) -> None:
        super().__init__(message, errors=errors)
        self.status_code = status_code


def error_body(message: str, errors: list[FieldError] | None = None) -> dict[str, Any]:
    grouped: dict[str, list[str]] = {}
    for error in errors or []:
        grouped.setdefault(wire_field(error.field), []).append(error.message)
    return {"message": message, "errors": grouped}


def error_response(
    status: int,
    message: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    if status == 401:
        headers = {"WWW-Authenticate": "Bearer", **(headers or {})}
    text = message or _MESSAGES.get(status, "Error")
    return JSONResponse(error_body(text, errors), status_code=status, headers=headers)


def _render_app_error(exc: AppError) -> JSONResponse:
    headers: dict[str, str] | None = getattr(exc, "headers", None)
    if exc.errors:
        return error_response(
            exc.status_code, _MESSAGES.get(exc.status_code), exc.errors, headers=headers
        )
    return error_response(exc.status_code, exc.detail, headers=headers)


def install(app: FastAPI) -> None:
    """Render every error of the dialect app in the SmartyAds shape."""

    @app.exception_handler(AppError)
    async def _app_error(_request: Request, exc: AppError) -> JSONResponse:
        return _render_app_error(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        found = input_errors(exc)
        if is_malformed(found):
            return error_response(400, "The request body is not valid JSON.")
        return error_response(422, None, [e.as_field_error() for e in found])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})
        if exc.status_code == 404:
            message = f"No route {request.method} {request.url.path}."
        elif exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
            message = f"The {request.method} method is not supported for this route."
        else:
            detail = exc.detail if isinstance(exc.detail, str) else None
            message = detail or _MESSAGES.get(exc.status_code, "Error")
        return error_response(exc.status_code, message, headers=headers or None)

    app.add_middleware(CatchAll, render=lambda: error_response(500), log=log)
