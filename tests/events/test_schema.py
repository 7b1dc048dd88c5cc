"""The event schema: strict types, unknown fields named, times and money normalised."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import orjson
import pytest

from adplane.events import schema
from adplane.kit.errors import ValidationFailed


def parse(**fields: Any) -> schema.EventIn:
    base = {"event_id": "e", "type": "click", "ts": "2026-03-10T10:00:00Z", "campaign_id": 1}
    return schema.parse_batch(orjson.dumps({"events": [{**base, **fields}]}))[0]


def refused(**fields: Any) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        parse(**fields)
    return caught.value


def test_every_documented_field_is_accepted() -> None:
    every = {
        "creative_id": 1, "stream_id": 2, "landing_id": 3, "offer_id": 4, "exchange": "adx",
        "publisher_id": "p", "site_id": 5, "app_id": "a", "domain": "d.example",
        "bundle": "com.x", "page": "https://d.example/", "spot_id": 6, "sub_id_1": "1",
        "sub_id_2": "2", "sub_id_3": "3", "sub_id_4": "4", "sub_id_5": "5", "country": "US",
        "region": "CA", "city": "LA", "device_type": "mobile", "os": "iOS", "os_version": "17",
        "browser": "Safari", "browser_version": "17", "language": "en", "carrier": "T",
        "connection_type": "wifi", "size": "300x250", "cost": "0.5", "revenue": "1.25",
        "click_id": "c", "auction_id": "a", "user_key": "u", "ip": "2001:db8::1",
        "user_agent": "Mozilla/5.0", "ssp": "north", "source": "src-1", "app_name": "Chess",
        "traffic_type": "ctv", "request_type": "video", "is_pmp": False,
    }  # fmt: skip
    assert set(every) | {"event_id", "type", "ts", "campaign_id"} == set(schema.FIELD_NAMES)
    assert parse(**every)["size"] == "300x250"


def test_epoch_milliseconds_are_read_as_utc() -> None:
    assert parse(ts=1773144000000)["ts"].isoformat() == "2026-03-10T12:00:00+00:00"


def test_times_outside_the_plausible_window_are_refused() -> None:
    assert refused(ts="1999-12-31T23:59:59Z").errors[0].field == "events.0.ts"
    assert refused(ts=1).errors[0].field == "events.0.ts"


def test_money_keeps_up_to_six_decimals_exactly() -> None:
    assert parse(cost=0.1)["cost"] == Decimal("0.1")
    assert refused(cost="0.0000001").errors[0].field == "events.0.cost"
    assert refused(revenue=-1).errors[0].field == "events.0.revenue"


def test_country_codes_are_upper_cased_and_checked() -> None:
    assert parse(country="de")["country"] == "DE"
    assert refused(country="Germany").errors[0].field == "events.0.country"


def test_every_unknown_field_is_named() -> None:
    error = refused(colour="red", shape="round")
    assert {e.field for e in error.errors} == {"events.0.colour", "events.0.shape"}
    assert "unknown field 'colour'" in error.detail


def test_an_unknown_event_type_is_refused() -> None:
    assert refused(type="view").errors[0].field == "events.0.type"


def test_lines_round_trip_even_with_json_lookalikes_in_strings() -> None:
    tricky = 'a"},{"event_id":"b'
    event = parse(event_id=tricky, page='}\n{"x":1}')
    stored: Any = [{**event, "account_id": 3}, {**parse(event_id="z"), "account_id": 3}]
    lines = schema.to_lines(stored)
    assert [orjson.loads(line)["event_id"] for line in lines] == [tricky, "z"]
    assert all(b"\n" not in line for line in lines)


def test_ndjson_output_matches_the_lines() -> None:
    stored: Any = [{**parse(event_id=f"e{i}", page="a},{b"), "account_id": 1} for i in range(3)]
    assert schema.to_ndjson(stored) == b"".join(line + b"\n" for line in schema.to_lines(stored))


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("app_name", "Chess Pro", "Chess Pro"),
        ("source", "src-0042", "src-0042"),
        ("ssp", "North-SSP.eu", "north-ssp.eu"),
        ("is_pmp", True, True),
        ("is_pmp", False, False),
        *[("traffic_type", t, t) for t in schema.TRAFFIC_TYPES],
        *[("request_type", t, t) for t in schema.REQUEST_TYPES],
    ],
)
def test_each_new_dimension_is_accepted_in_canonical_form(
    field: str, value: Any, stored: Any
) -> None:
    assert parse(**{field: value})[field] == stored  # type: ignore[literal-required]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("app_name", "x" * 256),
        ("app_name", 7),
        ("source", ["src"]),
        ("ssp", "two words"),
        ("ssp", "-leading-dash"),
        ("ssp", "x" * 65),
        ("traffic_type", "site"),
        ("traffic_type", "CTV"),
        ("request_type", "display"),
        ("is_pmp", "true"),
        ("is_pmp", 1),
    ],
)
def test_a_bad_value_of_a_new_dimension_is_refused_naming_it(field: str, value: Any) -> None:
    error = refused(**{field: value})
    assert [e.field for e in error.errors] == [f"events.0.{field}"]
    assert field in str(error)
