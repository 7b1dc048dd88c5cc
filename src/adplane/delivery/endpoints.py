"""The delivery routes: bids and notices under ``/rtb``, pixels, clicks and postbacks under ``/t``.

They are plain Starlette routes (no dependency injection, no pydantic on the way in): the bid
path is the hottest in adplane, and each of these reads only memory and the event log.
Each surface still publishes an OpenAPI document (``/rtb/openapi.json``, ``/t/openapi.json``)
so the cross-cutting sweeps drive these routes like every other.

A tracking URL that is forged, altered or expired records nothing and gets the answer a
genuine one gets (the same status, headers and body; a click goes to the fallback address
since a forged URL names no destination we could trust), so a prober learns nothing.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
import zlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any, Final
from urllib.parse import parse_qsl, quote

import msgspec
from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adplane.delivery import tracking
from adplane.delivery.bidder import Malformed
from adplane.delivery.features import catalogue_device_type
from adplane.delivery.runtime import DeliveryRuntime
from adplane.delivery.tracking import Payload
from adplane.events import schema
from adplane.events.runtime import LogUnavailable
from adplane.kit import problems
from adplane.kit.observability import Metrics, request_id_from, request_log
from adplane.kit.surface import api_surface

log = logging.getLogger("adplane.delivery")

# The smallest transparent GIF (43 bytes).
PIXEL: Final = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
NO_STORE: Final = {"cache-control": "no-store, max-age=0"}
EXCHANGE: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MAX_QUERY: Final = 8192
MACRO: Final = re.compile(r"\$?\{([A-Za-z_]{2,32})\}")
_MICRO: Final = Decimal("0.000001")


def _problem(status: int, detail: str) -> Response:
    title = "Payload too large" if status == 413 else "Bad request"
    return problems.problem(status, title, detail)


def _runtime(request: Request) -> DeliveryRuntime:
    runtime: DeliveryRuntime | None = getattr(request.app.state, "delivery", None)
    if runtime is None:
        raise LogUnavailable("delivery is not running")
    return runtime


def _base_url(request: Request, runtime: DeliveryRuntime) -> str:
    public = runtime.settings.public_url
    if public:
        return public.rstrip("/")
    host = request.headers.get("host") or "localhost"
    return f"{request.url.scheme}://{host}"


def _query(request: Request) -> dict[str, str] | None:
    """The query's parameters (the last of each name), or None when it is garbage."""
    raw = request.scope.get("query_string", b"")
    if len(raw) > MAX_QUERY:
        return None
    try:
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    except ValueError:
        return None
    params = dict(pairs)
    if any("\x00" in k or "\x00" in v for k, v in pairs):
        return None
    return params


# --- the bid -------------------------------------------------------------------------------


async def bid(request: Request) -> Response:
    """``POST /rtb/bid`` and ``POST /rtb/{exchange}/bid``: an OpenRTB 2.6 bid request."""
    arrived = time.monotonic()
    exchange = request.path_params.get("exchange")
    if exchange is not None and not EXCHANGE.match(exchange):
        return _problem(400, "the exchange name is not a slug")
    if _query(request) is None:
        return _problem(400, "the query string is malformed")
    runtime = _runtime(request)
    body = await request.body()
    limit = runtime.settings.delivery_max_bid_bytes
    if request.headers.get("content-encoding", "").lower() == "gzip":
        unpacked = gunzip(body, limit)
        if unpacked is None:
            return _problem(400, "the body is not gzip, or unpacks past the limit")
        body = unpacked
    if len(body) > limit:
        return _problem(413, "the bid request is too large")
    if b"\\u0000" in body:
        return _problem(400, "the bid request holds a NUL character")
    try:
        outcome = runtime.bidder.bid(
            body, exchange.lower() if exchange else None, _base_url(request, runtime), arrived
        )
    except Malformed as exc:
        return _problem(400, str(exc).replace('"', "'")[:200])
    if outcome.body is None:
        return Response(status_code=204)
    return Response(
        outcome.body, media_type="application/json", headers={"x-openrtb-version": "2.6"}
    )


def gunzip(data: bytes, limit: int) -> bytes | None:
    """A gzip body unpacked, or None when it is not gzip or unpacks past ``limit`` (a bomb)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        return None
    if len(out) > limit or not inflater.eof:
        return None
    return out


async def noop(request: Request) -> Response:
    """``GET|POST /rtb/noop``: the floor the benchmark compares the bidder with.

    It takes the body in (as every answer to an exchange must) and does nothing with it.
    """
    await request.body()
    return Response(status_code=204)


# --- the fast lane -------------------------------------------------------------------------

_BID_UNDER_EXCHANGE: Final = re.compile(r"^/rtb/([^/]+)/bid$")
_JSON_HEADERS: Final = [
    (b"content-type", b"application/json"),
    (b"x-openrtb-version", b"2.6"),
]
Observer = Callable[[int, float], None]


class RtbFastLane:
    """The bid and no-op paths answered ahead of the app's middleware and routing.

    A well-formed ``POST /rtb/bid``, ``/rtb/{exchange}/bid`` or ``/rtb/noop`` (no query, no
    content encoding, a body within the limit) is answered here: the request id, the request
    metrics and the body limit are kept, the per-request log line is not (at 5,000 bids a
    second it would be the bid's dearest part; ``ADPLANE_LOG_LEVEL=debug`` writes it). Every
    other request, and any of these that is malformed, goes through the whole stack with its
    body replayed, so errors keep their shape, status and request id.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        runtime: Callable[[], DeliveryRuntime | None],
        metrics: Metrics,
    ) -> None:
        self.app = app
        self.runtime = runtime
        self.metrics = metrics
        self._observers: dict[tuple[str, int], Observer] = {}

    def _observer(self, route: str, status: int) -> Observer:
        """The request counter and histogram of one route and status, looked up once."""
        key = (route, status)
        found = self._observers.get(key)
        if found is None:
            labels = ("POST", route, str(status))
            count = self.metrics.requests.labels(*labels).inc
            observe = self.metrics.latency.labels(*labels).observe

            def found(_status: int, seconds: float) -> None:
                count()
                observe(seconds)

            self._observers[key] = found
        return found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or scope.get("query_string")
            or scope.get("root_path")
        ):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        exchange: str | None = None
        if path == "/rtb/bid":
            route = path
        elif path == "/rtb/noop":
            route = path
        elif path.startswith("/rtb/") and (found := _BID_UNDER_EXCHANGE.match(path)):
            exchange = found.group(1)
            if not EXCHANGE.match(exchange):
                await self.app(scope, receive, send)
                return
            route = "/rtb/{exchange}/bid"
        else:
            await self.app(scope, receive, send)
            return
        runtime = self.runtime()
        if runtime is None:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        arrived = time.monotonic()
        limit = runtime.settings.delivery_max_bid_bytes
        request_id: str | None = None
        host = b"localhost"
        for name, value in scope["headers"]:
            if name == b"content-encoding" or (
                name == b"content-length" and not (value.isdigit() and int(value) <= limit)
            ):
                await self.app(scope, receive, send)
                return
            if name == b"host":
                host = value
            elif name == b"x-request-id":
                request_id = request_id_from(((name, value),))
        # The body, read up to the limit; past it the whole stack answers (a 413).
        messages: list[Message] = []
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self.app(scope, _replaying(messages, receive), send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        if messages[-1]["type"] != "http.request":
            await self.app(scope, _replaying(messages, receive), send)
            return
        body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        answer: bytes | None = None
        if route != "/rtb/noop":
            if b"\\u0000" in body:
                await self.app(scope, _replaying(messages, receive), send)
                return
            public = runtime.settings.public_url
            base = public.rstrip("/") if public else f"{scope['scheme']}://{host.decode('latin-1')}"
            try:
                outcome = runtime.bidder.bid(
                    body, exchange.lower() if exchange else None, base, arrived
                )
            except Malformed:
                # Read again by the whole stack, which answers the problem (before any
                # reservation: a request that does not read is never bid on).
                await self.app(scope, _replaying(messages, receive), send)
                return
            answer = outcome.body
        rid = (request_id or uuid.uuid4().hex).encode()
        if answer is None:
            status = 204
            headers = [(b"x-request-id", rid)]
            answer = b""
        else:
            status = 200
            headers = [
                (b"content-length", str(len(answer)).encode()),
                *_JSON_HEADERS,
                (b"x-request-id", rid),
            ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": answer})
        elapsed = time.perf_counter() - started
        self._observer(route, status)(status, elapsed)
        if request_log.isEnabledFor(logging.DEBUG):
            request_log.debug(
                "POST %s %d %.1fms",
                route,
                status,
                elapsed * 1000,
                extra={
                    "fields": {
                        "method": "POST",
                        "route": route,
                        "path": path,
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 3),
                        "request_id": rid.decode(),
                    }
                },
            )


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    """``receive`` that first hands back the messages the fast lane already took."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


# --- recording -----------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    return value[:255] if value else None


def _event(
    payload: Payload, kind: str, event_id: str, now: datetime, **extra: Any
) -> dict[str, Any]:
    """The stored event of a verified token (its dimensions are the bid's)."""
    event: dict[str, Any] = {
        "event_id": event_id,
        "type": kind,
        "ts": now,
        "campaign_id": payload.campaign_id,
        "creative_id": payload.creative_id,
        "account_id": payload.account_id,
        "auction_id": _text(payload.auction_id),
        "exchange": _text(payload.exchange),
        "publisher_id": _text(payload.publisher_id),
        "app_id": _text(payload.app_id),
        "domain": _text(payload.domain),
        "bundle": _text(payload.bundle),
        # The bid's features hold the OpenRTB number ("4"); the log holds the code ("phone").
        "device_type": catalogue_device_type(_text(payload.device_type)),
        "os": _text(payload.os),
        "traffic_type": payload.traffic_type,
        "request_type": payload.request_type,
        "size": payload.size,
        "is_pmp": payload.deal_id is not None,
        # The exchange's own id of the site (ours are the inventory's site ids).
        "source": _text(payload.site_id),
    }
    if payload.country and len(payload.country) == 2 and payload.country.isalpha():
        event["country"] = payload.country.upper()
    if payload.spot and payload.spot.isdigit() and len(payload.spot) < 19:
        event["spot_id"] = int(payload.spot)
    event.update(extra)
    return {k: v for k, v in event.items() if v is not None}


async def _record(runtime: DeliveryRuntime, payload: Payload, event: dict[str, Any]) -> bool:
    """Append one event; True when it is new (a replay is accepted and reported seen)."""
    try:
        stored = schema.STORED.validate_python([event])
    except ValueError:
        # A dimension the log refuses (the token's values are ours, so this is a bug of
        # ours): record the event without its dimensions rather than lose it.
        log.exception("a delivery event failed validation; recording it without dimensions")
        keep = ("event_id", "type", "ts", "campaign_id", "creative_id", "account_id", "cost")
        stored = schema.STORED.validate_python([{k: event[k] for k in keep if k in event}])
    span = (
        datetime.fromtimestamp(payload.issued_at, UTC),
        datetime.fromtimestamp(payload.expires_at + 1, UTC),
    )
    try:
        result = await runtime.events.append(
            [(payload.account_id, event["event_id"])], schema.to_lines(stored), span
        )
    except LogUnavailable:
        return False
    return result.duplicates == 0


def _now(payload: Payload) -> datetime:
    # An event's ts stays inside its token's life, where the log looks for replays.
    now = time.time()
    return datetime.fromtimestamp(min(max(now, payload.issued_at), payload.expires_at), UTC)


class _Garbage(Exception):
    """A query no URL of ours has (a NUL, an absurd length): 400, whatever the token."""


def _verified(request: Request, kind: str) -> tuple[Payload | None, dict[str, str]]:
    params = _query(request)
    if params is None:
        raise _Garbage
    payload = _runtime(request).signer.verify(params.get("t"), time.time())
    if payload is None or payload.kind != kind:
        return None, params
    return payload, params


def _refusing_garbage(
    handler: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except _Garbage:
            return _problem(400, "the query string is malformed")

    guarded.__doc__ = handler.__doc__
    return guarded


def clearing_cost_micros(price: str | None, bid_cpm_micros: int) -> int | None:
    """One impression's cost at the clearing CPM ``price``, at most our bid; None: an audit.

    An exchange that withholds the price removes the macro (an empty value) or leaves it as
    it was: that impression is charged our bid, the most it can have cost. ``AUDIT`` marks a
    render for quality checks, which is no impression.
    """
    cpm = bid_cpm_micros
    text = (price or "").strip()
    if text.upper() == "AUDIT":
        return None
    if text and not text.startswith("${"):
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal(-1)
        if value.is_finite() and value >= 0:
            cpm = min(cpm, int((value * 1_000_000).to_integral_value(ROUND_HALF_EVEN)))
    return int((Decimal(cpm) / 1000).to_integral_value(ROUND_HALF_EVEN))


def _money(micros: int) -> Decimal:
    return (Decimal(micros) * _MICRO).quantize(_MICRO)


def _no_content() -> Response:
    return Response(status_code=204, headers=NO_STORE)


def _pixel() -> Response:
    return Response(PIXEL, media_type="image/gif", headers=NO_STORE)


# --- notices -------------------------------------------------------------------------------


async def win(request: Request) -> Response:
    """``GET /rtb/win``: the win notice (``nurl``); recorded once per (auction, imp).

    From an exchange that fires no billing notice (``ADPLANE_DELIVERY_BILL_ON_WIN``) it is the
    billing notice too: both record the impression under one event id, so once either way.
    """
    payload, params = _verified(request, "notice")
    # A test auction (OpenRTB ``test=1``) is not billable: its URLs answer and record nothing.
    if payload is None or payload.test:
        return _no_content()
    runtime = _runtime(request)
    event_id = tracking.event_id("win", payload.auction_id, payload.imp_id)
    await _record(runtime, payload, _event(payload, "win", event_id, _now(payload)))
    bills = runtime.settings.bill_on_win
    if bills and ("*" in bills or (payload.exchange or "") in bills):
        await _bill(runtime, payload, params)
    return _no_content()


async def bill(request: Request) -> Response:
    """``GET /rtb/bill``: the billing notice (``burl``), the impression of record.

    A CPM campaign is charged here, at the clearing price (at most its bid); CPC and CPA
    campaigns count the impression and pay at the click or the conversion.
    """
    payload, params = _verified(request, "notice")
    if payload is not None:
        await _bill(_runtime(request), payload, params)
    return _no_content()


async def _bill(runtime: DeliveryRuntime, payload: Payload, params: dict[str, str]) -> None:
    key = (payload.auction_id, payload.imp_id)
    cost = 0
    if payload.pricing_model == "cpm":
        charged = clearing_cost_micros(params.get("price"), payload.price_micros)
        if charged is None or payload.test:
            runtime.guard.release(key)
            return
        cost = charged
    if payload.test:
        runtime.guard.release(key)
        return
    now = _now(payload)
    event_id = tracking.event_id("imp", payload.auction_id, payload.imp_id)
    extra = {"cost": _money(cost)} if cost else {}
    if await _record(runtime, payload, _event(payload, "impression", event_id, now, **extra)):
        # A CPC or CPA bid settles at 0 (it keeps its frequency count; it pays at the click
        # or the conversion).
        if not runtime.guard.settle(key, cost, now) and cost:
            # The reservation is gone (held by a process since restarted).
            runtime.guard.charge(payload.campaign_id, cost, now)
        runtime.guard.record(payload.campaign_id, "impression", now)


async def loss(request: Request) -> Response:
    """``GET /rtb/loss``: the loss notice (``lurl``) frees the bid's reservation; no event."""
    payload, _ = _verified(request, "notice")
    if payload is not None:
        _runtime(request).guard.release((payload.auction_id, payload.imp_id))
    return _no_content()


# --- tracking ------------------------------------------------------------------------------


async def impression_pixel(request: Request) -> Response:
    """``GET /t/imp``: the pixel in VAST's Impression; the billing notice is the record."""
    _verified(request, "notice")
    return _pixel()


def fill_macros(url: str, values: dict[str, str]) -> str:
    """``{click_id}``, ``{CLICK_ID}`` and ``${CLICK_ID}`` filled; unknown macros stay."""

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1).lower())
        return match.group(0) if value is None else quote(value, safe="")

    return MACRO.sub(one, url) if "{" in url else url


def _fallback(runtime: DeliveryRuntime, request: Request) -> str:
    return runtime.settings.delivery_fallback_url or f"{_base_url(request, runtime)}/"


async def click(request: Request) -> Response:
    """``GET /t/click``: record the click (once per auction and imp) and redirect."""
    runtime = _runtime(request)
    payload, _ = _verified(request, "click")
    if payload is None:
        return RedirectResponse(_fallback(runtime, request), 302, headers=NO_STORE)
    now = _now(payload)
    click_id = runtime.signer.click_id(payload.auction_id, payload.imp_id)
    conversion = runtime.signer.sign(_conversion_payload(payload, runtime, now))
    destination = runtime.destination(payload.campaign_id, payload.creative_id)
    cost = payload.price_micros if payload.pricing_model == "cpc" else 0
    extra: dict[str, Any] = {"click_id": click_id}
    if cost:
        extra["cost"] = _money(cost)
    event_id = tracking.event_id("click", payload.auction_id, payload.imp_id)
    event = _event(payload, "click", event_id, now, **extra)
    if not payload.test and await _record(runtime, payload, event):
        runtime.guard.record(payload.campaign_id, "click", now)
        if cost:
            runtime.guard.charge(payload.campaign_id, cost, now)
    if destination is None:
        return RedirectResponse(_fallback(runtime, request), 302, headers=NO_STORE)
    source = payload.site_id or payload.app_id or payload.bundle or payload.domain or ""
    target = fill_macros(
        destination,
        {
            "click_id": conversion,
            "clickid": conversion,
            "campaign_id": str(payload.campaign_id),
            "creative_id": str(payload.creative_id),
            "source": source,
            "exchange": payload.exchange or "",
            "auction_id": payload.auction_id,
            "imp_id": payload.imp_id,
            "country": payload.country or "",
            "publisher_id": payload.publisher_id or "",
        },
    )
    return RedirectResponse(target, 302, headers=NO_STORE)


def _conversion_payload(payload: Payload, runtime: DeliveryRuntime, now: datetime) -> Payload:
    return msgspec.structs.replace(
        payload,
        kind="conversion",
        expires_at=int(now.timestamp()) + runtime.settings.delivery_conversion_ttl_seconds,
    )


async def conversion(request: Request) -> Response:
    """``GET|POST /t/conv``: a conversion postback, once per (click, transaction id)."""
    query = _query(request)
    if query is None:
        raise _Garbage
    params = dict(query)
    if request.method == "POST":
        form = await _form(request)
        params.update(form)
    runtime = _runtime(request)
    # Trackers name the click id their own way (some postbacks send ``subid``).
    token = (
        params.get("click_id") or params.get("clickid") or params.get("subid") or params.get("t")
    )
    payload = runtime.signer.verify(token, time.time())
    if payload is not None and payload.kind == "conversion" and not payload.test:
        await _convert(runtime, payload, params)
    return _pixel() if request.method == "GET" else _no_content()


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_QUERY:
        return {}
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v for k, v in pairs if "\x00" not in k and "\x00" not in v}


# A postback's amount in plain decimal notation: digits, at most one point, nothing else.
_AMOUNT = re.compile(r"[0-9]{1,12}(?:\.[0-9]{0,32})?|\.[0-9]{1,32}")


def _revenue(text: str) -> Decimal | None:
    """A postback's ``payout`` as an exact Decimal rounded to micros (half to even), or None.

    Only plain decimal notation is read (``12.5``, ``0.000001``, up to 10^12): no sign, no
    exponent, no NaN or infinity, no digit separators, which ``Decimal()`` alone would take.
    A value that is not an amount records the conversion without revenue.
    """
    text = text.strip()
    if not _AMOUNT.fullmatch(text):
        return None
    return Decimal(text).quantize(_MICRO, rounding=ROUND_HALF_EVEN)


async def _convert(runtime: DeliveryRuntime, payload: Payload, params: dict[str, str]) -> None:
    click_id = runtime.signer.click_id(payload.auction_id, payload.imp_id)
    txid = (params.get("txid") or params.get("tid") or "")[:128]
    event_id = (
        tracking.event_id("conversion", click_id, txid)
        if txid
        else tracking.event_id("conversion", click_id)
    )
    extra: dict[str, Any] = {"click_id": click_id}
    revenue = _revenue(params.get("payout") or params.get("revenue") or "")
    if revenue is not None:
        extra["revenue"] = revenue
    cost = payload.price_micros if payload.pricing_model == "cpa" else 0
    if cost:
        extra["cost"] = _money(cost)
    now = _now(payload)
    if (
        await _record(runtime, payload, _event(payload, "conversion", event_id, now, **extra))
        and cost
    ):
        runtime.guard.charge(payload.campaign_id, cost, now)


# --- the surfaces --------------------------------------------------------------------------


def _surface(
    title: str, version: str, routes: list[BaseRoute], document: dict[str, Any]
) -> FastAPI:
    """A surface like every other (problem+json errors, ``/docs``), with plain routes first."""
    api = api_surface(
        title=title,
        version=version,
        install_errors=problems.install,
        error_media_type=problems.MEDIA_TYPE,
        routers=[],
    )
    api.router.routes[:0] = routes

    def openapi() -> dict[str, Any]:
        return document

    api.openapi = openapi  # type: ignore[method-assign]
    return api


class LabelledRoute(Route):
    """A plain route that names itself in the scope, so the request log and metrics label
    the request with its template (``/rtb/bid``), not ``<unmatched>``."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        if match is not Match.NONE:
            child["route"] = self
        return match, child


def create_rtb_app() -> FastAPI:
    """``/rtb``: bid requests and the win, billing and loss notices."""
    return _surface(
        "adplane OpenRTB bidder",
        "2.6",
        [
            LabelledRoute("/bid", bid, methods=["POST"]),
            LabelledRoute("/{exchange}/bid", bid, methods=["POST"]),
            LabelledRoute("/win", _refusing_garbage(win), methods=["GET"]),
            LabelledRoute("/bill", _refusing_garbage(bill), methods=["GET"]),
            LabelledRoute("/loss", _refusing_garbage(loss), methods=["GET"]),
            LabelledRoute("/noop", noop, methods=["GET", "POST"]),
        ],
        RTB_DOCUMENT,
    )


def create_tracking_app() -> FastAPI:
    """``/t``: the impression pixel, clicks and conversion postbacks."""
    return _surface(
        "adplane tracking",
        "1",
        [
            LabelledRoute("/imp", _refusing_garbage(impression_pixel), methods=["GET"]),
            LabelledRoute("/click", _refusing_garbage(click), methods=["GET"]),
            LabelledRoute("/conv", _refusing_garbage(conversion), methods=["GET", "POST"]),
        ],
        TRACKING_DOCUMENT,
    )


# --- the OpenAPI documents ------------------------------------------------------------------

_PROBLEM = {
    "description": "Malformed: not a bid request, or a query no URL of ours has.",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
}
_PROBLEM_SCHEMA = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
    },
}


def _param(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": {"type": "string"},
        "description": description,
    }


_TOKEN = _param("t", "The signed token the bid put in the URL.")
_PRICE = _param("price", "The clearing CPM (the exchange fills `${AUCTION_PRICE}`).")


def _notice(summary: str, extra: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": [_TOKEN, _PRICE, *extra],
            "responses": {
                "204": {"description": "Noted (the same answer for a forged or expired URL)."},
                "400": _PROBLEM,
            },
        }
    }


_IMP = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "tagid": {"type": "string"},
        "bidfloor": {"type": "number", "minimum": 0},
        "bidfloorcur": {"type": "string"},
        "banner": {
            "type": "object",
            "properties": {"w": {"type": "integer"}, "h": {"type": "integer"}},
        },
        "video": {
            "type": "object",
            "properties": {"mimes": {"type": "array", "items": {"type": "string"}}},
        },
        "native": {
            "type": "object",
            "properties": {"request": {"type": "string"}, "ver": {"type": "string"}},
        },
    },
}
_BID_REQUEST = {
    "type": "object",
    "required": ["id", "imp"],
    "description": "An OpenRTB 2.6 BidRequest (only the fields the sweeps need are spelled out).",
    "properties": {
        "id": {"type": "string"},
        "imp": {"type": "array", "minItems": 1, "items": _IMP},
        "tmax": {"type": "integer", "minimum": 0},
        "cur": {"type": "array", "items": {"type": "string"}},
        "bcat": {"type": "array", "items": {"type": "string"}},
        "badv": {"type": "array", "items": {"type": "string"}},
        "test": {"type": "integer", "enum": [0, 1]},
    },
}
_BID_RESPONSE = {
    "type": "object",
    "required": ["id", "seatbid"],
    "properties": {
        "id": {"type": "string"},
        "cur": {"type": "string"},
        "seatbid": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["bid"],
                "properties": {
                    "seat": {"type": "string"},
                    "bid": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["id", "impid", "price"],
                            "properties": {
                                "id": {"type": "string"},
                                "impid": {"type": "string"},
                                "price": {"type": "number"},
                                "adm": {"type": "string"},
                                "nurl": {"type": "string"},
                                "burl": {"type": "string"},
                                "lurl": {"type": "string"},
                                "crid": {"type": "string"},
                                "cid": {"type": "string"},
                                "adomain": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                    },
                },
            },
        },
    },
}
_BID_OPERATION = {
    "summary": "An OpenRTB 2.6 bid request; a bid, or 204 for no bid.",
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BidRequest"}}},
    },
    "responses": {
        "200": {
            "description": "A bid for one or more impressions.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/BidResponse"}}
            },
        },
        "204": {"description": "No bid."},
        "400": _PROBLEM,
        "413": _PROBLEM,
    },
}

# Exchanges and browsers call these routes: what authenticates a notice, a click or a
# postback is its signed token, so every operation says ``security: []`` (public).
RTB_DOCUMENT: Final[dict[str, Any]] = {
    "openapi": "3.1.0",
    "x-adplane-public": True,
    "info": {"title": "adplane OpenRTB bidder", "version": "2.6"},
    "paths": {
        "/bid": {"post": _BID_OPERATION},
        "/{exchange}/bid": {
            "post": {
                **_BID_OPERATION,
                "parameters": [
                    {
                        "name": "exchange",
                        "in": "path",
                        "required": True,
                        "schema": {
                            "type": "string",
                            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",
                        },
                        "description": "The exchange's name, stored on its events.",
                    }
                ],
            }
        },
        "/win": _notice("The win notice (`nurl`).", []),
        "/bill": _notice("The billing notice (`burl`): the impression of record.", []),
        "/loss": _notice(
            "The loss notice (`lurl`).", [_param("loss", "The loss reason (`${AUCTION_LOSS}`).")]
        ),
    },
    "components": {
        "schemas": {
            "BidRequest": _BID_REQUEST,
            "BidResponse": _BID_RESPONSE,
            "Problem": _PROBLEM_SCHEMA,
        }
    },
}

_GIF = {"description": "A 1x1 transparent GIF.", "content": {"image/gif": {}}}
_CONVERSION_PARAMS = [
    _param("click_id", "The `{click_id}` the click's destination URL received."),
    _param("txid", "The advertiser's transaction id: one conversion per click and txid."),
    _param("payout", "The conversion's revenue, in the account's currency."),
]
TRACKING_DOCUMENT: Final[dict[str, Any]] = {
    "openapi": "3.1.0",
    "x-adplane-public": True,
    "info": {"title": "adplane tracking", "version": "1"},
    "paths": {
        "/imp": {
            "get": {
                "summary": "The impression pixel of a VAST ad (records nothing: `burl` does).",
                "parameters": [_TOKEN],
                "responses": {"200": _GIF, "400": _PROBLEM},
            }
        },
        "/click": {
            "get": {
                "summary": "Record a click and redirect to the ad's destination.",
                "parameters": [_TOKEN],
                "responses": {
                    "302": {"description": "To the destination (a forged URL: the fallback)."},
                    "400": _PROBLEM,
                },
            }
        },
        "/conv": {
            "get": {
                "summary": "A conversion postback.",
                "parameters": _CONVERSION_PARAMS,
                "responses": {"200": _GIF, "400": _PROBLEM},
            },
            "post": {
                "summary": "A conversion postback (form fields or query).",
                "parameters": _CONVERSION_PARAMS,
                "requestBody": {
                    "required": False,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "click_id": {"type": "string"},
                                    "txid": {"type": "string"},
                                    "payout": {"type": "string"},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "204": {"description": "Noted."},
                    "400": _PROBLEM,
                    "413": _PROBLEM,
                },
            },
        },
    },
    "components": {"schemas": {"Problem": _PROBLEM_SCHEMA}},
}


def _public(document: dict[str, Any]) -> None:
    for item in document["paths"].values():
        for operation in item.values():
            operation["security"] = []


_public(RTB_DOCUMENT)
_public(TRACKING_DOCUMENT)
