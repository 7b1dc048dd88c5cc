"""The event: what producers send, how it is checked, and the columns it is stored in.

Events are validated by pydantic-core in one call per batch (``validate_json``), straight from
the request bytes, and dumped back to JSON in one call: at tens of thousands of events per
second there is no room for a Python loop over fields. A ``TypedDict`` rather than a model
keeps the validated events as plain dicts, which is what the log writer needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Final, Literal, NotRequired, cast

import orjson
from pydantic import (
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)
from typing_extensions import TypedDict

from adplane.kit.errors import FieldError, ValidationFailed

EVENT_TYPES: Final = ("bid", "win", "impression", "click", "conversion", "visit")
MAX_BATCH: Final = 10_000

# ISO 8601 text (naive means UTC) or epoch milliseconds (pydantic reads numbers beyond 2e10 as
# milliseconds). The bounds keep out epoch values in the wrong unit. The offset is kept as
# given: the loader converts every timestamp to UTC.
Timestamp = Annotated[
    datetime,
    Field(
        strict=False,
        ge=datetime(2000, 1, 1, tzinfo=UTC),
        lt=datetime(2100, 1, 1, tzinfo=UTC),
    ),
]
Id = Annotated[int, Field(ge=0, le=2**63 - 1)]
Text = Annotated[str, StringConstraints(max_length=255)]
LongText = Annotated[str, StringConstraints(max_length=2048)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$", to_upper=True)]
Size = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,5}x[0-9]{1,5}$")]
Ip = Annotated[str, StringConstraints(max_length=45, pattern=r"^[0-9A-Fa-f:.]+$")]
Money = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=6)]
EventType = Literal["bid", "win", "impression", "click", "conversion", "visit"]

# How the request reached the exchange, in the vocabulary of the campaign's traffic-type
# targeting flags (desktop_web ... dooh): a website on a computer, a website on a phone or
# tablet, a mobile app, a connected-TV app, a digital out-of-home screen. The bidder derives it
# from the OpenRTB request: ``dooh`` -> dooh; ``app`` on a TV or set-top box -> ctv; ``app``
# -> mobile_app; ``site`` on a phone or tablet -> mobile_web; any other ``site`` -> desktop_web.
TRAFFIC_TYPES: Final = ("desktop_web", "mobile_web", "mobile_app", "ctv", "dooh")
TrafficType = Literal["desktop_web", "mobile_web", "mobile_app", "ctv", "dooh"]
# The kind of ad the impression asked for: the OpenRTB 2.6 ``imp`` object it carried.
REQUEST_TYPES: Final = ("banner", "native", "video", "audio")
RequestType = Literal["banner", "native", "video", "audio"]
# A supply-side platform as a slug (letters, digits, "_", ".", "-"), stored lower-case.
Ssp = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", to_lower=True)]


class EventIn(TypedDict):
    """One event as producers send it; the account is derived from the campaign."""

    __pydantic_config__ = ConfigDict(extra="forbid", strict=True)  # type: ignore[misc]

    event_id: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    type: EventType
    ts: Timestamp
    campaign_id: Annotated[int, Field(gt=0, le=2**63 - 1)]
    creative_id: NotRequired[Id | None]
    stream_id: NotRequired[Id | None]
    landing_id: NotRequired[Id | None]
    offer_id: NotRequired[Id | None]
    exchange: NotRequired[Text | None]
    # The supply-side platform whose request this was; ``exchange`` is where the auction ran.
    # They differ when an exchange resells another platform's supply.
    ssp: NotRequired[Ssp | None]
    # The seller's own id for the inventory source (the placement or sub-publisher as the
    # supply side reports it), for sources no site, app or publisher id names.
    source: NotRequired[Text | None]
    publisher_id: NotRequired[Text | None]
    site_id: NotRequired[Id | None]
    app_id: NotRequired[Text | None]
    domain: NotRequired[Text | None]
    bundle: NotRequired[Text | None]
    app_name: NotRequired[Text | None]
    page: NotRequired[LongText | None]
    spot_id: NotRequired[Id | None]
    sub_id_1: NotRequired[Text | None]
    sub_id_2: NotRequired[Text | None]
    sub_id_3: NotRequired[Text | None]
    sub_id_4: NotRequired[Text | None]
    sub_id_5: NotRequired[Text | None]
    country: NotRequired[Country | None]
    region: NotRequired[Text | None]
    city: NotRequired[Text | None]
    device_type: NotRequired[Text | None]
    os: NotRequired[Text | None]
    os_version: NotRequired[Text | None]
    browser: NotRequired[Text | None]
    browser_version: NotRequired[Text | None]
    language: NotRequired[Text | None]
    carrier: NotRequired[Text | None]
    connection_type: NotRequired[Text | None]
    size: NotRequired[Size | None]
    traffic_type: NotRequired[TrafficType | None]
    request_type: NotRequired[RequestType | None]
    # The impression was sold through a private marketplace deal (OpenRTB ``imp.pmp``).
    is_pmp: NotRequired[bool | None]
    cost: NotRequired[Money | None]
    revenue: NotRequired[Money | None]
    click_id: NotRequired[Text | None]
    auction_id: NotRequired[Text | None]
    user_key: NotRequired[Text | None]
    ip: NotRequired[Ip | None]
    user_agent: NotRequired[LongText | None]


class StoredEvent(EventIn):
    """An event as the log holds it: validated, UTC, with its campaign's account."""

    account_id: int


class EventBatch(TypedDict):
    """The body of ``POST /api/v1/events``."""

    __pydantic_config__ = ConfigDict(extra="forbid", strict=True)  # type: ignore[misc]

    events: Annotated[list[EventIn], Field(max_length=MAX_BATCH)]


class _LaxEvent(EventIn):
    # CSV has no types: every cell is text, so numbers and times are read from strings.
    __pydantic_config__ = ConfigDict(extra="forbid", strict=False)  # type: ignore[misc]


FIELD_NAMES: Final = tuple(EventIn.__annotations__)
BATCH = TypeAdapter(EventBatch)
EVENTS = TypeAdapter(list[EventIn])
LAX_EVENTS = TypeAdapter(list[_LaxEvent])
STORED = TypeAdapter(list[StoredEvent])

# The analytics columns, in storage order, with their DuckDB types. Money is integer micros.
# A store written before a column existed gets it (NULL in old rows) when it is opened, and a
# segment written before a field existed loads with NULL in it: new columns go anywhere in
# this list, but an existing one is never renamed or retyped.
COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("event_id", "VARCHAR"),
    ("type", "event_type"),
    ("ts", "TIMESTAMP"),
    ("account_id", "BIGINT"),
    ("campaign_id", "BIGINT"),
    ("creative_id", "BIGINT"),
    ("stream_id", "BIGINT"),
    ("landing_id", "BIGINT"),
    ("offer_id", "BIGINT"),
    ("exchange", "VARCHAR"),
    ("ssp", "VARCHAR"),
    ("source", "VARCHAR"),
    ("publisher_id", "VARCHAR"),
    ("site_id", "BIGINT"),
    ("app_id", "VARCHAR"),
    ("domain", "VARCHAR"),
    ("bundle", "VARCHAR"),
    ("app_name", "VARCHAR"),
    ("page", "VARCHAR"),
    ("spot_id", "BIGINT"),
    ("sub_id_1", "VARCHAR"),
    ("sub_id_2", "VARCHAR"),
    ("sub_id_3", "VARCHAR"),
    ("sub_id_4", "VARCHAR"),
    ("sub_id_5", "VARCHAR"),
    ("country", "VARCHAR"),
    ("region", "VARCHAR"),
    ("city", "VARCHAR"),
    ("device_type", "VARCHAR"),
    ("os", "VARCHAR"),
    ("os_version", "VARCHAR"),
    ("browser", "VARCHAR"),
    ("browser_version", "VARCHAR"),
    ("language", "VARCHAR"),
    ("carrier", "VARCHAR"),
    ("connection_type", "VARCHAR"),
    ("size", "VARCHAR"),
    ("traffic_type", "VARCHAR"),
    ("request_type", "VARCHAR"),
    ("is_pmp", "BOOLEAN"),
    ("cost_micros", "BIGINT"),
    ("revenue_micros", "BIGINT"),
    ("click_id", "VARCHAR"),
    ("auction_id", "VARCHAR"),
    ("user_key", "VARCHAR"),
    ("ip", "VARCHAR"),
    ("user_agent", "VARCHAR"),
)


def _message(error: Any) -> str:
    kind = error.get("type")
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    return str(error.get("msg", "invalid"))


def _describe(field: str, message: str) -> str:
    return f"unknown field {field!r}" if message == "unknown field" else f"{field}: {message}"


def _first_bad_event(errors: list[Any], depth: int) -> tuple[int, list[tuple[str, str]]] | None:
    """The position of the first bad event and its (field, message) errors, if any."""
    per_event = [e for e in errors if len(e["loc"]) > depth and isinstance(e["loc"][depth], int)]
    if not per_event:
        return None
    index = int(per_event[0]["loc"][depth])
    problems = [
        (".".join(map(str, e["loc"][depth + 1 :])) or "event", _message(e))
        for e in per_event
        if e["loc"][depth] == index
    ]
    return index, problems


def _errors(exc: ValidationError) -> list[Any]:
    return list(exc.errors(include_url=False, include_context=False, include_input=False))


def parse_batch(body: bytes) -> list[EventIn]:
    """Validate a ``POST /events`` body; one bad event rejects the batch, naming it."""
    try:
        return BATCH.validate_json(body)["events"]
    except ValidationError as exc:
        errors = _errors(exc)
        if any(e["type"] == "json_invalid" for e in errors):
            raise ValidationFailed("the body is not valid JSON") from exc
        bad = _first_bad_event(errors, 1)
        if bad is None:
            fields = [
                FieldError(".".join(map(str, e["loc"])) or "body", _message(e)) for e in errors
            ]
            raise ValidationFailed(
                "; ".join(_describe(f.field, f.message) for f in fields), errors=fields
            ) from exc
        index, problems = bad
        raise ValidationFailed(
            f"event {index} is invalid: " + "; ".join(_describe(f, m) for f, m in problems),
            errors=[FieldError(f"events.{index}.{f}", m) for f, m in problems],
        ) from exc


class InvalidLine(ValidationFailed):
    """A line of an import file that is not a valid event; ``reason`` follows "line N"."""

    def __init__(self, line: int, reason: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(f"line {line} {reason}", errors=errors)
        self.line = line
        self.reason = reason


def parse_lines(lines: list[bytes], *, lax: bool, line_numbers: Sequence[int]) -> list[EventIn]:
    """Validate JSON events, one per line; errors name the file line of the bad event."""
    adapter: TypeAdapter[Any] = LAX_EVENTS if lax else EVENTS
    try:
        return list(adapter.validate_json(b"[" + b",".join(lines) + b"]"))
    except ValidationError as exc:
        errors = _errors(exc)
        json_broken = any(e["type"] == "json_invalid" for e in errors)
        bad = None if json_broken else _first_bad_event(errors, 0)
        if bad is None:
            raise _bad_json_line(lines, line_numbers) from exc
        index, problems = bad
        raise InvalidLine(
            line_numbers[index],
            "is invalid: " + "; ".join(_describe(f, m) for f, m in problems),
            [FieldError(f, m) for f, m in problems],
        ) from exc


def _bad_json_line(lines: list[bytes], line_numbers: Sequence[int]) -> InvalidLine:
    for number, line in zip(line_numbers, lines, strict=True):
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            return InvalidLine(number, "is not valid JSON")
        if not isinstance(value, dict):
            return InvalidLine(number, "is not a JSON object")
    return InvalidLine(line_numbers[0] if line_numbers else 1, "is not valid JSON")


def with_accounts(events: list[EventIn], accounts: Mapping[int, int]) -> list[StoredEvent]:
    """Give each event its campaign's account, in place: the events become stored events."""
    for event in events:
        event["account_id"] = accounts[event["campaign_id"]]  # type: ignore[typeddict-unknown-key]
    return cast(list[StoredEvent], events)


def to_ndjson(events: list[StoredEvent]) -> bytes:
    """Serialise stored events as newline-terminated JSON lines (see :func:`to_lines`)."""
    if not events:
        return b""
    return STORED.dump_json(events, exclude_none=True)[1:-1].replace(b'},{"', b'}\n{"') + b"\n"


def to_lines(events: list[StoredEvent]) -> list[bytes]:
    """Serialise stored events to one compact JSON object each, in one pydantic-core call.

    The dump is a JSON array of flat objects. Inside a JSON string a quote is always escaped,
    so the bytes ``},{"`` occur only between two objects, which makes the split exact.
    """
    if not events:
        return []
    parts = STORED.dump_json(events, exclude_none=True)[1:-1].split(b'},{"')
    if len(parts) == 1:
        return parts
    return [parts[0] + b"}", *(b'{"' + p + b"}" for p in parts[1:-1]), b'{"' + parts[-1]]
