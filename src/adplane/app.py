"""The app factory: the native API at /api/v1, the dialects beside it, health at /healthz."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from adplane.accounts.endpoints import router as accounts_router
from adplane.campaigns.endpoints import router as campaigns_router
from adplane.catalogues.endpoints import router as catalogues_router
from adplane.dialects import instal, topsort, trafficstars
from adplane.events.endpoints import router as events_router
from adplane.events.runtime import EventRuntime
from adplane.inventory.endpoints import router as inventory_router
from adplane.kit import problems
from adplane.kit.db import Database, create_database
from adplane.kit.surface import api_surface
from adplane.reports.endpoints import router as reports_router
from adplane.settings import Settings, get_settings
from adplane.targeting.endpoints import router as targeting_router

NATIVE_PREFIX = "/api/v1"


def create_native_api() -> FastAPI:
    """The native dialect: its own OpenAPI document and problem+json errors."""
    return api_surface(
        title="adplane native API",
        version="1",
        install_errors=problems.install,
        routers=[
            accounts_router,
            campaigns_router,
            events_router,
            reports_router,
            catalogues_router,
            inventory_router,
            targeting_router,
        ],
    )


def mount_dialect(app: FastAPI, prefix: str, dialect: FastAPI) -> None:
    """Mount a dialect sub-app; it shares the root app's state (settings, database)."""
    dialect.state = app.state
    app.mount(prefix, dialect)


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """Build the whole HTTP surface; engines are created here, never at import time."""
    settings = settings or get_settings()
    settings.check_secret()
    owns_database = database is None
    db = database or create_database(settings.resolved_database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # --- start data-plane runtimes here (event log writer, loader) ---
        app.state.events = await EventRuntime.start(settings)
        try:
            yield
        finally:
            try:
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
    mount_dialect(app, NATIVE_PREFIX, create_native_api())
    # --- dialect sub-apps are mounted below, each at its own prefix (see mount_dialect) ---
    mount_dialect(app, "/trafficstars", trafficstars.create_trafficstars_app())
    mount_dialect(app, "/instal", instal.create_api())
    mount_dialect(app, "/topsort", topsort.create_api())

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return app
