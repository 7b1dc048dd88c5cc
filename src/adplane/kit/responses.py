"""JSON error responses that can echo any value a client sent.

An error body may repeat what it refuses (FastAPI's 422 carries each rejected ``input``, a
message may quote a field name). A JSON body can hold values that strict JSON output cannot:
``NaN`` and ``Infinity`` (Python's parser accepts them, and ``1e400`` reads as infinity) and
lone UTF-16 surrogates (``"\\ud800"``), which UTF-8 cannot encode. Rendering such a value
raised inside the error handler, where nothing catches it, and the client got a bare 500.
Every surface renders its errors with :class:`SafeJSONResponse`, which writes such values as
strings instead.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from fastapi.responses import JSONResponse
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Deeper than any body the parser lets through (kit/routing.MAX_JSON_DEPTH): the rest is cut.
_MAX_DEPTH = 100


def _safe_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _safe_number(value: float | Decimal) -> float | int | str:
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        return int(value) if value == value.to_integral_value() else str(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def json_safe(value: Any, depth: int = 0) -> Any:
    """``value`` with non-finite numbers as strings and lone surrogates replaced."""
    if depth > _MAX_DEPTH:
        return "..."
    if isinstance(value, str):
        return _safe_text(value)
    if isinstance(value, bool | int) or value is None:
        return value
    if isinstance(value, float | Decimal):
        return _safe_number(value)
    if isinstance(value, dict):
        return {_safe_text(str(k)): json_safe(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v, depth + 1) for v in value]
    return _safe_text(str(value))


class SafeJSONResponse(JSONResponse):
    """A ``JSONResponse`` that never fails to render (see the module docstring)."""

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except (ValueError, TypeError, UnicodeEncodeError, RecursionError):
            return super().render(json_safe(content))


class CatchAll:
    """Turns an unexpected exception into a 500 in a surface's own shape, never a traceback.

    It wraps the routes from outside, so the request's session has already seen the exception
    and rolled back by the time this answers: nothing half-written is committed. A response
    that has started cannot be replaced, so the exception goes on to the server then.
    """

    def __init__(self, app: ASGIApp, render: Callable[[], Response], log: logging.Logger) -> None:
        self.app = app
        self.render = render
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            self.log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await self.render()(scope, receive, send)
