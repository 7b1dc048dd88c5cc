"""Routes whose requests keep decimal numbers exact and hold no NUL characters.

Starlette parses JSON numbers into binary floats, so ``123456789012.123456`` arrives as
``123456789012.12346`` and a money field would silently store another amount. An
``ExactJSONRoute`` parses every JSON number with a fraction or exponent as ``Decimal``.

A body nested deeper than ``MAX_JSON_DEPTH`` is malformed JSON here: Python's parser would
recurse until a ``RecursionError``, and every later walk over the document (validation,
error rendering) would risk the same.

PostgreSQL cannot store U+0000 in text (SQLite stores it, so the backends would disagree), so a
NUL anywhere in a request, whether in a JSON body, a form body, the query string or a path
parameter, is refused up front as a validation error naming the field, before any handler
runs; each surface renders that error in its own shape. A multipart form is parsed once here
(its files spooled to disk by Starlette, the parsed form kept for the handler) and only its
text: field names, text values and file names are checked, never the files' bytes, which are
data (an image holds NUL bytes) and may be far larger than memory should hold.

Every surface gets this without asking: ``kit.surface.api_surface`` makes each route it
mounts exact (``make_exact``), so a router written with a plain ``APIRouter`` cannot forget.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine, Iterable
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from adplane.kit.errors import BadRequest

NUL = "\x00"
NUL_MESSAGE = "must not contain the NUL character (U+0000)"
# The JSON escape of U+0000; a raw NUL byte is not JSON at all and every parser refuses it.
_ESCAPED_NUL = b"\\u0000"
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"

# Beyond this magnitude a number is no amount of money; converting 1e999999999 to an exact
# integer would take the process down, so such numbers stay floats and fail validation.
_MAX_EXPONENT = 40


# No request of any surface nests anywhere near this deep.
MAX_JSON_DEPTH = 64
# A JSON string (skipped whole, so brackets inside it do not count) or a bracket.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def too_deep(body: bytes) -> int | None:
    """The offset of the first bracket nested deeper than ``MAX_JSON_DEPTH``, or None."""
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:
        return None
    depth = 0
    for match in _TOKENS.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return match.start()
        elif token in (b"]", b"}"):
            depth -= 1
    return None


def parse_decimal(text: str) -> Decimal | float:
    """A JSON number with a fraction or exponent, exactly (or a float when absurdly large)."""
    value = Decimal(text)
    if value.is_finite() and value.adjusted() <= _MAX_EXPONENT:
        return value
    return float(text)


def loads(body: bytes | str) -> Any:
    """``json.loads`` with exact decimals and bounded nesting (a ``JSONDecodeError`` past it)."""
    raw = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    offset = too_deep(raw)
    if offset is not None:
        raise json.JSONDecodeError(
            f"nested more than {MAX_JSON_DEPTH} levels deep",
            raw[:offset].decode("utf-8", "replace"),
            offset,
        )
    return json.loads(body, parse_float=parse_decimal)


def nul_path(document: Any) -> tuple[str | int, ...] | None:
    """Where a NUL character sits in a parsed JSON document, or None.

    Iterative, so a document nested as deeply as the parser allows cannot overflow the stack.
    """
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if NUL in value:
                return path
        elif isinstance(value, dict):
            for key, item in value.items():
                if NUL in key:
                    return (*path, key)
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
    return None


def nul_error(*loc: str | int) -> RequestValidationError:
    """The validation error for a NUL character at ``loc`` ("body", "query", "path", ...)."""
    return RequestValidationError(
        [{"type": "string_nul", "loc": loc, "msg": NUL_MESSAGE, "input": None}]
    )


def _first_nul(part: str, pairs: Iterable[tuple[str, str]]) -> RequestValidationError | None:
    for name, value in pairs:
        if NUL in name or NUL in value:
            return nul_error(part, name.replace(NUL, "\\u0000"))
    return None


def _decoded_pairs(raw: bytes) -> list[tuple[str, str]]:
    # Undecodable bytes become U+FFFD here: the route's own parsing reports them, if it cares.
    return parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)


def is_declared_multipart(content_type: str) -> bool:
    """A ``multipart/form-data`` content type with its boundary: Starlette can parse it."""
    media, _, params = content_type.partition(";")
    return media.strip().lower() == _MULTIPART and "boundary=" in params.lower()


async def parsed_form(request: Request) -> Any:
    """The request's multipart form, parsed once and kept on the request.

    Starlette streams the parts, spooling files to disk; an unreadable body is a
    ``BadRequest`` that each surface renders in its own shape.
    """
    try:
        return await request.form()
    except HTTPException as exc:
        raise BadRequest(f"the multipart body cannot be read: {exc.detail}") from exc


async def _refuse_nul_in_form(request: Request) -> None:
    form = await parsed_form(request)
    for name, value in form.multi_items():
        text = (value.filename or "") if isinstance(value, UploadFile) else str(value)
        if NUL in name or NUL in text:
            raise nul_error("body", name.replace(NUL, "\\u0000"))


async def refuse_nul(request: Request) -> None:
    """Raise a validation error naming the field when any part of the request holds a NUL."""
    error = _first_nul("query", _decoded_pairs(request.scope.get("query_string", b"")))
    error = error or _first_nul(
        "path", ((k, v) for k, v in request.path_params.items() if isinstance(v, str))
    )
    if error is not None:
        raise error
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    if is_declared_multipart(request.headers.get("content-type", "")):
        await _refuse_nul_in_form(request)
        return
    body = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == _FORM:
        error = _first_nul("body", _decoded_pairs(body))
        if error is not None:
            raise error
        return
    if _ESCAPED_NUL not in body:
        return
    try:
        document = loads(body)
    except (ValueError, RecursionError):
        return  # not JSON (or nested past the parser's limit): the route reports that itself
    path = nul_path(document)
    if path is not None:
        raise nul_error("body", *path)


class ExactJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = loads(await self.body())
        return self._json


class ExactJSONRoute(APIRoute):
    """An ``APIRoute`` whose handler sees JSON numbers as ``Decimal`` and never a NUL."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def exact_handler(request: Request) -> Response:
            exact = ExactJSONRequest(request.scope, request.receive)
            await refuse_nul(exact)
            return await handler(exact)

        return exact_handler


def make_exact(router: APIRouter) -> APIRouter:
    """Make every route of ``router`` an ``ExactJSONRoute``, and new ones too; returns it.

    A route builds its ASGI handler lazily from ``get_route_handler`` when it is included in
    an app, so a plain ``APIRoute`` becomes exact by taking the subclass (which only overrides
    that method and adds no state). A route of some other ``APIRoute`` subclass cannot be
    combined safely and is refused, so nothing reaches a surface without exact decoding.
    """
    router.route_class = ExactJSONRoute
    for route in router.routes:
        if not isinstance(route, APIRoute) or isinstance(route, ExactJSONRoute):
            continue
        if type(route) is not APIRoute:
            raise TypeError(f"{route.path}: {type(route).__name__} is not an ExactJSONRoute")
        route.__class__ = ExactJSONRoute
    return router
