"""The form parameters of "Create a campaign" are checked, and errors name the field."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.dialects.trafficstars.helpers import BASE, CREATE_BODY, bearer

C = f"{BASE}/v1.1/campaigns"
MISSING = object()


def _body(**changes: Any) -> dict[str, Any]:
    body = dict(CREATE_BODY)
    for key, value in changes.items():
        if value is MISSING:
            body.pop(key, None)
        else:
            body[key] = value
    return body


INVALID: list[Any] = [
    pytest.param(_body(name=MISSING), "name", id="name missing"),
    pytest.param(_body(format_id=MISSING), "format_id", id="format_id missing"),
    pytest.param(_body(pricing_model=MISSING), "pricing_model", id="pricing_model missing"),
    pytest.param(_body(price=MISSING), "price", id="price missing"),
    pytest.param(_body(max_daily=MISSING), "max_daily", id="max_daily missing"),
    pytest.param(_body(hours_targeting=MISSING), "hours_targeting", id="hours missing"),
    pytest.param(_body(name=""), "name", id="name empty"),
    pytest.param(_body(name=123), "name", id="name not a string"),
    pytest.param(_body(pricing_model="cpx"), "pricing_model", id="pricing model"),
    pytest.param(_body(type="banner"), "type", id="type"),
    pytest.param(_body(traffic_type="vip"), "traffic_type", id="traffic type"),
    pytest.param(_body(traffic_source_type="x"), "traffic_source_type", id="source type"),
    pytest.param(_body(network_traffic_type="tor"), "network_traffic_type", id="network type"),
    pytest.param(_body(push_format_option="sms"), "push_format_option", id="push option"),
    pytest.param(
        _body(format_id=104, ad_format_options=["pre-roll"]),
        "ad_format_options",
        id="ad format option of another format",
    ),
    pytest.param(
        _body(push_subscription_interval="1_2"), "push_subscription_interval", id="interval"
    ),
    pytest.param(_body(hours_targeting="1121"), "hours_targeting", id="hours not 0/1"),
    pytest.param(_body(hours_targeting="1" * 169), "hours_targeting", id="hours too long"),
    pytest.param(_body(hours_retargeting="x"), "hours_retargeting", id="hours_retargeting"),
    pytest.param(_body(format_id=999), "format_id", id="format does not exist"),
    pytest.param(_body(format_id=0), "format_id", id="format id 0"),
    pytest.param(_body(spots=[987654]), "spots", id="spot does not exist"),
    pytest.param(_body(exclude_spots=[987654]), "exclude_spots", id="excluded spot unknown"),
    pytest.param(_body(adspots=["nope"]), "adspots", id="spot codename unknown"),
    pytest.param(_body(sites=[987654]), "sites", id="site does not exist"),
    pytest.param(_body(spots=["a"]), "spots.0", id="spot id not a number"),
    pytest.param(_body(countries=["XX"]), "countries", id="country"),
    pytest.param(_body(price=-1), "price", id="negative price"),
    pytest.param(_body(price="abc"), "price", id="price not a number"),
    pytest.param(_body(price=0.0000001), "price", id="price too precise"),
    pytest.param(_body(max_daily=True), "max_daily", id="max_daily boolean"),
    pytest.param(_body(flat_rate=101), "flat_rate", id="flat rate over 100"),
    pytest.param(_body(weight=-1), "weight", id="negative weight"),
    pytest.param(_body(schedule_timezone=20), "schedule_timezone", id="timezone"),
    pytest.param(_body(schedule_start_time="yesterday"), "schedule_start_time", id="start"),
    pytest.param(
        _body(schedule_start_time="2031-01-02 00:00:00", schedule_end_time="2031-01-01 00:00:00"),
        "schedule_end_time",
        id="end before start",
    ),
    pytest.param(_body(ip_range="1.2.3"), "ip_range", id="ip range"),
    pytest.param(_body(exclude_ip_range="1.2.3.9-1.2.3.1"), "exclude_ip_range", id="ip order"),
    pytest.param(
        _body(device_price_on_release_from=500, device_price_on_release_to=100),
        "device_price_on_release_to",
        id="device prices",
    ),
    pytest.param(_body(enabled_subids="subID"), "enabled_subids", id="subids not a list"),
    pytest.param(_body(user_id=987654), "user_id", id="user does not exist"),
]


@pytest.mark.parametrize(("body", "field"), INVALID)
async def test_an_invalid_create_names_the_field(
    client: httpx.AsyncClient, advertiser: Actor, body: dict[str, Any], field: str
) -> None:
    headers = bearer(advertiser.api_key)
    response = await client.post(C, json=body, headers=headers)
    assert response.status_code == 422, response.text
    payload = response.json()
    assert (payload["code"], payload["error"]) == (422, "validation_failed")
    assert field in [e["field"] for e in payload["errors"]], payload
    # Nothing was created.
    assert (await client.get(C, headers=headers)).json() == {"response": []}


async def test_every_missing_required_field_is_named(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(C, json={"weight": 1}, headers=bearer(advertiser.api_key))
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {
        "name",
        "format_id",
        "pricing_model",
        "price",
        "max_daily",
        "hours_targeting",
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"price": None}, "price"),
        ({"max_daily": None}, "max_daily"),
        ({"hours_targeting": ""}, "hours_targeting"),
        ({"format_id": None}, "format_id"),
    ],
)
async def test_an_edit_cannot_empty_a_required_field(
    client: httpx.AsyncClient, advertiser: Actor, change: dict[str, Any], field: str
) -> None:
    headers = bearer(advertiser.api_key)
    created = (await client.post(C, json=CREATE_BODY, headers=headers)).json()
    response = await client.patch(f"{C}/{created['id']}", json=change, headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


async def test_an_edit_with_nothing_known_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    headers = bearer(advertiser.api_key)
    created = (await client.post(C, json=CREATE_BODY, headers=headers)).json()
    response = await client.patch(f"{C}/{created['id']}", json={"colour": "red"}, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"] == "validation_failed"


async def test_an_invalid_edit_changes_nothing(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    headers = bearer(advertiser.api_key)
    created = (await client.post(C, json=CREATE_BODY, headers=headers)).json()
    response = await client.patch(
        f"{C}/{created['id']}", json={"name": "New", "format_id": 999}, headers=headers
    )
    assert response.status_code == 422
    assert (await client.get(f"{C}/{created['id']}", headers=headers)).json() == created
