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


# --- the fast path (msgspec) and the reference (pydantic) agree --------------------------------

BASE: dict[str, Any] = {
    "event_id": "e",
    "type": "click",
    "ts": "2026-03-10T10:00:00Z",
    "campaign_id": 1,
}
TIMES: tuple[Any, ...] = (
        "2026-03-10 10:00:00", "2026-03-10t10:00:00z", "2026-03-10T10:00:00.5Z",
        "2026-03-10T10:00:00.1234567Z", "2026-03-10T10:00:00.123456789+01:00",
        "2026-03-10T10:00:00-00:00", "2026-03-10T10:00:00+05:30", "2026-03-10T10:00:00+24:00",
        "2026-03-10T10:00:00,5Z", "2026-03-10", "2026-03-10T10:00", "2026-02-30T10:00:00Z",
        "1999-12-31T23:59:59", "2000-01-01T00:00:00", "2000-01-01T00:30:00+01:00",
        "2099-12-31T23:59:59Z", "2099-12-31T23:59:59-05:00", "2100-01-01T00:00:00",
        "2026-03-10T10:00:00Z\n", " 2026-03-10T10:00:00Z", "1773144000", "",
        1773144000, 1773144000000, 946684800, 946684799, 4102444799, 4102444800,
        946684800000, 4102444799999, 20000000000, 20000000001, 1773144000.5, -1, True, None,
    )  # fmt: skip
MONEY: tuple[Any, ...] = (
        "0.5", " 0.5", "1_0", "NaN", "Infinity", "-1", "-0", "1e-3", "1E+2", "0.50", "+1",
        "0.0000001", "0.1000000", "123456789012.123456", "1234567890123", "999999999999",
        0.1, 1e2, 100, 0, -0.0, 0.10000000000000000001, 123456789012.12346, 1.5e-7, True, "",
        "abc", None,
    )  # fmt: skip
EDGES: list[dict[str, Any]] = [
    {},
    *[{"ts": ts} for ts in TIMES],
    *[{"cost": cost} for cost in MONEY],
    *[{"country": c} for c in ("de", "DE", "dE", "US\n", "USA", "", 1)],
    *[{"ssp": s} for s in ("North-SSP.eu", "-x", "x" * 64, "x" * 65, "a b", "A\n")],
    *[{"size": s} for s in ("300x250", "300X250", "300x250\n", "123456x1")],
    *[{"ip": s} for s in ("2001:db8::1", "10.0.0.1", "10.0.0.1\n", "g::1", "1" * 46)],
    *[{"campaign_id": c} for c in (0, -1, 2**63 - 1, 2**63, 1.0, "1", True)],
    *[{"creative_id": c} for c in (0, -1, 2**63, 1.0, None, "7")],
    *[{"event_id": e} for e in ("", "x" * 128, "x" * 129, 5, "é" * 128, "a\u0000b")],
    *[{"is_pmp": v} for v in (True, False, None, 1, "true")],
    *[{"type": t} for t in ("bid", "view", "CLICK", None)],
    {"account_id": 3},
    {"colour": "red"},
    {"page": "x" * 2048},
    {"page": "x" * 2049},
    {"user_agent": "Mozilla/5.0 \u2603"},
]


def _outcome(run: Any) -> Any:
    try:
        return ("accepted", run())
    except ValidationFailed as exc:
        return ("refused", str(exc), [(e.field, e.message) for e in exc.errors])


@pytest.mark.parametrize("fields", EDGES, ids=lambda f: repr(f)[:60])
def test_the_fast_path_accepts_and_refuses_what_the_reference_does(fields: dict[str, Any]) -> None:
    line = orjson.dumps({**BASE, **fields})
    fast = _outcome(lambda: schema.parse_lines([line], lax=False, line_numbers=[7]))
    reference = _outcome(
        lambda: [
            {k: v for k, v in e.items() if v is not None}
            for e in schema._parse_lines_reference([line], lax=False, line_numbers=[7])
        ]
    )
    assert fast == reference


def test_a_batch_body_agrees_with_the_reference_too() -> None:
    for fields in EDGES:
        body = orjson.dumps({"events": [BASE, {**BASE, **fields}]})
        fast = _outcome(lambda body=body: schema.parse_batch(body))
        reference = _outcome(
            lambda body=body: [
                {k: v for k, v in e.items() if v is not None}
                for e in schema._parse_batch_reference(body)
            ]
        )
        assert fast == reference, fields


def test_stored_lines_keep_money_exact_and_times_in_utc_text() -> None:
    line = orjson.dumps({**BASE, "cost": "0.000001", "revenue": "123456789012.123456"})
    events = schema.stage(schema.decode_lines([line], line_numbers=[1]), {1: 9})
    stored = orjson.loads(schema.encode_ndjson(events))
    assert stored["cost"] == "0.000001"
    assert stored["revenue"] == "123456789012.123456"
    assert stored["ts"] == "2026-03-10T10:00:00Z"
    assert stored["account_id"] == 9
    assert "creative_id" not in stored


RAW_LINES = [
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1}\r',
    b' {"event_id" : "e", "type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1} ',
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1,"campaign_id":2}',
    b'{"event_id":"\\u0065","type":"cl\\u0069ck","ts":"2026-03-10T10:00:00Z","campaign_id":1}',
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1,"cost":1.10}',
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1,"cost":1e-7}',
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1,"cost":12.0}',
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1e0}',
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1} {"x":1}',
    b"[1]",
    b'"text"',
    b'{"event_id":"e","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1',
    b'{"event_id":"\\ud800","type":"click","ts":"2026-03-10T10:00:00Z","campaign_id":1}',
]


@pytest.mark.parametrize("line", RAW_LINES, ids=lambda b: b.decode(errors="replace")[:60])
def test_raw_lines_are_read_as_the_reference_reads_them(line: bytes) -> None:
    other = orjson.dumps(BASE)
    fast = _outcome(lambda: schema.parse_lines([other, line], lax=False, line_numbers=[1, 2]))
    reference = _outcome(
        lambda: [
            {k: v for k, v in e.items() if v is not None}
            for e in schema._parse_lines_reference([other, line], lax=False, line_numbers=[1, 2])
        ]
    )
    assert fast == reference
