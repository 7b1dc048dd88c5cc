"""POST /api/v1/events: durable acceptance, duplicates, batch validation and tenancy."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.events.helpers import event, post_events, report
from tests.support.native import API, assert_problem, create_campaign


async def _impressions(client: httpx.AsyncClient, app: Any, headers: dict[str, str]) -> int:
    await app.state.events.flush()
    body = await report(client, headers, metrics=["impressions"])
    return int(body["totals"]["impressions"])


async def test_a_batch_is_accepted_with_202_and_counted_once_loaded(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await post_events(
        client, advertiser.headers, [event(campaign["id"]) for _ in range(5)]
    )
    assert response.status_code == 202, response.text
    assert response.json() == {"accepted": 5, "duplicates": 0}
    assert await _impressions(client, app, advertiser.headers) == 5


async def test_a_replayed_batch_is_accepted_as_duplicates_and_not_counted_again(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    batch = [event(campaign["id"]) for _ in range(4)]
    assert (await post_events(client, advertiser.headers, batch)).json()["duplicates"] == 0
    # Once before the first copy is loaded, once after: both are recognised.
    again = await post_events(client, advertiser.headers, batch)
    assert again.json() == {"accepted": 4, "duplicates": 4}
    await app.state.events.flush()
    third = await post_events(client, advertiser.headers, [*batch, event(campaign["id"])])
    assert third.status_code == 202
    assert third.json() == {"accepted": 5, "duplicates": 4}
    assert await _impressions(client, app, advertiser.headers) == 5


async def test_an_id_repeated_within_one_batch_is_counted_once(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    one = event(campaign["id"])
    response = await post_events(client, advertiser.headers, [one, dict(one), dict(one)])
    assert response.json() == {"accepted": 3, "duplicates": 2}
    assert await _impressions(client, app, advertiser.headers) == 1


async def test_an_unknown_field_rejects_the_batch_naming_event_and_field(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    bad = event(campaign["id"], colour="blue")
    response = await post_events(client, advertiser.headers, [event(campaign["id"]), bad])
    body = assert_problem(response, 422, field="events.1.colour")
    assert "event 1" in body["detail"]
    assert "colour" in body["detail"]
    assert await _impressions(client, app, advertiser.headers) == 0


async def test_a_bad_type_rejects_the_batch_naming_the_event(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    events = [event(campaign["id"]), event(campaign["id"]), event(campaign["id"], cost="abc")]
    body = assert_problem(
        await post_events(client, advertiser.headers, events), 422, field="events.2.cost"
    )
    assert body["detail"].startswith("event 2 is invalid")


async def test_a_campaign_id_sent_as_text_is_a_bad_type(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    bad = event(campaign["id"])
    bad["campaign_id"] = str(campaign["id"])
    response = await post_events(client, advertiser.headers, [bad])
    assert_problem(response, 422, field="events.0.campaign_id")


async def test_missing_required_fields_are_named(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await post_events(client, advertiser.headers, [{"event_id": "x", "type": "bid"}])
    body = assert_problem(response, 422, field="events.0.ts")
    assert "campaign_id" in body["detail"]


async def test_an_unknown_campaign_rejects_the_batch(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    events = [event(campaign["id"]), event(999_999)]
    body = assert_problem(
        await post_events(client, advertiser.headers, events), 422, field="events.1.campaign_id"
    )
    assert "999999" in body["detail"]
    assert await _impressions(client, app, advertiser.headers) == 0


async def test_another_accounts_campaign_is_refused_like_a_missing_one(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    theirs = await create_campaign(client, other_advertiser.headers)
    response = await post_events(client, advertiser.headers, [event(theirs["id"])])
    body = assert_problem(response, 422, field="events.0.campaign_id")
    assert body["detail"] == f"event 0 is invalid: campaign {theirs['id']} not found"


async def test_an_admin_may_post_for_any_accounts_campaign(
    client: httpx.AsyncClient, app: Any, admin: Actor, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    response = await post_events(client, admin.headers, [event(campaign["id"])])
    assert response.status_code == 202, response.text
    assert await _impressions(client, app, advertiser.headers) == 1


async def test_more_than_ten_thousand_events_are_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    events = [event(campaign["id"]) for _ in range(10_001)]
    assert_problem(await post_events(client, advertiser.headers, events), 422, field="events")


async def test_ten_thousand_events_are_accepted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    events = [event(campaign["id"]) for _ in range(10_000)]
    response = await post_events(client, advertiser.headers, events)
    assert response.json() == {"accepted": 10_000, "duplicates": 0}


async def test_a_body_that_is_not_json_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(f"{API}/events", content=b"{not json", headers=advertiser.headers)
    assert_problem(response, 422)


async def test_posting_events_needs_credentials(client: httpx.AsyncClient) -> None:
    assert_problem(await client.post(f"{API}/events", json={"events": []}), 401)


async def test_an_empty_batch_is_accepted(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await post_events(client, advertiser.headers, [])
    assert response.json() == {"accepted": 0, "duplicates": 0}


async def test_an_id_sent_again_with_another_time_is_still_counted_once(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    first = event(campaign["id"], ts="2026-03-10T12:00:00Z")
    assert (await post_events(client, advertiser.headers, [first])).status_code == 202
    await app.state.events.flush()
    moved = {**first, "ts": "2026-03-12T08:00:00Z"}
    assert (await post_events(client, advertiser.headers, [moved])).status_code == 202
    assert await _impressions(client, app, advertiser.headers) == 1


async def test_a_campaign_remembered_from_its_owners_batch_is_still_refused_to_others(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    mine = await post_events(client, advertiser.headers, [event(campaign["id"])])
    assert mine.status_code == 202
    theirs = await post_events(client, other_advertiser.headers, [event(campaign["id"])])
    assert_problem(theirs, 422, field="events.0.campaign_id")


NEW_FIELDS: dict[str, Any] = {
    "app_name": "Chess Pro",
    "source": "src-0042",
    "ssp": "North-SSP",
    "traffic_type": "ctv",
    "request_type": "video",
    "is_pmp": True,
}


async def test_the_new_dimensions_are_stored_and_reported_in_canonical_form(
    client: httpx.AsyncClient, app: Any, advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    events = [event(campaign["id"], **NEW_FIELDS), event(campaign["id"], is_pmp=False)]
    response = await post_events(client, advertiser.headers, events)
    assert response.status_code == 202, response.text
    await app.state.events.flush()
    body = await report(
        client, advertiser.headers, dimensions=list(NEW_FIELDS), metrics=["impressions"]
    )
    assert body["rows"] == [
        {**NEW_FIELDS, "ssp": "north-ssp", "impressions": 1},
        {**dict.fromkeys(NEW_FIELDS), "is_pmp": False, "impressions": 1},
    ]
    filtered = await report(
        client,
        advertiser.headers,
        dimensions=["traffic_type"],
        metrics=["impressions"],
        filters={"request_type": "video", "is_pmp": True, "ssp": "north-ssp"},
    )
    assert filtered["rows"] == [{"traffic_type": "ctv", "impressions": 1}]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("app_name", "x" * 256),
        ("source", 42),
        ("ssp", "not a slug"),
        ("traffic_type", "site"),
        ("request_type", "display"),
        ("is_pmp", "yes"),
    ],
)
async def test_a_bad_new_dimension_value_is_a_422_naming_the_field(
    client: httpx.AsyncClient, app: Any, advertiser: Actor, field: str, value: Any
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    events = [event(campaign["id"]), event(campaign["id"], **{field: value})]
    response = await post_events(client, advertiser.headers, events)
    body = assert_problem(response, 422, field=f"events.1.{field}")
    assert field in body["detail"]
    assert await _impressions(client, app, advertiser.headers) == 0


async def test_a_report_filter_outside_a_vocabulary_is_a_422_naming_it(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/reports",
        json={
            "from": "2026-03-01",
            "to": "2026-03-31",
            "metrics": ["bids"],
            "filters": {"traffic_type": "tv"},
        },
        headers=advertiser.headers,
    )
    body = assert_problem(response, 422, field="filters.traffic_type")
    assert "desktop_web" in body["detail"]
