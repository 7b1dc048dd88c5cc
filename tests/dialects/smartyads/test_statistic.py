"""``POST api/statistic`` over the report engine: groupBy, metrics, totals, labels, limits."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from adplane.dialects.smartyads.statistic import GROUP_BY, METRICS
from adplane.reports.catalog import DIMENSIONS
from tests.conftest import Actor
from tests.dialects.smartyads.helpers import BASE
from tests.events.helpers import event, post_events
from tests.support.wire import wire_body


async def _campaign(client: httpx.AsyncClient, actor: Actor, name: str) -> int:
    made = await client.post(
        f"{BASE}/campaigns",
        json={"type": "banner", "name": name, "aDomain": "a.com"},
        headers=actor.headers,
    )
    assert made.status_code == 200, made.text
    cid: int = made.json()["data"]["id"]
    return cid


async def _events(client: httpx.AsyncClient, app: Any, actor: Actor, events: list[Any]) -> None:
    response = await post_events(client, actor.headers, events)
    assert response.status_code == 202, response.text
    await app.state.events.flush()


def _request(**extra: Any) -> dict[str, Any]:
    return {
        "timezone": "UTC",
        "from": "2026-03-10",
        "to": "2026-03-10",
        "groupBy": ["YMD", "campaignId"],
        "agregatedFields": ["bids", "wins", "impressions", "clicks", "dspSpend", "winrate", "ctr"],
        "page": 1,
        "rowsOnPage": 25,
        **extra,
    }


def test_every_group_by_value_names_a_core_dimension_or_a_pending_one() -> None:
    assert len(GROUP_BY) == 23
    assert len(METRICS) == 11
    pending = {"ssp", "source", "app_name", "traffic_type", "request_type", "is_pmp"}
    for key, dimension in GROUP_BY.items():
        assert dimension in DIMENSIONS or dimension in pending, key


async def test_rows_totals_labels_and_pagination(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    first = await _campaign(client, advertiser, "Rerum aut")
    second = await _campaign(client, advertiser, "Vel eos")
    await _events(
        client,
        app,
        advertiser,
        [
            *[event(first, "bid") for _ in range(4)],
            *[event(first, "win") for _ in range(2)],
            event(first, "impression", cost="0.5"),
            event(first, "impression", cost="0.25"),
            event(first, "click"),
            *[event(second, "bid") for _ in range(2)],
            event(second, "win"),
            *[event(second, "impression", cost="0.1") for _ in range(4)],
        ],
    )
    response = await client.post(
        f"{BASE}/statistic",
        json=_request(orderField="campaignId", orderDir="asc"),
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "success"
    assert body["pagination"] == {"page": 1, "per_page": 25, "total": 2}
    rows = body["data"]
    assert rows[0] == {
        "YMD": "2026-03-10",
        "campaignId": first,
        "campaignId_dict": f"Rerum aut| id# {first}",
        "bids": 4,
        "wins": 2,
        "impressions": 2,
        "clicks": 1,
        "dspSpend": 0.75,
        "winrate": 50.0,
        "ctr": 50.0,
    }
    assert rows[1]["campaignId_dict"] == f"Vel eos| id# {second}"
    totals = body["totals"]
    assert totals["YMD"] == ""
    assert totals["campaignId"] == 0
    assert totals["campaignId_dict"] == ""
    assert (totals["bids"], totals["wins"], totals["impressions"], totals["clicks"]) == (
        6,
        3,
        6,
        1,
    )
    # Ratios of the sums (3/6 wins, 1/6 clicks), not the mean of the rows' ratios.
    assert totals["winrate"] == 50.0
    assert totals["ctr"] == pytest.approx(16.666667)
    assert totals["dspSpend"] == pytest.approx(1.15)


async def test_the_filter_keeps_one_campaign_and_another_account_sees_nothing(
    client: httpx.AsyncClient, app: Any, advertiser: Actor, other_advertiser: Actor
) -> None:
    mine = await _campaign(client, advertiser, "mine")
    other = await _campaign(client, advertiser, "other")
    await _events(client, app, advertiser, [event(mine, "impression"), event(other, "click")])
    response = await client.post(
        f"{BASE}/statistic",
        json=_request(filter={"campaignId": mine}),
        headers=advertiser.headers,
    )
    assert [r["campaignId"] for r in response.json()["data"]] == [mine]
    foreign = await client.post(
        f"{BASE}/statistic",
        json=_request(filter={"campaignId": mine}),
        headers=other_advertiser.headers,
    )
    assert foreign.status_code == 200
    assert foreign.json()["data"] == []
    assert foreign.json()["pagination"]["total"] == 0


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"groupBy": ["YMDH"], "from": "2026-03-10", "to": "2026-03-12"}, "groupBy"),
        ({"rowsOnPage": 9}, "rowsOnPage"),
        ({"rowsOnPage": 50_001}, "rowsOnPage"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"orderField": "nothing"}, "orderField"),
        ({"groupBy": ["week"]}, "groupBy.0"),
        ({"from": "10.03.2026"}, "from"),
    ],
)
async def test_bad_requests_are_422_naming_the_field(
    client: httpx.AsyncClient, advertiser: Actor, extra: dict[str, Any], field: str
) -> None:
    response = await client.post(
        f"{BASE}/statistic", json=_request(**extra), headers=advertiser.headers
    )
    assert response.status_code == 422, response.text
    assert field in wire_body(response)["errors"]


async def test_ymdh_reads_hours_within_two_days(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    cid = await _campaign(client, advertiser, "hourly")
    await _events(client, app, advertiser, [event(cid, "impression")])
    response = await client.post(
        f"{BASE}/statistic",
        json=_request(
            groupBy=["YMDH"],
            agregatedFields=["impressions"],
            **{"from": "2026-03-10"},
            to="2026-03-11",
        ),
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"] == [{"YMDH": "2026-03-10 12:00:00", "impressions": 1}]
