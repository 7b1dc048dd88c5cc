"""Creatives assigned to campaigns through SmartyAds, and creative deletion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import Actor
from tests.creatives.helpers import banner_tag, create
from tests.dialects.smartyads.helpers import BASE

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("document_examples.json")).read_text()
)
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


async def _campaign(client: httpx.AsyncClient, actor: Actor) -> int:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "banner", "name": "c", "aDomain": "a.com"},
        headers=actor.headers,
    )
    cid: int = made.json()["data"]["id"]
    return cid


async def test_replace_append_remove_and_list(client: httpx.AsyncClient, advertiser: Actor) -> None:
    cid = await _campaign(client, advertiser)
    ids = [
        (await create(client, advertiser.headers, banner_tag(name=f"b{i}")))["id"] for i in range(3)
    ]
    replaced = await client.post(
        f"{BASE}/campaigns/{cid}/creatives", json={"ids": ids[:2]}, headers=advertiser.headers
    )
    assert replaced.json() == EXAMPLES["6.2"]["response"]
    appended = await client.patch(
        f"{BASE}/campaigns/{cid}/creatives", json={"ids": [ids[2]]}, headers=advertiser.headers
    )
    assert appended.json() == EXAMPLES["6.3"]["response"]
    removed = await client.request(
        "DELETE",
        f"{BASE}/campaigns/{cid}/creatives",
        content=json.dumps({"ids": [ids[0]]}).encode(),
        headers={**advertiser.headers, **FORM},
    )
    assert removed.json() == EXAMPLES["6.4"]["response"]
    listed = await client.get(f"{BASE}/campaigns/{cid}/creatives", headers=advertiser.headers)
    assert listed.status_code == 200, listed.text
    data = listed.json()["data"]
    assert [c["id"] for c in data] == ids[1:]
    assert data[0]["approved"] == "pending"
    assert data[0]["creativeType"] == "banner"
    assert listed.json()["meta"]["pagination"]["per_page"] == 1000
    deleted = await client.request(
        "DELETE",
        f"{BASE}/creatives/{ids[1]}",
        content=b"{}",
        headers={**advertiser.headers, **FORM},
    )
    assert deleted.json() == EXAMPLES["5.12"]["response"]
    after = await client.get(f"{BASE}/campaigns/{cid}/creatives", headers=advertiser.headers)
    assert [c["id"] for c in after.json()["data"]] == [ids[2]]


async def test_another_accounts_creatives_and_campaigns_are_not_found(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    cid = await _campaign(client, advertiser)
    mine = (await create(client, advertiser.headers, banner_tag(name="mine")))["id"]
    own = await _campaign(client, other_advertiser)
    stolen = await client.post(
        f"{BASE}/campaigns/{own}/creatives", json={"ids": [mine]}, headers=other_advertiser.headers
    )
    missing = await client.post(
        f"{BASE}/campaigns/{own}/creatives",
        json={"ids": [999999]},
        headers=other_advertiser.headers,
    )
    assert stolen.status_code == missing.status_code
    assert stolen.status_code in {404, 422}
    listed = await client.get(f"{BASE}/campaigns/{cid}/creatives", headers=other_advertiser.headers)
    assert listed.status_code == 404
    gone = await client.delete(f"{BASE}/creatives/{mine}", headers=other_advertiser.headers)
    assert gone.status_code == 404
