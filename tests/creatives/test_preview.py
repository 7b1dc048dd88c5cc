"""The preview page shows the ad itself."""

from __future__ import annotations

from html import escape

import httpx

from tests.conftest import Actor
from tests.creatives.helpers import TAG, banner_tag, create, video_tag
from tests.support.native import API, assert_problem


async def test_a_tag_renders_in_a_sandboxed_frame(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    page = await client.get(f"{API}/creatives/{made['id']}/preview", headers=advertiser.headers)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f'srcdoc="{escape(TAG)}"' in page.text
    assert 'sandbox="allow-scripts' in page.text
    assert "allow-same-origin" not in page.text
    assert 'width="320" height="50"' in page.text
    assert "frame-ancestors" in page.headers["content-security-policy"]


async def test_a_vast_tag_plays_in_a_video_element(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await create(client, advertiser.headers, video_tag())
    page = await client.get(f"{API}/creatives/{made['id']}/preview", headers=advertiser.headers)
    assert '<video id="ad-video"' in page.text
    assert '"url": "https://ads.example/vast.xml?id=7"' in page.text


async def test_markup_cannot_close_the_player_script(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    xml = "<VAST><Ad></Ad></VAST></script><script>alert(1)</script>"
    made = await create(
        client, advertiser.headers, video_tag(content={"variant": "video_tag", "vast_xml": xml})
    )
    page = await client.get(f"{API}/creatives/{made['id']}/preview", headers=advertiser.headers)
    assert "<script>alert(1)" not in page.text


async def test_a_preview_needs_credentials(client: httpx.AsyncClient, advertiser: Actor) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    assert_problem(await client.get(f"{API}/creatives/{made['id']}/preview"), 401)
