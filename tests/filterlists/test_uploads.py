"""Lists built from CSV and TXT uploads; parsing without storing; a 100,000-domain list."""

from __future__ import annotations

import httpx

from tests.conftest import Actor
from tests.support.native import API, assert_problem
from tests.support.server import LiveServer, new_user

FORM = {"name": "Uploaded", "type": "domains", "mode": "black"}


def domains_csv(count: int) -> bytes:
    rows = "".join(f"site-{i}.example,{i}\r\n" for i in range(count))
    return ("\ufeffdomain,impressions\r\n" + rows).encode()


async def test_parse_returns_items_and_stores_nothing(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/filterlists/parse",
        files={"file": ("test-filter.csv", b"domain\r\nTest.com\r\ntest.com\r\n\r\n", "text/csv")},
        data={"type": "domains"},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "file_name": "test-filter.csv",
        "format": "csv",
        "type": "domains",
        "items": ["test.com"],
        "count": 1,
        "duplicates": 1,
    }
    listing = await client.get(f"{API}/filterlists", headers=advertiser.headers)
    assert listing.json()["total"] == 0


async def test_parse_without_a_type_keeps_raw_values(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/filterlists/parse",
        files={"file": ("x.txt", b"One\nTwo words\n", "text/plain")},
        headers=advertiser.headers,
    )
    assert response.json()["items"] == ["One", "Two words"]
    assert response.json()["type"] is None


async def test_a_bad_upload_is_a_422_naming_the_line_and_stores_nothing(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/filterlists/upload",
        files={"file": ("l.txt", b"a.example\nnot a domain\n", "text/plain")},
        data=FORM,
        headers=advertiser.headers,
    )
    problem = assert_problem(response, 422, field="file")
    assert "line 2: 'not a domain'" in problem["errors"][0]["message"]
    missing = await client.post(f"{API}/filterlists/upload", data=FORM, headers=advertiser.headers)
    assert_problem(missing, 422, field="file")
    listing = await client.get(f"{API}/filterlists", headers=advertiser.headers)
    assert listing.json()["total"] == 0


async def test_a_list_of_100000_domains_is_built_from_a_csv_upload(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/filterlists/upload",
        files={"file": ("domains.csv", domains_csv(100_000), "text/csv")},
        data=FORM,
        headers=advertiser.headers,
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["item_count"] == 100_000
    export = await client.get(
        f"{API}/filterlists/{created['id']}/items.txt", headers=advertiser.headers
    )
    lines = export.text.splitlines()
    assert len(lines) == 100_000
    assert set(lines) == {f"site-{i}.example" for i in range(100_000)}
    assert lines == sorted(lines)


async def test_an_upload_replaces_a_lists_items(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    created = await client.post(
        f"{API}/filterlists",
        json={"name": "n", "type": "ips", "mode": "white", "items": ["192.0.2.1"]},
        headers=advertiser.headers,
    )
    url = f"{API}/filterlists/{created.json()['id']}/items/upload"
    upload = {"file": ("ips.txt", b"10.0.0.0/8\r\n2001:DB8::1\r\n", "text/plain")}
    foreign = await client.put(url, files=upload, headers=other_advertiser.headers)
    assert_problem(foreign, 404)
    replaced = await client.put(url, files=upload, headers=advertiser.headers)
    assert replaced.json()["item_count"] == 2
    items = await client.get(
        f"{API}/filterlists/{created.json()['id']}/items", headers=advertiser.headers
    )
    assert sorted(items.json()["items"]) == ["10.0.0.0/8", "2001:db8::1"]


async def test_an_upload_cannot_create_a_list_for_another_account(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/filterlists/upload",
        files={"file": ("l.txt", b"a.example\n", "text/plain")},
        data={**FORM, "account_id": str(other_advertiser.account_id)},
        headers=advertiser.headers,
    )
    assert_problem(response, 404)


def test_a_real_server_builds_a_100000_domain_list_from_a_csv(live_server: LiveServer) -> None:
    user = new_user(live_server)
    with httpx.Client(base_url=live_server.base_url, headers=user.headers, timeout=120) as http:
        response = http.post(
            f"{API}/filterlists/upload",
            files={"file": ("domains.csv", domains_csv(100_000), "text/csv")},
            data=FORM,
        )
        assert response.status_code == 201, response.text
        list_id = response.json()["id"]
        assert http.get(f"{API}/filterlists/{list_id}").json()["item_count"] == 100_000
        page = http.get(f"{API}/filterlists/{list_id}/items", params={"page_size": 3}).json()
        assert page["total"] == 100_000
        assert page["items"] == ["site-0.example", "site-1.example", "site-10.example"]
