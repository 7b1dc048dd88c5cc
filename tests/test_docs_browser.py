"""Every surface's docs page renders in a real browser that can reach nothing but loopback.

A headless Chromium (Debian's ``chromium`` package; ``make install`` installs it in CI) loads
``<surface>/docs`` from a real ``adplane serve``. Every host name but 127.0.0.1 resolves to
nothing (``--host-resolver-rules``), so a page that still fetched Swagger UI from a CDN would
stay blank. The test then asserts, from the DOM the browser rendered (``--dump-dom`` once the
page is idle, under ``--virtual-time-budget``), that Swagger UI drew one operation block per
path of the surface's document, and, from the browser's network log, that every request the
page made went to the server on loopback.

One browser launch per surface, bounded by a timeout. Where Chromium is missing the test
fails under CI (``CI`` set, as ``.ci/run`` sets it) and is skipped, saying why, elsewhere.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from adplane.app import create_app
from adplane.settings import Settings
from tests.conftest import TEST_SECRET, Harness
from tests.support.server import LiveServer
from tests.support.surfaces import surfaces

pytestmark = pytest.mark.e2e

SURFACES = surfaces(
    create_app(Settings(env="test", secret_key=TEST_SECRET, database_url="sqlite+aiosqlite://"))
)
BY_PREFIX = pytest.mark.parametrize("prefix", [s.prefix for s in SURFACES])
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
LAUNCH_TIMEOUT = 90
# Virtual time: the page runs until idle (network waits do not count) for at most this long.
RENDER_BUDGET_MS = 10_000
# The request a network-log entry names, and who started it: the page (its origin) or the
# browser itself (background services, which are switched off as far as flags allow).
BROWSER_INITIATED = "not an origin"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _chromium() -> str:
    override = os.environ.get("ADPLANE_TEST_CHROMIUM")
    found = override or next(filter(None, map(shutil.which, BROWSERS)), None)
    if found:
        return found
    reason = (
        "no headless browser to load the docs pages: install Debian's chromium "
        "(apt-get install chromium; `make install` does it in CI) or set ADPLANE_TEST_CHROMIUM"
    )
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def docs_server(harness: Harness) -> LiveServer:
    """The docs do not depend on the control database: the SQLite server is enough."""
    return harness.live_server("sqlite")


@pytest.fixture(scope="module")
def ready(docs_server: LiveServer) -> LiveServer:
    """Every document built once before any browser asks for one (the first build of a
    large document is slow, and a page waiting on it is not what is under test)."""
    with httpx.Client(base_url=docs_server.base_url, timeout=60) as http:
        for surface in SURFACES:
            http.get(surface.openapi_url).raise_for_status()
    return docs_server


def _load(chromium: str, url: str, workdir: Path) -> tuple[str, list[tuple[str, str]]]:
    """The DOM the page rendered, and (url, initiator) of every request the browser made."""
    netlog = workdir / "netlog.json"
    command = [
        chromium,
        "--headless",
        # Root in CI and containers; the page is our own, the sandbox guards against others'.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={workdir / 'profile'}",
        # Nothing but loopback resolves: a CDN asset fails to load.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--log-net-log={netlog}",
        f"--virtual-time-budget={RENDER_BUDGET_MS}",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=LAUNCH_TIMEOUT, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, _requests(json.loads(netlog.read_text()))


def _requests(log: dict[str, Any]) -> list[tuple[str, str]]:
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        (str(event["params"]["url"]), str(event["params"].get("initiator", "")))
        for event in log["events"]
        if event["type"] == start and "url" in event.get("params", {})
    ]


@BY_PREFIX
def test_the_docs_page_renders_every_operation_with_no_network_beyond_loopback(
    prefix: str, chromium: str, ready: LiveServer, tmp_path: Path
) -> None:
    surface = next(s for s in SURFACES if s.prefix == prefix)
    dom, requests = _load(chromium, f"{ready.base_url}{prefix}/docs", tmp_path)

    document = httpx.get(ready.base_url + surface.openapi_url, timeout=30).json()
    rendered = {html.unescape(p) for p in re.findall(r'\bdata-path="([^"]*)"', dom)}
    assert 'class="opblock' in dom, "Swagger UI drew no operation"
    assert rendered == set(document["paths"])

    by_page = [(url, who) for url, who in requests if who != BROWSER_INITIATED]
    left_loopback = [url for url, _ in by_page if urlsplit(url).hostname not in LOOPBACK]
    assert left_loopback == []
    fetched = {urlsplit(url).path for url, _ in by_page}
    assert surface.openapi_url in fetched
    assert f"{prefix}/docs/assets/swagger-ui-bundle.js" in fetched
