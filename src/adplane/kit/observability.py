"""Request ids, structured request logs, Prometheus metrics and request body limits.

One ASGI middleware wraps the whole app (every surface, mounted or not):

- Each request gets an id: the incoming ``X-Request-Id`` when it is sane (1-128 characters
  of ``A-Za-z0-9._:-``), otherwise a fresh one. It goes back in the ``X-Request-Id`` response
  header, and into every JSON error body as a ``request_id`` member, whatever the surface's
  error shape: the member is added here, once, so every surface (and every new one) has it.
- One log record per request on ``adplane.requests``: method, route template, status,
  duration, request id, account and user.
- The request counter and latency histogram, labelled by route template (never the raw
  path, which would make one series per campaign id) and status.
- Request bodies past the configured size are refused while they are read: a body larger
  than its ``Content-Length`` allows, or a streamed one that grows past the limit, raises an
  HTTP 413 inside the route, so each surface renders it in its own error shape. The body is
  never read into memory first.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-Id"
_SANE_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
# Error bodies larger than this are passed through untouched (none of ours comes close).
_MAX_ERROR_BODY = 256 * 1024
UNMATCHED_ROUTE = "<unmatched>"

request_log = logging.getLogger("adplane.requests")


@dataclass
class RequestContext:
    """What is known about the request being served; authentication fills in the caller."""

    request_id: str
    client: str | None
    user_id: int | None = None
    account_id: int | None = None


_current: ContextVar[RequestContext | None] = ContextVar("adplane_request", default=None)


def current_request() -> RequestContext | None:
    return _current.get()


def note_caller(user_id: int, account_id: int | None) -> None:
    """Record who the request authenticated as, for its log line."""
    context = _current.get()
    if context is not None:
        context.user_id = user_id
        context.account_id = account_id


def request_id_from(headers: Sequence[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name.lower() == b"x-request-id":
            candidate = value.decode("latin-1").strip()
            if _SANE_ID.match(candidate):
                return candidate
            break
    return uuid.uuid4().hex


@dataclass(frozen=True)
class EventLogStats:
    """The data plane's figures, read by ``/metrics`` (see ``adplane.events.runtime``)."""

    depth_events: int
    depth_segments: int
    load_lag_seconds: float
    events_loaded: int


class _EventLogCollector(Collector):
    def __init__(self, stats: Callable[[], EventLogStats | None]) -> None:
        self.stats = stats

    def collect(self) -> Iterator[Metric]:
        stats = self.stats()
        if stats is None:
            return
        yield GaugeMetricFamily(
            "adplane_event_log_depth_events",
            "Events appended to the log and not yet loaded into the analytics store",
            value=stats.depth_events,
        )
        yield GaugeMetricFamily(
            "adplane_event_log_depth_segments",
            "Sealed log segments waiting to be loaded",
            value=stats.depth_segments,
        )
        yield GaugeMetricFamily(
            "adplane_event_log_load_lag_seconds",
            "Age of the oldest sealed segment not yet loaded (0 when none waits)",
            value=stats.load_lag_seconds,
        )
        yield CounterMetricFamily(
            "adplane_events_loaded",
            "Events loaded into the analytics store by this process",
            value=stats.events_loaded,
        )


class Metrics:
    """One app's metrics, in a registry of its own (tests build many apps in one process)."""

    def __init__(self, event_log: Callable[[], EventLogStats | None]) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "adplane_http_requests",
            "HTTP requests answered",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "adplane_http_request_duration_seconds",
            "Time to answer an HTTP request",
            ["method", "route", "status"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )
        self.registry.register(_EventLogCollector(event_log))

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        labels = (method, route, str(status))
        self.requests.labels(*labels).inc()
        self.latency.labels(*labels).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


@dataclass(frozen=True)
class BodyLimits:
    """The default limit, and larger ones for exact paths (event ingestion) and for every
    path under a prefix (uploads whose path names a resource)."""

    default: int
    by_path: dict[str, int]
    by_prefix: dict[str, int] = field(default_factory=dict)

    def for_path(self, path: str) -> int:
        if path in self.by_path:
            return self.by_path[path]
        for prefix, limit in self.by_prefix.items():
            if path.startswith(prefix):
                return limit
        return self.default


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, detail=f"the request body is larger than {limit} bytes")


def route_template(scope: Scope, root_path: str) -> str:
    """The matched route's path template under its mounts, e.g. ``/api/v1/campaigns/{id}``."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str) or getattr(route, "routes", None) is not None:
        return UNMATCHED_ROUTE
    mounted = str(scope.get("root_path", ""))
    prefix = mounted[len(root_path) :] if mounted.startswith(root_path) else mounted
    return prefix + path


class ObservabilityMiddleware:
    def __init__(self, app: ASGIApp, *, metrics: Metrics, limits: BodyLimits) -> None:
        self.app = app
        self.metrics = metrics
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
        client = scope.get("client")
        context = RequestContext(request_id_from(headers), client[0] if client else None)
        scope.setdefault("state", {})["request_id"] = context.request_id
        token = _current.set(context)
        root_path = str(scope.get("root_path", ""))
        status = 500
        limit = self.limits.for_path(scope["path"])
        declared = _content_length(headers)
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared is not None and declared > limit:
                raise _too_large(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _too_large(limit)
            return message

        pending_start: Message | None = None
        buffered: list[bytes] = []

        async def tagged_send(message: Message) -> None:
            nonlocal status, pending_start
            if message["type"] == "http.response.start":
                status = int(message["status"])
                raw = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"
                ]
                raw.append((b"x-request-id", context.request_id.encode()))
                message = {**message, "headers": raw}
                if status >= 400 and _is_json(raw):
                    pending_start = message
                    return
                await send(message)
                return
            if message["type"] == "http.response.body" and pending_start is not None:
                buffered.append(message.get("body", b""))
                size = sum(len(b) for b in buffered)
                if message.get("more_body", False) and size <= _MAX_ERROR_BODY:
                    return
                start, pending_start = pending_start, None
                body = b"".join(buffered)
                if not message.get("more_body", False):
                    body = _with_request_id(body, context.request_id)
                    start = _with_length(start, len(body))
                await send(start)
                await send({**message, "body": body})
                return
            await send(message)

        try:
            await self.app(scope, limited_receive, tagged_send)
        finally:
            _current.reset(token)
            elapsed = time.perf_counter() - started
            route = route_template(scope, root_path)
            self.metrics.observe(scope["method"], route, status, elapsed)
            request_log.info(
                "%s %s %d %.1fms",
                scope["method"],
                route,
                status,
                elapsed * 1000,
                extra={
                    "fields": {
                        "method": scope["method"],
                        "route": route,
                        "path": scope["path"],
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 3),
                        "request_id": context.request_id,
                        "account_id": context.account_id,
                        "user_id": context.user_id,
                        "client": context.client,
                    }
                },
            )


def _content_length(headers: Sequence[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _is_json(headers: Sequence[tuple[bytes, bytes]]) -> bool:
    for name, value in headers:
        if name.lower() == b"content-type":
            media = value.split(b";")[0].strip().lower()
            return media == b"application/json" or media.endswith(b"+json")
    return False


def _with_request_id(body: bytes, request_id: str) -> bytes:
    try:
        document = json.loads(body)
    except ValueError:
        return body
    if not isinstance(document, dict) or "request_id" in document:
        return body
    document["request_id"] = request_id
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _with_length(message: Message, length: int) -> Message:
    headers = [(k, v) for k, v in message["headers"] if k.lower() != b"content-length"]
    headers.append((b"content-length", str(length).encode()))
    return {**message, "headers": headers}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(level: str) -> None:
    """Send adplane's logs to stderr as JSON lines at ``level`` (``serve`` calls this)."""
    import sys

    handler = logging.StreamHandler(sys.stderr)
    formatter = JsonFormatter()
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    logger = logging.getLogger("adplane")
    logger.handlers[:] = [handler]
    logger.setLevel(level.upper())
    logger.propagate = False
