"""Operability against a real ``adplane serve``: banner, request logs, metrics, limits."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from typing import Any

import httpx

from tests.support.server import LiveServer, new_user


def server_log(server: LiveServer) -> Path:
    return Path(server.env["ADPLANE_DATA_DIR"]) / f"server-{server.port}.log"


def request_lines(server: LiveServer) -> list[dict[str, Any]]:
    lines = []
    for raw in server_log(server).read_text().splitlines():
        if raw.startswith("{"):
            entry = json.loads(raw)
            if entry.get("logger") == "adplane.requests":
                lines.append(entry)
    return lines


def test_the_banner_lists_every_surface_with_its_auth(live_server: LiveServer) -> None:
    text = server_log(live_server).read_text()
    for prefix, auth in (
        ("/api/v1", "Bearer"),
        ("/trafficstars", "Bearer"),
        ("/instal", "Token"),
        ("/topsort", "Bearer"),
    ):
        line = next(
            line for line in text.splitlines() if f"{live_server.base_url}{prefix} " in line
        )
        assert f"auth: {auth}" in line
    assert f"{live_server.base_url}/metrics" in text


def test_each_request_is_logged_as_one_json_line(live_server: LiveServer) -> None:
    user = new_user(live_server)
    request_id = f"ops-log-{live_server.port}-{time.monotonic_ns()}"
    response = httpx.get(
        f"{live_server.base_url}/api/v1/campaigns/987654",
        headers={**user.headers, "X-Request-Id": request_id},
    )
    assert response.status_code == 404
    assert response.headers["x-request-id"] == request_id
    assert response.json()["request_id"] == request_id
    deadline = time.monotonic() + 10
    entry = None
    while entry is None and time.monotonic() < deadline:
        entry = next((e for e in request_lines(live_server) if e["request_id"] == request_id), None)
        time.sleep(0.05)
    assert entry is not None
    assert entry["method"] == "GET"
    assert entry["route"] == "/api/v1/campaigns/{id}"
    assert entry["path"] == "/api/v1/campaigns/987654"
    assert entry["status"] == 404
    assert entry["duration_ms"] >= 0
    assert entry["account_id"] == user.account_id
    assert entry["user_id"] == user.user_id
    assert entry["level"] == "info"


def test_metrics_are_served_in_the_prometheus_format(live_server: LiveServer) -> None:
    httpx.get(f"{live_server.base_url}/healthz")
    response = httpx.get(f"{live_server.base_url}/metrics")
    assert response.status_code == 200
    text = response.text
    assert "# TYPE adplane_http_requests_total counter" in text
    assert "# TYPE adplane_http_request_duration_seconds histogram" in text
    assert 'adplane_http_requests_total{method="GET",route="/healthz",status="200"}' in text
    for name in (
        "adplane_event_log_depth_events",
        "adplane_event_log_load_lag_seconds",
        "adplane_events_loaded_total",
    ):
        assert name in text


def test_an_oversized_body_is_refused_before_it_is_read(live_server: LiveServer) -> None:
    user = new_user(live_server)
    # Declared larger than the 10 MiB default; only the start is sent, and the answer comes
    # without the server waiting for (or buffering) the rest.
    head = (
        "POST /api/v1/campaigns HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{live_server.port}\r\n"
        f"Authorization: Bearer {user.api_key}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {11 << 20}\r\n"
        "Connection: close\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", live_server.port), timeout=10) as conn:
        conn.sendall(head.encode() + b'{"name": "' + b"x" * 65536)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = conn.recv(65536)
            if not chunk:
                break
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.split()[1] == b"413"
    headers, _, body = rest.partition(b"\r\n\r\n")
    assert b"application/problem+json" in headers.lower()
    assert json.loads(body)["status"] == 413


def test_repeated_wrong_passwords_get_429(live_server: LiveServer) -> None:
    user = new_user(live_server)
    url = f"{live_server.base_url}/api/v1/auth/token"
    statuses = [
        httpx.post(url, json={"email": user.email, "password": "not-it"}).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429
    refused = httpx.post(url, json={"email": user.email, "password": user.password})
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) > 0
