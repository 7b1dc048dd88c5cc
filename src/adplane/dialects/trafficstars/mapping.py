"""TrafficStars wire <-> core campaign, both directions; all TrafficStars vocabulary lives here."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar, Literal, cast
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationError

from adplane.campaigns import schemas as core
from adplane.campaigns.service import Extension, extension_of, state_from_view
from adplane.campaigns.state import Approval, CampaignState
from adplane.dialects.trafficstars import wire
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.time import as_utc, utcnow
from adplane.targeting.catalogue import Catalogue, Dimension, normalise

# --- the extension document -----------------------------------------------------------------


class Extras(Extension):
    """Campaign fields only TrafficStars has: no core rule, filter, budget or delivery reads
    them, so they live in its extension document, not on the campaign row."""

    dialect: ClassVar[str] = "trafficstars"

    price_mode: str | None = Field(default=None, max_length=32)
    allow_any_price: bool = False
    flat_rate_amount: core.Money | None = None
    postback_payout_modifier: bool = False
    postback_payout_percent: core.Percent | None = None
    test_period_budget: core.Money | None = None
    native_creatives_limit: int | None = Field(default=None, ge=0, le=1000)
    is_exclusive: bool = False
    is_backup: bool = False
    is_traced: bool = False


EXTRA_FIELDS = frozenset(Extras.model_fields)
_EXTENSION_PREFIX = f"extensions.{Extras.dialect}."


@dataclass(frozen=True)
class CoreChanges:
    """A request in core terms: the core fields it sets and the extension fields it sets."""

    fields: core.CampaignFields
    extras: Extras

    @property
    def any(self) -> bool:
        return bool(self.fields.model_fields_set or self.extras.model_fields_set)


def extras_of(view: core.Campaign | None) -> Extras:
    return Extras() if view is None else extension_of(view, Extras)


# --- numbers, time zones, times ---------------------------------------------------------


def num(value: Decimal | int | None) -> wire.Number | None:
    """A JSON number: integral amounts as integers, the rest as the shortest decimal."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


def num0(value: Decimal | int | None) -> wire.Number:
    """Like ``num``, with 0 for an amount that is not set (the vendor never prints null)."""
    out = num(value)
    return 0 if out is None else out


def tz_name(offset_hours: int) -> str:
    """``schedule_timezone`` (whole hours east of UTC) -> an IANA zone of that fixed offset."""
    if offset_hours == 0:
        return "UTC"
    # The Etc/GMT zones count the other way round: UTC+3 is Etc/GMT-3.
    return f"Etc/GMT{-offset_hours:+d}"


_ETC = re.compile(r"^Etc/GMT([+-]\d{1,2})$")


def tz_offset(name: str, now: datetime) -> int:
    """An IANA zone -> whole hours east of UTC (now, for zones with daylight saving)."""
    if name in {"UTC", "Etc/UTC", "Etc/GMT", "GMT"}:
        return 0
    fixed = _ETC.match(name)
    if fixed:
        return -int(fixed.group(1))
    offset = now.astimezone(ZoneInfo(name)).utcoffset() or timedelta(0)
    return int(offset.total_seconds() / 3600)


_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def parse_time(raw: str, zone: str, field: str) -> datetime | None:
    """A schedule time in the campaign's zone (or ISO 8601 with an offset) -> UTC; "" is none."""
    text = raw.strip()
    if not text:
        return None
    for fmt in _TIME_FORMATS:
        try:
            local = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationFailed.field(
            field, f"{raw!r} is not a time; use 'YYYY-MM-DD HH:MM:SS'"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(zone))
    return parsed.astimezone(UTC)


def _seconds(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value).replace(microsecond=0)


def format_time(value: datetime | None, zone: str) -> str:
    if value is None:
        return ""
    return as_utc(value).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S")


def iso(value: datetime) -> str:
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- IP ranges ----------------------------------------------------------------------------


def _ip_entry(entry: str) -> None:
    if "-" in entry:
        first, _, last = entry.partition("-")
        a, b = ipaddress.ip_address(first.strip()), ipaddress.ip_address(last.strip())
        if a.version != b.version or int(a) > int(b):
            raise ValueError(entry)
    elif "/" in entry:
        ipaddress.ip_network(entry, strict=False)
    else:
        ipaddress.ip_address(entry)


def parse_ip_ranges(raw: str, field: str) -> list[str]:
    """``"1.2.3.4, 10.0.0.0/8, 5.6.7.1-5.6.7.9"`` -> the entries, each checked."""
    entries = [e.strip() for e in re.split(r"[,\s;]+", raw) if e.strip()]
    for entry in entries:
        try:
            _ip_entry(entry)
        except ValueError:
            raise ValidationFailed.field(
                field, f"{entry!r} is not an IP address, a CIDR network or a range a-b"
            ) from None
    return entries


def format_ip_ranges(entries: list[Any]) -> str | None:
    return ",".join(str(e) for e in entries) if entries else None


# --- vocabulary ---------------------------------------------------------------------------

TS_TYPES = frozenset({"image", "iframe", "video", "html5", "vast", "dynamic", "rtb"})
# Core creative types other dialects may set, shown as the nearest TrafficStars type.
_TYPE_FROM_CORE = {"banner": "image", "native": "dynamic", "push": "image", "audio": "video"}
_PUSH_OPTIONS = ("web_push", "in_page_push")

# Targeting lists: TrafficStars field -> (core dimension, include or exclude).
TARGET_LISTS: dict[str, tuple[str, str]] = {
    "countries": ("countries", "include"),
    "geo_targets": ("regions", "include"),
    "categories": ("categories", "include"),
    "exclude_categories": ("categories", "exclude"),
    "keywords": ("keywords", "include"),
    "browsers": ("browsers", "include"),
    "browser_versions": ("browser_versions", "include"),
    "oses": ("oses", "include"),
    "os_versions": ("os_versions", "include"),
    "devices": ("device_types", "include"),
    "device_brands": ("device_brands", "include"),
    "device_models": ("device_models", "include"),
    "languages": ("languages", "include"),
    "carriers": ("carriers", "include"),
    "enabled_applications": ("applications", "include"),
    "disabled_applications": ("applications", "exclude"),
    "enabled_subids": ("sub_ids", "include"),
    "disabled_subids": ("sub_ids", "exclude"),
    "spots": ("spots", "include"),
    "exclude_spots": ("spots", "exclude"),
    "sites": ("sites", "include"),
    "exclude_sites": ("sites", "exclude"),
}
IP_LISTS = {"ip_range": "include", "exclude_ip_range": "exclude"}
# Targeting scalars: TrafficStars field -> core targeting field.
TARGET_SCALARS = {
    "device_release_date_offset": "device_release_date_offset",
    "device_price_on_release_from": "device_price_from",
    "device_price_on_release_to": "device_price_to",
    "private_browsing": "private_browsing",
    "adblock": "adblock",
    "flash": "flash",
    "push_subscription_interval": "push_subscription_interval",
    "retargeting_list_id": "retargeting_list_id",
}
# Top-level fields: TrafficStars field -> core field (values copied as they are).
SCALARS = {
    "name": "name",
    "last_note": "notes",
    "group_id": "group_id",
    "format_id": "format_id",
    "type": "creative_type",
    "ad_format_options": "ad_format_options",
    "pricing_model": "pricing_model",
    "price": "bid_price",
    "price_rtb": "rtb_bid_price",
    "price_mode": "price_mode",
    "allow_setting_any_price": "allow_any_price",
    "disable_rtb": "disable_rtb",
    "flat_rate": "flat_rate",
    "flat_rate_amount": "flat_rate_amount",
    "postback_payout_modifier": "postback_payout_modifier",
    "postback_payout_modifier_percent": "postback_payout_percent",
    "max_daily": "daily_budget",
    "total_budget": "total_budget",
    "use_total_budget": "use_total_budget",
    "test_period_budget": "test_period_budget",
    "weight": "weight",
    "native_creatives_limit": "native_creatives_limit",
    "traffic_type": "traffic_type",
    "traffic_source_type": "traffic_source_type",
    "network_traffic_type": "network_traffic_type",
}
# Two spellings of one flag (the document uses both); the is_ form wins when both are sent.
FLAGS = {
    "is_exclusive": ("exclusive", "is_exclusive"),
    "is_backup": ("backup", "is_backup"),
    "is_traced": ("traced", "is_traced"),
}
# Core fields that may be null; a null for any other field means "leave it as it is".
_NULLABLE_CORE = frozenset(
    {
        "notes",
        "group_id",
        "bid_price",
        "rtb_bid_price",
        "price_mode",
        "flat_rate",
        "flat_rate_amount",
        "postback_payout_percent",
        "daily_budget",
        "total_budget",
        "test_period_budget",
        "weight",
        "native_creatives_limit",
        "start_at",
        "end_at",
        "day_parting",
        "format_id",
    }
)

# Core field (dotted) -> the TrafficStars fields that set it, for naming errors.
CORE_TO_TS: dict[str, tuple[str, ...]] = {
    **{c: (t,) for t, c in SCALARS.items()},
    "ad_format_options": ("ad_format_options", "push_format_option", "push_format_options"),
    "traffic_type": ("traffic_type", "is_prime"),
    "is_exclusive": ("exclusive", "is_exclusive"),
    "is_backup": ("backup", "is_backup"),
    "is_traced": ("traced", "is_traced"),
    "pacing": ("stretch_time",),
    "start_at": ("schedule_start_time",),
    "end_at": ("schedule_end_time",),
    "timezone": ("schedule_timezone",),
    "day_parting": ("hours_targeting", "hours_retargeting"),
    "sort": ("order",),
    "reason_codes": ("reject_reason",),
    "targeting.ip_ranges": ("ip_range", "exclude_ip_range"),
    **{f"targeting.{c}": (t,) for t, c in TARGET_SCALARS.items()},
}
for _ts, (_dim, _mode) in TARGET_LISTS.items():
    CORE_TO_TS[f"targeting.{_dim}"] = (*CORE_TO_TS.get(f"targeting.{_dim}", ()), _ts)
    CORE_TO_TS[f"targeting.{_dim}.{_mode}"] = (
        *CORE_TO_TS.get(f"targeting.{_dim}.{_mode}", ()),
        _ts,
    )
CORE_TO_TS["targeting.spots"] = (*CORE_TO_TS["targeting.spots"], "adspots")
CORE_TO_TS["targeting.spots.include"] = (*CORE_TO_TS["targeting.spots.include"], "adspots")


# --- catalogued targeting -----------------------------------------------------------------

# Fields that carry catalogue values as numbers: TrafficStars' numeric ids ARE the catalogue
# ids (GET /api/v1/targeting/{dimension}); see NOTES.md for the mapping.
CATALOGUE_IDS: dict[str, Dimension] = {
    "browsers": Dimension.BROWSERS,
    "oses": Dimension.OSES,
    "devices": Dimension.DEVICE_TYPES,
    "languages": Dimension.LANGUAGES,
    "carriers": Dimension.CARRIERS,
    "categories": Dimension.CATEGORIES,
    "exclude_categories": Dimension.CATEGORIES,
}
# geo_targets are "<country>.<region id>"; the document writes Great Britain as UK.
_GEO_TARGET = re.compile(r"^\s*([A-Za-z]{2})\.(\d{1,10})\s*$")
_GEO_COUNTRY_IN = {"UK": "GB"}
_GEO_COUNTRY_OUT = {"GB": "UK"}


def _unknown(field: str, values: list[str], what: str) -> ValidationFailed:
    shown = ", ".join(values[:10]) + (f" and {len(values) - 10} more" if len(values) > 10 else "")
    return ValidationFailed.field(field, f"unknown {what}: {shown}")


def _codes_from_ids(
    field: str, ids: Iterable[int], dimension: Dimension, catalogue: Catalogue
) -> list[str]:
    codes, unknown = [], []
    for value_id in ids:
        entry = catalogue.by_id(dimension, value_id)
        if entry is None:
            unknown.append(str(value_id))
        else:
            codes.append(entry.code)
    if unknown:
        raise _unknown(field, unknown, f"{dimension.value} id(s)")
    return codes


def _country_codes(field: str, values: Iterable[str], catalogue: Catalogue) -> list[str]:
    codes, unknown = [], []
    for value in values:
        entry = catalogue.by_code(Dimension.COUNTRIES, normalise(Dimension.COUNTRIES, value))
        if entry is None:
            unknown.append(repr(value))
        else:
            codes.append(entry.code)
    if unknown:
        raise _unknown(field, unknown, "ISO 3166-1 alpha-2 country code(s)")
    return codes


def _region_codes(field: str, values: Iterable[str], catalogue: Catalogue) -> list[str]:
    codes, unknown = [], []
    for value in values:
        match = _GEO_TARGET.match(value)
        entry = None
        if match is not None:
            country = match.group(1).upper()
            entry = catalogue.by_id(Dimension.REGIONS, int(match.group(2)))
            if entry is not None and not entry.code.startswith(
                _GEO_COUNTRY_IN.get(country, country) + "-"
            ):
                entry = None
        if entry is None:
            unknown.append(repr(value))
        else:
            codes.append(entry.code)
    if unknown:
        raise _unknown(field, unknown, "geo target(s) (use '<country>.<region id>')")
    return codes


def targeting_in(field: str, values: list[Any], catalogue: Catalogue) -> list[Any]:
    """A TrafficStars targeting list as the core stores it: catalogue codes for ids and
    country codes (an unknown one is refused, naming ``field``); other lists as sent."""
    if field in CATALOGUE_IDS:
        return _codes_from_ids(field, values, CATALOGUE_IDS[field], catalogue)
    if field == "countries":
        return _country_codes(field, values, catalogue)
    if field == "geo_targets":
        return _region_codes(field, values, catalogue)
    return list(values)


def ids_out(codes: Iterable[str], dimension: Dimension, catalogue: Catalogue) -> list[int]:
    """Catalogue codes as TrafficStars ids (a code the catalogue lost is left out)."""
    return [e.id for c in codes if (e := catalogue.by_code(dimension, c)) is not None]


def geo_targets_out(codes: Iterable[str], catalogue: Catalogue) -> list[str]:
    out = []
    for code in codes:
        entry = catalogue.by_code(Dimension.REGIONS, code)
        if entry is not None:
            country = code.split("-", 1)[0]
            out.append(f"{_GEO_COUNTRY_OUT.get(country, country)}.{entry.id}")
    return out


def ts_field(core_field: str, sent: Collection[str] = ()) -> str:
    """The TrafficStars name of a core field (the one the request sent, when several fit)."""
    core_field = core_field.removeprefix(_EXTENSION_PREFIX)
    parts = core_field.split(".")
    for end in range(len(parts), 0, -1):
        names = CORE_TO_TS.get(".".join(parts[:end]))
        if names:
            return next((n for n in names if n in sent), names[0])
    return core_field


# --- wire -> core ---------------------------------------------------------------------------


def sent_fields(body: wire.CampaignInput) -> set[str]:
    return set(body.model_fields_set)


def _first_sent(body: wire.CampaignInput, names: Iterable[str]) -> str | None:
    sent = body.model_fields_set
    return next((n for n in names if n in sent), None)


def _fields_error(
    exc: ValidationError, sent: Collection[str], prefix: tuple[str, ...] = ()
) -> ValidationFailed:
    errors = [
        FieldError(ts_field(".".join(str(p) for p in (*prefix, *e["loc"])), sent), e["msg"])
        for e in exc.errors()
    ]
    return ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


def _targeting(
    body: wire.CampaignInput,
    current: core.Targeting,
    adspot_ids: dict[str, int],
    sent: set[str],
    catalogue: Catalogue,
) -> core.Targeting | None:
    data = current.model_dump()
    touched = False
    for name, (dim, mode) in TARGET_LISTS.items():
        if name in sent:
            values = getattr(body, name)
            data[dim][mode] = targeting_in(name, values, catalogue) if values is not None else []
            touched = True
    if "adspots" in sent:
        codes = body.adspots or []
        missing = [c for c in codes if c not in adspot_ids]
        if missing:
            raise ValidationFailed.field("adspots", f"spot {missing[0]!r} does not exist")
        from_codes = [adspot_ids[c] for c in codes]
        base = list(body.spots or []) if "spots" in sent else []
        data["spots"]["include"] = list(dict.fromkeys([*base, *from_codes]))
        touched = True
    for name, mode in IP_LISTS.items():
        if name in sent:
            raw = getattr(body, name)
            data["ip_ranges"][mode] = parse_ip_ranges(raw, name) if raw else []
            touched = True
    for name, target in TARGET_SCALARS.items():
        if name in sent:
            value = getattr(body, name)
            if target == "retargeting_list_id" and value == "":
                value = None
            if value is None and target == "push_subscription_interval":
                continue
            data[target] = value
            touched = True
    if not touched:
        return None
    try:
        return core.Targeting.model_validate(data)
    except ValidationError as exc:
        raise _fields_error(exc, sent, ("targeting",)) from None


def _echoes_unset(
    body: wire.CampaignInput, base: core.CampaignFields, extras: Extras, target: str, value: Any
) -> bool:
    """Whether ``value`` is how an unset field prints (so a client sending back what it read
    leaves the field unset): 0 or "" for most, "image" for the type, and the price for
    ``price_rtb``, which follows the price while it is not set."""
    if getattr(extras if target in EXTRA_FIELDS else base, target) is not None:
        return False
    if value in ("", 0):
        return True
    if target == "creative_type":
        return bool(value == "image")
    if target == "rtb_bid_price":
        price = body.price if "price" in body.model_fields_set else base.bid_price
        return base.bid_price is not None and value == base.bid_price == price
    return False


def to_core(
    body: wire.CampaignInput,
    *,
    current: core.Campaign | None,
    adspot_ids: dict[str, int],
    catalogue: Catalogue,
) -> CoreChanges:
    """The core and extension fields a request sets (``model_fields_set`` is exactly what it
    changes)."""
    sent = sent_fields(body)
    base: core.CampaignFields = current or core.CampaignFields()
    extras = extras_of(current)
    changes: dict[str, Any] = {}
    for name, target in SCALARS.items():
        if name in sent and not _echoes_unset(body, base, extras, target, getattr(body, name)):
            changes[target] = getattr(body, name)
    for target, names in FLAGS.items():
        chosen = _first_sent(body, reversed(names))
        if chosen is not None and getattr(body, chosen) is not None:
            changes[target] = getattr(body, chosen)
    hours = _first_sent(body, ("hours_targeting", "hours_retargeting"))
    if hours is not None:
        changes["day_parting"] = getattr(body, hours) or None
    if "ad_format_options" not in sent:
        push = _first_sent(body, ("push_format_options", "push_format_option"))
        if push is not None and getattr(body, push) is not None:
            # The push sub-format only: a video campaign's options stay as they are.
            option = getattr(body, push)
            kept = [o for o in base.ad_format_options if o not in _PUSH_OPTIONS]
            wanted = kept if option == "all" else [*kept, option]
            if wanted != list(base.ad_format_options):
                changes["ad_format_options"] = wanted
    elif body.ad_format_options is None:
        changes["ad_format_options"] = []
    if "traffic_type" not in sent and body.is_prime is not None:
        if body.is_prime:
            changes["traffic_type"] = "prime"
        elif base.traffic_type == "prime":
            changes["traffic_type"] = "ron"
    if body.stretch_time is not None:
        changes["pacing"] = "even" if body.stretch_time else "asap"
    if body.test_period is False and "test_period_budget" not in sent:
        changes["test_period_budget"] = None

    # Schedule: times are wall-clock in the schedule zone; a new zone keeps the wall clock.
    old_zone = base.timezone
    zone = old_zone
    # A zone set elsewhere (Europe/Berlin) prints as its offset; sent back, it stays.
    if body.schedule_timezone is not None and body.schedule_timezone != tz_offset(
        old_zone, utcnow()
    ):
        zone = tz_name(body.schedule_timezone)
        changes["timezone"] = zone
    for name, target in (("schedule_start_time", "start_at"), ("schedule_end_time", "end_at")):
        if name in sent:
            raw = getattr(body, name)
            when = parse_time(raw, zone, name) if raw is not None else None
            # Printed times have whole seconds: the same time sent back is no change.
            if _seconds(when) != _seconds(getattr(base, target)):
                changes[target] = when
        elif zone != old_zone and getattr(base, target) is not None:
            wall = format_time(getattr(base, target), old_zone)
            changes[target] = parse_time(wall, zone, name)

    targeting = _targeting(body, base.targeting, adspot_ids, sent, catalogue)
    if targeting is not None:
        changes["targeting"] = targeting

    # A null for a field the core cannot leave empty means "unchanged" (read-modify-write).
    changes = {k: v for k, v in changes.items() if v is not None or k in _NULLABLE_CORE}
    extra = {k: changes.pop(k) for k in EXTRA_FIELDS if k in changes}
    try:
        return CoreChanges(
            core.CampaignFields.model_validate(changes), Extras.model_validate(extra)
        )
    except ValidationError as exc:
        raise _fields_error(exc, sent) from None


# Required by "Create a campaign": TrafficStars field(s) -> the core field that holds it.
REQUIRED: tuple[tuple[tuple[str, ...], str], ...] = (
    (("name",), "name"),
    (("format_id",), "format_id"),
    (("pricing_model",), "pricing_model"),
    (("price",), "bid_price"),
    (("max_daily",), "daily_budget"),
    (("hours_targeting", "hours_retargeting"), "day_parting"),
)


def missing_in_request(body: wire.CampaignInput) -> list[FieldError]:
    """Required parameters a create request left out (or sent empty)."""
    errors = []
    for names, _ in REQUIRED:
        values = [getattr(body, n) for n in names if n in body.model_fields_set]
        if not any(v not in (None, "") for v in values):
            errors.append(FieldError(names[0], "is required"))
    return errors


def cleared_required(body: wire.CampaignInput) -> list[FieldError]:
    """Required parameters an edit of a published campaign tries to empty."""
    return [
        FieldError(name, "is required and cannot be emptied")
        for names, _ in REQUIRED
        for name in names
        if name in body.model_fields_set and getattr(body, name) in (None, "")
    ]


# --- core -> wire ---------------------------------------------------------------------------


def status_from_state(state: CampaignState) -> str:
    """TrafficStars ``status`` from the core state, in the order of ARCHITECTURE.md's table."""
    if state.is_draft:
        return "draft"
    if state.approval is Approval.REJECTED:
        return "rejected"
    if state.approval is Approval.PENDING:
        return "unapproved"
    if state.total_budget_reached:
        return "total_budget_is_reached"
    if state.no_funds:
        return "no_funds_active" if state.is_active else "no_funds_paused"
    return "enabled" if state.is_active else "paused"


def stopped_from_state(state: CampaignState) -> str | None:
    """TrafficStars ``stopped``: the documented reason for a stop (only no_funds is defined)."""
    return "no_funds" if state.no_funds else None


def status_of(view: core.Campaign, now: datetime) -> str:
    return status_from_state(state_from_view(view, now))


def _ints(values: Iterable[Any]) -> list[int]:
    return [int(v) for v in values if isinstance(v, int) or str(v).isdigit()]


def _strs(values: Iterable[Any]) -> list[str]:
    return [str(v) for v in values]


def _push_option(options: list[str]) -> wire.PushFormatOption:
    chosen = [o for o in options if o in _PUSH_OPTIONS]
    if len(chosen) == 1:
        return "web_push" if chosen[0] == "web_push" else "in_page_push"
    return "all"


def ecpm(view: core.Campaign) -> wire.Number:
    """Cost per mille from the totals (a ratio of sums, never an average)."""
    if not view.impressions_total:
        return 0
    return num0((view.spend_total * 1000 / view.impressions_total).quantize(Decimal("0.000001")))


def render(
    view: core.Campaign, *, codenames: dict[int, str], catalogue: Catalogue, now: datetime
) -> wire.Campaign:
    """A core campaign as TrafficStars prints it."""
    state = state_from_view(view, now)
    x = extras_of(view)
    t = view.targeting
    spots = _ints(t.spots.include)
    offset = tz_offset(view.timezone, now)
    creative = view.creative_type.value if view.creative_type else "image"
    ts_type = creative if creative in TS_TYPES else _TYPE_FROM_CORE.get(creative, "image")
    push = _push_option(list(view.ad_format_options))
    return wire.Campaign(
        id=view.id,
        compromised=False,
        ecpm=ecpm(view),
        enabled_subids=_strs(t.sub_ids.include),
        disabled_subids=_strs(t.sub_ids.exclude) or None,
        exclude_ip_range=format_ip_ranges(t.ip_ranges.exclude),
        exclude_spots=_ints(t.spots.exclude),
        flash=t.flash,
        flat_rate=num(view.flat_rate),
        flat_rate_amount=num(x.flat_rate_amount),
        format_id=view.format_id,
        hours_targeting=view.day_parting or "",
        ip_range=format_ip_ranges(t.ip_ranges.include),
        countries=_strs(t.countries.include),
        geo_targets=geo_targets_out(t.regions.include, catalogue),
        browsers=ids_out(t.browsers.include, Dimension.BROWSERS, catalogue),
        browser_versions=_ints(t.browser_versions.include),
        oses=ids_out(t.oses.include, Dimension.OSES, catalogue),
        os_versions=_ints(t.os_versions.include),
        devices=ids_out(t.device_types.include, Dimension.DEVICE_TYPES, catalogue),
        device_brands=_ints(t.device_brands.include),
        device_models=_ints(t.device_models.include),
        device_release_date_offset=t.device_release_date_offset,
        device_price_on_release_from=num(t.device_price_from),
        device_price_on_release_to=num(t.device_price_to),
        languages=ids_out(t.languages.include, Dimension.LANGUAGES, catalogue),
        carriers=ids_out(t.carriers.include, Dimension.CARRIERS, catalogue),
        backup=x.is_backup,
        is_backup=x.is_backup,
        exclusive=x.is_exclusive,
        is_exclusive=x.is_exclusive,
        is_traced=x.is_traced,
        categories=ids_out(t.categories.include, Dimension.CATEGORIES, catalogue),
        exclude_categories=ids_out(t.categories.exclude, Dimension.CATEGORIES, catalogue),
        keywords=_strs(t.keywords.include),
        max_daily=num0(view.daily_budget),
        use_total_budget=view.use_total_budget,
        total_budget=num0(view.total_budget),
        name=view.name or "",
        price=num0(view.bid_price),
        price_mode=x.price_mode,
        allow_setting_any_price=x.allow_any_price,
        # Unset, the RTB price follows the direct price (as in the draft example).
        price_rtb=num0(view.rtb_bid_price if view.rtb_bid_price is not None else view.bid_price),
        disable_rtb=view.disable_rtb,
        pricing_model=view.pricing_model.value,
        private_browsing=t.private_browsing,
        adblock=t.adblock,
        reject_comment=view.reject_comment or "",
        reject_reason=list(view.reject_reason_codes) or None,
        schedule_end_time=format_time(view.end_at, view.timezone),
        schedule_start_time=format_time(view.start_at, view.timezone),
        schedule_timezone=offset,
        spent_today=num0(view.spend_today),
        status=cast(wire.Status, status_from_state(state)),
        approved=view.approval.value,
        active=view.is_active,
        is_archived=view.is_archived,
        no_funds=state.no_funds,
        stopped=cast(Literal["no_funds"] | None, stopped_from_state(state)),
        stretch_time=view.pacing == "even",
        timezone=offset,
        type=ts_type,
        user_id=view.created_by_user_id,
        weight=view.weight or 0,
        group_id=view.group_id,
        last_note=view.notes or "",
        is_prime=view.traffic_type == "prime",
        traffic_type=view.traffic_type,
        traffic_source_type=view.traffic_source_type,
        network_traffic_type=view.network_traffic_type,
        push_format_option=push,
        push_format_options=push,
        ad_format_options=list(view.ad_format_options),
        push_subscription_interval=t.push_subscription_interval,
        test_period=bool(x.test_period_budget),
        test_period_budget=num0(x.test_period_budget),
        retargeting_list_id=t.retargeting_list_id or "",
        native_creatives_limit=x.native_creatives_limit or 0,
        postback_payout_modifier=x.postback_payout_modifier,
        postback_payout_modifier_percent=num0(x.postback_payout_percent),
        enabled_applications=_ints(t.applications.include) or None,
        disabled_applications=_ints(t.applications.exclude) or None,
        adspots=[codenames[s] for s in spots if s in codenames],
        spots=spots,
        sites=_ints(t.sites.include),
        exclude_sites=_ints(t.sites.exclude),
        created_at=iso(view.created_at),
        updated_at=iso(view.updated_at),
    )


def spot_ids_of(views: Iterable[core.Campaign]) -> set[int]:
    """Every spot a list of campaigns includes (for one codename lookup)."""
    return {s for v in views for s in _ints(v.targeting.spots.include)}


def spot_price(price: core.SpotPrice) -> wire.SpotPrice:
    return wire.SpotPrice(
        campaign_id=price.campaign_id,
        spot_id=price.spot_id,
        price=num0(price.price),
        created_at=iso(price.created_at),
        updated_at=iso(price.updated_at),
    )
