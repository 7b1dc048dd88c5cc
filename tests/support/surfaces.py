"""The API surfaces an app mounts, found from the app itself so a new surface joins every
test that iterates over them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from starlette.routing import Mount


@dataclass(frozen=True)
class Surface:
    prefix: str
    app: FastAPI

    @property
    def openapi_url(self) -> str:
        return f"{self.prefix}{self.app.openapi_url}"

    @property
    def document(self) -> dict[str, Any]:
        return self.app.openapi()


def surfaces(app: FastAPI) -> list[Surface]:
    """Every mounted sub-app that publishes an OpenAPI document."""
    return [
        Surface(route.path, route.app)
        for route in app.routes
        if isinstance(route, Mount)
        and isinstance(route.app, FastAPI)
        and route.app.openapi_url is not None
    ]


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) for every operation of an OpenAPI document."""
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return [
        (method.upper(), path, operation)
        for path, item in document.get("paths", {}).items()
        for method, operation in item.items()
        if method in methods
    ]
