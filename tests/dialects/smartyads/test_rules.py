"""SmartyAds optimization rules and a campaign's rule over adplane.rules."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import Actor
from tests.dialects.smartyads.helpers import BASE
from tests.support.wire import wire_body

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("document_examples.json")).read_text()
)


async def _domain_list(client: httpx.AsyncClient, actor: Actor, *, white: bool = False) -> int:
    # The core pairs a blacklist rule with a black list and a whitelist rule with a white one.
    made = await client.post(
        f"{BASE}/filterlist",
        json={"title": "sources", "type": "domain", "isInclude": white},
        headers=actor.headers,
    )
    assert made.status_code == 200, made.text
    lid: int = made.json()["data"]["id"]
    return lid


async def _campaign(client: httpx.AsyncClient, actor: Actor) -> int:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "banner", "name": "c", "aDomain": "a.com"},
        headers=actor.headers,
    )
    cid: int = made.json()["data"]["id"]
    return cid


async def test_the_documents_rule_create_update_and_delete(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    lid = await _domain_list(client, advertiser)
    sent = {**copy.deepcopy(EXAMPLES["9.3"]["request"]), "targetFilterListId": lid}
    made = await client.post(f"{BASE}/optimization-rule", json=sent, headers=advertiser.headers)
    assert made.status_code == 200, made.text
    data = made.json()["data"]
    assert set(data) == set(EXAMPLES["9.3"]["response"]["data"])
    for key in ("name", "timeRange", "then", "targetFilterListId"):
        assert data[key] == sent[key], key
    # C.52: the example's "dspPrice" is the spend.
    assert data["conditions"] == [
        {"condition": "when", "action": "dspSpend", "comparison": ">", "value": "0.5"}
    ]
    native = await client.get(f"/api/v1/rules/{data['id']}", headers=advertiser.headers)
    assert native.status_code == 200, native.text
    assert native.json()["lookback_days"] == 1
    assert native.json()["action"] == "blacklist"
    white = await _domain_list(client, advertiser, white=True)
    update = {**copy.deepcopy(EXAMPLES["9.4"]["request"]), "targetFilterListId": white}
    updated = await client.put(
        f"{BASE}/optimization-rule/{data['id']}", json=update, headers=advertiser.headers
    )
    assert updated.status_code == 200, updated.text
    for key in ("name", "timeRange", "then"):
        assert updated.json()["data"][key] == update[key], key
    listed = await client.get(f"{BASE}/optimization-rule", headers=advertiser.headers)
    assert set(listed.json()["data"][0]) == set(EXAMPLES["9.1"]["response"]["data"][0])
    one = await client.get(f"{BASE}/optimization-rule/{data['id']}", headers=advertiser.headers)
    assert one.json()["data"]["name"] == update["name"]
    deleted = await client.delete(
        f"{BASE}/optimization-rule/{data['id']}", headers=advertiser.headers
    )
    assert deleted.json() == EXAMPLES["9.5"]["response"]


async def test_a_campaigns_rule_is_set_read_and_removed(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    lid = await _domain_list(client, advertiser, white=True)
    cid = await _campaign(client, advertiser)
    rule = await client.post(
        f"{BASE}/optimization-rule",
        json={
            "name": "r",
            "timeRange": "last_3_days",
            "then": "whitelist_source",
            "targetFilterListId": lid,
            "conditions": [
                {"condition": "when", "action": "ctr", "comparison": "<", "value": 1},
                {"condition": "or", "action": "clicks", "comparison": ">", "value": "10"},
            ],
        },
        headers=advertiser.headers,
    )
    rid = rule.json()["data"]["id"]
    linked = await client.post(
        f"{BASE}/campaign/optimization-rule-relation",
        json={"campaignId": cid, "ruleId": rid},
        headers=advertiser.headers,
    )
    assert linked.json() == {"campaignId": cid, "ruleId": rid}
    got = await client.get(
        f"{BASE}/campaign/{cid}/optimization-rule-relation", headers=advertiser.headers
    )
    data = got.json()["data"]
    assert set(data) == set(EXAMPLES["10.1"]["response"]["data"])
    assert data["ownerCampaignId"] == cid
    assert [c["condition"] for c in data["conditions"]] == ["when", "or"]
    removed = await client.delete(
        f"{BASE}/campaign/{cid}/optimization-rule-relation", headers=advertiser.headers
    )
    assert removed.json() == EXAMPLES["10.3"]["response"]
    gone = await client.get(
        f"{BASE}/campaign/{cid}/optimization-rule-relation", headers=advertiser.headers
    )
    assert gone.status_code == 404


async def test_bad_conditions_name_the_smartyads_field(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    lid = await _domain_list(client, advertiser)
    response = await client.post(
        f"{BASE}/optimization-rule",
        json={
            "name": "r",
            "timeRange": "last_day",
            "then": "blacklist_source",
            "targetFilterListId": lid,
            "conditions": [
                {"condition": "and", "action": "reach", "comparison": ">", "value": "x"}
            ],
        },
        headers=advertiser.headers,
    )
    assert response.status_code == 422
    assert {
        "conditions.0.condition",
        "conditions.0.action",
        "conditions.0.value",
    } <= set(wire_body(response)["errors"])


async def test_another_accounts_rule_and_campaign_are_not_found(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    lid = await _domain_list(client, advertiser)
    cid = await _campaign(client, advertiser)
    rule = await client.post(
        f"{BASE}/optimization-rule",
        json={
            "name": "r",
            "timeRange": "last_week",
            "then": "blacklist_source",
            "targetFilterListId": lid,
            "conditions": [{"condition": "when", "action": "ctr", "comparison": "<", "value": 1}],
        },
        headers=advertiser.headers,
    )
    rid = rule.json()["data"]["id"]
    for method, path in (
        ("GET", f"optimization-rule/{rid}"),
        ("DELETE", f"optimization-rule/{rid}"),
        ("GET", f"campaign/{cid}/optimization-rule-relation"),
        ("DELETE", f"campaign/{cid}/optimization-rule-relation"),
    ):
        foreign = await client.request(method, f"{BASE}/{path}", headers=other_advertiser.headers)
        assert foreign.status_code == 404, path
    theirs = await client.get(f"{BASE}/optimization-rule", headers=other_advertiser.headers)
    assert theirs.json()["data"] == []
    own = await _campaign(client, other_advertiser)
    stolen = await client.post(
        f"{BASE}/campaign/optimization-rule-relation",
        json={"campaignId": own, "ruleId": rid},
        headers=other_advertiser.headers,
    )
    assert stolen.status_code == 422
    assert "ruleId" in wire_body(stolen)["errors"]
