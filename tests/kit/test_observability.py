"""Request ids, error bodies, body limits, login throttling, metrics and CORS on the whole app.

The app is the real one (every surface mounted) on both backends; the settings under test are
set small so the limits are reached with small requests.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from adplane.app import create_app
from adplane.kit.db import Database
from adplane.kit.limits import LoginGuard, SlidingWindow
from adplane.kit.observability import request_id_from, route_template
from adplane.settings import Settings
from tests.conftest import FACTORY_PASSWORD, Actor, Factory
from tests.events.helpers import event, post_events
from tests.support.native import create_campaign

LIMIT = 2048


@pytest.fixture
def small_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "max_body_bytes": LIMIT,
            "max_events_body_bytes": LIMIT * 8,
            "login_attempts_per_account": 3,
            "login_attempts_per_address": 5,
            "cors_origins": "https://console.example, https://other.example",
        }
    )


@pytest.fixture
async def http(small_settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    application = create_app(small_settings, database=database)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c


# Requests that fail in each surface, each in that surface's own error shape.
FAILURES = [
    ("GET", "/api/v1/campaigns/424242"),
    ("GET", "/api/v1/no/such/route"),
    ("GET", "/trafficstars/v1.1/campaigns/424242"),
    ("GET", "/trafficstars/no/such/route"),
    ("GET", "/instal/advertiser/api/v1/campaigns/424242"),
    ("GET", "/topsort/public/v1/campaign-service/campaigns/00000000-0000-0000-0000-000000000000"),
]


@pytest.mark.parametrize(("method", "path"), FAILURES)
async def test_every_error_body_carries_the_request_id(
    http: httpx.AsyncClient, admin: Actor, method: str, path: str
) -> None:
    headers = {**admin.headers, "X-Request-Id": "trace-1234.abc"}
    if path.startswith("/instal"):
        headers["Authorization"] = f"Token {admin.api_key}"
    response = await http.request(method, path, headers=headers)
    assert response.status_code >= 400
    assert response.headers["x-request-id"] == "trace-1234.abc"
    body = response.json()
    assert body["request_id"] == "trace-1234.abc"
    assert int(response.headers["content-length"]) == len(response.content)


async def test_a_request_id_is_generated_when_none_or_a_bad_one_is_sent(
    http: httpx.AsyncClient, admin: Actor
) -> None:
    first = await http.get("/api/v1/me", headers=admin.headers)
    second = await http.get("/api/v1/me", headers={**admin.headers, "X-Request-Id": "x" * 200})
    ids = [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert ids[0] != ids[1]
    assert all(len(i) == 32 for i in ids)
    # A success body is left exactly as the surface wrote it.
    assert "request_id" not in first.json()


def test_only_sane_request_ids_are_kept() -> None:
    assert request_id_from([(b"x-request-id", b"abc-DEF_1.2:3")]) == "abc-DEF_1.2:3"
    for bad in (b"", b"has space", b"a" * 129, b"new\nline", b"\xff\xfe"):
        assert request_id_from([(b"x-request-id", bad)]) != bad.decode("latin-1")


def oversized() -> bytes:
    return json.dumps({"name": "x" * (LIMIT * 2)}).encode()


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/api/v1/campaigns", "problem"),
        ("/trafficstars/v1.1/campaigns", "trafficstars"),
        ("/topsort/public/v1/campaign-service/campaigns", "detail"),
    ],
)
async def test_an_oversized_body_is_a_413_in_the_surface_shape(
    http: httpx.AsyncClient, admin: Actor, path: str, shape: str
) -> None:
    headers = {**admin.headers, "Content-Type": "application/json"}
    response = await http.post(path, content=oversized(), headers=headers)
    assert response.status_code == 413
    body = response.json()
    if shape == "problem":
        assert response.headers["content-type"].startswith("application/problem+json")
        assert body["status"] == 413
        assert body["title"] == "Payload too large"
    elif shape == "trafficstars":
        assert body["code"] == 413
        assert set(body) == {"code", "error", "message", "errors", "request_id"}
    else:
        assert isinstance(body["detail"], str)
    assert "request_id" in body


async def test_a_streamed_body_is_cut_off_at_the_limit(
    http: httpx.AsyncClient, admin: Actor
) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(1000):
            sent += 1
            yield b" " * 512

    response = await http.post(
        "/api/v1/campaigns",
        content=chunks(),
        headers={**admin.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    # The server stopped reading soon after the limit, not at the end of the stream.
    assert sent < 20


async def test_event_ingestion_has_its_own_larger_limit(
    http: httpx.AsyncClient, admin: Actor
) -> None:
    body = json.dumps({"events": [], "padding": "x" * (LIMIT * 2)}).encode()
    response = await http.post(
        "/api/v1/events",
        content=body,
        headers={**admin.headers, "Content-Type": "application/json"},
    )
    assert response.status_code != 413
    too_big = json.dumps({"events": [], "padding": "x" * (LIMIT * 9)}).encode()
    response = await http.post(
        "/api/v1/events",
        content=too_big,
        headers={**admin.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 413


async def login(http: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await http.post("/api/v1/auth/token", json={"email": email, "password": password})


async def test_failed_logins_are_limited_per_account(
    http: httpx.AsyncClient, advertiser: Actor
) -> None:
    for _ in range(3):
        assert (await login(http, advertiser.email, "wrong-password")).status_code == 401
    refused = await login(http, advertiser.email.upper(), FACTORY_PASSWORD)
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) > 0
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["status"] == 429


async def test_failed_logins_are_limited_per_address(
    http: httpx.AsyncClient, factory: Factory
) -> None:
    users = [await factory.advertiser() for _ in range(3)]
    for user in users:
        for _ in range(2):
            await login(http, user.email, "wrong-password")
    # Five failures from this address in all, at most two per account: the address is spent.
    refused = await login(http, "nobody@example.test", "whatever")
    assert refused.status_code == 429
    assert "retry-after" in refused.headers


async def test_a_successful_login_clears_its_account_failures(
    http: httpx.AsyncClient, advertiser: Actor
) -> None:
    for _ in range(2):
        await login(http, advertiser.email, "wrong-password")
    assert (await login(http, advertiser.email, FACTORY_PASSWORD)).status_code == 200
    for _ in range(2):
        assert (await login(http, advertiser.email, "wrong-password")).status_code == 401


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_window_slides() -> None:
    clock = Clock()
    window = SlidingWindow(2, 60, clock)
    window.hit("k")
    clock.now += 30
    window.hit("k")
    assert window.retry_after("k") == pytest.approx(30)
    clock.now += 31
    assert window.retry_after("k") is None


def test_the_guard_names_the_wait() -> None:
    clock = Clock()
    guard = LoginGuard.create(account_limit=1, address_limit=10, window=90, clock=clock)
    guard.failed("A@x.test", "10.0.0.1")
    with pytest.raises(Exception, match="too many") as caught:
        guard.check("a@x.test", "10.0.0.2")
    assert getattr(caught.value, "retry_after", None) == 90


def samples(text: str) -> Iterator[tuple[str, dict[str, str], float]]:
    from prometheus_client.parser import text_string_to_metric_families

    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            yield sample.name, dict(sample.labels), float(sample.value)


async def test_metrics_count_requests_by_route_template_and_status(
    http: httpx.AsyncClient, admin: Actor
) -> None:
    for _ in range(2):
        await http.get("/api/v1/campaigns/424242", headers=admin.headers)
    await http.get("/api/v1/campaigns/9", headers=admin.headers)
    await http.get("/trafficstars/nothing/here")
    response = await http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {
        (name, tuple(sorted(labels.items()))): value
        for name, labels, value in samples(response.text)
    }
    key = (
        "adplane_http_requests_total",
        (("method", "GET"), ("route", "/api/v1/campaigns/{id}"), ("status", "404")),
    )
    assert found[key] == 3
    unmatched = (
        "adplane_http_requests_total",
        (("method", "GET"), ("route", "<unmatched>"), ("status", "404")),
    )
    assert found[unmatched] == 1
    assert any(name == "adplane_http_request_duration_seconds_bucket" for name, _ in found)
    names = {name for name, _ in found}
    assert {
        "adplane_event_log_depth_events",
        "adplane_event_log_depth_segments",
        "adplane_event_log_load_lag_seconds",
        "adplane_events_loaded_total",
    } <= names


async def test_metrics_show_the_events_loaded(http: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(http, advertiser.headers)
    response = await post_events(
        http, advertiser.headers, [event(campaign["id"]) for _ in range(3)]
    )
    assert response.status_code == 202, response.text
    app = http._transport.app  # type: ignore[attr-defined]
    await app.state.events.flush()
    values = {n: v for n, _, v in samples((await http.get("/metrics")).text)}
    assert values["adplane_events_loaded_total"] == 3
    assert values["adplane_event_log_depth_events"] == 0
    assert values["adplane_event_log_depth_segments"] == 0


async def test_cors_is_off_by_default(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/api/v1/me",
        headers={"Origin": "https://console.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in response.headers


async def test_cors_allows_the_configured_origins(http: httpx.AsyncClient, admin: Actor) -> None:
    preflight = await http.options(
        "/api/v1/me",
        headers={"Origin": "https://console.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.headers["access-control-allow-origin"] == "https://console.example"
    actual = await http.get(
        "/api/v1/me", headers={**admin.headers, "Origin": "https://other.example"}
    )
    assert actual.headers["access-control-allow-origin"] == "https://other.example"
    assert "x-request-id" in actual.headers["access-control-expose-headers"].lower()
    stranger = await http.get(
        "/api/v1/me", headers={**admin.headers, "Origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in stranger.headers


def test_an_unmatched_scope_has_no_template() -> None:
    assert route_template({}, "") == "<unmatched>"
