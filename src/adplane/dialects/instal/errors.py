"""Instal's error shape: Django REST framework bodies and status codes, as documented.

``{"detail": "..."}`` for authentication, not-found and method errors, and
``{"<parameter>": ["<message>", ...]}`` for a bad query parameter. Every failure inside the
sub-app, an unexpected exception included, leaves in one of these shapes.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from adplane.kit.errors import AppError, Conflict, Forbidden, NotFound, Unauthorized
from adplane.kit.responses import SafeJSONResponse as JSONResponse
from adplane.kit.validation import input_errors

log = logging.getLogger("adplane.instal")

NOT_AUTHENTICATED = "Authentication credentials were not provided."
INVALID_TOKEN = "Invalid token."
NOT_FOUND = "Not found"
INVALID_PAGE = "Invalid page."
SERVER_ERROR = "A server error occurred."


class InstalError(Exception):
    """An error already in Instal's wire shape."""

    def __init__(
        self, status_code: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(str(body))
        self.status_code = status_code
        self.body = body
        self.headers = headers

    @classmethod
    def detail(cls, status_code: int, message: str) -> InstalError:
        return cls(status_code, {"detail": message})

    @classmethod
    def field(cls, name: str, *messages: str) -> InstalError:
        """A 400 about one query parameter, as a DRF serializer reports it."""
        return cls(400, {name: list(messages)})


def not_allowed(method: str) -> InstalError:
    """DRF's 405: every route of this API is read-only."""
    return InstalError(
        405, {"detail": f'Method "{method}" not allowed.'}, headers={"Allow": "GET, HEAD"}
    )


def _render(exc: AppError) -> tuple[int, dict[str, Any]]:
    if isinstance(exc, NotFound):
        return 404, {"detail": NOT_FOUND}
    if isinstance(exc, Unauthorized):
        return 403, {"detail": INVALID_TOKEN}
    if isinstance(exc, Forbidden):
        return 403, {"detail": "You do not have permission to perform this action."}
    if isinstance(exc, Conflict):
        return 409, {"detail": exc.detail}
    if exc.errors:
        body: dict[str, Any] = {}
        for error in exc.errors:
            body.setdefault(error.field, []).append(error.message)
        return 400, body
    return 400, {"detail": exc.detail}


def install(app: FastAPI) -> None:
    """Render every error of the Instal sub-app in Django REST framework's shape."""

    @app.exception_handler(InstalError)
    async def _instal(_request: Request, exc: InstalError) -> JSONResponse:
        return JSONResponse(exc.body, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(AppError)
    async def _app_error(_request: Request, exc: AppError) -> JSONResponse:
        status, body = _render(exc)
        return JSONResponse(body, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        body: dict[str, list[str]] = {}
        for error in input_errors(exc):
            loc = [p for p in error.location if p not in ("query", "path", "header")]
            body.setdefault(loc[-1] if loc else "non_field_errors", []).append(error.message)
        return JSONResponse(body, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return JSONResponse({"detail": NOT_FOUND}, status_code=404)
        if exc.status_code == 405:
            error = not_allowed(request.method)
            return JSONResponse(error.body, status_code=405, headers=error.headers)
        detail = exc.detail if isinstance(exc.detail, str) else "Error."
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": SERVER_ERROR}, status_code=500)
