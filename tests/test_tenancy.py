"""Tenancy: every native route, driven by a second advertiser against the first one's resources.

Another account's resource must be indistinguishable from a missing one: the same status and
the same problem document (ids aside) as for an id that does not exist. Lists and bulk actions
answer as they would for a missing id. An admin sees every account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from adplane.accounts.endpoints import router as accounts_router
from adplane.campaigns import service as campaigns
from adplane.campaigns.endpoints import router as campaigns_router
from adplane.inventory import service as inventory
from adplane.kit.db import Database
from tests.conftest import Actor
from tests.support.native import API, assert_problem, create_campaign

MISSING = 987_654_321


@dataclass(frozen=True)
class Case:
    """One request naming the owner's resources through ``{placeholders}``."""

    method: str
    route: str
    path: str
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


ACTIONS = ("submit", "run", "pause", "archive", "restore")

# Requests that name one resource of the owner: each must be a 404 exactly like a missing id.
NOT_FOUND_CASES = [
    Case("GET", "/accounts/{id}", "/accounts/{account}"),
    Case("POST", "/accounts/{id}/deposit", "/accounts/{account}/deposit", {"amount": "5"}),
    Case("GET", "/accounts/{id}/transactions", "/accounts/{account}/transactions"),
    Case("POST", "/api-keys", "/api-keys", {"name": "mine now", "user_id": "{user}"}),
    Case("POST", "/api-keys/{id}/revoke", "/api-keys/{key}/revoke"),
    Case("DELETE", "/api-keys/{id}", "/api-keys/{key}"),
    Case("POST", "/campaigns", "/campaigns", {"name": "planted", "account_id": "{account}"}),
    Case("GET", "/campaigns/{id}", "/campaigns/{campaign}"),
    Case("PATCH", "/campaigns/{id}", "/campaigns/{campaign}", {"name": "hijacked"}),
    Case("DELETE", "/campaigns/{id}", "/campaigns/{campaign}"),
    Case("POST", "/campaigns/{id}/clone", "/campaigns/{campaign}/clone"),
    Case("POST", "/campaigns/{id}/clone", "/campaigns/{campaign}/clone", {"name": "save as"}),
    Case("POST", "/campaigns/{id}/approve", "/campaigns/{campaign}/approve"),
    Case("POST", "/campaigns/{id}/reject", "/campaigns/{campaign}/reject", {"reason_codes": [1]}),
    Case("GET", "/campaigns/{id}/history", "/campaigns/{campaign}/history"),
    *[
        Case("POST", "/campaigns/{id}/{action}", f"/campaigns/{{campaign}}/{action}")
        for action in ACTIONS
    ],
    Case("GET", "/campaigns/{id}/spot-prices", "/campaigns/{campaign}/spot-prices"),
    Case(
        "DELETE",
        "/campaigns/{id}/spot-prices/{spot_id}",
        "/campaigns/{campaign}/spot-prices/{spot}",
    ),
    Case("GET", "/me", "/me", headers={"X-Adplane-Account": "{account}"}),
    Case("GET", "/campaigns", "/campaigns", headers={"X-Adplane-Account": "{account}"}),
]

# Requests that filter a list or act in bulk: the owner's resources are absent, as missing
# ones would be.
AS_IF_MISSING_CASES = [
    Case("GET", "/campaigns", "/campaigns?id={campaign}"),
    Case("GET", "/campaigns", "/campaigns?account_id={account}"),
    Case("GET", "/users", "/users?account_id={account}"),
    *[
        Case(
            "POST", "/campaigns/bulk/{action}", f"/campaigns/bulk/{action}", {"ids": ["{campaign}"]}
        )
        for action in ("run", "pause", "archive", "unarchive", "publish")
    ],
]

# Routes that name no resource of another account; what each shows is checked below.
UNSCOPED_ROUTES = {
    ("POST", "/auth/token"),
    ("POST", "/auth/logout"),
    ("GET", "/me"),
    ("POST", "/accounts"),
    ("GET", "/accounts"),
    ("POST", "/users"),
    ("GET", "/users"),
    ("GET", "/api-keys"),
    ("GET", "/campaigns"),
}


@dataclass
class World:
    owner: Actor
    intruder: Actor
    ids: dict[str, int]
    campaign: dict[str, Any]


@pytest.fixture
async def world(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, database: Database
) -> World:
    campaign = await create_campaign(client, advertiser.headers, name="Owner's", alias="owned")
    await create_campaign(client, other_advertiser.headers, name="Intruder's own")
    key = await client.post(f"{API}/api-keys", json={"name": "second"}, headers=advertiser.headers)
    async with database.sessionmaker() as session, session.begin():
        site = await inventory.create_site(session, None, name="S", domain="s.example")
        spot = await inventory.create_spot(session, None, site_id=site.id, name="s", format_id=1)
        await campaigns.set_spot_price(
            session, advertiser.principal, campaign["id"], spot.id, Decimal("1")
        )
    assert advertiser.account_id is not None
    ids = {
        "account": advertiser.account_id,
        "user": advertiser.user_id,
        "campaign": campaign["id"],
        "key": key.json()["id"],
        "spot": spot.id,
    }
    fresh = await client.get(f"{API}/campaigns/{campaign['id']}", headers=advertiser.headers)
    return World(advertiser, other_advertiser, ids, fresh.json())


def fill(value: Any, ids: dict[str, int]) -> Any:
    """Put ids into a template; a placeholder standing alone becomes an integer."""
    if isinstance(value, str):
        whole = re.fullmatch(r"\{(\w+)\}", value)
        if whole and whole.group(1) in ids:
            return ids[whole.group(1)]
        return re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), m.group(0))), value)
    if isinstance(value, dict):
        return {k: fill(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, ids) for v in value]
    return value


async def send(
    client: httpx.AsyncClient, actor: Actor, case: Case, ids: dict[str, int]
) -> httpx.Response:
    extra = {name: str(fill(value, ids)) for name, value in case.headers.items()}
    kwargs: dict[str, Any] = {"headers": {**actor.headers, **extra}}
    if case.body is not None:
        kwargs["json"] = fill(case.body, ids)
    return await client.request(case.method, API + fill(case.path, ids), **kwargs)


def without_ids(problem: dict[str, Any]) -> dict[str, Any]:
    return {k: re.sub(r"\d+", "<n>", v) if k == "detail" else v for k, v in problem.items()}


@pytest.mark.parametrize("case", NOT_FOUND_CASES, ids=lambda c: c.id)
async def test_another_accounts_resource_is_not_found_like_a_missing_one(
    client: httpx.AsyncClient, world: World, case: Case
) -> None:
    foreign = await send(client, world.intruder, case, world.ids)
    missing = await send(client, world.intruder, case, dict.fromkeys(world.ids, MISSING))
    assert_problem(foreign, 404)
    assert_problem(missing, 404)
    assert without_ids(foreign.json()) == without_ids(missing.json())


@pytest.mark.parametrize("case", AS_IF_MISSING_CASES, ids=lambda c: c.id)
async def test_another_accounts_resource_is_answered_as_if_missing(
    client: httpx.AsyncClient, world: World, case: Case
) -> None:
    foreign = await send(client, world.intruder, case, world.ids)
    missing = await send(client, world.intruder, case, dict.fromkeys(world.ids, MISSING))
    assert foreign.status_code == missing.status_code == 200
    assert re.sub(r"\d+", "<n>", foreign.text) == re.sub(r"\d+", "<n>", missing.text)


async def test_an_intruder_changes_nothing_of_the_owners(
    client: httpx.AsyncClient, world: World
) -> None:
    for case in NOT_FOUND_CASES + AS_IF_MISSING_CASES:
        await send(client, world.intruder, case, world.ids)
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


@pytest.mark.parametrize(
    "path", ["/campaigns", "/accounts", "/users", "/api-keys"], ids=lambda p: f"GET {p}"
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
    }[path]
    assert items
    assert [item for item in items if item[owner_field] == owner_id] == []


@pytest.mark.parametrize(
    "case",
    [c for c in NOT_FOUND_CASES if c.method == "GET"],
    ids=lambda c: c.id,
)
async def test_an_admin_sees_every_accounts_resources(
    client: httpx.AsyncClient, world: World, admin: Actor, case: Case
) -> None:
    response = await send(client, admin, case, world.ids)
    assert response.status_code == 200, response.text


def test_every_native_route_of_accounts_and_campaigns_has_a_tenancy_case() -> None:
    routes = {
        (method, route.path)
        for route in [*accounts_router.routes, *campaigns_router.routes]
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    covered = {(c.method, c.route) for c in NOT_FOUND_CASES + AS_IF_MISSING_CASES}
    assert routes - covered - UNSCOPED_ROUTES == set()
