"""Malformed input on every native write route: always a 4xx problem, never a 500, and
nothing half-written.

Each write route is driven with broken JSON, a body that is not an object, an unknown field,
a wrong type, an out-of-range value, a NUL character, malformed and oversized ids, and an
unknown id. After each request every table holds exactly the rows it held before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import func, select

from adplane.accounts.endpoints import router as accounts_router
from adplane.campaigns.endpoints import router as campaigns_router
from adplane.kit.db import Database
from adplane.models import Base
from tests.conftest import Actor
from tests.support.native import API, assert_problem, create_campaign

TOO_BIG = 2**63  # one past the largest BIGINT
MISSING = 987_654_321


@dataclass(frozen=True)
class Route:
    method: str
    route: str
    path: str
    actor: str
    valid: dict[str, Any] | None
    wrong_type: tuple[str, Any] | None = None
    out_of_range: tuple[str, Any] | None = None
    text_field: str | None = None
    body_required: bool = True

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


BODY_ROUTES = [
    Route(
        "POST",
        "/auth/token",
        "/auth/token",
        "anonymous",
        {"email": "nobody@example.test", "password": "whatever"},
        ("email", ["a@b.c"]),
        ("password", ""),
        "email",
    ),
    Route(
        "POST",
        "/accounts",
        "/accounts",
        "admin",
        {"name": "Acme"},
        ("name", {"first": "Acme"}),
        ("currency", "EURO"),
        "name",
    ),
    Route(
        "POST",
        "/accounts/{id}/deposit",
        "/accounts/{account}/deposit",
        "admin",
        {"amount": "10"},
        ("amount", [10]),
        ("amount", "-10"),
        "reference",
    ),
    Route(
        "POST",
        "/users",
        "/users",
        "admin",
        {"email": "new@example.test", "password": "long-enough"},
        ("account_id", "the big one"),
        ("account_id", TOO_BIG),
        "email",
    ),
    Route(
        "POST",
        "/api-keys",
        "/api-keys",
        "advertiser",
        {"name": "ci"},
        ("user_id", True),
        ("user_id", TOO_BIG),
        "name",
    ),
    Route(
        "POST",
        "/campaigns",
        "/campaigns",
        "advertiser",
        {"name": "n"},
        ("daily_budget", {"amount": 1}),
        ("bid_price", "1e15"),
        "name",
    ),
    Route(
        "PATCH",
        "/campaigns/{id}",
        "/campaigns/{campaign}",
        "advertiser",
        {"name": "n"},
        ("targeting", []),
        ("group_id", 2**31),
        "notes",
    ),
    Route(
        "POST",
        "/campaigns/{id}/clone",
        "/campaigns/{campaign}/clone",
        "advertiser",
        {"name": "copy"},
        ("is_exclusive", "maybe"),
        ("cookies_ttl_hours", 10**6),
        "name",
        body_required=False,
    ),
    Route(
        "POST",
        "/campaigns/{id}/reject",
        "/campaigns/{campaign}/reject",
        "admin",
        {"reason_codes": [1]},
        ("reason_codes", "1"),
        ("reason_codes", [TOO_BIG]),
        "comment",
        body_required=False,
    ),
    Route(
        "POST",
        "/campaigns/bulk/{action}",
        "/campaigns/bulk/pause",
        "advertiser",
        {"ids": ["{campaign}"]},
        ("ids", "all"),
        ("ids", [TOO_BIG]),
    ),
]

# Write routes without a body; what can go wrong is in their path.
PATH_ROUTES = [
    ("POST", "/api-keys/{id}/revoke", "/api-keys/{key}/revoke", "advertiser"),
    ("DELETE", "/api-keys/{id}", "/api-keys/{key}", "advertiser"),
    ("DELETE", "/campaigns/{id}", "/campaigns/{campaign}", "advertiser"),
    *[
        ("POST", "/campaigns/{id}/{action}", f"/campaigns/{{campaign}}/{action}", "advertiser")
        for action in ("submit", "run", "pause", "archive", "restore")
    ],
    ("POST", "/campaigns/{id}/approve", "/campaigns/{campaign}/approve", "admin"),
    (
        "DELETE",
        "/campaigns/{id}/spot-prices/{spot_id}",
        "/campaigns/{campaign}/spot-prices/1",
        "advertiser",
    ),
]
ID_ROUTES = [
    *[(r.method, r.path, r.actor) for r in BODY_ROUTES if "{" in r.path],
    *[(method, path, actor) for method, _, path, actor in PATH_ROUTES],
]
BAD_IDS = ["abc", "0", "-5", "1.5", "1e3", str(TOO_BIG), "9" * 40]


@dataclass
class Setting:
    client: httpx.AsyncClient
    actors: dict[str, dict[str, str]]
    ids: dict[str, int]
    database: Database

    def path(self, template: str, **override: object) -> str:
        values = {**self.ids, **override}
        return API + template.format(**values)

    def body(self, value: Any) -> Any:
        if value == "{campaign}":
            return self.ids["campaign"]
        if isinstance(value, dict):
            return {k: self.body(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.body(v) for v in value]
        return value

    async def counts(self) -> dict[str, int]:
        async with self.database.engine.connect() as conn:
            return {
                table.name: int(
                    (await conn.execute(select(func.count()).select_from(table))).scalar_one()
                )
                for table in Base.metadata.sorted_tables
            }

    async def send(self, route: Route, **kwargs: Any) -> httpx.Response:
        headers = {**self.actors[route.actor], **kwargs.pop("headers", {})}
        return await self.client.request(
            route.method, self.path(route.path), headers=headers, **kwargs
        )


@pytest.fixture
async def setting(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> Setting:
    campaign = await create_campaign(client, advertiser.headers)
    keys = await client.get(f"{API}/api-keys", headers=advertiser.headers)
    assert advertiser.account_id is not None
    return Setting(
        client,
        {"admin": admin.headers, "advertiser": advertiser.headers, "anonymous": {}},
        {
            "campaign": campaign["id"],
            "account": advertiser.account_id,
            "key": keys.json()["items"][0]["id"],
        },
        database,
    )


@pytest.mark.parametrize("route", BODY_ROUTES, ids=lambda r: r.id)
async def test_broken_json_is_a_400(setting: Setting, route: Route) -> None:
    before = await setting.counts()
    response = await setting.send(
        route, content=b'{"name": "x",', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 400)
    assert body["title"] == "Malformed JSON"
    assert await setting.counts() == before


@pytest.mark.parametrize("route", BODY_ROUTES, ids=lambda r: r.id)
async def test_a_body_that_is_not_an_object_is_a_422(setting: Setting, route: Route) -> None:
    before = await setting.counts()
    for payload in (b"[]", b'"text"', b"42", b"true"):
        response = await setting.send(
            route, content=payload, headers={"content-type": "application/json"}
        )
        assert_problem(response, 422)
    assert await setting.counts() == before


@pytest.mark.parametrize("route", [r for r in BODY_ROUTES if r.body_required], ids=lambda r: r.id)
async def test_a_missing_body_is_a_422(setting: Setting, route: Route) -> None:
    before = await setting.counts()
    assert_problem(await setting.send(route), 422)
    assert await setting.counts() == before


@pytest.mark.parametrize("route", BODY_ROUTES, ids=lambda r: r.id)
async def test_an_unknown_field_is_a_422(setting: Setting, route: Route) -> None:
    before = await setting.counts()
    body = {**setting.body(route.valid), "surprise": 1}
    assert_problem(await setting.send(route, json=body), 422, field="surprise")
    assert await setting.counts() == before


@pytest.mark.parametrize("route", BODY_ROUTES, ids=lambda r: r.id)
async def test_a_wrong_type_is_a_422(setting: Setting, route: Route) -> None:
    assert route.wrong_type is not None
    name, value = route.wrong_type
    before = await setting.counts()
    body = {**setting.body(route.valid), name: value}
    response = await setting.send(route, json=body)
    problem = assert_problem(response, 422)
    assert any(e["field"].split(".")[0] == name for e in problem["errors"]), problem
    assert await setting.counts() == before


@pytest.mark.parametrize("route", BODY_ROUTES, ids=lambda r: r.id)
async def test_an_out_of_range_value_is_a_422(setting: Setting, route: Route) -> None:
    assert route.out_of_range is not None
    name, value = route.out_of_range
    before = await setting.counts()
    body = {**setting.body(route.valid), name: value}
    problem = assert_problem(await setting.send(route, json=body), 422)
    assert any(e["field"].split(".")[0] == name for e in problem["errors"]), problem
    assert await setting.counts() == before


@pytest.mark.parametrize("route", [r for r in BODY_ROUTES if r.text_field], ids=lambda r: r.id)
async def test_a_nul_character_in_text_is_a_422(setting: Setting, route: Route) -> None:
    # PostgreSQL cannot store U+0000 in text; it must be refused up front on every backend.
    assert route.text_field is not None
    before = await setting.counts()
    body = {**setting.body(route.valid), route.text_field: "nul\u0000byte@example.test"}
    assert_problem(await setting.send(route, json=body), 422, field=route.text_field)
    assert await setting.counts() == before


async def test_a_deeply_nested_free_form_document_is_a_4xx(setting: Setting) -> None:
    route = next(r for r in BODY_ROUTES if r.path == "/campaigns")
    before = await setting.counts()
    # Within the parser's depth bound the schema refuses it; past it, it is malformed JSON.
    for depth, status in ((20, 422), (300, 400), (900, 400)):
        nested = b"[" * depth + b"]" * depth
        raw = b'{"name": "n", "tracker_parameters": {"a": ' + nested + b"}}"
        response = await setting.send(
            route, content=raw, headers={"content-type": "application/json"}
        )
        assert_problem(response, status, field="tracker_parameters" if status == 422 else None)
    assert await setting.counts() == before


async def test_a_nul_character_deep_inside_a_campaign_is_a_422(setting: Setting) -> None:
    route = next(r for r in BODY_ROUTES if r.path == "/campaigns")
    before = await setting.counts()
    body = {"name": "n", "targeting": {"keywords": {"include": ["ok", "b\u0000d"]}}}
    problem = assert_problem(await setting.send(route, json=body), 422)
    assert problem["errors"][0]["field"].startswith("targeting.keywords")
    assert await setting.counts() == before


@pytest.mark.parametrize(("method", "path", "actor"), ID_ROUTES, ids=lambda v: str(v))
async def test_a_malformed_or_oversized_id_is_a_422(
    setting: Setting, method: str, path: str, actor: str
) -> None:
    before = await setting.counts()
    route = next((r for r in BODY_ROUTES if r.path == path), None)
    body = setting.body(route.valid) if route else None
    for bad in BAD_IDS:
        response = await setting.client.request(
            method,
            setting.path(path, campaign=bad, account=bad, key=bad),
            json=body,
            headers=setting.actors[actor],
        )
        assert_problem(response, 422)
    assert await setting.counts() == before


@pytest.mark.parametrize(("method", "path", "actor"), ID_ROUTES, ids=lambda v: str(v))
async def test_an_unknown_id_is_a_404(setting: Setting, method: str, path: str, actor: str) -> None:
    before = await setting.counts()
    route = next((r for r in BODY_ROUTES if r.path == path), None)
    body = setting.body(route.valid) if route else None
    response = await setting.client.request(
        method,
        setting.path(path, campaign=MISSING, account=MISSING, key=MISSING),
        json=body,
        headers=setting.actors[actor],
    )
    assert_problem(response, 404)
    assert await setting.counts() == before


OVERSIZED_CAMPAIGN_FIELDS: list[tuple[str, Any]] = [
    ("account_id", TOO_BIG),
    ("format_id", TOO_BIG),
    ("restriction_ids", [TOO_BIG]),
    ("targeting", {"spots": {"include": [TOO_BIG]}}),
    ("targeting", {"sites": {"exclude": [TOO_BIG]}}),
    ("segments", {"targeting": {"is_active": True, "items": [{"segment_id": TOO_BIG}]}}),
    ("traffic_source_id", 2**31),
    ("domain_id", 2**31),
    ("position", 2**31),
    ("daily_impressions_cap", 10**16),
    ("targeting", {"pretarget": TOO_BIG}),
]


async def test_an_oversized_integer_in_a_campaign_is_a_422(setting: Setting) -> None:
    route = next(r for r in BODY_ROUTES if r.path == "/campaigns")
    before = await setting.counts()
    for field, value in OVERSIZED_CAMPAIGN_FIELDS:
        response = await setting.send(route, json={"name": "n", field: value})
        problem = assert_problem(response, 422)
        assert problem["errors"][0]["field"].startswith(field), (field, problem)
    assert await setting.counts() == before


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("id", str(TOO_BIG)),
        ("account_id", str(TOO_BIG)),
        ("format_id", str(TOO_BIG)),
        ("id", "abc"),
        ("q", "nul\u0000"),
        ("sort", "-"),
        ("sort", ",,"),
    ],
)
async def test_an_oversized_or_malformed_list_filter_is_a_4xx(
    setting: Setting, param: str, value: str
) -> None:
    response = await setting.client.get(
        f"{API}/campaigns", params={param: value}, headers=setting.actors["advertiser"]
    )
    if param == "sort" and value == ",,":
        assert response.status_code == 200  # no sort field at all: the default order
    else:
        problem = assert_problem(response, 422)
        assert problem["errors"][0]["field"].split(".")[0] == param


@pytest.mark.parametrize("value", [str(TOO_BIG), "-1", "abc"])
async def test_an_oversized_user_list_filter_is_a_422(setting: Setting, value: str) -> None:
    response = await setting.client.get(
        f"{API}/users", params={"account_id": value}, headers=setting.actors["admin"]
    )
    assert_problem(response, 422, field="account_id")


async def test_a_body_sent_as_plain_text_is_refused(setting: Setting) -> None:
    route = next(r for r in BODY_ROUTES if r.path == "/campaigns")
    before = await setting.counts()
    response = await setting.send(
        route, content=b'{"name": "n"}', headers={"content-type": "text/plain"}
    )
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await setting.counts() == before


def test_every_write_route_is_driven() -> None:
    writes = {
        (method, route.path)
        for route in [*accounts_router.routes, *campaigns_router.routes]
        if isinstance(route, APIRoute)
        for method in route.methods or ()
        if method in {"POST", "PATCH", "PUT", "DELETE"}
    }
    driven = {(r.method, r.route) for r in BODY_ROUTES}
    driven |= {(method, route) for method, route, _, _ in PATH_ROUTES}
    # Logout takes neither a body nor an id: nothing in it can be malformed.
    assert writes - driven == {("POST", "/auth/logout")}


async def test_an_unknown_native_route_is_a_404_problem(setting: Setting) -> None:
    response = await setting.client.get(f"{API}/nowhere", headers=setting.actors["advertiser"])
    assert_problem(response, 404)


async def test_a_wrong_method_is_a_405_problem(setting: Setting) -> None:
    response = await setting.client.put(
        setting.path("/campaigns/{campaign}"), json={}, headers=setting.actors["advertiser"]
    )
    assert_problem(response, 405)


async def test_an_unknown_campaign_action_is_refused(setting: Setting) -> None:
    response = await setting.client.post(
        setting.path("/campaigns/{campaign}/explode"), headers=setting.actors["advertiser"]
    )
    assert_problem(response, 422, field="action")
