"""A campaign compiled for the click path.

The live tracker never reads relational rows per click: a builder turns a campaign's stored
tracker settings, streams, filters, landings and offers into these frozen values once, the
delivery snapshot holds them, and routing reads them. Every value is in core meaning (ISO
country codes, exact Decimal money, hours for TTLs), so routing needs no vendor vocabulary.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


class RotationType(enum.StrEnum):
    """How regular streams are tried: in position order, or weighted at random."""

    POSITION = "position"
    WEIGHT = "weight"


class StreamType(enum.StrEnum):
    """Forced streams are tried first, then regular ones, then the default one."""

    FORCED = "forced"
    REGULAR = "regular"
    DEFAULT = "default"


class StreamSchema(enum.StrEnum):
    """What a stream does with the click it takes."""

    REDIRECT = "redirect"  # the action's payload is the target URL
    ACTION = "action"  # the action itself is the answer (text, HTML, 404, another campaign)
    LANDINGS = "landings"  # rotate landings; their offer link continues the click
    OFFERS = "offers"  # rotate offers directly


class ActionType(enum.StrEnum):
    """The answer a stream gives; redirect kinds carry a URL, the others their own payload."""

    HTTP = "http"  # 302 with Location
    META = "meta"  # meta refresh
    JS = "js"  # location.href from a script
    DOUBLE_META = "double_meta"  # meta refresh to ourselves, then to the target: drops the referrer
    BLANK_REFERRER = "blank_referrer"  # a page with Referrer-Policy: no-referrer
    SHOW_TEXT = "show_text"
    SHOW_HTML = "show_html"
    NOT_FOUND = "not_found"
    CAMPAIGN = "campaign"  # payload is another campaign's id: route the click there
    DO_NOTHING = "do_nothing"


REDIRECT_ACTIONS: frozenset[ActionType] = frozenset(
    {
        ActionType.HTTP,
        ActionType.META,
        ActionType.JS,
        ActionType.DOUBLE_META,
        ActionType.BLANK_REFERRER,
    }
)


class FilterMode(enum.StrEnum):
    """Accept: the filter passes when the visitor matches. Reject: when the visitor does not."""

    ACCEPT = "accept"
    REJECT = "reject"


class FilterJoin(enum.StrEnum):
    """How a stream's filters combine."""

    AND = "and"
    OR = "or"


class FilterKind(enum.StrEnum):
    """Every filter dimension the click path evaluates; the payload type follows the kind."""

    COUNTRY = "country"  # ValuesPayload of ISO 3166-1 alpha-2 codes
    REGION = "region"  # ValuesPayload of region names or ISO 3166-2 codes
    CITY = "city"  # ValuesPayload of city names
    OS = "os"  # ValuesPayload of ua-parser OS families
    BROWSER = "browser"  # ValuesPayload of ua-parser browser families
    DEVICE = "device"  # ValuesPayload of device types: desktop, mobile, tablet, tv, bot
    LANGUAGE = "language"  # ValuesPayload of ISO 639-1 codes from Accept-Language
    IP = "ip"  # ValuesPayload of addresses or CIDR ranges
    KEYWORD = "keyword"  # ValuesPayload of substrings of the keyword parameter
    REFERRER = "referrer"  # ValuesPayload of substrings of the Referer header
    SUB_ID = "sub_id"  # ParameterPayload: sub_id_N equals one of the values
    PARAMETER = "parameter"  # ParameterPayload: any incoming query parameter
    SCHEDULE = "schedule"  # SchedulePayload: weekday and hour windows in a time zone
    INTERVAL = "interval"  # IntervalPayload: an absolute time window
    UNIQUENESS = "uniqueness"  # UniquenessPayload: the visitor is unique in that scope
    BOT = "bot"  # FlagPayload: the visitor is a bot
    PROXY = "proxy"  # FlagPayload: the visitor came through a proxy
    EMPTY_REFERRER = "empty_referrer"  # FlagPayload
    LIMIT = "limit"  # LimitPayload: the stream took fewer clicks than this


@dataclass(frozen=True, slots=True)
class ValuesPayload:
    """A set of values the visitor's attribute is compared with (case-folded by routing)."""

    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParameterPayload:
    """A named parameter (``sub_id_3``, ``source``, ...) compared with a set of values."""

    name: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScheduleWindow:
    """Weekdays (0 = Monday) and an hour range ``[from_hour, to_hour)``; to 24 means midnight."""

    weekdays: tuple[int, ...]
    from_hour: int
    to_hour: int


@dataclass(frozen=True, slots=True)
class SchedulePayload:
    """Windows read in an IANA time zone; the click matches when any window holds."""

    windows: tuple[ScheduleWindow, ...]
    timezone: str = "UTC"


@dataclass(frozen=True, slots=True)
class IntervalPayload:
    """An absolute window in UTC epoch seconds; either end may be open."""

    start: float | None = None
    end: float | None = None


class UniquenessScope(enum.StrEnum):
    CAMPAIGN = "campaign"
    STREAM = "stream"
    GLOBAL = "global"


@dataclass(frozen=True, slots=True)
class UniquenessPayload:
    scope: UniquenessScope = UniquenessScope.CAMPAIGN


@dataclass(frozen=True, slots=True)
class FlagPayload:
    """For yes/no dimensions: the filter matches when the visitor's flag equals ``value``."""

    value: bool = True


@dataclass(frozen=True, slots=True)
class LimitPayload:
    """At most ``clicks`` clicks per ``period`` (``hour``, ``day`` or ``total``)."""

    clicks: int
    period: str = "total"


FilterPayload = (
    ValuesPayload
    | ParameterPayload
    | SchedulePayload
    | IntervalPayload
    | UniquenessPayload
    | FlagPayload
    | LimitPayload
)


@dataclass(frozen=True, slots=True)
class Filter:
    kind: FilterKind
    mode: FilterMode
    payload: FilterPayload


@dataclass(frozen=True, slots=True)
class Landing:
    """A landing page attached to a stream; ``share`` is its relative weight in the rotation."""

    id: int
    name: str
    url: str
    share: int = 100


@dataclass(frozen=True, slots=True)
class Offer:
    """An offer attached to a stream; payout is exact money in the offer's currency."""

    id: int
    name: str
    url: str
    share: int = 100
    payout: Decimal = Decimal(0)
    payout_currency: str | None = None
    affiliate_network_id: int | None = None


@dataclass(frozen=True, slots=True)
class Stream:
    id: int
    type: StreamType
    position: int
    weight: int
    schema: StreamSchema
    action_type: ActionType
    # redirect: the target URL; show_text/show_html: the body; campaign: the campaign id as text
    action_payload: str = ""
    filters: tuple[Filter, ...] = ()
    filter_join: FilterJoin = FilterJoin.AND
    landings: tuple[Landing, ...] = ()
    offers: tuple[Offer, ...] = ()
    name: str = ""


@dataclass(frozen=True, slots=True)
class Uniqueness:
    """Uniqueness window; visitors are recognised by cookie first, then by IP plus user agent."""

    ttl_hours: int = 24
    use_cookies: bool = True


@dataclass(frozen=True, slots=True)
class Campaign:
    """One campaign as the click path sees it; forced and regular streams run by position."""

    id: int
    account_id: int
    name: str
    alias: str | None
    token: str | None
    rotation: RotationType = RotationType.POSITION
    cookies_ttl_hours: int = 24
    uniqueness: Uniqueness = field(default_factory=Uniqueness)
    bind_visitors: bool = False
    cost_model: str = "CPC"
    cost_value: Decimal = Decimal(0)
    cost_currency: str | None = None
    traffic_source_id: int | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    streams: tuple[Stream, ...] = ()

    def forced(self) -> tuple[Stream, ...]:
        return tuple(sorted((s for s in self.streams if s.type is StreamType.FORCED), key=_order))

    def regular(self) -> tuple[Stream, ...]:
        return tuple(sorted((s for s in self.streams if s.type is StreamType.REGULAR), key=_order))

    def default(self) -> Stream | None:
        return next((s for s in self.streams if s.type is StreamType.DEFAULT), None)


def _order(stream: Stream) -> tuple[int, int]:
    return (stream.position, stream.id)
