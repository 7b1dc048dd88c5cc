"""Report labels: names beside ids, read from the owning domains, only for what one may see."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal, Role
from adplane.kit.db import Database
from adplane.reports.labels import LABELLERS, Labellers
from adplane.reports.schemas import Value
from tests.conftest import Actor
from tests.creatives.helpers import banner_tag, create
from tests.events.helpers import event, post_events, report
from tests.support.native import API, create_campaign


async def _post(client: httpx.AsyncClient, app: Any, actor: Actor, events: list[Any]) -> None:
    response = await post_events(client, actor.headers, events)
    assert response.status_code == 202, response.text
    await app.state.events.flush()


async def _made(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_labels_name_each_id_right_after_it(
    client: httpx.AsyncClient, app: Any, admin: Actor, advertiser: Actor
) -> None:
    site = await _made(
        await client.post(
            f"{API}/sites", json={"name": "Daily News", "domain": "news.example"},
            headers=admin.headers,
        )
    )  # fmt: skip
    spot = await _made(
        await client.post(
            f"{API}/spots", json={"site_id": site["id"], "name": "Header"}, headers=admin.headers
        )
    )
    campaign = await create_campaign(client, advertiser.headers, name="Spring Sale")
    await _post(
        client,
        app,
        advertiser,
        [
            event(campaign["id"], site_id=site["id"], spot_id=spot["id"]),
            event(campaign["id"], site_id=site["id"], spot_id=spot["id"]),
            # An id the inventory does not know gets no name; a missing id none either.
            event(campaign["id"], site_id=999_999),
        ],
    )
    body = await report(
        client,
        advertiser.headers,
        dimensions=["campaign_id", "site_id", "spot_id"],
        metrics=["impressions"],
        labels=True,
    )
    assert body["rows"] == [
        {
            "campaign_id": campaign["id"],
            "campaign_name": "Spring Sale",
            "site_id": site["id"],
            "site_name": "Daily News",
            "spot_id": spot["id"],
            "spot_name": "Header",
            "impressions": 2,
        },
        {
            "campaign_id": campaign["id"],
            "campaign_name": "Spring Sale",
            "site_id": 999_999,
            "site_name": None,
            "spot_id": None,
            "spot_name": None,
            "impressions": 1,
        },
    ]
    assert list(body["rows"][0]) == list(body["rows"][1])
    assert body["totals"] == {"impressions": 3}


async def test_creatives_are_named_for_their_own_account_only(
    client: httpx.AsyncClient,
    app: Any,
    database: Database,
    advertiser: Actor,
    other_advertiser: Actor,
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="With creatives")
    mine = await create(client, advertiser.headers, banner_tag(name="Blue banner"))
    theirs = await create(client, other_advertiser.headers, banner_tag(name="Red banner"))
    await _post(client, app, advertiser, [event(campaign["id"], creative_id=mine["id"])])
    body = await report(
        client,
        advertiser.headers,
        dimensions=["creative_id"],
        metrics=["impressions"],
        labels=True,
    )
    assert body["rows"] == [
        {"creative_id": mine["id"], "creative_name": "Blue banner", "impressions": 1}
    ]
    rows: list[dict[str, Value]] = [{"creative_id": theirs["id"]}, {"creative_id": mine["id"]}]
    async with database.sessionmaker() as session:
        seen = await LABELLERS.attach(session, advertiser.principal, rows, ["creative_id"])
    assert seen == [
        {"creative_id": theirs["id"], "creative_name": None},
        {"creative_id": mine["id"], "creative_name": "Blue banner"},
    ]


async def test_without_labels_rows_carry_ids_only(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers, name="Plain")
    await _post(client, app, advertiser, [event(campaign["id"])])
    body = await report(
        client, advertiser.headers, dimensions=["campaign_id"], metrics=["impressions"]
    )
    assert body["rows"] == [{"campaign_id": campaign["id"], "impressions": 1}]


async def test_each_account_sees_its_own_names_and_an_admin_sees_every_one(
    client: httpx.AsyncClient, app: Any, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    mine = await create_campaign(client, advertiser.headers, name="Mine")
    theirs = await create_campaign(client, other_advertiser.headers, name="Theirs")
    await _post(client, app, advertiser, [event(mine["id"])])
    await _post(client, app, other_advertiser, [event(theirs["id"]), event(theirs["id"])])
    request: dict[str, Any] = {
        "dimensions": ["account_id", "campaign_id"],
        "metrics": ["impressions"],
        "labels": True,
    }
    own = await report(client, advertiser.headers, **request)
    assert [(r["campaign_name"], r["account_id"]) for r in own["rows"]] == [
        ("Mine", advertiser.account_id)
    ]
    assert own["rows"][0]["account_name"]
    other = await report(client, other_advertiser.headers, **request)
    assert [r["campaign_name"] for r in other["rows"]] == ["Theirs"]
    # Asking for the other account's campaign by id finds neither its rows nor its name.
    probing = await report(
        client, advertiser.headers, **request, filters={"campaign_id": theirs["id"]}
    )
    assert probing["rows"] == []
    everything = await report(
        client, admin.headers, **request, filters={"campaign_id": [mine["id"], theirs["id"]]}
    )
    assert {r["campaign_id"]: r["campaign_name"] for r in everything["rows"]} == {
        mine["id"]: "Mine",
        theirs["id"]: "Theirs",
    }
    assert all(r["account_name"] for r in everything["rows"])


async def test_a_lookup_names_nothing_of_another_account(
    client: httpx.AsyncClient, database: Database, advertiser: Actor, other_advertiser: Actor
) -> None:
    theirs = await create_campaign(client, other_advertiser.headers, name="Theirs")
    rows: list[dict[str, Value]] = [
        {"account_id": other_advertiser.account_id, "campaign_id": theirs["id"], "bids": 1}
    ]
    async with database.sessionmaker() as session:
        seen = await LABELLERS.attach(
            session, advertiser.principal, rows, ["account_id", "campaign_id"]
        )
        owner = await LABELLERS.attach(
            session, other_advertiser.principal, rows, ["account_id", "campaign_id"]
        )
    assert seen == [
        {
            "account_id": other_advertiser.account_id,
            "account_name": None,
            "campaign_id": theirs["id"],
            "campaign_name": None,
            "bids": 1,
        }
    ]
    assert owner[0]["campaign_name"] == "Theirs"
    assert owner[0]["account_name"] is not None


async def test_a_new_domain_adds_its_ids_by_registering_a_lookup(database: Database) -> None:
    asked: list[list[int]] = []

    async def offer_names(
        session: AsyncSession, principal: Principal, ids: list[int]
    ) -> dict[int, str]:
        asked.append(ids)
        return {i: f"offer {i}" for i in ids if i != 3}

    registry = Labellers()
    registry.register("offer_id", "offer_name", offer_names)
    rows: list[dict[str, Value]] = [{"offer_id": 2}, {"offer_id": 3}, {"offer_id": 2}]
    async with database.sessionmaker() as session:
        labelled = await registry.attach(
            session, Principal(1, Role.ADMIN, None), rows, ["offer_id"]
        )
    assert labelled == [
        {"offer_id": 2, "offer_name": "offer 2"},
        {"offer_id": 3, "offer_name": None},
        {"offer_id": 2, "offer_name": "offer 2"},
    ]
    # One lookup per page, with each id once.
    assert asked == [[2, 3]]


@pytest.mark.parametrize(
    ("dimension", "label"),
    [("country", "country_name"), ("nothing", "nothing_name"), ("campaign_id", "country")],
)
def test_only_id_dimensions_take_a_labeller_and_labels_never_shadow(
    dimension: str, label: str
) -> None:
    async def lookup(session: AsyncSession, principal: Principal, ids: list[int]) -> dict[int, str]:
        return {}

    with pytest.raises(ValueError, match=repr(dimension) if label != "country" else "shadow"):
        Labellers().register(dimension, label, lookup)


def test_one_dimension_has_one_labeller() -> None:
    async def lookup(session: AsyncSession, principal: Principal, ids: list[int]) -> dict[int, str]:
        return {}

    with pytest.raises(ValueError, match="already"):
        LABELLERS.register("campaign_id", "campaign_title", lookup)
