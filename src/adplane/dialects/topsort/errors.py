"""Topsort's error shape: the FastAPI service's own bodies.

- 422 ``{"detail": [{"type", "loc", "msg"}, ...]}`` for validation, whether the request model
  or a core rule refused it; ``loc`` names the field in Topsort's camelCase (``["body",
  "endDate"]``) and ``msg`` states the rule. Malformed JSON is a 422 too, as in FastAPI.
- ``{"detail": "<message>"}`` with 401 (credentials), 403 (role), 404 (unknown or another
  vendor's campaign), 409 (the campaign's state forbids it) and 500 (anything unexpected).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from adplane.dialects.topsort.mapping import wire_field, wire_message
from adplane.kit.errors import AppError, FieldError, Unauthorized
from adplane.kit.responses import SafeJSONResponse as JSONResponse
from adplane.kit.surface import allowed_methods

log = logging.getLogger("adplane.topsort")


class TopsortError(Exception):
    """An error already in Topsort's words."""

    def __init__(self, status_code: int, detail: str) -> None:
        super().__init__(detail)
        self.status_code = status_code
        self.detail = detail


def validation_body(errors: list[FieldError], part: str = "body") -> dict[str, object]:
    """Core field errors as FastAPI's 422 body, in Topsort's field names."""
    return {
        "detail": [
            {
                "type": "value_error",
                "loc": [part, *wire_field(e.field).split(".")],
                "msg": wire_message(e.message),
            }
            for e in errors
        ]
    }


def _headers(status_code: int) -> dict[str, str] | None:
    return {"WWW-Authenticate": "Bearer"} if status_code == 401 else None


def install(app: FastAPI) -> None:
    """Render every error of the Topsort sub-app as the FastAPI service would."""

    @app.exception_handler(TopsortError)
    async def _topsort(_request: Request, exc: TopsortError) -> JSONResponse:
        return JSONResponse(
            {"detail": exc.detail},
            status_code=exc.status_code,
            headers=_headers(exc.status_code),
        )

    @app.exception_handler(AppError)
    async def _app_error(_request: Request, exc: AppError) -> JSONResponse:
        if exc.errors:
            return JSONResponse(validation_body(exc.errors), status_code=422)
        status = 401 if isinstance(exc, Unauthorized) else exc.status_code
        return JSONResponse(
            {"detail": wire_message(exc.detail)}, status_code=status, headers=_headers(status)
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own body, rendered so that a rejected NaN or lone surrogate survives.
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=headers or None
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "Internal Server Error"}, status_code=500)
