"""POST /api/v1/reports over HTTP: shapes, exact numbers, validation errors and tenancy."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.events.helpers import event, post_events, report
from tests.support.native import API, assert_problem, create_campaign


async def _post(client: httpx.AsyncClient, app: Any, actor: Actor, events: list[Any]) -> None:
    response = await post_events(client, actor.headers, events)
    assert response.status_code == 202, response.text
    await app.state.events.flush()


async def test_money_and_ratios_are_exact_json_numbers(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    cid = campaign["id"]
    await _post(
        client,
        app,
        advertiser,
        [
            event(cid, "impression", cost="0.1"),
            event(cid, "impression", cost="0.2"),
            event(cid, "impression", cost=0.000001),
            event(cid, "click"),
        ],
    )
    response = await client.post(
        f"{API}/reports",
        json={
            "from": "2026-03-10",
            "to": "2026-03-10",
            "dimensions": ["campaign_id"],
            "metrics": ["impressions", "clicks", "spend", "ecpm", "ctr"],
        },
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    body = json.loads(response.text, parse_float=Decimal)
    row = body["rows"][0]
    assert row == {
        "campaign_id": cid,
        "impressions": 3,
        "clicks": 1,
        "spend": Decimal("0.300001"),
        "ecpm": Decimal("100.000333"),
        "ctr": Decimal("33.333333"),
    }
    assert body["totals"] == {k: v for k, v in row.items() if k != "campaign_id"}
    assert (body["page"], body["page_size"], body["total_rows"]) == (1, 100, 1)


async def test_ratios_over_a_zero_denominator_are_zero(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    await _post(client, app, advertiser, [event(campaign["id"], "bid") for _ in range(3)])
    body = await report(
        client,
        advertiser.headers,
        dimensions=["campaign_id"],
        metrics=["bids", "ctr", "ecpm", "ecpc", "cpa", "cr", "winrate", "roi", "epc"],
    )
    row = body["rows"][0]
    assert row["bids"] == 3
    assert {row[m] for m in ("ctr", "ecpm", "ecpc", "cpa", "cr", "winrate", "roi", "epc")} == {0}


async def test_dates_follow_the_reports_time_zone(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    # 05:00 UTC on the 10th is 19:00 on the 9th at UTC-10 (Etc/GMT+10).
    await _post(client, app, advertiser, [event(campaign["id"], ts="2026-03-10T05:00:00Z")])
    body = await report(
        client,
        advertiser.headers,
        timezone="Etc/GMT+10",
        dimensions=["date", "hour"],
        metrics=["impressions"],
    )
    assert body["rows"] == [{"date": "2026-03-09", "hour": "2026-03-09T19:00:00", "impressions": 1}]
    edge = await report(
        client,
        advertiser.headers,
        **{"from": "2026-03-10", "to": "2026-03-10"},
        timezone="Etc/GMT+10",
        metrics=["impressions"],
    )
    assert edge["totals"]["impressions"] == 0


async def test_epoch_milliseconds_and_offsets_are_stored_in_utc(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    cid = campaign["id"]
    await _post(
        client,
        app,
        advertiser,
        [
            event(cid, ts=1773144000000),  # 2026-03-10T12:00:00Z
            event(cid, ts="2026-03-10T14:30:00+02:00"),
            event(cid, ts="2026-03-10T12:45:00"),
        ],
    )
    body = await report(client, advertiser.headers, dimensions=["hour"], metrics=["impressions"])
    assert body["rows"] == [{"hour": "2026-03-10T12:00:00", "impressions": 3}]


async def test_another_accounts_events_are_invisible(
    client: httpx.AsyncClient, app: Any, advertiser: Actor, other_advertiser: Actor, admin: Actor
) -> None:
    mine = await create_campaign(client, advertiser.headers)
    theirs = await create_campaign(client, other_advertiser.headers)
    await _post(client, app, advertiser, [event(mine["id"], cost="1")])
    await _post(client, app, other_advertiser, [event(theirs["id"], cost="5") for _ in range(2)])
    body = await report(
        client, advertiser.headers, dimensions=["campaign_id"], metrics=["impressions", "spend"]
    )
    assert body["rows"] == [{"campaign_id": mine["id"], "impressions": 1, "spend": 1}]
    probe = await report(
        client,
        advertiser.headers,
        dimensions=["campaign_id", "account_id"],
        metrics=["impressions"],
        filters={"campaign_id": theirs["id"], "account_id": other_advertiser.account_id},
    )
    assert probe["rows"] == []
    assert probe["totals"] == {"impressions": 0}
    everything = await report(client, admin.headers, metrics=["impressions", "spend"])
    assert everything["totals"] == {"impressions": 3, "spend": 11}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"dimensions": ["date", "colour"]}, "dimensions.1"),
        ({"metrics": ["impressions", "happiness"]}, "metrics.1"),
        ({"metrics": []}, "metrics"),
        ({"from": "2026-03-20", "to": "2026-03-10"}, "to"),
        ({"from": "2026-02-30"}, "from"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"page": 0}, "page"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 50_001}, "page_size"),
        ({"order_by": "clicks"}, "order_by"),
        ({"order": "sideways"}, "order"),
        ({"filters": {"colour": "red"}}, "filters.colour"),
        ({"filters": {"campaign_id": "twelve"}}, "filters.campaign_id"),
        ({"filters": {"date": "yesterday"}}, "filters.date"),
        ({"surprise": True}, "surprise"),
    ],
)
async def test_an_invalid_report_is_a_clear_422(
    client: httpx.AsyncClient, advertiser: Actor, change: dict[str, Any], field: str
) -> None:
    body = {
        "from": "2026-03-01",
        "to": "2026-03-31",
        "dimensions": ["date"],
        "metrics": ["impressions"],
        **change,
    }
    response = await client.post(f"{API}/reports", json=body, headers=advertiser.headers)
    assert_problem(response, 422, field=field)


async def test_reports_need_credentials(client: httpx.AsyncClient) -> None:
    response = await client.post(
        f"{API}/reports", json={"from": "2026-03-01", "to": "2026-03-02", "metrics": ["bids"]}
    )
    assert_problem(response, 401)
