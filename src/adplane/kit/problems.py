"""RFC 9457 problem+json: the native API's error shape, installed on the native sub-app."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from adplane.kit.errors import AppError
from adplane.kit.responses import SafeJSONResponse as JSONResponse
from adplane.kit.surface import allowed_methods
from adplane.kit.validation import field_path, input_errors, is_malformed

log = logging.getLogger("adplane")

MEDIA_TYPE = "application/problem+json"

__all__ = ["MEDIA_TYPE", "PROBLEM_RESPONSES", "Problem", "field_path", "install", "problem"]


class ProblemField(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[ProblemField] | None = None
    # Added to every error body by adplane.kit.observability; quote it when reporting one.
    request_id: str | None = None


# The ``responses=`` every native route declares, so its OpenAPI shows the error shape.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": title}
    for code, title in (
        (400, "Bad request or malformed JSON"),
        (401, "Missing or invalid credentials"),
        (403, "Not allowed for this role"),
        (404, "Not found (or another account's)"),
        (409, "The resource's state forbids this"),
        (422, "Validation failed"),
    )
}


def problem(
    status: int,
    title: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"https://adplane.dev/problems/{title.lower().replace(' ', '-')}",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    if status == 401 and headers is None:
        # RFC 6750: a 401 names the scheme the client should authenticate with.
        headers = {"WWW-Authenticate": 'Bearer realm="adplane"'}
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def validation_errors(exc: RequestValidationError) -> tuple[bool, list[dict[str, str]]]:
    """(whether the body was not JSON at all, the field errors)."""
    errors = input_errors(exc)
    return is_malformed(errors), [{"field": e.field, "message": e.message} for e in errors]


def install(app: FastAPI) -> None:
    """Render every error of ``app`` as problem+json, never a traceback."""

    @app.exception_handler(AppError)
    async def _app_error(_request: Request, exc: AppError) -> JSONResponse:
        errors = [{"field": e.field, "message": e.message} for e in exc.errors] or None
        if errors is None and exc.status_code == 422:
            # A validation problem always lists its errors, even one about the whole body.
            errors = [{"field": "body", "message": exc.detail}]
        # An error that tells the client when to retry (429) carries its own headers.
        headers: dict[str, str] | None = getattr(exc, "headers", None)
        return problem(exc.status_code, exc.title, exc.detail, errors, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        malformed, errors = validation_errors(exc)
        if malformed:
            return problem(400, "Malformed JSON", "the request body is not valid JSON", errors)
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        return problem(422, "Validation failed", detail, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {
            404: "Not found",
            405: "Method not allowed",
            401: "Unauthorized",
            413: "Payload too large",
        }
        title = titles.get(exc.status_code, "Error")
        detail = exc.detail if isinstance(exc.detail, str) else title
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return problem(exc.status_code, title, detail, headers=headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(500, "Internal error", "an unexpected error occurred; it has been logged")
