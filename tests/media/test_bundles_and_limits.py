"""HTML5 bundles and size limits: zip bombs, file counts, folders, oversize uploads (413)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from adplane.app import create_app
from adplane.kit.db import Database
from adplane.settings import Settings
from tests.conftest import Actor
from tests.media import files
from tests.media.test_endpoints import public_path, stored, upload
from tests.support.native import API, assert_problem

MIB = 1 << 20


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # Small limits, so the tests send kilobytes rather than the defaults' megabytes.
    return settings.model_copy(
        update={
            "media_max_bytes": 200_000,
            "media_max_html_bytes": 50_000,
            "media_max_unpacked_bytes": 1 * MIB,
            "media_max_bundle_files": 20,
        }
    )


@pytest.fixture
async def client(settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    application = create_app(settings, database=database)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c


async def refused(
    client: httpx.AsyncClient, actor: Actor, settings: Settings, name: str, data: bytes, status: int
) -> dict[str, Any]:
    problem = assert_problem(await upload(client, actor, name, data), status)
    assert stored(settings) == []
    listing = await client.get(f"{API}/media", headers=actor.headers)
    assert listing.json()["total"] == 0
    return problem


async def test_a_zip_bomb_is_refused_by_its_declared_size(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    data = files.bomb(20 * MIB)
    assert len(data) < 50_000  # small on the wire, twenty megabytes unpacked
    problem = await refused(client, advertiser, settings, "bomb.zip", data, 413)
    assert "unpacks" in problem["detail"]


async def test_a_zip_bomb_that_lies_about_its_size_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    # Its headers declare ten bytes; reading stops there and the checksum gives it away.
    data = files.lying_bomb(5 * MIB)
    problem = await refused(client, advertiser, settings, "bomb.zip", data, 422)
    assert "padding.bin" in problem["detail"]


async def test_a_bundle_with_too_many_files_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    entries = {"index.html": b"<p>", **{f"f{i}.js": b"1" for i in range(25)}}
    problem = await refused(client, advertiser, settings, "many.zip", files.bundle(entries), 422)
    assert "at most 20 files" in problem["detail"]


async def test_an_oversized_zip_is_a_413(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    entries = {"index.html": b"<p>", "noise.bin": _noise(80_000)}
    problem = await refused(client, advertiser, settings, "big.zip", files.bundle(entries), 413)
    assert "50000" in problem["detail"]


async def test_an_oversized_image_is_a_413(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    data = files.image(2, 2) + _noise(250_000)
    await refused(client, advertiser, settings, "big.png", data, 413)


async def test_a_body_past_the_route_limit_is_a_413_problem(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    response = await client.post(
        f"{API}/media",
        content=_noise(3 * MIB),
        params={"filename": "x.mp4"},
        headers=advertiser.headers,
    )
    assert_problem(response, 413)
    assert stored(settings) == []


async def test_a_bundle_inside_one_folder_serves_that_folders_index(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    entries = {
        "TEST/index.html": files.INDEX_HTML,
        "TEST/app.js": b"1;",
        "__MACOSX/TEST/._index.html": b"resource fork",
    }
    response = await upload(client, advertiser, "test-html.zip", files.bundle(entries))
    assert response.status_code == 201, response.text
    asset = response.json()
    assert asset["path"] == "TEST/index.html"
    assert asset["file_count"] == 2  # the macOS resource forks are not part of the ad
    assert asset["url"].endswith("/TEST/index.html")
    served = await client.get(public_path(asset["url"]))
    assert served.content == files.INDEX_HTML
    fork = await client.get(public_path(asset["url"]).replace("TEST/index.html", "__MACOSX"))
    assert fork.status_code == 404


async def test_a_folder_without_index_is_still_refused(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    entries = {"TEST/main.html": b"<p>", "other/index.html": b"<p>"}
    problem = await refused(client, advertiser, settings, "a.zip", files.bundle(entries), 422)
    assert "index.html" in problem["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/{key}/..%2F..%2Fadplane.sqlite3",
        "/media/{key}/%2E%2E/%2E%2E/adplane.sqlite3",
        "/media/..%2F{key}/index.html",
        "/media/{key}/%2Fetc%2Fpasswd",
        "/media/.staging/index.html",
        "/media/{key}/",
        "/media/{key}/img",
    ],
)
async def test_public_urls_never_reach_outside_the_asset(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings, path: str
) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "adplane.sqlite3").write_bytes(b"not for the public")
    asset = (await upload(client, advertiser, "ad.zip", files.bundle())).json()
    key = asset["url"].split("/media/")[1].split("/")[0]
    url = httpx.URL("http://testserver" + path.format(key=key))
    response = await client.get(url)
    assert response.status_code == 404, (url, response.text)
    assert b"not for the public" not in response.content


def _noise(size: int) -> bytes:
    # Incompressible bytes, so a zip of them stays large.
    import random

    return random.Random(7).randbytes(size)
