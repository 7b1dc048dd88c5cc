"""JSON request bodies keep decimal numbers exact."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import httpx
import pytest
from fastapi import APIRouter, FastAPI, File, Form, Request, UploadFile
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from adplane.kit import problems
from adplane.kit.routing import ExactJSONRoute, loads, make_exact, nul_path, parse_decimal
from tests.support.native import assert_problem


class Payment(BaseModel):
    amount: Decimal = Field(max_digits=18, decimal_places=6)
    count: int = 0


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    problems.install(app)
    router = APIRouter(route_class=ExactJSONRoute)

    @router.post("/pay")
    async def pay(body: Payment) -> Payment:
        return body

    app.include_router(router)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_an_amount_with_eighteen_digits_arrives_exactly(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/pay",
        content=b'{"amount": 123456789012.123456}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert Decimal(response.json()["amount"]) == Decimal("123456789012.123456")


async def test_a_float_artifact_is_refused_not_rounded(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/pay",
        content=b'{"amount": 0.30000000000000004}',
        headers={"content-type": "application/json"},
    )
    assert_problem(response, 422, field="amount")


async def test_an_integral_decimal_is_accepted_as_an_integer(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/pay", content=b'{"amount": 1, "count": 2.0}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["count"] == 2


async def test_an_astronomical_exponent_is_refused_at_once(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/pay",
        content=b'{"amount": 1, "count": 1e999999999}',
        headers={"content-type": "application/json"},
    )
    assert_problem(response, 422, field="count")


async def test_broken_json_is_still_a_400(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/pay", content=b'{"amount": 1,', headers={"content-type": "application/json"}
    )
    assert_problem(response, 400)


def test_parse_decimal_keeps_the_written_digits() -> None:
    assert parse_decimal("0.1") == Decimal("0.1")
    assert loads(b'{"a": [0.2, 3]}') == {"a": [Decimal("0.2"), 3]}


def test_parse_decimal_leaves_absurd_magnitudes_as_floats() -> None:
    assert isinstance(parse_decimal("1e999"), float)


async def test_absurdly_deep_nesting_is_a_400(http: httpx.AsyncClient) -> None:
    deep = b'{"amount": 1, "x": ' + b"[" * 100_000 + b'"\\u0000"' + b"]" * 100_000 + b"}"
    response = await http.post("/pay", content=deep, headers={"content-type": "application/json"})
    assert_problem(response, 400)


def test_nul_path_names_the_field_holding_the_nul() -> None:
    assert nul_path({"a": [1, {"b": "x\x00"}]}) == ("a", 1, "b")
    assert nul_path({"a": ["fine"]}) is None
    assert nul_path({"k\x00": 1}) == ("k\x00",)


@pytest.fixture
async def everywhere() -> AsyncIterator[httpx.AsyncClient]:
    """A plain ``APIRouter`` made exact by ``make_exact``, with a query, a path and a form."""
    app = FastAPI()
    problems.install(app)
    router = APIRouter()

    @router.get("/things/{name}")
    async def thing(name: str, q: str | None = None) -> dict[str, str | None]:
        return {"name": name, "q": q}

    @router.post("/form")
    async def form(request: Request) -> dict[str, str]:
        return {k: str(v) for k, v in (await request.form()).items()}

    @router.post("/pay")
    async def pay(body: Payment) -> Payment:
        return body

    @router.post("/upload")
    async def upload(
        request: Request, file: UploadFile = File(), note: str = Form("")
    ) -> dict[str, object]:
        # Whether the NUL check read the whole body into memory (Starlette keeps it there).
        return {"buffered": hasattr(request, "_body"), "size": len(await file.read()), "note": note}

    app.include_router(make_exact(router))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


def test_make_exact_turns_every_plain_route_exact() -> None:
    router = APIRouter()

    @router.get("/a")
    async def a() -> None: ...

    make_exact(router)

    @router.get("/b")
    async def b() -> None: ...

    assert all(isinstance(r, ExactJSONRoute) for r in router.routes)


def test_make_exact_refuses_a_route_class_it_cannot_combine() -> None:
    class Other(APIRoute):
        pass

    router = APIRouter(route_class=Other)

    @router.get("/a")
    async def a() -> None: ...

    with pytest.raises(TypeError, match="ExactJSONRoute"):
        make_exact(router)


async def test_a_plain_router_made_exact_keeps_decimals(everywhere: httpx.AsyncClient) -> None:
    response = await everywhere.post(
        "/pay",
        content=b'{"amount": 123456789012.123456}',
        headers={"content-type": "application/json"},
    )
    assert Decimal(response.json()["amount"]) == Decimal("123456789012.123456")


async def test_a_nul_in_the_query_string_is_a_422(everywhere: httpx.AsyncClient) -> None:
    assert_problem(await everywhere.get("/things/x?q=a%00b"), 422, field="q")


async def test_a_nul_in_an_undeclared_query_parameter_is_a_422(
    everywhere: httpx.AsyncClient,
) -> None:
    assert_problem(await everywhere.get("/things/x?_rmodel=a%00b"), 422, field="_rmodel")


async def test_a_nul_in_a_path_parameter_is_a_422(everywhere: httpx.AsyncClient) -> None:
    assert_problem(await everywhere.get("/things/a%00b"), 422, field="name")


async def test_a_nul_in_a_form_body_is_a_422(everywhere: httpx.AsyncClient) -> None:
    response = await everywhere.post(
        "/form",
        content=b"a=1&token=x%00y",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert_problem(response, 422, field="token")


async def test_a_clean_request_passes_untouched(everywhere: httpx.AsyncClient) -> None:
    response = await everywhere.get("/things/x?q=%5Cu0000")
    assert response.json() == {"name": "x", "q": "\\u0000"}
    form = await everywhere.post(
        "/form", content=b"a=1", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert form.json() == {"a": "1"}


FILE_WITH_NUL = b'{"looks": "like JSON \\u0000"}\x00\x00binary'


async def test_a_multipart_file_is_neither_scanned_nor_buffered_whole(
    everywhere: httpx.AsyncClient,
) -> None:
    response = await everywhere.post(
        "/upload", files={"file": ("a.bin", FILE_WITH_NUL)}, data={"note": "fine"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"buffered": False, "size": len(FILE_WITH_NUL), "note": "fine"}


async def test_a_nul_in_a_multipart_text_field_is_a_422(everywhere: httpx.AsyncClient) -> None:
    response = await everywhere.post(
        "/upload", files={"file": ("a.bin", b"x")}, data={"note": "a\x00b"}
    )
    assert_problem(response, 422, field="note")


def multipart(disposition: bytes) -> dict[str, object]:
    """A one-part multipart request written by hand (httpx would escape the NUL)."""
    body = b"--b\r\nContent-Disposition: " + disposition + b"\r\n\r\nx\r\n--b--\r\n"
    return {"content": body, "headers": {"content-type": "multipart/form-data; boundary=b"}}


async def test_a_nul_in_a_multipart_file_name_is_a_422(everywhere: httpx.AsyncClient) -> None:
    response = await everywhere.post(
        "/upload", **multipart(b'form-data; name="file"; filename="a\x00.bin"')
    )
    assert_problem(response, 422, field="file")


async def test_an_unreadable_multipart_body_is_a_400(everywhere: httpx.AsyncClient) -> None:
    # A part without a field name cannot be read.
    response = await everywhere.post("/upload", **multipart(b"form-data"))
    assert_problem(response, 400)
