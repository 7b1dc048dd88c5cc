"""Every API surface's OpenAPI document matches what the surface sends.

The surfaces are found from the app (every mounted sub-app with an OpenAPI document), so a new
surface is held to the same rules without touching this file.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from adplane.app import create_app
from adplane.delivery.endpoints import MAX_QUERY
from adplane.kit.db import Database
from adplane.media.storage import MULTIPART_OVERHEAD
from adplane.settings import Settings
from tests.conftest import TEST_SECRET, Actor
from tests.support.surfaces import Surface, operations, surfaces

SURFACES = surfaces(
    create_app(Settings(env="test", secret_key=TEST_SECRET, database_url="sqlite+aiosqlite://"))
)
BY_PREFIX = pytest.mark.parametrize("surface", SURFACES, ids=[s.prefix for s in SURFACES])

# JSON Schema 2020-12 (the dialect of OpenAPI 3.1) and OpenAPI's own schema keywords.
SCHEMA_KEYWORDS = set(
    """$schema $id $ref $defs $anchor $dynamicRef $dynamicAnchor $comment $vocabulary allOf anyOf
    oneOf not if then else dependentSchemas prefixItems items contains properties
    patternProperties additionalProperties propertyNames unevaluatedItems unevaluatedProperties
    type const enum multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength
    minLength pattern maxItems minItems uniqueItems maxContains minContains maxProperties
    minProperties required dependentRequired contentEncoding contentMediaType contentSchema
    title description default deprecated readOnly writeOnly examples format discriminator xml
    externalDocs example""".split()
)
SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SUBSCHEMAS = ("items", "not", "if", "then", "else", "additionalProperties", "contains")


def _unknown_keywords(schema: Any, where: str) -> list[str]:
    if not isinstance(schema, dict):
        return []
    found = [
        f"{where}: {key}"
        for key in schema
        if key not in SCHEMA_KEYWORDS and not key.startswith("x-")
    ]
    for key in SUBSCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items():
            found += _unknown_keywords(sub, f"{where}.{name}")
    for key in SUBSCHEMA_LISTS:
        for index, sub in enumerate(schema.get(key) or []):
            found += _unknown_keywords(sub, f"{where}[{index}]")
    for key in SUBSCHEMAS:
        found += _unknown_keywords(schema.get(key), f"{where}.{key}")
    return found


def _schemas(document: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every schema of the document: components, parameters, bodies and responses."""
    found = list(document.get("components", {}).get("schemas", {}).items())
    for method, path, operation in operations(document):
        for parameter in operation.get("parameters", []):
            found.append((f"{method} {path} {parameter['name']}", parameter.get("schema")))
        bodies = dict(operation.get("requestBody", {}).get("content", {}))
        for status, response in operation.get("responses", {}).items():
            for media, content in response.get("content", {}).items():
                bodies[f"{status} {media}"] = content
        for media, content in bodies.items():
            found.append((f"{method} {path} {media}", content.get("schema")))
    return found


@BY_PREFIX
def test_the_document_is_openapi_3_1_with_json_schema_keywords_only(surface: Surface) -> None:
    document = surface.document
    assert document["openapi"].startswith("3.1")
    unknown = [k for name, s in _schemas(document) for k in _unknown_keywords(s, name)]
    assert unknown == []


@BY_PREFIX
def test_the_document_declares_the_surfaces_auth_scheme_on_its_operations(
    surface: Surface,
) -> None:
    document = surface.document
    if document.get("x-adplane-public"):
        # Delivery (exchanges, browsers): a signed token in the URL is the credential.
        assert all(op.get("security") == [] for _, _, op in operations(document))
        return
    schemes = document.get("components", {}).get("securitySchemes", {})
    assert schemes, f"{surface.prefix} declares no security scheme"
    for scheme in schemes.values():
        assert scheme["type"] in {"http", "apiKey"}
        if scheme["type"] == "http":
            assert scheme["scheme"] == "bearer"
        else:
            assert (scheme["in"], scheme["name"]) == ("header", "Authorization")
    secured = [op for _, _, op in operations(document) if op.get("security")]
    assert len(secured) >= len(operations(document)) - 1


def test_the_native_document_opens_with_a_first_curl_session() -> None:
    native = next(s for s in SURFACES if s.prefix == "/api/v1")
    description = native.document["info"]["description"]
    assert "curl" in description
    for step in ("/auth/token", "/campaigns", "/reports"):
        assert f"$API{step}" in description


async def _error_media_type(client: httpx.AsyncClient, surface: Surface) -> str:
    """The media type the surface answers an unknown path with: its error media type."""
    response = await client.get(f"{surface.prefix}/no/such/route")
    assert response.status_code == 404
    return response.headers["content-type"].split(";")[0]


@BY_PREFIX
async def test_errors_are_documented_in_the_media_type_they_are_sent_in(
    client: httpx.AsyncClient, surface: Surface
) -> None:
    media = await _error_media_type(client, surface)
    wrong = [
        f"{method} {path} {status}: {sorted(response.get('content', {}))}"
        for method, path, operation in operations(surface.document)
        for status, response in operation["responses"].items()
        if status[0] in "45" and set(response.get("content", {media: None})) != {media}
    ]
    assert wrong == []


def _body_shape(response: httpx.Response) -> tuple[str, frozenset[str]]:
    body = response.json()
    return response.headers["content-type"].split(";")[0], frozenset(body)


@BY_PREFIX
@pytest.mark.parametrize(
    "tail", ["", "/", "/a%0Ab", "/%0A", "/x/%0A/y", "/api-keys/%0Aa/revoke", "/%00"]
)
async def test_every_unmatched_path_under_a_mount_answers_in_the_mounts_shape(
    client: httpx.AsyncClient, surface: Surface, tail: str
) -> None:
    reference = await client.get(f"{surface.prefix}/no/such/route")
    response = await client.post(f"{surface.prefix}{tail}", follow_redirects=True)
    assert 400 <= response.status_code < 500, response.text
    assert _body_shape(response) == _body_shape(reference), response.text


async def test_the_revoke_path_of_the_issue_is_a_problem(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.post("/api/v1/api-keys/%0Aa/revoke", headers=admin.headers)
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == response.status_code


def _headers_for(surface: Surface, actor: Actor) -> dict[str, str]:
    schemes = surface.document.get("components", {}).get("securitySchemes", {})
    if any(s["type"] == "apiKey" for s in schemes.values()):
        return {"Authorization": f"Token {actor.api_key}"}
    return actor.headers


@BY_PREFIX
async def test_a_405_lists_every_method_the_path_serves(
    client: httpx.AsyncClient, surface: Surface, advertiser: Actor
) -> None:
    headers = _headers_for(surface, advertiser)
    checked = 0
    for path, item in surface.document["paths"].items():
        url = surface.prefix + re.sub(r"\{[^}]+\}", "1", path)
        documented = {m.upper() for m in item}
        for method in ("PUT", "DELETE", "PATCH", "POST", "GET"):
            if method in documented:
                continue
            response = await client.request(method, url, headers=headers)
            if response.status_code != 405:
                continue
            checked += 1
            allowed = {m.strip() for m in response.headers["allow"].split(",")}
            assert documented <= allowed, (method, path, allowed)
            for other in allowed - {"HEAD", "OPTIONS"}:
                again = await client.request(other, url, headers=headers)
                assert again.status_code != 405, (other, path)
    assert checked


@BY_PREFIX
async def test_the_docs_page_loads_only_same_host_assets_and_they_are_served(
    client: httpx.AsyncClient, surface: Surface
) -> None:
    page = await client.get(f"{surface.prefix}/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    urls += re.findall(r"""url:\s*["']([^"']+)["']""", html)
    assert urls
    assert not re.search(r"https?://|//[a-z]", html, re.IGNORECASE), "an absolute URL"
    assert f"{surface.prefix}/openapi.json" in urls
    for url in urls:
        assert url.startswith(f"{surface.prefix}/"), url
        asset = await client.get(url)
        assert asset.status_code == 200, url
        assert asset.content


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _reads_a_body(operation: dict[str, Any]) -> bool:
    return "requestBody" in operation


# Every surface: FastAPI's documents get the 413 from ``api_surface``; the hand-written
# ``/rtb`` and ``/t`` documents of ``delivery.endpoints`` declare it themselves.
@pytest.mark.parametrize("surface", SURFACES, ids=[s.prefix for s in SURFACES])
def test_every_operation_that_reads_a_body_documents_its_413(surface: Surface) -> None:
    missing = [
        f"{method} {path}"
        for method, path, operation in operations(surface.document)
        if _reads_a_body(operation) and "413" not in operation["responses"]
    ]
    assert missing == []


SMALL_LIMIT = 64
# Past every limit: the small ones above, an upload's multipart allowance and the tracking
# surface's fixed one.
OVERSIZED = b"{" + b" " * (SMALL_LIMIT + MULTIPART_OVERHEAD + MAX_QUERY) + b"}"


@pytest.fixture
async def small_body_client(
    settings: Settings, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    small = dict.fromkeys(
        (
            "max_body_bytes",
            "max_events_body_bytes",
            "max_filterlist_body_bytes",
            "delivery_max_bid_bytes",
            "media_max_bytes",
            "media_max_html_bytes",
        ),
        SMALL_LIMIT,
    )
    application = create_app(settings.model_copy(update=small), database=database)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c


@pytest.mark.parametrize("surface", SURFACES, ids=[s.prefix for s in SURFACES])
async def test_an_oversized_body_gets_the_documented_413(
    small_body_client: httpx.AsyncClient, surface: Surface, admin: Actor
) -> None:
    """Every operation that documents a 413 answers an oversized body with it, in the
    documented media type and with the documented schema's required members."""
    document = surface.document
    checked = 0
    for method, path, operation in operations(document):
        declared = operation["responses"].get("413")
        if declared is None or not _reads_a_body(operation):
            continue
        ((media, content),) = declared["content"].items()
        url = surface.prefix + re.sub(r"\{[^}]+\}", "1", path)
        response = await small_body_client.request(
            method,
            url,
            content=OVERSIZED,
            headers={**_headers_for(surface, admin), "Content-Type": "application/json"},
        )
        assert response.status_code == 413, (method, path, response.text)
        assert response.headers["content-type"].split(";")[0] == media, (method, path)
        required = set(_resolve(document, content["schema"]).get("required", []))
        assert required <= set(response.json()), (method, path, response.text)
        checked += 1
    if checked == 0:
        assert not any(_reads_a_body(op) for _, _, op in operations(document))
