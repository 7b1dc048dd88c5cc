"""Routes whose JSON request bodies keep decimal numbers exact and hold no NUL characters.

Starlette parses JSON numbers into binary floats, so ``123456789012.123456`` arrives as
``123456789012.12346`` and a money field would silently store another amount. Routers built
with ``ExactJSONRoute`` parse every JSON number with a fraction or exponent as ``Decimal``.

A body nested deeper than ``MAX_JSON_DEPTH`` is malformed JSON here: Python's parser would
recurse until a ``RecursionError``, and every later walk over the document (validation,
error rendering) would risk the same.

PostgreSQL cannot store U+0000 in text, so a ``"\\u0000"`` anywhere in a body would fail deep
in the database; such a body is refused up front, naming the field, on every backend.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine
from decimal import Decimal
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

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
            if "\x00" in value:
                return path
        elif isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    return (*path, key)
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
    return None


async def refuse_nul(request: Request) -> None:
    """Raise a validation error naming the field when the JSON body holds a NUL character."""
    body = await request.body()
    if b"\\u0000" not in body.lower():
        return
    try:
        document = loads(body)
    except (ValueError, RecursionError):
        return  # not JSON (or nested past the parser's limit): the route reports that itself
    path = nul_path(document)
    if path is not None:
        raise RequestValidationError(
            [
                {
                    "type": "string_nul",
                    "loc": ("body", *path),
                    "msg": "must not contain the NUL character (U+0000)",
                    "input": None,
                }
            ]
        )


class ExactJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = loads(await self.body())
        return self._json


class ExactJSONRoute(APIRoute):
    """An ``APIRoute`` whose handler sees JSON numbers as ``Decimal``."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def exact_handler(request: Request) -> Response:
            exact = ExactJSONRequest(request.scope, request.receive)
            await refuse_nul(exact)
            return await handler(exact)

        return exact_handler
