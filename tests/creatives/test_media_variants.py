"""The media-backed variants: an image banner, an HTML5 banner, a native ad and an uploaded
video, built on real uploads (tests/media/files.py makes the files)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.creatives.helpers import create
from tests.media import files
from tests.support.native import API, assert_problem

NS = {"v": "http://www.iab.com/VAST"}
CLICK = "https://shop.example/landing?a=1&b=2"


async def upload(client: httpx.AsyncClient, actor: Actor, name: str, data: bytes) -> dict[str, Any]:
    response = await client.post(
        f"{API}/media", files={"file": (name, data)}, headers=actor.headers
    )
    assert response.status_code == 201, response.text
    media: dict[str, Any] = response.json()
    return media


def body(content: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"name": "Media creative", "content": content, "bid_price": "2", **fields}


async def test_an_image_banner_takes_its_size_from_the_image(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    image = await upload(client, advertiser, "b.png", files.image(300, 250))
    made = await create(
        client,
        advertiser.headers,
        body({"variant": "banner_image", "media_id": image["id"], "click_url": CLICK}),
    )
    assert (made["type"], made["size"]) == ("banner", {"width": 300, "height": 250})
    assert [(m["role"], m["media_id"], m["url"]) for m in made["media"]] == [
        ("main", image["id"], image["url"])
    ]
    assert f'src="{image["url"]}"' in made["markup"]
    assert 'href="https://shop.example/landing?a=1&amp;b=2"' in made["markup"]
    page = await client.get(f"{API}/creatives/{made['id']}/preview", headers=advertiser.headers)
    assert f'<img src="{image["url"]}" width="300" height="250"' in page.text


async def test_a_given_size_wins_over_the_images(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    image = await upload(client, advertiser, "b.png", files.image(300, 250))
    made = await create(
        client,
        advertiser.headers,
        body(
            {"variant": "banner_image", "media_id": image["id"], "click_url": CLICK},
            size={"width": 320, "height": 50},
        ),
    )
    assert made["size"] == {"width": 320, "height": 50}


async def test_an_html5_banner_frames_its_bundle(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    bundle = await upload(client, advertiser, "rich.zip", files.bundle())
    made = await create(
        client,
        advertiser.headers,
        body(
            {"variant": "banner_html5", "media_id": bundle["id"], "mraid_versions": [3, 1, 1]},
            size={"width": 320, "height": 480},
        ),
    )
    assert made["content"]["mraid_versions"] == [1, 3]
    assert made["markup"].startswith(f'<iframe src="{bundle["url"]}" width="320" height="480"')
    page = await client.get(f"{API}/creatives/{made['id']}/preview", headers=advertiser.headers)
    assert f'src="{bundle["url"]}" sandbox="allow-scripts' in page.text


async def test_a_native_ad_is_laid_out_with_its_assets(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    logo = await upload(client, advertiser, "logo.png", files.image(64, 64))
    image = await upload(client, advertiser, "main.png", files.image(1200, 627))
    content = {
        "variant": "native",
        "title": "Spring sale",
        "text": "Everything half price <today>",
        "sponsor": "Shop & Co",
        "call_to_action": "Buy now",
        "logo_media_id": logo["id"],
        "image_media_id": image["id"],
        "click_url": CLICK,
        "display_url": "https://shop.example/",
        "impression_trackers": ["https://t.example/imp"],
    }
    made = await create(client, advertiser.headers, body(content))
    assert (made["type"], made["size"], made["markup"]) == (
        "native",
        {"width": 1200, "height": 627},
        None,
    )
    assert {m["role"]: m["media_id"] for m in made["media"]} == {
        "image": image["id"],
        "logo": logo["id"],
    }
    assert made["content"] == content
    page = await client.get(f"{API}/creatives/{made['id']}/preview", headers=advertiser.headers)
    for piece in (
        "Spring sale",
        "Everything half price &lt;today&gt;",
        "Shop &amp; Co",
        "Buy now",
        logo["url"],
        image["url"],
    ):
        assert piece in page.text


async def test_an_uploaded_video_gets_a_generated_vast(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    video = await upload(client, advertiser, "clip.mp4", files.mp4(640, 360, 15_250))
    made = await create(
        client,
        advertiser.headers,
        body({"variant": "video_media", "media_id": video["id"], "click_url": CLICK}),
    )
    assert (made["type"], made["size"]) == ("video", {"width": 640, "height": 360})
    response = await client.get(f"{API}/creatives/{made['id']}/vast", headers=advertiser.headers)
    assert response.status_code == 200
    assert response.text == made["markup"]
    root = ET.fromstring(response.text)
    assert root.get("version") == "4.0"
    linear = root.find("v:Ad/v:InLine/v:Creatives/v:Creative/v:Linear", NS)
    assert linear is not None
    assert linear.findtext("v:Duration", namespaces=NS) == "00:00:15.250"
    media_file = linear.find("v:MediaFiles/v:MediaFile", NS)
    assert media_file is not None
    assert (media_file.text, media_file.get("type")) == (video["url"], video["mime_type"])
    assert (media_file.get("width"), media_file.get("height")) == ("640", "360")
    assert linear.findtext("v:VideoClicks/v:ClickThrough", namespaces=NS) == CLICK
    page = await client.get(f"{API}/creatives/{made['id']}/preview", headers=advertiser.headers)
    assert f'src="{video["url"]}"' in page.text
    assert '<video id="ad-video"' in page.text


@pytest.mark.parametrize(
    ("variant", "field", "wrong"),
    [
        ("banner_image", "content.media_id", "video"),
        ("banner_html5", "content.media_id", "image"),
        ("video_media", "content.media_id", "image"),
        ("native", "content.image_media_id", "video"),
    ],
)
async def test_media_of_the_wrong_kind_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, variant: str, field: str, wrong: str
) -> None:
    data = {"video": ("clip.mp4", files.mp4()), "image": ("a.png", files.image())}[wrong]
    media = await upload(client, advertiser, *data)
    key = field.removeprefix("content.")
    content = {"variant": variant, key: media["id"], "click_url": CLICK}
    response = await client.post(
        f"{API}/creatives",
        json=body(content, size={"width": 300, "height": 250}),
        headers=advertiser.headers,
    )
    problem = assert_problem(response, 422, field=field)
    assert f"is a{'n' if wrong == 'image' else ''} {wrong}" in problem["detail"]
    assert (await client.get(f"{API}/creatives", headers=advertiser.headers)).json()["total"] == 0


async def test_another_accounts_media_is_refused_like_missing_media(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, admin: Actor
) -> None:
    theirs = await upload(client, other_advertiser, "a.png", files.image())
    answers = []
    for media_id in (theirs["id"], 987654):
        content = {"variant": "banner_image", "media_id": media_id, "click_url": CLICK}
        response = await client.post(
            f"{API}/creatives", json=body(content), headers=advertiser.headers
        )
        problem = assert_problem(response, 422, field="content.media_id")
        answers.append(problem["detail"].replace(str(media_id), "N"))
    assert answers[0] == answers[1]
    # An admin sees every account's media, but a creative shows its own account's only.
    content = {"variant": "banner_image", "media_id": theirs["id"], "click_url": CLICK}
    response = await client.post(
        f"{API}/creatives",
        json=body(content, account_id=advertiser.account_id),
        headers=admin.headers,
    )
    assert_problem(response, 422, field="content.media_id")


async def test_new_media_decide_the_size_again(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    small = await upload(client, advertiser, "s.png", files.image(300, 250))
    large = await upload(client, advertiser, "l.png", files.image(728, 90))
    made = await create(
        client,
        advertiser.headers,
        body({"variant": "banner_image", "media_id": small["id"], "click_url": CLICK}),
    )
    response = await client.patch(
        f"{API}/creatives/{made['id']}",
        json={"content": {"variant": "banner_image", "media_id": large["id"], "click_url": CLICK}},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["size"] == {"width": 728, "height": 90}
    assert response.json()["media"][0]["url"] == large["url"]
