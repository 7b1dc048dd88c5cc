"""Native media API: uploads of real files read back with their dimensions, public URLs,
tenancy, and nothing left behind by a refused file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from adplane.settings import Settings
from tests.conftest import Actor
from tests.media import files
from tests.support.native import API, assert_problem

JSON = {"content-type": "application/json"}


def stored(settings: Settings) -> list[str]:
    """Every file under the media directory (staging included), relative to it."""
    root = settings.data_dir / "media"
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


async def upload(
    client: httpx.AsyncClient, actor: Actor, name: str, data: bytes, **params: Any
) -> httpx.Response:
    return await client.post(
        f"{API}/media", files={"file": (name, data)}, params=params, headers=actor.headers
    )


def public_path(url: str) -> str:
    assert url.startswith("http://testserver/media/"), url
    return url.removeprefix("http://testserver")


async def test_a_png_is_stored_with_its_dimensions_and_served_publicly(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    data = files.image(300, 250)
    response = await upload(client, advertiser, "banner.png", data)
    assert response.status_code == 201, response.text
    asset = response.json()
    assert asset["kind"] == "image"
    assert (asset["width"], asset["height"]) == (300, 250)
    assert asset["mime_type"] == "image/png"
    assert asset["size_bytes"] == len(data)
    assert asset["filename"] == "banner.png"
    assert asset["account_id"] == advertiser.account_id
    served = await client.get(public_path(asset["url"]))  # no credentials
    assert served.status_code == 200
    assert served.content == data
    assert served.headers["content-type"] == "image/png"


async def test_a_jpeg_is_read_back_with_its_dimensions(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await upload(client, advertiser, "photo.jpeg", files.image(64, 48, "JPEG"))
    assert response.status_code == 201, response.text
    asset = response.json()
    assert (asset["width"], asset["height"], asset["mime_type"]) == (64, 48, "image/jpeg")
    assert asset["url"].endswith(".jpg")


async def test_an_mp4_is_read_back_with_duration_bitrate_and_frame_size(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    data = files.mp4(width=640, height=360, duration_ms=4000, payload_bytes=50_000)
    response = await upload(client, advertiser, "spot.mp4", data)
    assert response.status_code == 201, response.text
    asset = response.json()
    assert asset["kind"] == "video"
    assert (asset["width"], asset["height"]) == (640, 360)
    assert asset["duration_ms"] == 4000
    assert asset["bitrate"] == len(data) * 8 // 4  # bits per second over 4 s
    assert asset["mime_type"] == "video/mp4"
    served = await client.get(public_path(asset["url"]))
    assert served.content == data
    assert served.headers["content-type"] == "video/mp4"


async def test_an_html5_bundle_serves_its_files_under_its_url(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await upload(client, advertiser, "ad.zip", files.bundle())
    assert response.status_code == 201, response.text
    asset = response.json()
    assert asset["kind"] == "html"
    assert asset["path"] == "index.html"
    assert asset["file_count"] == 3
    index = await client.get(public_path(asset["url"]))
    assert index.status_code == 200
    assert index.content == files.INDEX_HTML
    assert index.headers["content-type"].startswith("text/html")
    assert "sandbox" in index.headers["content-security-policy"]
    script = await client.get(public_path(asset["url"]).replace("index.html", "app.js"))
    assert script.text == "console.log('ad');"
    assert "javascript" in script.headers["content-type"]
    logo = await client.get(public_path(asset["url"]).replace("index.html", "img/logo.png"))
    assert logo.headers["content-type"] == "image/png"


async def test_a_raw_body_upload_is_accepted_even_under_a_json_content_type(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    data = files.image(10, 10)
    response = await client.post(
        f"{API}/media",
        params={"filename": "test-image.png", "kind": "image"},
        content=data,
        headers={**advertiser.headers, **JSON},
    )
    assert response.status_code == 201, response.text
    assert response.json()["filename"] == "test-image.png"
    assert (response.json()["width"], response.json()["height"]) == (10, 10)


async def test_a_multipart_body_under_a_json_content_type_is_read(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    request = client.build_request(
        "POST", f"{API}/media", files={"file": ("clip.mp4", files.mp4())}
    )
    body = request.read()
    response = await client.post(
        f"{API}/media", content=body, headers={**advertiser.headers, **JSON}
    )
    assert response.status_code == 201, response.text
    assert response.json()["filename"] == "clip.mp4"
    assert response.json()["kind"] == "video"


async def test_get_list_and_delete(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    image = (await upload(client, advertiser, "a.png", files.image())).json()
    video = (await upload(client, advertiser, "b.mp4", files.mp4())).json()
    got = await client.get(f"{API}/media/{image['id']}", headers=advertiser.headers)
    assert got.json() == image
    listing = await client.get(f"{API}/media", headers=advertiser.headers)
    assert listing.json()["total"] == 2
    assert [a["id"] for a in listing.json()["items"]] == [image["id"], video["id"]]
    videos = await client.get(f"{API}/media", params={"kind": "video"}, headers=advertiser.headers)
    assert [a["id"] for a in videos.json()["items"]] == [video["id"]]
    deleted = await client.delete(f"{API}/media/{image['id']}", headers=advertiser.headers)
    assert deleted.status_code == 204
    assert_problem(await client.get(f"{API}/media/{image['id']}", headers=advertiser.headers), 404)
    assert (await client.get(public_path(image["url"]))).status_code == 404
    assert not any(image["url"].split("/")[-2] in name for name in stored(settings))


async def test_another_accounts_media_is_not_found_and_an_admin_sees_it(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, admin: Actor
) -> None:
    asset = (await upload(client, advertiser, "a.png", files.image())).json()
    for method in ("GET", "DELETE"):
        foreign = await client.request(
            method, f"{API}/media/{asset['id']}", headers=other_advertiser.headers
        )
        missing = await client.request(
            method, f"{API}/media/987654321", headers=other_advertiser.headers
        )
        assert foreign.status_code == missing.status_code == 404
        assert foreign.json()["detail"].replace(str(asset["id"]), "N") == missing.json()[
            "detail"
        ].replace("987654321", "N")
    listing = await client.get(f"{API}/media", headers=other_advertiser.headers)
    assert listing.json()["items"] == []
    filtered = await client.get(
        f"{API}/media",
        params={"account_id": advertiser.account_id},
        headers=other_advertiser.headers,
    )
    assert filtered.json()["items"] == []
    seen = await client.get(f"{API}/media/{asset['id']}", headers=admin.headers)
    assert seen.status_code == 200
    everyone = await client.get(f"{API}/media", headers=admin.headers)
    assert [a["id"] for a in everyone.json()["items"]] == [asset["id"]]
    still = await client.get(f"{API}/media/{asset['id']}", headers=advertiser.headers)
    assert still.status_code == 200


async def test_an_admin_uploads_for_an_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    refused = await upload(client, admin, "a.png", files.image())
    assert_problem(refused, 422, field="account_id")
    response = await upload(client, admin, "a.png", files.image(), account_id=advertiser.account_id)
    assert response.status_code == 201, response.text
    assert response.json()["account_id"] == advertiser.account_id
    mine = await client.get(f"{API}/media", headers=advertiser.headers)
    assert mine.json()["total"] == 1


BAD_FILES: list[tuple[str, str, bytes, dict[str, str], int]] = [
    ("not an image", "a.png", b"this is plain text, not a picture", {}, 422),
    ("a truncated png", "a.png", files.image(200, 200)[:-40], {}, 422),
    ("a truncated mp4", "a.mp4", files.mp4()[:-5000], {}, 422),
    ("an mp4 cut inside its headers", "a.mp4", files.mp4()[:200], {}, 422),
    ("an image sent as a video", "a.png", files.image(), {"kind": "video"}, 422),
    ("a zip without index.html", "a.zip", files.bundle({"main.html": b"<p>"}), {}, 422),
    ("a zip with ../", "a.zip", files.bundle({"index.html": b"x", "../evil.js": b"x"}), {}, 422),
    (
        "a zip with an absolute path",
        "a.zip",
        files.bundle({"index.html": b"x", "/etc/x": b"x"}),
        {},
        422,
    ),
    ("a zip with a symlink", "a.zip", files.bundle_with_symlink(), {}, 422),
    ("a broken zip", "a.zip", files.bundle()[:-30], {}, 422),
    ("an empty file", "a.png", b"", {}, 422),
]


@pytest.mark.parametrize(
    ("name", "data", "params", "status"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
async def test_a_bad_file_is_refused_and_leaves_nothing_behind(
    client: httpx.AsyncClient,
    advertiser: Actor,
    settings: Settings,
    name: str,
    data: bytes,
    params: dict[str, str],
    status: int,
) -> None:
    response = await upload(client, advertiser, name, data, **params)
    assert_problem(response, status, field="file")
    assert stored(settings) == []
    listing = await client.get(f"{API}/media", headers=advertiser.headers)
    assert listing.json()["total"] == 0


async def test_a_request_without_a_file_is_a_422(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(f"{API}/media", headers=advertiser.headers)
    assert_problem(response, 422, field="file")
    other_field = await client.post(
        f"{API}/media", files={"picture": ("a.png", files.image())}, headers=advertiser.headers
    )
    assert_problem(other_field, 422, field="file")


def test_public_paths_never_leave_the_asset(tmp_path: Path) -> None:
    from adplane.media.storage import LocalStorage

    store = LocalStorage(tmp_path / "media")
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "media" / ("a" * 32)).mkdir(parents=True)
    (tmp_path / "media" / ("a" * 32) / "index.html").write_text("ok")
    assert store.local_path("a" * 32, "index.html") is not None
    for path in ("../../secret.txt", "/etc/passwd", "sub/../../x", "", ".", "a\\..\\b"):
        assert store.local_path("a" * 32, path) is None
    assert store.local_path("../" + "a" * 29, "index.html") is None
