"""The one way an API surface (the native API or a dialect) is built as a sub-application."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fastapi import APIRouter, FastAPI


def api_surface(
    *,
    title: str,
    version: str,
    description: str = "",
    install_errors: Callable[[FastAPI], None],
    routers: Sequence[APIRouter],
) -> FastAPI:
    """A sub-app with its own OpenAPI document (``/openapi.json``, ``/docs``) and error shape."""
    api = FastAPI(
        title=title,
        version=version,
        description=description,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    install_errors(api)
    for router in routers:
        api.include_router(router)
    return api
