"""The app factory: the native API at /api/v1, the dialects beside it, health at /healthz."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.types import Receive, Scope, Send

from adplane import bootstrap
from adplane.accounts.endpoints import router as accounts_router
from adplane.campaigns import spend
from adplane.campaigns.endpoints import router as campaigns_router
from adplane.catalogues.endpoints import router as catalogues_router
from adplane.creatives.endpoints import router as creatives_router
from adplane.delivery import endpoints as delivery_endpoints
from adplane.delivery import runtime as delivery_runtime
from adplane.dialects import instal, smartyads, topsort, trafficstars
from adplane.events.endpoints import router as events_router
from adplane.filterlists.endpoints import router as filterlists_router
from adplane.inventory.endpoints import router as inventory_router
from adplane.jobs import runtime as jobs_runtime
from adplane.kit import problems
from adplane.kit.db import Database, create_database
from adplane.kit.limits import LoginGuard
from adplane.kit.observability import (
    REQUEST_ID_HEADER,
    BodyLimits,
    EventLogStats,
    Metrics,
    ObservabilityMiddleware,
)
from adplane.kit.paths import register_mount
from adplane.kit.surface import api_surface
from adplane.media import public as media_public
from adplane.media.endpoints import router as media_router
from adplane.media.storage import StorageMiddleware, media_body_limit
from adplane.reports.endpoints import router as reports_router
from adplane.rules.endpoints import campaign_router as campaign_rules_router
from adplane.rules.endpoints import router as rules_router
from adplane.settings import Settings, get_settings
from adplane.targeting.endpoints import router as targeting_router

NATIVE_PREFIX = "/api/v1"

# The first session the native document opens with: (what it does, method, path, JSON body).
# tests/test_app.py replays it against a real server, so the description cannot go stale.
FIRST_SESSION: list[tuple[str, str, str, str | None]] = [
    (
        "Log in for an access token (or skip this: an API key works as the Bearer credential "
        "too; `adplane users create` and `adplane demo` print one)",
        "POST",
        "/auth/token",
        '{"email": "you@example.com", "password": "your-password"}',
    ),
    ("Create a campaign (it waits for review)", "POST", "/campaigns", '{"name": "First campaign"}'),
    ("List your campaigns", "GET", "/campaigns", None),
    (
        "Read a report: impressions, clicks and spend per campaign and day",
        "POST",
        "/reports",
        '{"from": "2026-11-01", "to": "2026-11-30", "dimensions": ["date", "campaign_id"], '
        '"metrics": ["impressions", "clicks", "spend"]}',
    ),
]


def _first_session() -> str:
    lines = [
        "Every call sends `Authorization: Bearer <API key or access token>`; errors are RFC "
        "9457 problem documents (`application/problem+json`). Click **Authorize** to try the "
        "calls below from this page.",
        "",
        "## A first session with curl",
        "",
        "```sh",
        "API=http://127.0.0.1:8000/api/v1",
    ]
    for index, (what, method, path, body) in enumerate(FIRST_SESSION):
        lines.append(f"# {index + 1}. {what}")
        command = f"curl -s -X {method} $API{path}"
        if index == 0:
            lines.append(f"{command} -H 'Content-Type: application/json' \\\n  -d '{body}'")
            lines.append("TOKEN=<the access_token of the answer>")
            continue
        command += ' -H "Authorization: Bearer $TOKEN"'
        if body is not None:
            command += f" -H 'Content-Type: application/json' \\\n  -d '{body}'"
        lines.append(command)
    lines.append("```")
    return "\n".join(lines)


@dataclass(frozen=True)
class SurfaceInfo:
    """One mounted surface, as the startup banner describes it."""

    name: str
    prefix: str
    auth: str


SURFACES = (
    SurfaceInfo("native API", NATIVE_PREFIX, "Bearer <API key or access token>"),
    SurfaceInfo(
        "TrafficStars",
        "/trafficstars",
        "Bearer <access token from POST /trafficstars/v1/auth/token>",
    ),
    SurfaceInfo("Instal", "/instal", "Token <API key>"),
    SurfaceInfo("Topsort", "/topsort", "Bearer <API key>"),
    SurfaceInfo(
        "SmartyAds",
        "/smartyads",
        "Bearer <access token from POST /smartyads/api/users/login>",
    ),
    SurfaceInfo("OpenRTB", "/rtb", "none (exchanges; notices carry signed tokens)"),
    SurfaceInfo("tracking", "/t", "none (signed tokens in the URLs)"),
)


def create_native_api() -> FastAPI:
    """The native dialect: its own OpenAPI document and problem+json errors."""
    return api_surface(
        title="adplane native API",
        version="1",
        description=_first_session(),
        install_errors=problems.install,
        error_media_type=problems.MEDIA_TYPE,
        body_too_large={"model": problems.Problem, "description": "The request body is too large"},
        routers=[
            accounts_router,
            # Before campaigns: its POST /campaigns/{id}/{action} would take /filterlists.
            filterlists_router,
            campaigns_router,
            campaign_rules_router,
            rules_router,
            creatives_router,
            events_router,
            reports_router,
            catalogues_router,
            inventory_router,
            targeting_router,
            media_router,
        ],
    )


def mount_dialect(app: FastAPI, prefix: str, dialect: FastAPI) -> None:
    """Mount a dialect sub-app; it shares the root app's state (settings, database)."""
    dialect.state = app.state
    app.mount(prefix, dialect)
    register_mount(prefix)


def _unmatched_under_a_mount(app: FastAPI) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """The root app's answer to a path no route matched: the mount it lies under answers.

    A mount matches ``<prefix>/<anything>`` only where ``anything`` holds no newline
    (``/api/v1/api-keys/%0Aa/revoke``), and never the bare prefix; such requests used to
    reach the root app's ``{"detail": "Not Found"}``. Handed to the sub-app, they get its own
    404 (or 405, or validation error) in its own error shape.
    """
    fallback = app.router.not_found

    async def unmatched(scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        root_path: str = scope.get("root_path", "")
        for route in app.router.routes:
            if not isinstance(route, Mount):
                continue
            prefix = root_path + route.path
            if path == prefix or path.startswith(prefix + "/"):
                child = {
                    **scope,
                    "root_path": prefix,
                    "app_root_path": scope.get("app_root_path", root_path),
                }
                await route.app(child, receive, send)
                return
        await fallback(scope, receive, send)

    return unmatched


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """Build the whole HTTP surface; engines are created here, never at import time."""
    settings = settings or get_settings()
    settings.check_secret()
    owns_database = database is None
    db = database or create_database(settings.resolved_database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # --- start data-plane runtimes here (event log writer, loader) ---
        app.state.events = await bootstrap.start_runtime(settings)
        reader = app.state.events.spend_reader
        # This app's requests read this app's spend (never a process-wide reader).
        app.state.session_info = spend.session_info(reader)
        app.state.jobs = jobs_runtime.start(settings, db, app.state.events.store, reader)
        # Delivery writes to the event log: it starts after it and stops before it.
        app.state.delivery = await delivery_runtime.start(settings, db, app.state.events)
        try:
            yield
        finally:
            app.state.session_info = {}
            try:
                if app.state.delivery is not None:
                    await app.state.delivery.stop()
                    app.state.delivery = None
                if app.state.jobs is not None:
                    await app.state.jobs.stop()
                    app.state.jobs = None
                await app.state.events.stop()
            finally:
                app.state.events = None
                if owns_database:
                    await db.dispose()

    app = FastAPI(
        title="adplane", lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None
    )
    app.state.settings = settings
    app.state.database = db
    app.state.events = None
    app.state.jobs = None
    app.state.delivery = None
    # Handed to every request's session (``kit.db.get_session``); the lifespan fills it.
    app.state.session_info = {}
    app.state.login_guard = LoginGuard.create(
        account_limit=settings.login_attempts_per_account,
        address_limit=settings.login_attempts_per_address,
        window=settings.login_window_seconds,
    )

    def event_log_stats() -> EventLogStats | None:
        runtime = app.state.events
        return runtime.stats() if runtime is not None else None

    metrics = Metrics(event_log_stats)
    metrics.registry.register(delivery_runtime.DeliveryCollector(lambda: app.state.delivery))
    app.state.metrics = metrics
    mount_dialect(app, NATIVE_PREFIX, create_native_api())
    # --- dialect sub-apps are mounted below, each at its own prefix (see mount_dialect) ---
    mount_dialect(app, "/trafficstars", trafficstars.create_trafficstars_app())
    mount_dialect(app, "/instal", instal.create_api())
    mount_dialect(app, "/topsort", topsort.create_api())
    mount_dialect(app, "/smartyads", smartyads.create_api())
    # Delivery: OpenRTB bids and notices, and the tracking pixels, clicks and postbacks.
    mount_dialect(app, "/rtb", delivery_endpoints.create_rtb_app())
    mount_dialect(app, "/t", delivery_endpoints.create_tracking_app())
    app.router.default = _unmatched_under_a_mount(app)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok"})

    @app.get("/metrics", include_in_schema=False)
    async def metrics_endpoint() -> Response:
        # Prometheus' text exposition format, version 0.0.4.
        return Response(metrics.exposition(), media_type="text/plain; version=0.0.4")

    # Public media URLs (no credentials): outside every API surface.
    app.include_router(media_public.router)
    app.add_middleware(StorageMiddleware, settings=settings)

    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=[REQUEST_ID_HEADER],
        )
    # Added last, so it is outermost: it sees (and logs) every request, preflights included.
    app.add_middleware(
        ObservabilityMiddleware,
        metrics=metrics,
        limits=BodyLimits(
            default=settings.max_body_bytes,
            by_path={
                f"{NATIVE_PREFIX}/events": settings.max_events_body_bytes,
                # A file's own limits are checked by the media service; this bounds the body.
                f"{NATIVE_PREFIX}/media": media_body_limit(settings),
                "/smartyads/api/parsefile": settings.max_filterlist_body_bytes,
                **{
                    f"/smartyads/api/media-asset/upload/{kind}": media_body_limit(settings)
                    for kind in ("image", "video", "html")
                },
            },
            by_prefix={
                f"{NATIVE_PREFIX}/filterlists": settings.max_filterlist_body_bytes,
                "/rtb/": settings.delivery_max_bid_bytes,
                "/t/": delivery_endpoints.MAX_QUERY,
            },
        ),
    )
    # Outermost of all: well-formed bids and no-ops skip the stack above (see RtbFastLane).
    app.add_middleware(
        delivery_endpoints.RtbFastLane, runtime=lambda: app.state.delivery, metrics=metrics
    )

    return app
