"""The event: what producers send, how it is checked, and the columns it is stored in.

Two validators, one set of rules. The pydantic ``TypedDict`` schema (``EventIn``) is the
reference: it defines what is accepted and words every error. The hot paths (``POST
/events``, ``events import``, the bidder's notices) decode with msgspec structs (``Event``)
instead, several times cheaper, and accept only a subset of what the reference accepts, with
the same values: anything the fast path is unsure of (an unknown field, a number where text
was expected, a time in a rarer ISO 8601 spelling, money a float could have rounded) sends the
whole batch to the reference, which then accepts it or names its errors exactly as before.
So the accepted inputs and the error messages are the reference's; only the cost differs.
``tests/events/test_schema.py`` checks the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, NotRequired, cast

import msgspec
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
    return [as_dict(event) for event in decode_batch(body)]


def _parse_batch_reference(body: bytes) -> list[EventIn]:
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
    if lax:
        return _parse_lines_reference(lines, lax=True, line_numbers=line_numbers)
    return [as_dict(event) for event in decode_lines(lines, line_numbers=line_numbers)]


def _parse_lines_reference(
    lines: list[bytes], *, lax: bool, line_numbers: Sequence[int]
) -> list[EventIn]:
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


# --- the fast path: msgspec -------------------------------------------------------------------

# The reference's patterns with Python's end anchor: re's "$" also matches before a final
# newline, where pydantic-core's does not.
_EVENT_ID = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
_ID = Annotated[int, msgspec.Meta(ge=0, le=2**63 - 1)]
_TEXT = Annotated[str, msgspec.Meta(max_length=255)]
_LONG_TEXT = Annotated[str, msgspec.Meta(max_length=2048)]
_COUNTRY = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z]{2}\Z")]
_SIZE = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,5}x[0-9]{1,5}\Z")]
_IP = Annotated[str, msgspec.Meta(max_length=45, pattern=r"^[0-9A-Fa-f:.]+\Z")]
_SSP = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")]
# The ISO 8601 spellings both validators read the same way (``datetime.fromisoformat`` and
# pydantic-core agree on these); any other goes to the reference.
_ISO_TS = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})?"
)
if TYPE_CHECKING:
    # Decoded as text or epoch number, then replaced by the datetime it names.
    _TS = datetime
else:
    _TS = Annotated[str, msgspec.Meta(max_length=32)] | int

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_FIRST: Final = datetime(2000, 1, 1, tzinfo=UTC)
_END: Final = datetime(2100, 1, 1, tzinfo=UTC)
_FIRST_NAIVE: Final = _FIRST.replace(tzinfo=None)
_END_NAIVE: Final = _END.replace(tzinfo=None)
_FIRST_S: Final = int(_FIRST.timestamp())
_END_S: Final = int(_END.timestamp())
# pydantic-core reads an epoch number above 2e10 as milliseconds.
_MS_FROM: Final = 20_000_000_000


class Event(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """One event as the fast path decodes it; ``account_id`` is set only once stored."""

    event_id: _EVENT_ID
    type: EventType
    ts: _TS
    campaign_id: Annotated[int, msgspec.Meta(gt=0, le=2**63 - 1)]
    creative_id: _ID | None = None
    stream_id: _ID | None = None
    landing_id: _ID | None = None
    offer_id: _ID | None = None
    exchange: _TEXT | None = None
    ssp: _SSP | None = None
    source: _TEXT | None = None
    publisher_id: _TEXT | None = None
    site_id: _ID | None = None
    app_id: _TEXT | None = None
    domain: _TEXT | None = None
    bundle: _TEXT | None = None
    app_name: _TEXT | None = None
    page: _LONG_TEXT | None = None
    spot_id: _ID | None = None
    sub_id_1: _TEXT | None = None
    sub_id_2: _TEXT | None = None
    sub_id_3: _TEXT | None = None
    sub_id_4: _TEXT | None = None
    sub_id_5: _TEXT | None = None
    country: _COUNTRY | None = None
    region: _TEXT | None = None
    city: _TEXT | None = None
    device_type: _TEXT | None = None
    os: _TEXT | None = None
    os_version: _TEXT | None = None
    browser: _TEXT | None = None
    browser_version: _TEXT | None = None
    language: _TEXT | None = None
    carrier: _TEXT | None = None
    connection_type: _TEXT | None = None
    size: _SIZE | None = None
    traffic_type: TrafficType | None = None
    request_type: RequestType | None = None
    is_pmp: bool | None = None
    cost: Decimal | None = None
    revenue: Decimal | None = None
    click_id: _TEXT | None = None
    auction_id: _TEXT | None = None
    user_key: _TEXT | None = None
    ip: _IP | None = None
    user_agent: _LONG_TEXT | None = None
    # Not a producer's field: an event that names it is left to the reference, which refuses it.
    account_id: int | None = None


class _Batch(msgspec.Struct, forbid_unknown_fields=True):
    events: Annotated[list[Event], msgspec.Meta(max_length=MAX_BATCH)]


_BATCH_DECODER: Final = msgspec.json.Decoder(_Batch)
_LINES_DECODER: Final = msgspec.json.Decoder(list[Event])
_ENCODER: Final = msgspec.json.Encoder(decimal_format="string")


def _plain_money(value: Decimal) -> bool:
    """Money the reference reads to the same value whether it came as text or a JSON number:
    finite, not negative, at most 6 decimals and 12 integer digits, and at most 15
    significant digits (the reference reads a JSON number through a float)."""
    if not value.is_finite() or value < 0:
        return False
    _sign, digits, exponent = value.as_tuple()
    return (
        isinstance(exponent, int)
        and -6 <= exponent <= 0
        and len(digits) <= 15
        and len(digits) + exponent <= 12
    )


def _normalised(events: list[Event]) -> bool:
    """Finish the fast path in place (times, case, money); False: leave it to the reference."""
    fromiso = datetime.fromisoformat
    match = _ISO_TS.fullmatch
    for event in events:
        if event.account_id is not None:
            return False
        ts: Any = event.ts
        if type(ts) is int:
            if ts > _MS_FROM:
                seconds, millis = divmod(ts, 1000)
            else:
                seconds, millis = ts, 0
            if not _FIRST_S <= seconds < _END_S:
                return False
            event.ts = _EPOCH + timedelta(seconds=seconds, milliseconds=millis)
        else:
            if match(ts) is None:
                return False
            try:
                moment = fromiso(ts)
            except ValueError:
                return False
            if moment.tzinfo is None:
                if not _FIRST_NAIVE <= moment < _END_NAIVE:
                    return False
            elif not _FIRST <= moment < _END:
                return False
            event.ts = moment
        if event.country is not None:
            event.country = event.country.upper()
        if event.ssp is not None:
            event.ssp = event.ssp.lower()
        if event.cost is not None and not _plain_money(event.cost):
            return False
        if event.revenue is not None and not _plain_money(event.revenue):
            return False
    return True


def events_of(events: Sequence[Mapping[str, Any]]) -> list[Event]:
    """Events the reference accepted, as the fast path's structs (already normalised)."""
    return [Event(**event) for event in events]


def decode_batch(body: bytes) -> list[Event]:
    """Validate a ``POST /events`` body (see :func:`parse_batch` for the errors)."""
    try:
        events = _BATCH_DECODER.decode(body).events
    except (msgspec.ValidationError, msgspec.DecodeError):
        events = None
    if events is not None and _normalised(events):
        return events
    return events_of(_parse_batch_reference(body))


def decode_lines(lines: list[bytes], *, line_numbers: Sequence[int]) -> list[Event]:
    """Validate JSON events, one per line, as :func:`parse_lines` does (not lax)."""
    try:
        events: list[Event] | None = _LINES_DECODER.decode(b"[" + b",".join(lines) + b"]")
    except (msgspec.ValidationError, msgspec.DecodeError):
        events = None
    if events is not None and _normalised(events):
        return events
    return events_of(_parse_lines_reference(lines, lax=False, line_numbers=line_numbers))


def as_dict(event: Event) -> EventIn:
    """An event as the reference's dict: the fields it was given (None for an explicit null
    is not told apart: both are left out)."""
    fields = {name: getattr(event, name) for name in event.__struct_fields__}
    return cast(EventIn, {k: v for k, v in fields.items() if v is not None})


def stage(events: list[Event], accounts: Mapping[int, int]) -> list[Event]:
    """Give each event its campaign's account, in place (``accounts`` holds every campaign)."""
    for event in events:
        event.account_id = accounts[event.campaign_id]
    return events


def encode_lines(events: list[Event]) -> list[bytes]:
    """Stored events as one compact JSON object each (nulls left out)."""
    encode = _ENCODER.encode
    return [encode(event) for event in events]


def encode_ndjson(events: list[Event]) -> bytes:
    """Stored events as newline-terminated JSON lines, in one call."""
    return _ENCODER.encode_lines(events)
