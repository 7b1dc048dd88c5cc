"""The Instal dialect in process: status filter, pagination, rendering, errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from adplane.accounts.principal import Role
from adplane.campaigns import schemas, service
from adplane.dialects.instal import errors as instal_errors
from adplane.kit.db import Database
from tests.conftest import Actor, Factory
from tests.support.native import API, act, create_campaign
from tests.support.wire import wire_body

BASE = "/instal/advertiser/api/v1"


def token(actor: Actor) -> dict[str, str]:
    return {"Authorization": f"Token {actor.api_key}"}


async def _ids(client: httpx.AsyncClient, actor: Actor, query: str = "") -> list[int]:
    response = await client.get(f"{BASE}/campaigns{query}", headers=token(actor))
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["results"]]


@pytest.fixture
async def states(client: httpx.AsyncClient, admin: Actor, advertiser: Actor) -> dict[str, int]:
    """One campaign of the advertiser in each Instal status."""
    h = advertiser.headers
    running = await create_campaign(client, h, name="running")
    await act(client, admin.headers, running["id"], "approve")
    paused = await create_campaign(client, h, name="paused")
    await act(client, h, paused["id"], "pause")
    rejected = await create_campaign(client, h, name="rejected")
    await act(client, admin.headers, rejected["id"], "reject")
    deleted = await create_campaign(client, h, name="deleted")
    await act(client, h, deleted["id"], "archive")
    expired = await create_campaign(client, h, name="expired", end_at="2020-01-01T00:00:00Z")
    return {
        "RUNNING": running["id"],
        "PAUSED": paused["id"],
        "REJECTED": rejected["id"],
        "DELETED": deleted["id"],
        "EXPIRED": expired["id"],
    }


async def test_each_status_filter_lists_its_campaigns(
    client: httpx.AsyncClient, advertiser: Actor, states: dict[str, int]
) -> None:
    for status, cid in states.items():
        assert await _ids(client, advertiser, f"?status={status}") == [cid], status


async def test_each_campaign_shows_its_status(
    client: httpx.AsyncClient, advertiser: Actor, states: dict[str, int]
) -> None:
    for status, cid in states.items():
        got = await client.get(f"{BASE}/campaigns/{cid}", headers=token(advertiser))
        assert got.json()["status"] == status


async def test_notdeleted_hides_deleted_campaigns_and_no_status_shows_all(
    client: httpx.AsyncClient, advertiser: Actor, states: dict[str, int]
) -> None:
    everything = sorted(states.values())
    assert await _ids(client, advertiser) == everything
    assert await _ids(client, advertiser, "?status=") == everything
    kept = sorted(v for k, v in states.items() if k != "DELETED")
    assert await _ids(client, advertiser, "?status=NOTDELETED") == kept


async def test_the_status_choice_is_case_sensitive(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(f"{BASE}/campaigns?status=running", headers=token(advertiser))
    assert response.status_code == 400
    assert wire_body(response) == {
        "status": ["Select a valid choice. running is not one of the available choices."]
    }


async def test_an_empty_account_has_one_empty_page(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(f"{BASE}/campaigns", headers=token(advertiser))
    assert wire_body(response) == {
        "count": 0,
        "next": None,
        "numpages": 1,
        "previous": None,
        "results": [],
    }


async def _many(database: Database, owner: Actor, count: int) -> list[int]:
    async with database.sessionmaker() as session, session.begin():
        return [
            (
                await service.create(session, owner.principal, schemas.CampaignFields(name=f"C{i}"))
            ).id
            for i in range(count)
        ]


async def test_page_size_is_capped_at_one_hundred(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    ids = await _many(database, advertiser, 101)
    body = (await client.get(f"{BASE}/campaigns?page_size=1000", headers=token(advertiser))).json()
    assert (body["count"], body["numpages"]) == (101, 2)
    assert [c["id"] for c in body["results"]] == ids[:100]
    assert (
        body["next"] == "http://testserver/instal/advertiser/api/v1/campaigns?page=2&page_size=1000"
    )


async def test_pages_walk_in_a_stable_order(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    ids = await _many(database, advertiser, 7)
    seen: list[int] = []
    url: str | None = f"{BASE}/campaigns?page_size=3"
    pages = 0
    while url is not None:
        body = (await client.get(url, headers=token(advertiser))).json()
        assert body["numpages"] == 3
        seen += [c["id"] for c in body["results"]]
        url = body["next"]
        pages += 1
    assert pages == 3
    assert seen == ids


async def test_page_last_is_the_last_page(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    ids = await _many(database, advertiser, 5)
    body = (
        await client.get(f"{BASE}/campaigns?page=last&page_size=2", headers=token(advertiser))
    ).json()
    assert [c["id"] for c in body["results"]] == ids[4:]
    assert (
        body["previous"]
        == "http://testserver/instal/advertiser/api/v1/campaigns?page=2&page_size=2"
    )


async def test_an_invalid_page_is_not_found(client: httpx.AsyncClient, advertiser: Actor) -> None:
    await create_campaign(client, advertiser.headers)
    for page in ("0", "-1", "abc", "1.5", "2", "99999999999"):
        response = await client.get(
            f"{BASE}/campaigns", params={"page": page}, headers=token(advertiser)
        )
        assert response.status_code == 404, page
        assert wire_body(response) == {"detail": "Invalid page."}


async def test_an_invalid_page_size_is_a_bad_request(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for size, message in (
        ("abc", "A valid integer is required."),
        ("2.5", "A valid integer is required."),
        ("0", "Ensure this value is greater than or equal to 1."),
        ("-3", "Ensure this value is greater than or equal to 1."),
    ):
        response = await client.get(
            f"{BASE}/campaigns", params={"page_size": size}, headers=token(advertiser)
        )
        assert response.status_code == 400, size
        assert wire_body(response) == {"page_size": [message]}


async def test_trailing_slashes_and_head_are_served(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    for path in ("/campaigns/", f"/campaigns/{campaign['id']}/", f"/{campaign['id']}/"):
        assert (await client.get(f"{BASE}{path}", headers=token(advertiser))).status_code == 200
        assert (await client.head(f"{BASE}{path}", headers=token(advertiser))).status_code == 200
    assert (await client.head(f"{BASE}/campaigns", headers=token(advertiser))).status_code == 200


async def test_unknown_paths_are_not_found_in_drf_style(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for path in ("/instal/nothing", f"{BASE}/campaigns/1/extra"):
        response = await client.get(path, headers=token(advertiser))
        assert response.status_code == 404
        assert wire_body(response) == {"detail": "Not found"}


async def test_a_revoked_key_is_an_invalid_token(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    keys = await client.get(f"{API}/api-keys", headers=advertiser.headers)
    key_id = keys.json()["items"][0]["id"]
    await client.post(f"{API}/api-keys/{key_id}/revoke", headers=advertiser.headers)
    response = await client.get(f"{BASE}/campaigns", headers=token(advertiser))
    assert response.status_code == 403
    assert wire_body(response) == {"detail": "Invalid token."}


async def test_a_malformed_token_header_is_refused(client: httpx.AsyncClient) -> None:
    for header, detail in (
        ("Token", "Invalid token header. No credentials provided."),
        ("Token a b", "Invalid token header. Token string should not contain spaces."),
    ):
        response = await client.get(f"{BASE}/campaigns", headers={"Authorization": header})
        assert response.status_code == 403
        assert wire_body(response) == {"detail": detail}


async def test_an_admin_linked_to_an_account_sees_only_that_account(
    client: httpx.AsyncClient, factory: Factory, advertiser: Actor, other_advertiser: Actor
) -> None:
    own = await create_campaign(client, advertiser.headers)
    foreign = await create_campaign(client, other_advertiser.headers)
    linked_admin = await factory.user(Role.ADMIN, account_id=advertiser.account_id)
    assert await _ids(client, linked_admin) == [own["id"]]
    response = await client.get(f"{BASE}/campaigns/{foreign['id']}", headers=token(linked_admin))
    assert response.status_code == 404


async def _one(client: httpx.AsyncClient, actor: Actor, **fields: Any) -> dict[str, Any]:
    campaign = await create_campaign(client, actor.headers, **fields)
    response = await client.get(f"{BASE}/campaigns/{campaign['id']}", headers=token(actor))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_an_unset_campaign_renders_nulls_and_its_creation_as_start(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="Bare", complete=False)
    body = (
        await client.get(f"{BASE}/campaigns/{campaign['id']}", headers=token(advertiser))
    ).json()
    assert body["application"] is None
    assert body["budget"] is None
    assert body["daily_cap"] is None
    assert body["payout"] is None
    assert body["os"] is None
    assert body["os_min_version"] is None
    assert body["countries"] == {}
    assert body["restrictions"] == {}
    assert body["stop_date"] is None
    assert body["start_date"] == campaign["created_at"].replace("+00:00", "Z")
    assert body["start_date"].endswith("Z")


async def test_campaign_type_comes_from_the_pricing_model(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for pricing_model, campaign_type in (
        ("cpc", "CPC"),
        ("cpi", "CPI"),
        ("cpa", "CPA"),
        ("cpm", "CPC"),
        ("cpv", "CPC"),
    ):
        body = await _one(client, advertiser, pricing_model=pricing_model)
        assert body["campaign_type"] == campaign_type, pricing_model


async def test_os_and_minimum_version(client: httpx.AsyncClient, advertiser: Actor) -> None:
    cases: list[tuple[list[str], str, str | None, float | None]] = [
        (["iOS"], "12.4.1", "IOS", 12.4),
        (["windows", "Android"], "9", "ANDROID", 9.0),
        (["windows"], "latest", None, None),
    ]
    for oses, version, os, number in cases:
        body = await _one(
            client, advertiser, targeting={"oses": {"include": oses}, "os_min_version": version}
        )
        assert (body["os"], body["os_min_version"]) == (os, number), oses


async def test_countries_are_named_and_exclusions_are_not_listed(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = await _one(
        client,
        advertiser,
        targeting={"countries": {"include": ["kr", "DE"], "exclude": ["FR"]}},
    )
    assert body["countries"] == {"KR": "South Korea", "DE": "Germany"}


async def test_restrictions_come_from_the_catalogue(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    await client.patch(
        f"{API}/restrictions/2", json={"description": "Renamed."}, headers=admin.headers
    )
    body = await _one(client, advertiser, restriction_ids=[2, 9])
    assert list(body["restrictions"]) == ["2", "9"]
    assert body["restrictions"]["2"] == {"name": "Email traffic", "description": "Renamed."}


async def test_destination_url_macros_are_verbatim(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    url = "https://t.example/c?cid={CLICK_ID}&s={SUB_ID}&x=%7Bkeep%7D"
    assert (await _one(client, advertiser, destination_url=url))["destination_url"] == url


async def test_the_openapi_document_is_instals(client: httpx.AsyncClient) -> None:
    response = await client.get("/instal/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert set(document["paths"]) == {
        "/advertiser/api/v1/campaigns",
        "/advertiser/api/v1/campaigns/{id}",
        "/advertiser/api/v1/{id}",
    }
    listing = document["paths"]["/advertiser/api/v1/campaigns"]
    assert set(listing) == {"get"}
    params = {p["name"]: p for p in listing["get"]["parameters"]}
    assert params["status"]["schema"]["enum"] == [
        "RUNNING",
        "PAUSED",
        "DELETED",
        "REJECTED",
        "EXPIRED",
        "NOTDELETED",
    ]
    assert {"page", "page_size"} <= set(params)
    campaign = document["components"]["schemas"]["Campaign"]
    assert list(campaign["properties"]) == [
        "application",
        "budget",
        "campaign_type",
        "countries",
        "daily_cap",
        "destination_url",
        "id",
        "is_incentivized",
        "name",
        "os",
        "os_min_version",
        "payout",
        "restrictions",
        "start_date",
        "status",
        "stop_date",
    ]


@pytest.fixture
def failing_app() -> FastAPI:
    api = FastAPI()
    instal_errors.install(api)

    @api.get("/boom")
    async def boom() -> None:
        raise RuntimeError("unexpected")

    return api


async def test_an_unexpected_error_is_a_drf_style_500(failing_app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=failing_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/boom")
    assert response.status_code == 500
    assert wire_body(response) == {"detail": "A server error occurred."}


async def test_a_repeated_status_uses_the_last_value(
    client: httpx.AsyncClient, advertiser: Actor, states: dict[str, int]
) -> None:
    query = "?status=WrongStatus&status=EXPIRED"
    assert await _ids(client, advertiser, query) == [states["EXPIRED"]]


async def test_options_is_not_allowed_either(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.options(f"{BASE}/campaigns", headers=token(advertiser))
    assert response.status_code == 405
    assert wire_body(response) == {"detail": 'Method "OPTIONS" not allowed.'}
    assert response.headers["allow"] == "GET, HEAD"
