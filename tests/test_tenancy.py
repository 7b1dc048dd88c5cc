"""Tenancy: every route of every surface, driven by a second advertiser against the first one's
resources, must answer exactly as it does for a resource that does not exist.

The routes come from each surface's OpenAPI document (``tests.support.sweep``), so a new
surface or route joins the sweep by itself. A route is a tenancy case when it names an
account-owned resource: in its path (``/campaigns/{id}``), in a list filter (``?account_id=``)
or in a top-level body field (``user_id``, ``ids`` ...). Which resource a path parameter names
is read from the path (``RESOURCES``); a parameter the sweep cannot place fails the collection
check below, so nothing is skipped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
import pytest

from adplane.campaigns import service as campaigns
from adplane.inventory import service as inventory
from adplane.kit.db import Database
from tests.conftest import Actor
from tests.media import files as media_files
from tests.support.native import API, create_campaign
from tests.support.sweep import (
    ID_LISTS,
    NAMED_FIELDS,
    TENANT,
    Operation,
    auth,
    operations,
    path_resource,
    url_for,
)

MISSING = 987_654_321
# A video, so that every creative route (its VAST too) has something to answer.
CREATIVE = {
    "name": "Owner's video",
    "content": {"variant": "video_tag", "vast_url": "https://ads.example/vast.xml"},
}
MISSING_UUID = "00000000-0000-4000-8000-00000000abcd"


@dataclass(frozen=True)
class Case:
    """One tenancy probe: an operation and how it names the owner's resource."""

    op: Operation
    where: str  # "path", "query" or "body"
    names: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.op.id} [{self.where}: {','.join(self.names)}]"


def cases() -> list[Case]:
    found: list[Case] = []
    for op in operations():
        in_path = [path_resource(op, p) for p in op.parameters("path")]
        tenant_path = tuple(r for r in in_path if r in TENANT)
        if tenant_path:
            found.append(Case(op, "path", tenant_path))
            continue
        named = tuple(p["name"] for p in op.parameters("query") if p["name"] in NAMED_FIELDS)
        if named:
            found.append(Case(op, "query", named))
        props = op.properties()
        fields = tuple(n for n in props if n in NAMED_FIELDS or n in ID_LISTS)
        if fields and op.method != "GET":
            found.append(Case(op, "body", fields))
    return found


CASES = cases()


@dataclass
class World:
    owner: Actor
    intruder: Actor
    ids: dict[str, Any]
    campaign: dict[str, Any]

    def values(self, missing: bool) -> dict[str, Any]:
        if not missing:
            return self.ids
        return {k: MISSING_UUID if k == "campaign_uuid" else MISSING for k in self.ids}


@pytest.fixture
async def world(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, database: Database
) -> World:
    campaign = await create_campaign(client, advertiser.headers, name="Owner's", alias="owned")
    await create_campaign(client, other_advertiser.headers, name="Intruder's own")
    key = await client.post(f"{API}/api-keys", json={"name": "second"}, headers=advertiser.headers)
    segment = await client.post(
        f"{API}/segments", json={"name": "Owner's buyers"}, headers=advertiser.headers
    )
    assert segment.status_code == 201, segment.text
    filterlist = await client.post(
        f"{API}/filterlists",
        json={"name": "Owner's", "type": "domains", "mode": "black", "items": ["a.example"]},
        headers=advertiser.headers,
    )
    assert filterlist.status_code == 201, filterlist.text
    rule = await client.post(
        f"{API}/rules",
        json={
            "name": "Owner's rule",
            "lookback_days": 1,
            "conditions": [{"metric": "clicks", "operator": ">", "value": "1"}],
            "action": "blacklist",
            "target_list_id": filterlist.json()["id"],
        },
        headers=advertiser.headers,
    )
    assert rule.status_code == 201, rule.text
    linked = await client.put(
        f"{API}/campaigns/{campaign['id']}/rule",
        json={"rule_id": rule.json()["id"]},
        headers=advertiser.headers,
    )
    assert linked.status_code == 200, linked.text
    creative = await client.post(f"{API}/creatives", json=CREATIVE, headers=advertiser.headers)
    assert creative.status_code == 201, creative.text
    async with database.sessionmaker() as session, session.begin():
        site = await inventory.create_site(session, None, name="S", domain="s.example")
        spot = await inventory.create_spot(session, None, site_id=site.id, name="s", format_id=1)
        await campaigns.set_spot_price(
            session, advertiser.principal, campaign["id"], spot.id, Decimal("1")
        )
    media = await client.post(
        f"{API}/media", files={"file": ("a.png", media_files.image())}, headers=advertiser.headers
    )
    assert media.status_code == 201, media.text
    own_media = await client.post(
        f"{API}/media",
        files={"file": ("own.png", media_files.image())},
        headers=other_advertiser.headers,
    )
    assert own_media.status_code == 201, own_media.text
    assert advertiser.account_id is not None
    fresh = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    ids = {
        "account": advertiser.account_id,
        "user": advertiser.user_id,
        "campaign": campaign["id"],
        "campaign_uuid": fresh.json()["uuid"],
        "key": key.json()["id"],
        "segment": segment.json()["id"],
        "spot": spot.id,
        "filterlist": filterlist.json()["id"],
        "media": media.json()["id"],
        "rule": rule.json()["id"],
        "creative": creative.json()["id"],
    }
    return World(advertiser, other_advertiser, ids, fresh.json())


def request_for(case: Case, world: World, *, missing: bool) -> tuple[str, dict[str, Any]]:
    """The URL and request arguments of ``case``, naming the owner's ids or missing ones."""
    op, ids = case.op, world.values(missing)
    url = url_for(op, ids)
    params = {
        p["name"]: ids[NAMED_FIELDS[p["name"]]]
        for p in op.parameters("query")
        if p["name"] in NAMED_FIELDS and case.where == "query"
    }
    overrides: dict[str, Any] = {}
    if case.where == "body":
        for name in case.names:
            overrides[name] = [ids[ID_LISTS[name]]] if name in ID_LISTS else ids[NAMED_FIELDS[name]]
    body = op.example(overrides)
    kwargs: dict[str, Any] = {"params": params, "headers": auth(op.mount, world.intruder.api_key)}
    if body is not None:
        kwargs["json"] = body
    return url, kwargs


def normalized(response: httpx.Response) -> tuple[int, str]:
    # The request id (adplane.kit.observability) differs between any two requests.
    text = re.sub(r',?"request_id":"[^"]*"', "", response.text)
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<u>", text)
    return response.status_code, re.sub(r"\d+", "<n>", text)


async def probe(client: httpx.AsyncClient, case: Case, world: World) -> tuple[Any, Any]:
    url, kwargs = request_for(case, world, missing=False)
    foreign = await client.request(case.op.method, url, **kwargs)
    url, kwargs = request_for(case, world, missing=True)
    missing = await client.request(case.op.method, url, **kwargs)
    return foreign, missing


def test_the_sweep_reads_every_surface_and_places_every_path_parameter() -> None:
    mounts = {op.mount for op in operations()}
    assert {"/api/v1", "/trafficstars", "/instal", "/topsort"} <= mounts
    for op in operations():
        for param in op.parameters("path"):
            path_resource(op, param)  # raises for a parameter nobody classified
    assert len([c for c in CASES if c.where == "path"]) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
async def test_another_accounts_resource_looks_exactly_like_a_missing_one(
    client: httpx.AsyncClient, world: World, case: Case
) -> None:
    foreign, missing = await probe(client, case, world)
    assert foreign.status_code < 500, foreign.text
    assert normalized(foreign) == normalized(missing)
    if case.where == "path":
        # Refused the way a missing resource is (404; an admin-only route may say 403 first).
        assert foreign.status_code in {403, 404}, (case.id, foreign.text)


async def test_an_intruder_changes_nothing_of_the_owners(
    client: httpx.AsyncClient, world: World
) -> None:
    for case in CASES:
        url, kwargs = request_for(case, world, missing=False)
        await client.request(case.op.method, url, **kwargs)
    owner = world.owner.headers
    campaign = await client.get(f"{API}/campaigns/{world.ids['campaign']}", headers=owner)
    assert campaign.json() == world.campaign
    listing = await client.get(f"{API}/campaigns", headers=owner)
    assert listing.json()["total"] == 1
    history = await client.get(f"{API}/campaigns/{world.ids['campaign']}/history", headers=owner)
    assert [c["action"] for c in history.json()["items"]] == ["create", "set_spot_price"]
    keys = await client.get(f"{API}/api-keys", headers=owner)
    assert [k["revoked_at"] for k in keys.json()["items"]] == [None, None]
    account = await client.get(f"{API}/accounts/{world.ids['account']}", headers=owner)
    assert Decimal(account.json()["balance"]) == Decimal("1000")
    prices = await client.get(f"{API}/campaigns/{world.ids['campaign']}/spot-prices", headers=owner)
    assert len(prices.json()) == 1

    segment = await client.get(f"{API}/segments/{world.ids['segment']}", headers=owner)
    assert segment.json()["name"] == "Owner's buyers"
    filterlist = await client.get(
        f"{API}/filterlists/{world.ids['filterlist']}/items", headers=owner
    )
    assert filterlist.json()["items"] == ["a.example"]
    media = await client.get(f"{API}/media/{world.ids['media']}", headers=owner)
    assert media.status_code == 200
    rule = await client.get(f"{API}/campaigns/{world.ids['campaign']}/rule", headers=owner)
    assert (rule.json()["id"], rule.json()["name"]) == (world.ids["rule"], "Owner's rule")
    creative = await client.get(f"{API}/creatives/{world.ids['creative']}", headers=owner)
    assert (creative.json()["name"], creative.json()["approval"]) == ("Owner's video", "pending")
    assigned = await client.get(f"{API}/campaigns/{world.ids['campaign']}/creatives", headers=owner)
    assert assigned.json()["total"] == 0


@pytest.mark.parametrize(
    "case",
    # Instal serves an advertiser its own account's campaigns: an admin has no account there.
    [c for c in CASES if c.where == "path" and c.op.method == "GET" and c.op.mount != "/instal"],
    ids=lambda c: c.id,
)
async def test_an_admin_sees_every_accounts_resources(
    client: httpx.AsyncClient, world: World, admin: Actor, case: Case
) -> None:
    url, kwargs = request_for(case, world, missing=False)
    kwargs["headers"] = auth(case.op.mount, admin.api_key)
    response = await client.get(url, **kwargs)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", ["/me", "/campaigns"])
async def test_another_accounts_id_in_the_account_header_is_not_found(
    client: httpx.AsyncClient, world: World, path: str
) -> None:
    headers = {**world.intruder.headers, "X-Adplane-Account": str(world.ids["account"])}
    foreign = await client.get(API + path, headers=headers)
    headers["X-Adplane-Account"] = str(MISSING)
    missing = await client.get(API + path, headers=headers)
    assert foreign.status_code == 404
    assert normalized(foreign) == normalized(missing)


@pytest.mark.parametrize(
    "path", ["/campaigns", "/accounts", "/users", "/api-keys", "/media"], ids=lambda p: f"GET {p}"
)
async def test_unfiltered_lists_hide_the_owners_resources(
    client: httpx.AsyncClient, world: World, path: str
) -> None:
    response = await client.get(API + path, headers=world.intruder.headers)
    items = response.json()["items"]
    owner_field, owner_id = {
        "/campaigns": ("account_id", world.ids["account"]),
        "/accounts": ("id", world.ids["account"]),
        "/users": ("account_id", world.ids["account"]),
        "/api-keys": ("user_id", world.ids["user"]),
        "/media": ("account_id", world.ids["account"]),
    }[path]
    assert items
    assert [item for item in items if item[owner_field] == owner_id] == []
