"""Native rule routes: validation, the one rule per campaign, tenancy."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.rules.helpers import create_list, create_rule, link, rule_body
from tests.support.native import API, assert_problem, create_campaign


async def test_a_rule_is_created_and_read_back_with_exact_values(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    target = await create_list(client, advertiser.headers)
    conditions = [
        {"metric": "ctr", "operator": "<", "value": "0.123456"},
        {"join": "and", "metric": "impressions", "operator": ">", "value": 1000},
        {"join": "or", "metric": "spend", "operator": "=", "value": "12.5"},
    ]
    rule = await create_rule(
        client, advertiser.headers, target["id"], conditions=conditions, lookback_days=3
    )
    assert rule["source_dimension"] == "domain"
    assert rule["account_id"] == advertiser.account_id
    assert rule["campaign_ids"] == []
    assert [c["join"] for c in rule["conditions"]] == [None, "and", "or"]
    fetched = (await client.get(f"{API}/rules/{rule['id']}", headers=advertiser.headers)).json()
    assert fetched == rule
    from decimal import Decimal

    assert [Decimal(str(c["value"])) for c in fetched["conditions"]] == [
        Decimal("0.123456"),
        Decimal("1000"),
        Decimal("12.5"),
    ]
    listing = (await client.get(f"{API}/rules", headers=advertiser.headers)).json()
    assert [r["id"] for r in listing["items"]] == [rule["id"]]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"conditions": []}, "conditions"),
        (
            {"conditions": [{"metric": "nope", "operator": ">", "value": "1"}]},
            "conditions.0.metric",
        ),
        (
            {"conditions": [{"metric": "ctr", "operator": ">=", "value": "1"}]},
            "conditions.0.operator",
        ),
        ({"conditions": [{"metric": "ctr", "operator": ">", "value": "x"}]}, "conditions.0.value"),
        (
            {"conditions": [{"metric": "ctr", "operator": ">", "value": "1e400"}]},
            "conditions.0.value",
        ),
        (
            {"conditions": [{"metric": "ctr", "operator": ">", "value": "0.1234567"}]},
            "conditions.0.value",
        ),
        (
            {"conditions": [{"join": "and", "metric": "ctr", "operator": ">", "value": "1"}]},
            "conditions",
        ),
        (
            {
                "conditions": [
                    {"metric": "ctr", "operator": ">", "value": "1"},
                    {"metric": "clicks", "operator": ">", "value": "1"},
                ]
            },
            "conditions",
        ),
        ({"lookback_days": 0}, "lookback_days"),
        ({"lookback_days": 91}, "lookback_days"),
        ({"action": "pause"}, "action"),
        ({"name": ""}, "name"),
    ],
)
async def test_an_invalid_rule_is_refused_naming_the_field(
    client: httpx.AsyncClient, advertiser: Actor, change: dict[str, Any], field: str
) -> None:
    target = await create_list(client, advertiser.headers)
    body = rule_body(target["id"], **change)
    response = await client.post(f"{API}/rules", json=body, headers=advertiser.headers)
    problem = assert_problem(response, 422)
    assert any(e["field"].startswith(field) for e in problem["errors"]), problem
    assert (await client.get(f"{API}/rules", headers=advertiser.headers)).json()["total"] == 0


async def test_the_target_list_must_match_the_action(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    white = await create_list(client, advertiser.headers, mode="white")
    response = await client.post(
        f"{API}/rules", json=rule_body(white["id"]), headers=advertiser.headers
    )
    assert "black list" in assert_problem(response, 422, field="target_list_id")["detail"]
    rule = await create_rule(client, advertiser.headers, white["id"], action="whitelist")
    assert rule["action"] == "whitelist"


async def test_a_list_type_without_an_event_dimension_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    ips = await create_list(client, advertiser.headers, type="ips")
    response = await client.post(
        f"{API}/rules", json=rule_body(ips["id"]), headers=advertiser.headers
    )
    assert "cannot collect ips" in assert_problem(response, 422, field="target_list_id")["detail"]


@pytest.mark.parametrize(
    ("type", "dimension"),
    [
        ("domains", "domain"),
        ("apps", "bundle"),
        ("bundles", "bundle"),
        ("publishers", "publisher_id"),
        ("site_ids", "site_id"),
        ("urls", "page"),
    ],
)
async def test_each_list_type_collects_its_event_dimension(
    client: httpx.AsyncClient, advertiser: Actor, type: str, dimension: str
) -> None:
    target = await create_list(client, advertiser.headers, type=type)
    rule = await create_rule(client, advertiser.headers, target["id"])
    assert rule["source_dimension"] == dimension


async def test_a_rule_cannot_target_another_accounts_list(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    foreign = await create_list(client, other_advertiser.headers)
    a = await client.post(f"{API}/rules", json=rule_body(foreign["id"]), headers=advertiser.headers)
    b = await client.post(f"{API}/rules", json=rule_body(987654321), headers=advertiser.headers)
    assert_problem(a, 422, field="target_list_id")
    assert a.json()["detail"].replace(str(foreign["id"]), "N") == b.json()["detail"].replace(
        "987654321", "N"
    )


async def test_a_rule_is_updated_and_deleted(client: httpx.AsyncClient, advertiser: Actor) -> None:
    target = await create_list(client, advertiser.headers)
    rule = await create_rule(client, advertiser.headers, target["id"])
    url = f"{API}/rules/{rule['id']}"
    changed = await client.patch(
        url, json={"name": "Renamed", "is_active": False}, headers=advertiser.headers
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["name"], changed.json()["is_active"]) == ("Renamed", False)
    bad = await client.patch(url, json={"action": "whitelist"}, headers=advertiser.headers)
    assert_problem(bad, 422, field="target_list_id")
    assert_problem(await client.patch(url, json={"name": None}, headers=advertiser.headers), 422)
    assert (await client.delete(url, headers=advertiser.headers)).status_code == 204
    assert_problem(await client.get(url, headers=advertiser.headers), 404)


async def test_a_campaign_has_at_most_one_rule(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    target = await create_list(client, advertiser.headers)
    first = await create_rule(client, advertiser.headers, target["id"], name="first")
    second = await create_rule(client, advertiser.headers, target["id"], name="second")
    campaign = await create_campaign(client, advertiser.headers)
    url = f"{API}/campaigns/{campaign['id']}/rule"
    assert_problem(await client.get(url, headers=advertiser.headers), 404)
    linked = await link(client, advertiser.headers, campaign["id"], first["id"])
    assert linked.status_code == 200, linked.text
    assert linked.json()["campaign_ids"] == [campaign["id"]]
    replaced = await link(client, advertiser.headers, campaign["id"], second["id"])
    assert replaced.json()["id"] == second["id"]
    assert (await client.get(url, headers=advertiser.headers)).json()["id"] == second["id"]
    old = (await client.get(f"{API}/rules/{first['id']}", headers=advertiser.headers)).json()
    assert old["campaign_ids"] == []
    assert (await client.delete(url, headers=advertiser.headers)).status_code == 204
    assert_problem(await client.get(url, headers=advertiser.headers), 404)
    assert_problem(await client.delete(url, headers=advertiser.headers), 404)
    # The rule stays when its link goes.
    assert (await client.get(f"{API}/rules/{second['id']}", headers=advertiser.headers)).json()[
        "campaign_ids"
    ] == []


async def test_one_rule_watches_several_campaigns(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    target = await create_list(client, advertiser.headers)
    rule = await create_rule(client, advertiser.headers, target["id"])
    ids = [(await create_campaign(client, advertiser.headers))["id"] for _ in range(2)]
    for cid in ids:
        assert (await link(client, advertiser.headers, cid, rule["id"])).status_code == 200
    got = (await client.get(f"{API}/rules/{rule['id']}", headers=advertiser.headers)).json()
    assert got["campaign_ids"] == sorted(ids)


def _same(a: httpx.Response, b: httpx.Response, a_id: int, b_id: int) -> None:
    assert a.status_code == b.status_code, (a.text, b.text)
    assert a.status_code in {404, 422}
    strip = lambda r, i: r.json()["detail"].replace(str(i), "N")  # noqa: E731
    assert strip(a, a_id) == strip(b, b_id)


async def test_another_accounts_rule_looks_like_a_missing_one_on_every_route(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    target = await create_list(client, advertiser.headers)
    rule = await create_rule(client, advertiser.headers, target["id"])
    campaign = await create_campaign(client, advertiser.headers)
    assert (await link(client, advertiser.headers, campaign["id"], rule["id"])).status_code == 200
    mine = await create_campaign(client, other_advertiser.headers)
    missing = 987654321
    intruder = other_advertiser.headers
    for method, path, body in [
        ("GET", "/rules/{r}", None),
        ("PATCH", "/rules/{r}", {"name": "x"}),
        ("DELETE", "/rules/{r}", None),
        ("GET", "/rules/{r}/history", None),
        ("GET", "/campaigns/{c}/rule", None),
        ("PUT", "/campaigns/{c}/rule", {"rule_id": 1}),
        ("DELETE", "/campaigns/{c}/rule", None),
        ("GET", "/campaigns/{c}/rule/history", None),
    ]:
        ident = rule["id"] if "{r}" in path else campaign["id"]
        foreign = await client.request(
            method, API + path.format(r=ident, c=ident), json=body, headers=intruder
        )
        absent = await client.request(
            method, API + path.format(r=missing, c=missing), json=body, headers=intruder
        )
        _same(foreign, absent, ident, missing)
    # Linking the intruder's own campaign to the owner's rule: as a rule that does not exist.
    foreign = await link(client, intruder, mine["id"], rule["id"])
    absent = await link(client, intruder, mine["id"], missing)
    _same(foreign, absent, rule["id"], missing)
    listing = (await client.get(f"{API}/rules", headers=intruder)).json()
    assert listing["items"] == []
    # Nothing of the owner's changed.
    got = (await client.get(f"{API}/rules/{rule['id']}", headers=advertiser.headers)).json()
    assert got == {**rule, "campaign_ids": [campaign["id"]]}


async def test_an_admin_links_only_a_rule_of_the_campaigns_account(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor, admin: Actor
) -> None:
    target = await create_list(client, advertiser.headers)
    rule = await create_rule(client, advertiser.headers, target["id"])
    theirs = await create_campaign(client, other_advertiser.headers)
    response = await link(client, admin.headers, theirs["id"], rule["id"])
    assert "another account" in assert_problem(response, 422, field="rule_id")["detail"]
    assert (await client.get(f"{API}/rules/{rule['id']}", headers=admin.headers)).status_code == 200
