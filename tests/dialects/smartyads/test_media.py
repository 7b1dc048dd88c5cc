"""SmartyAds media uploads: a real PNG, MP4 and HTML5 zip, their dimensions read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import Actor
from tests.dialects.smartyads.helpers import BASE
from tests.media.files import bundle, image, mp4
from tests.support.wire import wire_body

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("document_examples.json")).read_text()
)
UPLOAD = f"{BASE}/media-asset/upload"


async def test_a_png_comes_back_with_its_dimensions(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{UPLOAD}/image",
        files={"file": ("test-image.png", image(10, 10), "image/png")},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["message"] == "MediaAsset created."
    (asset,) = body["data"]
    assert set(asset) == set(EXAMPLES["4.1"]["response"]["data"][0])
    assert (asset["width"], asset["height"]) == (10, 10)
    assert (asset["mediaType"], asset["originName"], asset["extension"]) == (
        "image",
        "test-image.png",
        "png",
    )
    served = await client.get(asset["url"])
    assert served.status_code == 200
    assert served.content == image(10, 10)


async def test_an_mp4_under_a_json_content_type_reads_duration_and_size(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    # The document's curl sends the upload with Content-type: application/json.
    response = await client.post(
        f"{UPLOAD}/video",
        params={"filename": "test-video.mp4"},
        content=mp4(320, 240, duration_ms=5000),
        headers={**advertiser.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    (asset,) = response.json()["data"]
    assert set(asset) == set(EXAMPLES["4.2"]["response"]["data"][0])
    assert (asset["width"], asset["height"], asset["duration"]) == (320, 240, 5)
    assert asset["durationTime"] == "00:00:05"
    assert asset["mimeType"] == "video/mp4"
    assert asset["bitrate"] > 0


async def test_an_html5_zip_serves_its_index(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.post(
        f"{UPLOAD}/html",
        files={"file": ("test-html.zip", bundle(), "application/zip")},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    (asset,) = response.json()["data"]
    assert set(asset) == set(EXAMPLES["4.3"]["response"]["data"][0])
    assert asset["mediaType"] == "html"
    assert asset["extension"] == "zip"
    assert asset["name"].endswith("index.html")
    served = await client.get(asset["url"])
    assert served.status_code == 200


async def test_a_file_of_the_wrong_kind_is_a_422_naming_file(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{UPLOAD}/video",
        files={"file": ("x.png", image(), "image/png")},
        headers=advertiser.headers,
    )
    assert response.status_code == 422
    assert "file" in wire_body(response)["errors"]
    zip_without_index = await client.post(
        f"{UPLOAD}/html",
        files={"file": ("x.zip", bundle({"other.html": b"<p>"}), "application/zip")},
        headers=advertiser.headers,
    )
    assert zip_without_index.status_code == 422
