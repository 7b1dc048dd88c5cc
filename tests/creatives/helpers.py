"""Request bodies and calls the creative tests share."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.native import API

TAG = '<a href="https://shop.example/"><img src="https://cdn.example/b.png"></a>'


def banner_tag(**fields: Any) -> dict[str, Any]:
    return {
        "name": "Tag banner",
        "content": {"variant": "banner_tag", "tag": TAG, "mraid_versions": [2]},
        "size": {"width": 320, "height": 50},
        "bid_price": "0.5",
        "frequency_cap": {"count": 3, "period_hours": 24, "per": "ip"},
        "categories": ["IAB1-1", "iab3"],
        **fields,
    }


def video_tag(**fields: Any) -> dict[str, Any]:
    return {
        "name": "VAST tag",
        "content": {
            "variant": "video_tag",
            "vast_url": "https://ads.example/vast.xml?id=7",
            "mime_types": ["video/mp4"],
        },
        "bid_price": "100",
        "categories": ["IAB1"],
        **fields,
    }


async def create(
    client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any]
) -> dict[str, Any]:
    response = await client.post(f"{API}/creatives", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
