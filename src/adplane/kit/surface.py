"""The one way an API surface (the native API or a dialect) is built as a sub-application.

Each surface gets, from here alone, what every surface must have alike:

- its own OpenAPI document at ``/openapi.json``, whose error responses are documented in the
  media type the surface really sends them in (``error_media_type``);
- a Swagger UI page at ``/docs`` whose scripts and styles adplane serves itself, from
  ``/docs/assets`` (see ``docs_assets``), so the page works with no network;
- 405 answers whose ``Allow`` header lists every method the path serves (see
  :func:`allowed_methods`);
- a documented 413 on every operation that reads a request body, in the surface's own error
  model (``body_too_large``): the body limit (``kit.observability``) applies to every surface
  alike, so no route has to remember to declare it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.routing import Match, Mount

from adplane.kit.routing import ExactJSONRoute, make_exact

DOCS_ASSETS = "/docs/assets"
ERROR_STATUSES = ("4", "5", "default")
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_DEFAULT_422 = "#/components/schemas/HTTPValidationError"


def docs_assets() -> Path:
    """Swagger UI's files, as the ``fastapi-offline`` package ships them.

    That package bundles Swagger UI 5 (which renders the OpenAPI 3.1 FastAPI writes; the
    ``swagger-ui-bundle`` package is still on Swagger UI 4, which cannot) and nothing else we
    use: we serve its ``static`` folder and write the page ourselves.
    """
    return Path(str(resources.files("fastapi_offline") / "static"))


def allowed_methods(request: Request) -> str:
    """Every method that some route of the request's app serves at its path, for ``Allow``.

    Starlette's own 405 names only the methods of the first route whose path matched, so a
    path served by two routes (``GET`` and ``POST`` apart) advertised half of them. Each
    method is tried against the app's routes as the router itself would match it.
    """
    routes = [r for r in request.app.router.routes if not isinstance(r, Mount)]
    allowed = []
    for method in _METHODS:
        probe = {**request.scope, "method": method}
        if any(route.matches(probe)[0] is Match.FULL for route in routes):
            allowed.append(method)
    return ", ".join(allowed)


def _is_error(status: str) -> bool:
    return status.startswith(ERROR_STATUSES)


def _document_errors(document: dict[str, Any], media_type: str) -> None:
    """Put every error response's schema under the media type the surface sends errors in.

    FastAPI documents a route's ``responses=`` in the route's own media type (``text/plain``
    for a route answering ``OK``) and adds its default 422 wherever a route has parameters.
    Every surface renders its errors itself, so the default 422 is dropped: a surface that
    answers 422 declares it with its own model.
    """
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            responses: dict[str, Any] = operation.get("responses", {})
            for status, response in list(responses.items()):
                content = response.get("content")
                if not (_is_error(str(status)) and content):
                    continue
                if _DEFAULT_422 in str(content):
                    del responses[status]
                    continue
                merged: dict[str, Any] = {}
                for media in content.values():
                    merged.update(media)
                response["content"] = {media_type: merged}
    schemas = document.get("components", {}).get("schemas", {})
    if _DEFAULT_422 not in str(document.get("paths")):
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)


def _reads_a_body(route: APIRoute) -> bool:
    """Whether the route reads a request body (a model, or a body it parses itself and
    documents through ``openapi_extra``): only then can the body limit refuse it."""
    return route.body_field is not None or "requestBody" in (route.openapi_extra or {})


def _declare_body_too_large(router: APIRouter, response: dict[str, Any]) -> None:
    """Declare ``response`` as the 413 of every route of ``router`` that reads a body.

    Done on the router's routes before they are included: ``include_router`` builds the
    surface's routes (and their documented models) from these. A route that declares its own
    413 keeps it. ``responses`` is replaced, never changed in place: routes share one dict.
    """
    for route in router.routes:
        if isinstance(route, APIRoute) and _reads_a_body(route) and 413 not in route.responses:
            route.responses = {**route.responses, 413: response}


def _install_document(api: FastAPI, error_media_type: str) -> None:
    build = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            document = build()
            _document_errors(document, error_media_type)
            api.openapi_schema = document
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]


def _install_docs(api: FastAPI) -> None:
    api.mount(DOCS_ASSETS, StaticFiles(directory=docs_assets()), name="docs-assets")

    @api.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{api.openapi_url}",
            title=f"{api.title} - Swagger UI",
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png",
            # No validator badge: it would be fetched from swagger.io.
            swagger_ui_parameters={"validatorUrl": None, "persistAuthorization": True},
        )


def api_surface(
    *,
    title: str,
    version: str,
    description: str = "",
    install_errors: Callable[[FastAPI], None],
    routers: Sequence[APIRouter],
    error_media_type: str = "application/json",
    body_too_large: dict[str, Any] | None = None,
) -> FastAPI:
    """A sub-app with its own OpenAPI document (``/openapi.json``, ``/docs``) and error shape.

    Every route is exact (``kit.routing``): decimals stay ``Decimal`` and NUL is refused.
    ``body_too_large`` is the surface's 413 as a ``responses=`` entry (its error model and a
    description); it is declared on every route that reads a body.
    """
    api = FastAPI(
        title=title,
        version=version,
        description=description,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    # Routes added to the sub-app itself after this are exact as well.
    api.router.route_class = ExactJSONRoute
    install_errors(api)
    for router in routers:
        if body_too_large is not None:
            _declare_body_too_large(router, body_too_large)
        api.include_router(make_exact(router))
    _install_document(api, error_media_type)
    _install_docs(api)
    return api
