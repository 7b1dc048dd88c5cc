"""SmartyAds creative CRUD (sections 5.1-5.11): variants, errors, updates, tenancy."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import Actor
from tests.creatives.helpers import banner_tag, create
from tests.dialects.smartyads.helpers import BASE
from tests.media.files import image
from tests.support.native import API

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("document_examples.json")).read_text()
)


def _example(section: str, **fields: Any) -> dict[str, Any]:
    return {**EXAMPLES[section]["request"], **fields}


async def _image(client: httpx.AsyncClient, actor: Actor, width: int = 30, height: int = 20) -> int:
    made = await client.post(
        f"{BASE}/media-asset/upload/image",
        files={"file": ("i.png", image(width, height), "image/png")},
        headers=actor.headers,
    )
    assert made.status_code == 200, made.text
    media_id: int = made.json()["data"][0]["id"]
    return media_id


async def _post(client: httpx.AsyncClient, actor: Actor, body: dict[str, Any]) -> httpx.Response:
    return await client.post(f"{BASE}/creatives", json=body, headers=actor.headers)


async def test_a_tag_banner_maps_onto_the_core_creative(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = _example(
        "5.5",
        frequencyPeriod=2,
        banner={
            **EXAMPLES["5.5"]["request"]["banner"],
            "apiFramework": 10,
            "bannerType": "inBannerVideo",
        },
        folderId="f-7",
        autoresize=1,
    )
    made = await _post(client, advertiser, body)
    assert made.status_code == 200, made.text
    data = made.json()["data"]
    assert data["relation"]["banner"]["apiFramework"] == 10
    assert data["relation"]["banner"]["bannerType"] == "inBannerVideo"
    assert (data["folderId"], data["autoresize"], data["adaptiveCpm"]) == ("f-7", True, False)
    assert "media" not in data
    native = (await client.get(f"{API}/creatives/{data['id']}", headers=advertiser.headers)).json()
    assert native["content"] == {
        "variant": "banner_tag",
        "tag": body["banner"]["admBody"],
        "click_url": None,
        "mraid_versions": [1, 2, 3],
    }
    assert native["size"] == {"width": 320, "height": 200}
    assert Decimal(native["bid_price"]) == Decimal("0.5")
    assert native["frequency_cap"] == {"count": 1, "period_hours": 48, "per": "user"}
    assert native["categories"] == ["IAB1", "IAB1-1"]
    assert native["extensions"]["smartyads"] == {
        "bannerType": "inBannerVideo",
        "folderId": "f-7",
        "autoresize": True,
    }


async def test_a_banners_media_is_an_image_or_an_html_bundle(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    media_id = await _image(client, advertiser, 30, 20)
    made = await _post(client, advertiser, _example("5.6", mediaId=[media_id]))
    assert made.status_code == 200, made.text
    data = made.json()["data"]
    assert data["size"] == "30 x 20"
    assert data["media"]["id"] == media_id
    assert data["media"]["modifiedUrl"] is None
    native = (await client.get(f"{API}/creatives/{data['id']}", headers=advertiser.headers)).json()
    assert native["content"]["variant"] == "banner_image"
    listed = (await client.get(f"{BASE}/creatives", headers=advertiser.headers)).json()
    assert "modifiedUrl" not in listed["data"][0]["media"]
    assert listed["data"][0]["relation"]["banner"]["main"] is True


async def test_native_and_video_variants(client: httpx.AsyncClient, advertiser: Actor) -> None:
    media_id = await _image(client, advertiser)
    native_body = _example(
        "5.8",
        native={
            **EXAMPLES["5.8"]["request"]["native"],
            "smallImageId": media_id,
            "largeImageId": media_id,
            "impTracker": "https://t.example/i",
        },
    )
    made = await _post(client, advertiser, native_body)
    assert made.status_code == 200, made.text
    relation = made.json()["data"]["relation"]["native"]
    assert relation["impTracker"] == "https://t.example/i"
    assert relation["smallImage"]["width"] == 30
    native_id = made.json()["data"]["id"]
    retitled = await client.patch(
        f"{BASE}/creatives/{native_id}",
        json={"native": {"assetTitle": "New title"}},
        headers=advertiser.headers,
    )
    assert retitled.status_code == 200, retitled.text
    kept = retitled.json()["data"]["relation"]["native"]
    images = ("smallImage", "largeImage")
    assert {k: v for k, v in kept.items() if k not in images} == {
        **{k: v for k, v in relation.items() if k not in images},
        "assetTitle": "New title",
    }
    assert kept["largeImage"]["id"] == media_id
    tag = await _post(
        client,
        advertiser,
        _example(
            "5.9",
            video={
                "sizes": "small",
                "mimeType": ["video/mp4"],
                "admBody": "https://v.example/vast.xml",
                "partyTagFormat": 2,
            },
        ),
    )
    assert tag.status_code == 200, tag.text
    video = tag.json()["data"]["relation"]["video"]
    assert (video["admBody"], video["partyTagFormat"], video["sizes"]) == (
        "https://v.example/vast.xml",
        2,
        "small",
    )
    native = (
        await client.get(f"{API}/creatives/{tag.json()['data']['id']}", headers=advertiser.headers)
    ).json()
    assert native["content"]["vast_url"] == "https://v.example/vast.xml"


async def test_bad_creatives_name_the_smartyads_field(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    foreign = await _image(client, other_advertiser)
    video_media = await _image(client, advertiser)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"creativeType": "banner"}, "name"),
        (_example("5.5", bidPrice=None), "bidPrice"),
        (_example("5.5", categories={}, subCategories={}), "categories"),
        (_example("5.5", creativeType="audio"), "creativeType"),
        (_example("5.5", banner={"admBody": "<b>x</b>"}), "banner.width"),
        (_example("5.6", mediaId=video_media, banner={"width": 1, "height": 1}), "banner.clickUrl"),
        (_example("5.6", mediaId=foreign), "mediaId"),
        (_example("5.10", mediaId=video_media), "mediaId"),
        (_example("5.5", frequencyCap=None), "frequencyCap"),
        (_example("5.5", categories={"IAB999": True}, subCategories={}), "categories"),
        (
            _example("5.5", banner={**EXAMPLES["5.5"]["request"]["banner"], "apiFramework": 4}),
            "banner.apiFramework",
        ),
        (_example("5.8", native={"clickUrl": "nope"}), "native.largeImageId"),
    ]
    for body, field in cases:
        answer = await _post(client, advertiser, body)
        assert answer.status_code == 422, (field, answer.text)
        assert answer.json()["message"] == "The given data was invalid.", field
        assert field in answer.json()["errors"], (field, answer.json())
    listed = (await client.get(f"{BASE}/creatives", headers=advertiser.headers)).json()
    assert listed["data"] == []


async def test_update_is_partial_by_put_and_patch(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = (await _post(client, advertiser, _example("5.5"))).json()["data"]
    path = f"{BASE}/creatives/{made['id']}"
    renamed = await client.put(
        path, json={"name": "new", "isActive": False}, headers=advertiser.headers
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["message"] == "Creative updated."
    data = renamed.json()["data"]
    assert (data["name"], data["isActive"], data["frequencyCap"]) == ("new", False, 1)
    assert data["relation"] == made["relation"]
    off = (await client.patch(path, json={"frequency": 0}, headers=advertiser.headers)).json()
    assert (off["data"]["frequency"], off["data"]["frequencyCap"]) == (False, 0)
    retagged = await client.patch(
        path,
        json={"banner": {"admBody": "<i>t</i>", "width": 300, "height": 250}, "bidPrice": "1.25"},
        headers=advertiser.headers,
    )
    assert retagged.status_code == 200, retagged.text
    banner = retagged.json()["data"]["relation"]["banner"]
    assert (banner["admBody"], banner["width"], retagged.json()["data"]["bidPrice"]) == (
        "<i>t</i>",
        300,
        1.25,
    )
    read_back = await client.put(
        path, json={**retagged.json()["data"], "name": "again"}, headers=advertiser.headers
    )
    assert read_back.status_code == 200, read_back.text
    assert read_back.json()["data"]["relation"] == retagged.json()["data"]["relation"]
    bad = await client.put(path, json={"bidPrice": "x"}, headers=advertiser.headers)
    assert bad.status_code == 422
    assert "bidPrice" in bad.json()["errors"]
    after = (await client.get(path, headers=advertiser.headers)).json()["data"]
    assert after["bidPrice"] == 1.25


async def test_another_accounts_creative_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    mine = (await create(client, advertiser.headers, banner_tag(name="mine")))["id"]
    for method, body in (("GET", None), ("PUT", {"isActive": True}), ("PATCH", {"name": "x"})):
        stolen = await client.request(
            method, f"{BASE}/creatives/{mine}", json=body, headers=other_advertiser.headers
        )
        missing = await client.request(
            method, f"{BASE}/creatives/999999", json=body, headers=other_advertiser.headers
        )
        assert stolen.status_code == missing.status_code == 404
        assert stolen.json()["message"].replace(str(mine), "N") == missing.json()[
            "message"
        ].replace("999999", "N")
    theirs = (await client.get(f"{BASE}/creatives", headers=other_advertiser.headers)).json()
    assert theirs["data"] == []
    assert theirs["meta"]["pagination"]["total"] == 0
    own = (await client.get(f"{BASE}/creatives?per_page=1", headers=advertiser.headers)).json()
    assert [c["id"] for c in own["data"]] == [mine]
    assert own["meta"]["pagination"]["per_page"] == 1
