"""Media a live creative shows cannot be deleted: a 409, and nothing is deleted."""

from __future__ import annotations

import httpx

from adplane.settings import Settings
from tests.conftest import Actor
from tests.creatives.helpers import create
from tests.creatives.test_media_variants import CLICK, body, upload
from tests.media import files
from tests.media.test_endpoints import public_path, stored
from tests.support.native import API, assert_problem


def banner(media_id: int) -> dict[str, object]:
    return body({"variant": "banner_image", "media_id": media_id, "click_url": CLICK})


async def test_deleting_media_a_creative_shows_is_a_conflict_and_deletes_nothing(
    client: httpx.AsyncClient, advertiser: Actor, settings: Settings
) -> None:
    image = await upload(client, advertiser, "b.png", files.image(300, 250))
    await create(client, advertiser.headers, banner(image["id"]))
    before = stored(settings)
    response = await client.delete(f"{API}/media/{image['id']}", headers=advertiser.headers)
    problem = assert_problem(response, 409)
    assert str(image["id"]) in problem["detail"]
    kept = await client.get(f"{API}/media/{image['id']}", headers=advertiser.headers)
    assert kept.status_code == 200
    assert stored(settings) == before != []
    shown = await client.get(public_path(image["url"]))
    assert shown.status_code == 200


async def test_media_a_creative_no_longer_shows_can_be_deleted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    old = await upload(client, advertiser, "old.png", files.image(300, 250))
    new = await upload(client, advertiser, "new.png", files.image(300, 250))
    made = await create(client, advertiser.headers, banner(old["id"]))
    changed = await client.patch(
        f"{API}/creatives/{made['id']}",
        json={"content": {"variant": "banner_image", "media_id": new["id"], "click_url": CLICK}},
        headers=advertiser.headers,
    )
    assert changed.status_code == 200, changed.text
    gone = await client.delete(f"{API}/media/{old['id']}", headers=advertiser.headers)
    assert gone.status_code == 204, gone.text
    used = await client.delete(f"{API}/media/{new['id']}", headers=advertiser.headers)
    assert_problem(used, 409)


async def test_media_of_a_deleted_creative_can_be_deleted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    image = await upload(client, advertiser, "b.png", files.image(300, 250))
    made = await create(client, advertiser.headers, banner(image["id"]))
    deleted = await client.delete(f"{API}/creatives/{made['id']}", headers=advertiser.headers)
    assert deleted.status_code == 204, deleted.text
    gone = await client.delete(f"{API}/media/{image['id']}", headers=advertiser.headers)
    assert gone.status_code == 204, gone.text
