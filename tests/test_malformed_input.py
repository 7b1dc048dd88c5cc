"""Malformed input on every write route of every surface: always a 4xx in the surface's own
shape, never a 5xx, and nothing half-written.

The routes come from each surface's OpenAPI document (``tests.support.sweep``), so a new
surface or route joins the sweep by itself. Each write route is driven with broken JSON, a body
of the wrong JSON type, fields of the wrong types, out-of-range values, a NUL character, unknown
fields and malformed or oversized ids in its path; every route (reads too) with a NUL and an
oversized integer in its query string. After each request every table holds exactly the rows it
held before. The tests after the sweep pin native details the sweep cannot know.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import func, literal, select, union_all

from adplane.kit.db import Database
from adplane.models import Base
from tests.conftest import Actor
from tests.media import files as media_files
from tests.support.native import API, assert_problem, create_campaign
from tests.support.sweep import WRITES, Operation, auth, operations, url_for

TOO_BIG = 2**63  # one past the largest BIGINT
HUGE = 2**70
MISSING = 987_654_321
JSON = {"content-type": "application/json"}
BAD_IDS = ("abc", "0", "-5", "1.5", str(HUGE), "9" * 40)

WRITE_OPS = [op for op in operations() if op.method in WRITES]
JSON_BODY_OPS = [op for op in WRITE_OPS if op.body_schema() is not None]
INTEGER_PATH_OPS = [
    op
    for op in WRITE_OPS
    if any(p.get("schema", {}).get("type") == "integer" for p in op.parameters("path"))
]
INTEGER_QUERY_OPS = [
    op
    for op in operations()
    if any(
        op.resolve(s).get("type") == "integer"
        for p in op.parameters("query")
        for s in [p.get("schema", {}), *p.get("schema", {}).get("anyOf", [])]
    )
]


def wrong_type(op: Operation, schema: dict[str, Any]) -> Any:
    """A value of another JSON type than ``schema`` asks for, or None when it takes anything."""
    kinds = {op.resolve(s).get("type") for s in schema.get("anyOf", [schema])} - {"null"}
    if not kinds or None in kinds:
        return None
    if kinds & {"integer", "number", "boolean"} and "string" not in kinds:
        return "not-a-number"
    if "string" in kinds and kinds <= {"string"}:
        return {"not": "a string"}
    if kinds <= {"array"}:
        return "not-a-list"
    if kinds <= {"object"}:
        return ["not", "an", "object"]
    return None


def out_of_range(op: Operation, schema: dict[str, Any]) -> Any:
    for option in schema.get("anyOf", [schema]):
        option = op.resolve(option)
        if option.get("type") == "integer":
            return HUGE
        if option.get("type") == "string" and "maxLength" in option:
            return "x" * (int(option["maxLength"]) + 1)
        if option.get("type") == "number" and "maximum" in option:
            return "1e40"
    return None


@dataclass
class Setting:
    client: httpx.AsyncClient
    keys: dict[str, str]
    ids: dict[str, Any]
    database: Database

    def path(self, template: str, **override: object) -> str:
        values = {**self.ids, **override}
        return API + template.format(**values)

    async def counts(self) -> dict[str, int]:
        # One statement for every table, so checking after each request stays cheap.
        counts = union_all(
            *[
                select(literal(table.name).label("t"), func.count().label("n")).select_from(table)
                for table in Base.metadata.sorted_tables
            ]
        )
        async with self.database.engine.connect() as conn:
            return {str(t): int(n) for t, n in (await conn.execute(counts)).all()}

    @property
    def actors(self) -> dict[str, dict[str, str]]:
        return {who: {"Authorization": f"Bearer {key}"} for who, key in self.keys.items()}

    def headers(self, op: Operation) -> dict[str, str]:
        # Admins pass every role check, so a request reaches validation; Topsort and Instal
        # serve an advertiser's own account.
        who = "advertiser" if op.mount in {"/topsort", "/instal"} else "admin"
        return auth(op.mount, self.keys[who])

    def url(self, op: Operation, **words: Any) -> str:
        return url_for(op, self.ids, **words)

    async def send(self, op: Operation, url: str | None = None, **kwargs: Any) -> httpx.Response:
        headers = {**self.headers(op), **kwargs.pop("headers", {})}
        return await self.client.request(op.method, url or self.url(op), headers=headers, **kwargs)

    async def native(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {
            "Authorization": f"Bearer {self.keys['advertiser']}",
            **kwargs.pop("headers", {}),
        }
        return await self.client.request(method, API + path, headers=headers, **kwargs)

    async def refused(self, op: Operation, what: str, response: httpx.Response) -> None:
        assert 400 <= response.status_code < 500, (op.id, what, response.status_code, response.text)


@pytest.fixture
async def setting(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, database: Database
) -> Setting:
    campaign = await create_campaign(client, advertiser.headers)
    keys = await client.get(f"{API}/api-keys", headers=advertiser.headers)
    segment = await client.post(f"{API}/segments", json={"name": "s"}, headers=advertiser.headers)
    site = await client.post(
        f"{API}/sites", json={"name": "S", "domain": "s.example"}, headers=admin.headers
    )
    spot = await client.post(
        f"{API}/spots", json={"site_id": site.json()["id"], "name": "s"}, headers=admin.headers
    )
    filterlist = await client.post(
        f"{API}/filterlists",
        json={"name": "l", "type": "domains", "mode": "black", "items": ["a.example"]},
        headers=advertiser.headers,
    )
    media = await client.post(
        f"{API}/media", files={"file": ("a.png", media_files.image())}, headers=advertiser.headers
    )
    rule = await client.post(
        f"{API}/rules",
        json={
            "name": "Owner's rule",
            "lookback_days": 1,
            "conditions": [{"metric": "clicks", "operator": ">", "value": "1"}],
            "action": "blacklist",
            "target_list_id": filterlist.json()["id"],
        },
        headers=advertiser.headers,
    )
    assert rule.status_code == 201, rule.text
    creative = await client.post(
        f"{API}/creatives",
        json={
            "name": "c",
            "content": {"variant": "banner_tag", "tag": "<b>ad</b>"},
            "size": {"width": 300, "height": 250},
        },
        headers=advertiser.headers,
    )
    assert advertiser.account_id is not None
    return Setting(
        client,
        {"admin": admin.api_key, "advertiser": advertiser.api_key},
        {
            "campaign": campaign["id"],
            "campaign_uuid": campaign["uuid"],
            "account": advertiser.account_id,
            "key": keys.json()["items"][0]["id"],
            "user": advertiser.user_id,
            "segment": segment.json()["id"],
            "spot": spot.json()["id"],
            "filterlist": filterlist.json()["id"],
            "media": media.json()["id"],
            "rule": rule.json()["id"],
            "creative": creative.json()["id"],
        },
        database,
    )


def test_the_sweep_reads_every_surface() -> None:
    assert {op.mount for op in WRITE_OPS} >= {"/api/v1", "/trafficstars", "/topsort"}
    assert len(JSON_BODY_OPS) >= 30


@pytest.mark.parametrize("op", JSON_BODY_OPS, ids=lambda op: op.id)
async def test_a_malformed_body_is_refused_and_changes_nothing(
    setting: Setting, op: Operation
) -> None:
    before = await setting.counts()
    schema = op.body_schema() or {}
    valid = op.example()
    props = op.properties()
    bodies: list[tuple[str, bytes | Any]] = [
        ("broken JSON", b'{"name": "x",'),
        ("wrong JSON type", b"{}" if schema.get("type") == "array" else b"[]"),
        ("a NUL character", {**(valid if isinstance(valid, dict) else {}), "name": "a\u0000b"}),
    ]
    wrong = {n: wrong_type(op, s) for n, s in props.items()}
    if any(v is not None for v in wrong.values()):
        bodies.append(("wrong types", {n: v for n, v in wrong.items() if v is not None}))
    far = {n: out_of_range(op, s) for n, s in props.items()}
    if any(v is not None for v in far.values()):
        bodies.append(("out-of-range values", {n: v for n, v in far.items() if v is not None}))
    for what, body in bodies:
        if isinstance(body, bytes):
            response = await setting.send(op, content=body, headers=JSON)
        else:
            response = await setting.send(op, json=body)
        await setting.refused(op, what, response)
        assert await setting.counts() == before, (op.id, what)


@pytest.mark.parametrize("op", JSON_BODY_OPS, ids=lambda op: op.id)
async def test_an_unknown_field_never_fails_the_server(setting: Setting, op: Operation) -> None:
    valid = op.example()
    body = {**(valid if isinstance(valid, dict) else {}), "surprise_field": 1}
    response = await setting.send(op, json=body)
    assert response.status_code < 500, (op.id, response.text)
    if op.mount == API:
        # The native API never ignores a field it does not know.
        assert_problem(response, 422, field="surprise_field")


@pytest.mark.parametrize("op", INTEGER_PATH_OPS, ids=lambda op: op.id)
async def test_a_malformed_or_oversized_path_id_is_refused(setting: Setting, op: Operation) -> None:
    before = await setting.counts()
    valid = op.example()
    integers = [
        p["name"] for p in op.parameters("path") if p.get("schema", {}).get("type") == "integer"
    ]
    for bad in BAD_IDS:
        response = await setting.send(
            op, setting.url(op, **dict.fromkeys(integers, bad)), json=valid
        )
        await setting.refused(op, f"id {bad}", response)
    assert await setting.counts() == before


@pytest.mark.parametrize("op", list(operations()), ids=lambda op: op.id)
async def test_a_nul_in_the_query_string_is_refused(setting: Setting, op: Operation) -> None:
    before = await setting.counts()
    response = await setting.send(op, setting.url(op) + "?_probe=a%00b", json=op.example())
    await setting.refused(op, "NUL in the query", response)
    assert await setting.counts() == before


@pytest.mark.parametrize("op", INTEGER_QUERY_OPS, ids=lambda op: op.id)
async def test_an_oversized_integer_in_the_query_is_refused(
    setting: Setting, op: Operation
) -> None:
    before = await setting.counts()
    for param in op.parameters("query"):
        schema = param.get("schema", {})
        kinds = {op.resolve(s).get("type") for s in [schema, *schema.get("anyOf", [])]}
        if "integer" not in kinds:
            continue
        response = await setting.send(op, params={param["name"]: str(HUGE)}, json=op.example())
        await setting.refused(op, f"{param['name']}={HUGE}", response)
    assert await setting.counts() == before


async def test_a_deeply_nested_free_form_document_is_a_4xx(setting: Setting) -> None:
    before = await setting.counts()
    # Within the parser's depth bound the schema refuses it; past it, it is malformed JSON.
    for depth, status in ((20, 422), (300, 400), (900, 400)):
        nested = b"[" * depth + b"]" * depth
        raw = b'{"name": "n", "tracker_parameters": {"a": ' + nested + b"}}"
        response = await setting.native("POST", "/campaigns", content=raw, headers=JSON)
        assert_problem(response, status, field="tracker_parameters" if status == 422 else None)
    assert await setting.counts() == before


async def test_a_nul_character_deep_inside_a_campaign_is_a_422(setting: Setting) -> None:
    before = await setting.counts()
    body = {"name": "n", "targeting": {"keywords": {"include": ["ok", "b\u0000d"]}}}
    problem = assert_problem(await setting.native("POST", "/campaigns", json=body), 422)
    assert problem["errors"][0]["field"].startswith("targeting.keywords")
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
    before = await setting.counts()
    for field, value in OVERSIZED_CAMPAIGN_FIELDS:
        response = await setting.native("POST", "/campaigns", json={"name": "n", field: value})
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
    before = await setting.counts()
    response = await setting.native(
        "POST", "/campaigns", content=b'{"name": "n"}', headers={"content-type": "text/plain"}
    )
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await setting.counts() == before


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
