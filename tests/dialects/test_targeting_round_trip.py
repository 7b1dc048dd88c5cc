"""Catalogued targeting through every dialect of a real server: one meaning, many vocabularies.

The core stores canonical codes (``android``, ``US``, ``IAB17-44``). TrafficStars shows the
catalogue ids, Instal its platform and country names; each translates both ways, and refuses
an unknown value in its own error shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.dialects.trafficstars.helpers import CREATE_BODY
from tests.support.server import LiveServer, LiveUser, new_user
from tests.support.wire import wire_body

NATIVE = "/api/v1/campaigns"
TS = "/trafficstars/v1.1/campaigns"
TS_FIELDS = ("oses", "browsers", "countries", "categories", "exclude_categories", "geo_targets")


class Client:
    """One advertiser's view of the live server through the native API and every dialect."""

    def __init__(self, server: LiveServer, owner: LiveUser) -> None:
        self.http = httpx.Client(base_url=server.base_url, timeout=30)
        self.native_headers = owner.headers
        self.ts_headers = {"Authorization": f"bearer {owner.api_key}"}
        self.instal_headers = {"Authorization": f"Token {owner.api_key}"}
        self.admin_headers = {"Authorization": f"Bearer {server.admin_key}"}

    def native_create(self, targeting: dict[str, Any]) -> httpx.Response:
        return self.http.post(
            NATIVE,
            json={"name": "Targeted", "bid_price": "0.5", "targeting": targeting},
            headers=self.native_headers,
        )

    def native(self, cid: int) -> dict[str, Any]:
        response = self.http.get(f"{NATIVE}/{cid}", headers=self.native_headers)
        assert response.status_code == 200, response.text
        targeting: dict[str, Any] = response.json()["targeting"]
        return targeting

    def ts(self, cid: int) -> dict[str, Any]:
        response = self.http.get(f"{TS}/{cid}", headers=self.ts_headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def ts_edit(self, cid: int, **fields: Any) -> httpx.Response:
        return self.http.patch(f"{TS}/{cid}", json=fields, headers=self.ts_headers)

    def ts_create(self, **fields: Any) -> httpx.Response:
        return self.http.post(TS, json={**CREATE_BODY, **fields}, headers=self.ts_headers)

    def instal(self, cid: int) -> dict[str, Any]:
        response = self.http.get(
            f"/instal/advertiser/api/v1/campaigns/{cid}", headers=self.instal_headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def count(self) -> int:
        response = self.http.get(NATIVE, headers=self.native_headers)
        assert response.status_code == 200, response.text
        return int(response.json()["total"])


@pytest.fixture
def client(live_server: LiveServer) -> Iterator[Client]:
    client = Client(live_server, new_user(live_server))
    try:
        yield client
    finally:
        client.http.close()


def _lists(include: list[str], exclude: list[str] | None = None) -> dict[str, list[str]]:
    return {"include": include, "exclude": exclude or []}


def test_native_targeting_reads_as_trafficstars_ids_and_comes_back_unchanged(
    client: Client,
) -> None:
    created = client.native_create(
        {
            "oses": _lists(["Android", "windows"]),
            "browsers": _lists(["chrome", "samsung_internet"]),
            "countries": _lists(["de", "US"]),
            "regions": _lists(["US-CA", "GB-ENG"]),
            "categories": _lists(["IAB1", "iab17-44"], ["IAB25-3"]),
        }
    )
    assert created.status_code == 201, created.text
    cid = created.json()["id"]
    before = client.native(cid)
    assert before["oses"] == _lists(["android", "windows"])
    assert before["countries"] == _lists(["DE", "US"])
    assert before["categories"] == _lists(["IAB1", "IAB17-44"], ["IAB25-3"])

    shown = client.ts(cid)
    assert shown["oses"] == [1, 3]
    assert shown["browsers"] == [1, 6]
    assert shown["countries"] == ["DE", "US"]
    assert shown["geo_targets"] == ["US.4797", "UK.1515"]
    assert (shown["categories"], shown["exclude_categories"]) == ([1, 1744], [2503])

    # A TrafficStars client sends back what it read: nothing changes in the core.
    echoed = client.ts_edit(cid, **{f: shown[f] for f in TS_FIELDS})
    assert echoed.status_code == 200, echoed.text
    assert {f: echoed.json()[f] for f in TS_FIELDS} == {f: shown[f] for f in TS_FIELDS}
    assert client.native(cid) == before


def test_trafficstars_ids_become_codes_for_every_other_dialect(client: Client) -> None:
    created = client.ts_create(
        oses=[2, 1],
        browsers=[2, 3],
        countries=["jp", "KR"],
        categories=[1, 2],
        exclude_categories=[3, 2503],
    )
    assert created.status_code == 200, created.text
    cid = created.json()["id"]
    native = client.native(cid)
    assert native["oses"] == _lists(["ios", "android"])
    assert native["browsers"] == _lists(["safari", "firefox"])
    assert native["countries"] == _lists(["JP", "KR"])
    assert native["categories"] == _lists(["IAB1", "IAB2"], ["IAB3", "IAB25-3"])
    instal = client.instal(cid)
    assert instal["os"] == "IOS"
    assert instal["countries"] == {"JP": "Japan", "KR": "South Korea"}

    # Changed natively, read back through TrafficStars.
    patched = client.http.patch(
        f"{NATIVE}/{cid}",
        json={"targeting": {"oses": _lists(["macos"]), "browsers": _lists(["edge"])}},
        headers=client.native_headers,
    )
    assert patched.status_code == 200, patched.text
    shown = client.ts(cid)
    assert (shown["oses"], shown["browsers"], shown["countries"]) == ([4], [4], [])


def test_a_value_an_admin_adds_is_usable_in_every_dialect(client: Client) -> None:
    added = client.http.post(
        "/api/v1/targeting/carriers",
        json={"code": f"carrier_{id(client)}", "name": "Regional carrier"},
        headers=client.admin_headers,
    )
    assert added.status_code == 201, added.text
    value = added.json()
    created = client.ts_create(carriers=[value["id"], 1])
    assert created.status_code == 200, created.text
    assert created.json()["carriers"] == [value["id"], 1]
    assert client.native(created.json()["id"])["carriers"] == _lists([value["code"], "verizon"])


@pytest.mark.parametrize(
    ("fields", "field", "value"),
    [
        ({"oses": [1, 999]}, "oses", "999"),
        ({"browsers": [123456]}, "browsers", "123456"),
        ({"countries": ["JP", "XX"]}, "countries", "XX"),
        ({"exclude_categories": [99]}, "exclude_categories", "99"),
        ({"geo_targets": ["US.1515"]}, "geo_targets", "US.1515"),
        ({"devices": [42]}, "devices", "42"),
    ],
)
def test_trafficstars_refuses_an_unknown_value_in_its_own_shape(
    client: Client, fields: dict[str, Any], field: str, value: str
) -> None:
    before = client.count()
    response = client.ts_create(**fields)
    assert response.status_code == 422, response.text
    body = wire_body(response)
    assert set(body) == {"code", "error", "message", "errors"}
    assert body["code"] == 422
    (error,) = body["errors"]
    assert error["field"] == field
    assert value in error["message"]
    assert client.count() == before


@pytest.mark.parametrize(
    ("targeting", "field", "value"),
    [
        ({"oses": _lists(["beos"])}, "targeting.oses", "beos"),
        ({"browsers": _lists([], ["netscape"])}, "targeting.browsers", "netscape"),
        ({"countries": _lists(["XX"])}, "targeting.countries", "XX"),
        ({"categories": _lists(["IAB99"])}, "targeting.categories", "IAB99"),
        ({"regions": _lists(["US-ZZ"])}, "targeting.regions", "US-ZZ"),
    ],
)
def test_the_native_api_refuses_an_unknown_code_as_a_problem(
    client: Client, targeting: dict[str, Any], field: str, value: str
) -> None:
    before = client.count()
    response = client.native_create(targeting)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field]
    assert value in errors[0]["message"]
    assert client.count() == before


def test_the_native_api_refuses_a_vendor_id_for_a_catalogued_dimension(client: Client) -> None:
    response = client.native_create({"oses": {"include": [1]}})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"].startswith("targeting.oses")
