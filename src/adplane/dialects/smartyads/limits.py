"""Real request limits with the document's ``X-ratelimit-limit`` / ``X-ratelimit-remaining``.

The document shows 10 on ``api/users/login`` and 500 elsewhere, with no window; the window is
a minute (Laravel's ``throttle`` default, which the vendor's headers come from). Budgets are
per caller: login per client address and email (so colleagues behind one address do not share
one), every other route per user (the verified token's ``sub``), per API key, or per address
when the request carries no valid credential. Past a budget comes a 429 in the dialect's error
shape with ``Retry-After``. Counts live in the process (the embedded mode: one server per
data directory), like the core's login guard.

The same middleware lets a JSON body through whatever ``Content-Type`` it came with: the
document sends its DELETE bodies (``{"ids": [...]}``) as ``application/x-www-form-urlencoded``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adplane.accounts.security import decode_token, hash_secret, looks_like_jwt
from adplane.dialects.smartyads.errors import error_response
from adplane.kit.limits import SlidingWindow
from adplane.kit.routing import loads

LOGIN_PATH = "/api/users/login"
LOGIN_LIMIT = 10
LIMIT = 500
WINDOW_SECONDS = 60.0
_REWRITTEN = (b"", b"application/x-www-form-urlencoded", b"text/plain")


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return b""


class RateLimits:
    """ASGI middleware of the SmartyAds sub-app (see the module docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        login_limit: int = LOGIN_LIMIT,
        limit: int = LIMIT,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.login = SlidingWindow(login_limit, window, clock)
        self.other = SlidingWindow(limit, window, clock)

    def _caller(self, scope: Scope) -> str:
        client = scope.get("client")
        address = f"addr:{client[0] if client else ''}"
        name, _, value = _header(scope, b"authorization").decode("latin-1").partition(" ")
        credential = value.strip()
        if name.lower() != "bearer" or not credential:
            return address
        if not looks_like_jwt(credential):
            return "key:" + hash_secret(credential)
        app = scope.get("app")
        settings = getattr(getattr(app, "state", None), "settings", None)
        claims = decode_token(credential, secret_key=settings.secret_key) if settings else None
        return address if claims is None else f"user:{claims.user_id}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            body, receive = await _buffered(receive)
        except HTTPException as exc:  # the body limit (kit.observability) refused it
            await error_response(exc.status_code, str(exc.detail))(scope, receive, send)
            return
        scope = _json_content_type(scope, body)
        path = scope["path"][len(scope.get("root_path", "")) :] or scope["path"]
        if path.rstrip("/") == LOGIN_PATH:
            window = self.login
            client = scope.get("client")
            key = f"{client[0] if client else ''}|{_email(body)}"
        else:
            window, key = self.other, self._caller(scope)
        wait = window.retry_after(key)
        if wait is not None:
            response = error_response(
                429,
                "Too Many Attempts.",
                headers={
                    "Retry-After": str(max(1, math.ceil(wait))),
                    "X-ratelimit-limit": str(window.limit),
                    "X-ratelimit-remaining": "0",
                },
            )
            await response(scope, receive, send)
            return
        window.hit(key)
        remaining = max(0, window.limit - window.used(key))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-ratelimit-limit", str(window.limit).encode()))
                headers.append((b"x-ratelimit-remaining", str(remaining).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


async def _buffered(receive: Receive) -> tuple[bytes, Receive]:
    """The body's first message read ahead, and a ``receive`` that replays it.

    A login body or a JSON object's first bytes are all that is looked at; bigger bodies
    (uploads) stream on untouched after the first message.
    """
    first = await receive()
    body = first.get("body", b"") if first["type"] == "http.request" else b""
    replay = [first]

    async def replaying() -> Message:
        if replay:
            return replay.pop(0)
        return await receive()

    return body, replaying


def _json_content_type(scope: Scope, body: bytes) -> Scope:
    content_type = _header(scope, b"content-type").split(b";")[0].strip().lower()
    if content_type not in _REWRITTEN or body.lstrip()[:1] not in (b"{", b"["):
        return scope
    headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-type"]
    headers.append((b"content-type", b"application/json"))
    return {**scope, "headers": headers}


def _email(body: bytes) -> str:
    try:
        data = loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return ""
    email = data.get("email") if isinstance(data, dict) else None
    return email.strip().lower()[:320] if isinstance(email, str) else ""
