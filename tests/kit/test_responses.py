"""Every surface's error renderer survives values strict JSON cannot print."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import httpx
import pytest

from adplane.kit.responses import SafeJSONResponse, json_safe
from tests.conftest import Actor


def test_non_finite_numbers_become_strings() -> None:
    assert json_safe([math.nan, math.inf, -math.inf, 1.5, Decimal("NaN")]) == [
        "NaN",
        "Infinity",
        "-Infinity",
        1.5,
        "NaN",
    ]


def test_lone_surrogates_in_keys_and_values_are_replaced() -> None:
    assert json_safe({"a\ud800": ["\udfffb"]}) == {"a\ufffd": ["\ufffdb"]}


def test_a_well_formed_body_renders_unchanged() -> None:
    body = {"detail": [{"loc": ["body", "é"], "input": 3}]}
    assert json.loads(SafeJSONResponse(body).body) == body


def test_an_unprintable_body_still_renders() -> None:
    rendered = SafeJSONResponse({"input": math.nan, "field": "\ud800"}).body
    assert json.loads(rendered) == {"input": "NaN", "field": "\ufffd"}


# One write route per surface that reads a JSON body, and the error media type it answers in.
WRITES = [
    ("POST", "/api/v1/campaigns", "application/problem+json"),
    ("POST", "/trafficstars/v1.1/campaigns", "application/json"),
    ("POST", "/trafficstars/v1/auth/token", "application/json"),
    ("POST", "/topsort/public/v1/campaign-service/campaigns", "application/json"),
]
BODIES = [
    '{"name": NaN}',
    '{"name": "x", "price": Infinity, "targetRoas": -1e400, "daily_budget": 1e400}',
    '{"name": "\\ud800"}',
    '{"\\ud800": "x"}',
    '{"grant_type": "\\udfff", "type": ["\\ud800", NaN], "adFormat": "\\ud800"}',
    "[" * 10_000,
]


@pytest.mark.parametrize(("method", "path", "media"), WRITES)
@pytest.mark.parametrize("body", BODIES)
async def test_every_surface_answers_unprintable_input_with_a_4xx_in_its_shape(
    client: httpx.AsyncClient, advertiser: Actor, method: str, path: str, media: str, body: str
) -> None:
    response = await client.request(
        method,
        path,
        content=body.encode("utf-8", "surrogatepass"),
        headers={**advertiser.headers, "Content-Type": "application/json"},
    )
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"].startswith(media)
    json.loads(response.content)  # strict JSON, in UTF-8
