"""SmartyAds filter lists, their campaign links and api/parsefile over the core domain."""

from __future__ import annotations

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
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


async def _list(client: httpx.AsyncClient, actor: Actor, **body: Any) -> dict[str, Any]:
    response = await client.post(f"{BASE}/filterlist", json=body, headers=actor.headers)
    assert response.status_code == 200, response.text
    assert response.json()["message"] == "FilterList created."
    data: dict[str, Any] = response.json()["data"]
    return data


async def _campaign(client: httpx.AsyncClient, actor: Actor) -> int:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "banner", "name": "c", "aDomain": "a.com"},
        headers=actor.headers,
    )
    cid: int = made.json()["data"]["id"]
    return cid


async def test_the_documents_create_update_and_delete(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    sent = EXAMPLES["7.3"]["request"]
    data = await _list(client, advertiser, **sent)
    assert (data["title"], data["type"], data["isInclude"]) == (
        sent["title"],
        sent["type"],
        sent["isInclude"],
    )
    assert sorted(data["items"]) == sorted(sent["items"])
    assert data["listCount"] == 5
    assert set(data) == set(EXAMPLES["7.3"]["response"]["data"])
    urls = await _list(client, advertiser, title="urls", type="listUrls", isInclude=False)
    assert urls["type"] == "urls"
    update = EXAMPLES["7.4"]["request"]
    updated = await client.put(
        f"{BASE}/filterlist/{urls['id']}", json=update, headers=advertiser.headers
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert body["message"] == "FilterList updated."
    assert body["data"]["title"] == update["title"]
    assert body["data"]["isInclude"] is True
    assert body["data"]["listCount"] == len(update["items"])
    listed = await client.get(f"{BASE}/filterlist", headers=advertiser.headers)
    assert [x["id"] for x in listed.json()["data"]] == [data["id"], urls["id"]]
    assert set(listed.json()["data"][0]) == set(EXAMPLES["7.1"]["response"]["data"][0])
    assert listed.json()["meta"]["pagination"]["per_page"] == 15
    one = await client.get(f"{BASE}/filterlist/{data['id']}", headers=advertiser.headers)
    assert set(one.json()["data"]) == set(EXAMPLES["7.2"]["response"]["data"])
    deleted = await client.request(
        "DELETE",
        f"{BASE}/filterlist/{data['id']}",
        content=b"{}",
        headers={**advertiser.headers, **FORM},
    )
    assert deleted.json() == EXAMPLES["7.5"]["response"]
    gone = await client.get(f"{BASE}/filterlist/{data['id']}", headers=advertiser.headers)
    assert gone.status_code == 404


async def test_items_are_validated_by_type(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.post(
        f"{BASE}/filterlist",
        json={"title": "x", "type": "ipAdresses", "isInclude": True, "items": ["not an ip"]},
        headers=advertiser.headers,
    )
    assert response.status_code == 422
    assert set(wire_body(response)) == {"message", "errors"}


async def test_campaign_links_replace_append_and_remove(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    cid = await _campaign(client, advertiser)
    ids = [
        (await _list(client, advertiser, title=f"l{i}", type="domain", isInclude=True))["id"]
        for i in range(3)
    ]
    replaced = await client.post(
        f"{BASE}/campaigns/{cid}/filterlists",
        json={"items": [{"id": ids[0]}, {"id": ids[1]}]},
        headers=advertiser.headers,
    )
    assert replaced.json() == EXAMPLES["8.2"]["response"]
    appended = await client.patch(
        f"{BASE}/campaigns/{cid}/filterlists",
        json={"items": [{"id": ids[2], "isInclude": False}]},
        headers=advertiser.headers,
    )
    assert appended.json() == EXAMPLES["8.3"]["response"]
    links = await client.get(f"{BASE}/campaigns/{cid}/filterlists", headers=advertiser.headers)
    data = links.json()["data"]
    assert [(x["filterList"]["id"], x["isInclude"]) for x in data] == [
        (ids[0], True),
        (ids[1], True),
        (ids[2], False),
    ]
    assert set(data[0]) == set(EXAMPLES["8.1"]["response"]["data"][0])
    assert links.json()["meta"]["pagination"]["per_page"] == 1000
    removed = await client.request(
        "DELETE",
        f"{BASE}/campaigns/{cid}/filterlists",
        content=json.dumps({"ids": [ids[1]]}).encode(),
        headers={**advertiser.headers, **FORM},
    )
    assert removed.json() == EXAMPLES["8.4"]["response"]
    after = await client.get(f"{BASE}/campaigns/{cid}/filterlists", headers=advertiser.headers)
    assert [x["filterList"]["id"] for x in after.json()["data"]] == [ids[0], ids[2]]


async def test_append_needs_the_include_flag(client: httpx.AsyncClient, advertiser: Actor) -> None:
    cid = await _campaign(client, advertiser)
    lid = (await _list(client, advertiser, title="l", type="domain", isInclude=True))["id"]
    response = await client.patch(
        f"{BASE}/campaigns/{cid}/filterlists",
        json={"items": [{"id": lid}]},
        headers=advertiser.headers,
    )
    assert response.status_code == 422
    assert "items.0.isInclude" in wire_body(response)["errors"]


async def test_a_parsed_csv_builds_a_list_of_100000_domains(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    csv = "\n".join(f"site{i}.example.com" for i in range(100_000)).encode()
    parsed = await client.post(
        f"{BASE}/parsefile",
        files={"file": ("test-filter.csv", csv, "text/csv")},
        headers=advertiser.headers,
    )
    assert parsed.status_code == 200, parsed.text
    body = parsed.json()
    assert body["message"] == "success"
    assert body["countItems"] == 100_000
    assert body["fileName"].endswith("_test-filter.csv")
    assert set(body) == set(EXAMPLES["4.4"]["response"])
    made = await _list(
        client,
        advertiser,
        title="from file",
        type="domain",
        isInclude=False,
        items=[],
        fileName=body["fileName"],
    )
    assert made["listCount"] == 100_000
    assert made["isInclude"] is False


async def test_another_accounts_list_and_file_are_not_found(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    mine = await _list(client, advertiser, title="mine", type="domain", isInclude=True)
    for method, body in (("GET", None), ("PUT", {"title": "x"}), ("DELETE", None)):
        foreign = await client.request(
            method, f"{BASE}/filterlist/{mine['id']}", json=body, headers=other_advertiser.headers
        )
        missing = await client.request(
            method, f"{BASE}/filterlist/999999", json=body, headers=other_advertiser.headers
        )
        assert foreign.status_code == missing.status_code == 404
    cid = await _campaign(client, other_advertiser)
    linked = await client.post(
        f"{BASE}/campaigns/{cid}/filterlists",
        json={"items": [{"id": mine["id"]}]},
        headers=other_advertiser.headers,
    )
    assert linked.status_code == 404
    parsed = await client.post(
        f"{BASE}/parsefile",
        files={"file": ("a.txt", b"a.com\n", "text/plain")},
        headers=advertiser.headers,
    )
    stolen = await client.post(
        f"{BASE}/filterlist",
        json={
            "title": "t",
            "type": "domain",
            "isInclude": True,
            "fileName": parsed.json()["fileName"],
        },
        headers=other_advertiser.headers,
    )
    assert stolen.status_code == 422
    assert "fileName" in wire_body(stolen)["errors"]
