"""RFC 9457 problem documents: every error of an app with ``problems.install``."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict

from adplane.kit import problems
from adplane.kit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from tests.support.native import assert_problem


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    count: int


def make_app() -> FastAPI:
    app = FastAPI()
    problems.install(app)

    @app.get("/missing")
    async def missing() -> None:
        raise NotFound("thing 7 not found")

    @app.get("/conflict")
    async def conflict() -> None:
        raise Conflict("already archived")

    @app.get("/forbidden")
    async def forbidden() -> None:
        raise Forbidden("admins only")

    @app.get("/invalid")
    async def invalid() -> None:
        raise ValidationFailed.field("bid_price", "must be positive")

    @app.get("/invalid-body")
    async def invalid_body() -> None:
        raise ValidationFailed("send at least one field")

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    @app.post("/things")
    async def things(body: Body) -> Body:
        return body

    return app


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=make_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.mark.parametrize(
    ("path", "status", "title"),
    [
        ("/missing", 404, "Not found"),
        ("/conflict", 409, "Conflict"),
        ("/forbidden", 403, "Forbidden"),
    ],
)
async def test_app_errors_render_their_status_title_and_detail(
    http: httpx.AsyncClient, path: str, status: int, title: str
) -> None:
    body = assert_problem(await http.get(path), status)
    assert body["title"] == title
    assert body["type"].startswith("https://")
    assert "errors" not in body


async def test_a_service_validation_error_lists_its_field(http: httpx.AsyncClient) -> None:
    body = assert_problem(await http.get("/invalid"), 422, field="bid_price")
    assert body["errors"] == [{"field": "bid_price", "message": "must be positive"}]


async def test_a_validation_error_without_a_field_is_listed_against_the_body(
    http: httpx.AsyncClient,
) -> None:
    body = assert_problem(await http.get("/invalid-body"), 422, field="body")
    assert body["errors"] == [{"field": "body", "message": "send at least one field"}]


async def test_malformed_json_is_a_400(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/things", content=b'{"count": ', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 400)
    assert body["title"] == "Malformed JSON"


async def test_a_wrong_type_is_a_422_naming_the_field(http: httpx.AsyncClient) -> None:
    assert_problem(await http.post("/things", json={"count": "many"}), 422, field="count")


async def test_an_unknown_field_is_a_422_naming_the_field(http: httpx.AsyncClient) -> None:
    assert_problem(
        await http.post("/things", json={"count": 1, "colour": "red"}), 422, field="colour"
    )


async def test_an_unknown_route_is_a_404_problem(http: httpx.AsyncClient) -> None:
    assert_problem(await http.get("/nowhere"), 404)


async def test_a_wrong_method_is_a_405_problem(http: httpx.AsyncClient) -> None:
    assert_problem(await http.delete("/missing"), 405)


async def test_an_unexpected_error_is_a_500_problem_without_internals(
    http: httpx.AsyncClient,
) -> None:
    body = assert_problem(await http.get("/boom"), 500)
    assert "secret internals" not in body["detail"]


def test_field_path_drops_the_request_part() -> None:
    assert problems.field_path(("body", "targeting", "countries", 0)) == "targeting.countries.0"
    assert problems.field_path(("query", "page_size")) == "page_size"
    assert problems.field_path(("body",)) == "body"
