"""Routing a click through a compiled campaign: filters, stream order, rotation, macros, actions.

Pure logic over :mod:`adplane.tracker.flow` values. The only state is :class:`ClickState`
(uniqueness windows, stream click counts, visitor binding), held in memory by the live path;
nothing here touches the database or the network, so it costs the same per click whatever the
number of campaigns: it only walks the streams of the one campaign the click is for.
"""

from __future__ import annotations

import html
import ipaddress
import random
import re
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TypeVar
from urllib.parse import quote
from zoneinfo import ZoneInfo

from adplane.delivery.features import Agent, country_of_ip, parse_user_agent
from adplane.tracker import flow
from adplane.tracker.flow import ActionType, Filter, FilterKind, FilterMode, Stream

# User-agent signatures ua-parser does not call "Spider" but which no person's browser sends.
_BOT_SIGNATURES = re.compile(
    r"bot|crawl|spider|slurp|curl|wget|python-requests|httpx|aiohttp|go-http-client|java/|"
    r"headless|phantomjs|scrapy|libwww|okhttp|facebookexternalhit|preview",
    re.IGNORECASE,
)


# The delivery catalogue's device-type codes (OpenRTB's), as the words tracker filters use.
_DEVICE_WORDS = {"2": "desktop", "4": "mobile", "5": "tablet", "3": "tv", "8": "ooh"}


@dataclass
class Visitor:
    """One click's visitor, as read from the request; derived facts are computed on first use."""

    ip: str
    user_agent: str = ""
    referrer: str = ""
    accept_language: str = ""
    params: Mapping[str, str] = field(default_factory=dict)
    cookie_id: str | None = None
    via_proxy: bool = False
    now: float = field(default_factory=time.time)
    region: str | None = None
    city: str | None = None
    bot_ips: frozenset[str] = frozenset()

    @cached_property
    def country(self) -> str | None:
        return country_of_ip(self.ip)

    @cached_property
    def agent(self) -> Agent | None:
        return parse_user_agent(self.user_agent) if self.user_agent else None

    @cached_property
    def language(self) -> str | None:
        first = self.accept_language.split(",", 1)[0].split(";", 1)[0].strip()
        return first.split("-", 1)[0].lower() or None

    @cached_property
    def device(self) -> str | None:
        if self.is_bot:
            return "bot"
        agent = self.agent
        return _DEVICE_WORDS.get(agent.device_type or "") if agent else None

    @cached_property
    def key(self) -> str:
        """The visitor's identity for uniqueness and binding: the cookie, else IP plus UA."""
        return self.cookie_id or f"{self.ip}|{self.user_agent}"

    @cached_property
    def is_bot(self) -> bool:
        if not self.user_agent.strip() or self.ip in self.bot_ips:
            return True
        agent = self.agent
        return (agent is not None and agent.bot) or bool(_BOT_SIGNATURES.search(self.user_agent))

    @property
    def keyword(self) -> str:
        return self.params.get("keyword", "")


@dataclass
class ClickState:
    """What routing remembers between clicks: uniqueness windows, counts and bindings.

    The live path keeps one per process; windows expire lazily when read.
    """

    seen: dict[tuple[str, int, str], float] = field(default_factory=dict)
    stream_clicks: dict[tuple[int, str], int] = field(default_factory=dict)
    bindings: dict[tuple[int, str], tuple[int, float]] = field(default_factory=dict)

    def unique(
        self, scope: flow.UniquenessScope, scope_id: int, visitor: Visitor, ttl: float
    ) -> bool:
        """Whether ``visitor`` is new in that scope within ``ttl`` seconds (does not record)."""
        last = self.seen.get((scope.value, scope_id, visitor.key))
        return last is None or visitor.now - last >= ttl

    def record(
        self, campaign: flow.Campaign, stream: Stream | None, visitor: Visitor
    ) -> dict[str, bool]:
        """Count the click; returns its uniqueness per scope as it was before this click."""
        ttl = campaign.uniqueness.ttl_hours * 3600.0
        scopes = {
            "campaign": (flow.UniquenessScope.CAMPAIGN, campaign.id),
            "global": (flow.UniquenessScope.GLOBAL, 0),
        }
        if stream is not None:
            scopes["stream"] = (flow.UniquenessScope.STREAM, stream.id)
        result = {}
        for name, (scope, scope_id) in scopes.items():
            result[name] = self.unique(scope, scope_id, visitor, ttl)
            if result[name]:
                self.seen[(scope.value, scope_id, visitor.key)] = visitor.now
        if stream is not None:
            for period in ("total", _hour(visitor.now), _day(visitor.now)):
                self.stream_clicks[(stream.id, period)] = (
                    self.stream_clicks.get((stream.id, period), 0) + 1
                )
            if campaign.bind_visitors:
                self.bindings[(campaign.id, visitor.key)] = (stream.id, visitor.now)
        return result

    def clicks(self, stream_id: int, period: str, now: float) -> int:
        key = {"hour": _hour(now), "day": _day(now)}.get(period, "total")
        return self.stream_clicks.get((stream_id, key), 0)

    def bound(self, campaign: flow.Campaign, visitor: Visitor) -> int | None:
        entry = self.bindings.get((campaign.id, visitor.key))
        if entry is None or visitor.now - entry[1] >= campaign.cookies_ttl_hours * 3600.0:
            return None
        return entry[0]


def _hour(now: float) -> str:
    return "h" + datetime.fromtimestamp(now, UTC).strftime("%Y%m%d%H")


def _day(now: float) -> str:
    return "d" + datetime.fromtimestamp(now, UTC).strftime("%Y%m%d")


# --- Filters -----------------------------------------------------------------------------


def _in(value: str | None, values: Sequence[str]) -> bool:
    if value is None:
        return False
    folded = value.casefold()
    return any(folded == v.casefold() for v in values)


def _contains(text: str, values: Sequence[str]) -> bool:
    folded = text.casefold()
    return any(v.casefold() in folded for v in values if v)


def _ip_in(ip: str, values: Sequence[str]) -> bool:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    for value in values:
        try:
            if address in ipaddress.ip_network(value.strip(), strict=False):
                return True
        except ValueError:
            continue  # a malformed entry matches nothing; the admin side validates on the way in
    return False


def _scheduled(payload: flow.SchedulePayload, now: float) -> bool:
    try:
        zone = ZoneInfo(payload.timezone)
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    local = datetime.fromtimestamp(now, zone)
    return any(
        local.weekday() in w.weekdays and w.from_hour <= local.hour < w.to_hour
        for w in payload.windows
    )


def _matches(
    item: Filter, campaign: flow.Campaign, stream: Stream, visitor: Visitor, state: ClickState
) -> bool:
    """Whether the visitor has the filter's attribute (before the accept/reject mode applies)."""
    kind, payload = item.kind, item.payload
    if isinstance(payload, flow.ValuesPayload):
        values = payload.values
        agent = visitor.agent
        if kind is FilterKind.COUNTRY:
            return _in(visitor.country, values)
        if kind is FilterKind.REGION:
            return _in(visitor.region, values)
        if kind is FilterKind.CITY:
            return _in(visitor.city, values)
        if kind is FilterKind.OS:
            return _in(agent.os_family if agent else None, values)
        if kind is FilterKind.BROWSER:
            return _in(agent.browser_family if agent else None, values)
        if kind is FilterKind.DEVICE:
            return _in(visitor.device, values)
        if kind is FilterKind.LANGUAGE:
            return _in(visitor.language, values)
        if kind is FilterKind.IP:
            return _ip_in(visitor.ip, values)
        if kind is FilterKind.KEYWORD:
            return _contains(visitor.keyword, values)
        if kind is FilterKind.REFERRER:
            return _contains(visitor.referrer, values)
    if isinstance(payload, flow.ParameterPayload):
        return _in(visitor.params.get(payload.name), payload.values)
    if isinstance(payload, flow.SchedulePayload):
        return _scheduled(payload, visitor.now)
    if isinstance(payload, flow.IntervalPayload):
        return (payload.start is None or visitor.now >= payload.start) and (
            payload.end is None or visitor.now < payload.end
        )
    if isinstance(payload, flow.UniquenessPayload):
        scope_id = {
            flow.UniquenessScope.CAMPAIGN: campaign.id,
            flow.UniquenessScope.STREAM: stream.id,
            flow.UniquenessScope.GLOBAL: 0,
        }[payload.scope]
        ttl = campaign.uniqueness.ttl_hours * 3600.0
        return state.unique(payload.scope, scope_id, visitor, ttl)
    if isinstance(payload, flow.FlagPayload):
        if kind is FilterKind.BOT:
            return visitor.is_bot == payload.value
        if kind is FilterKind.PROXY:
            return visitor.via_proxy == payload.value
        if kind is FilterKind.EMPTY_REFERRER:
            return (not visitor.referrer) == payload.value
    if isinstance(payload, flow.LimitPayload):
        return state.clicks(stream.id, payload.period, visitor.now) < payload.clicks
    return False  # a kind paired with a payload it does not take never matches


def passes(
    item: Filter, campaign: flow.Campaign, stream: Stream, visitor: Visitor, state: ClickState
) -> bool:
    """One filter's verdict: accept passes matching visitors, reject passes the others."""
    matched = _matches(item, campaign, stream, visitor, state)
    return matched if item.mode is FilterMode.ACCEPT else not matched


def takes(campaign: flow.Campaign, stream: Stream, visitor: Visitor, state: ClickState) -> bool:
    """Whether the stream's filters let the click in; a stream without filters takes all."""
    if not stream.filters:
        return True
    verdicts = (passes(f, campaign, stream, visitor, state) for f in stream.filters)
    return all(verdicts) if stream.filter_join is flow.FilterJoin.AND else any(verdicts)


# --- Stream selection --------------------------------------------------------------------


def choose_stream(
    campaign: flow.Campaign,
    visitor: Visitor,
    state: ClickState,
    rng: random.Random | None = None,
) -> Stream | None:
    """The stream that takes the click: forced in order, regular, default; None is do nothing."""
    for stream in campaign.forced():
        if takes(campaign, stream, visitor, state):
            return stream
    regular = [s for s in campaign.regular() if takes(campaign, s, visitor, state)]
    if regular:
        if campaign.rotation is flow.RotationType.POSITION:
            return regular[0]
        if campaign.bind_visitors:
            bound = state.bound(campaign, visitor)
            for stream in regular:
                if stream.id == bound:
                    return stream
        picked = weighted(regular, [s.weight for s in regular], rng)
        if picked is not None:
            return picked
    return campaign.default()


_T = TypeVar("_T")


def weighted(items: Sequence[_T], weights: Sequence[int], rng: random.Random | None) -> _T | None:
    """One of ``items`` at random by weight; zero weights never win; None when all are zero."""
    total = sum(max(w, 0) for w in weights)
    if total <= 0:
        return None
    point = (rng or random).random() * total
    for item, w in zip(items, weights, strict=True):
        point -= max(w, 0)
        if point < 0 and w > 0:
            return item
    return next(i for i, w in zip(items, weights, strict=True) if w > 0)


def pick_landing(stream: Stream, rng: random.Random | None = None) -> flow.Landing | None:
    return weighted(stream.landings, [x.share for x in stream.landings], rng)


def pick_offer(stream: Stream, rng: random.Random | None = None) -> flow.Offer | None:
    return weighted(stream.offers, [x.share for x in stream.offers], rng)


def new_subid() -> str:
    """A click id: 20 hex characters, unguessable, URL-safe as it is."""
    return secrets.token_hex(10)


# --- Macros ------------------------------------------------------------------------------

# {name}, {name:raw}, {date:format}; names are letters, digits and underscores.
_MACRO = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}")

# Date format letters as PHP's date() reads them (the tracker convention), mapped to strftime.
_PHP_DATE = {
    "Y": "%Y",
    "y": "%y",
    "m": "%m",
    "n": "%-m",
    "d": "%d",
    "j": "%-d",
    "H": "%H",
    "G": "%-H",
    "i": "%M",
    "s": "%S",
    "D": "%a",
    "M": "%b",
    "U": "%s",
}


def _date(fmt: str, now: float) -> str:
    moment = datetime.fromtimestamp(now, UTC)
    if fmt == "U":
        return str(int(now))
    return "".join(moment.strftime(_PHP_DATE[c]) if c in _PHP_DATE else c for c in fmt)


def macros(
    campaign: flow.Campaign,
    stream: Stream | None,
    visitor: Visitor,
    subid: str,
    landing: flow.Landing | None = None,
    offer: flow.Offer | None = None,
) -> dict[str, str]:
    """Every macro value a click's URLs may use; incoming query parameters come first so the
    tracker's own names win when a parameter shadows one."""
    agent = visitor.agent
    values: dict[str, str] = dict(visitor.params)
    values.update(
        {
            "subid": subid,
            "campaign_id": str(campaign.id),
            "campaign_name": campaign.name,
            "stream_id": str(stream.id) if stream else "",
            "landing_id": str(landing.id) if landing else "",
            "landing_name": landing.name if landing else "",
            "offer_id": str(offer.id) if offer else "",
            "offer_name": offer.name if offer else "",
            "external_id": visitor.params.get("external_id", ""),
            "country": visitor.country or "",
            "region": visitor.region or "",
            "city": visitor.city or "",
            "os": (agent.os_family or "") if agent else "",
            "browser": (agent.browser_family or "") if agent else "",
            "device_type": visitor.device or "",
            "ip": visitor.ip,
            "user_agent": visitor.user_agent,
            "referrer": visitor.referrer,
            "language": visitor.language or "",
            "source": visitor.params.get("source", ""),
            "keyword": visitor.keyword,
            "cost": visitor.params.get("cost", ""),
            "is_bot": "1" if visitor.is_bot else "0",
        }
    )
    for n in range(1, 31):
        values[f"sub_id_{n}"] = visitor.params.get(f"sub_id_{n}", "")
    return values


def substitute(template: str, values: Mapping[str, str], now: float, *, encode: bool = True) -> str:
    """Fill ``{name}`` URL-encoded, ``{name:raw}`` as is and ``{date:format}``; an unknown macro
    stays as written, which shows the admin the typo. ``encode=False`` fills every macro as
    is, for text and HTML bodies, which are not URLs."""

    def one(match: re.Match[str]) -> str:
        name, modifier = match.group(1), match.group(2)
        if name == "date" and modifier is not None:
            value = _date(modifier, now)
        elif name in values:
            value = values[name]
        else:
            return match.group(0)
        return quote(value, safe="") if encode and modifier != "raw" else value

    return _MACRO.sub(one, template)


# --- Actions -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """What the live path sends: a status, headers and a body; or a campaign to route to."""

    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: str = ""
    media_type: str = "text/html; charset=utf-8"
    campaign_id: int | None = None


def answer(action: ActionType, target: str, double_meta_url: str | None = None) -> Answer:
    """The response an action gives for ``target`` (a URL, a body, or a campaign id)."""
    safe = html.escape(target, quote=True)
    if action is ActionType.HTTP:
        return Answer(302, (("location", target),), "")
    if action is ActionType.META:
        return Answer(
            200, (), f'<html><head><meta http-equiv="refresh" content="0;url={safe}"></head></html>'
        )
    if action is ActionType.JS:
        script = _js_string(target)
        return Answer(
            200,
            (),
            f"<html><head><script>window.location.replace({script});</script></head>"
            f'<body><a href="{safe}">continue</a></body></html>',
        )
    if action is ActionType.DOUBLE_META:
        # The first hop refreshes to a page of ours that refreshes on; the target sees our
        # page, not the source, as the referrer (or none, with the policy).
        hop = html.escape(double_meta_url or target, quote=True)
        return Answer(
            200,
            (("referrer-policy", "no-referrer"),),
            f'<html><head><meta name="referrer" content="no-referrer">'
            f'<meta http-equiv="refresh" content="0;url={hop}"></head></html>',
        )
    if action is ActionType.BLANK_REFERRER:
        return Answer(
            200,
            (("referrer-policy", "no-referrer"),),
            f'<html><head><meta name="referrer" content="no-referrer">'
            f'<meta http-equiv="refresh" content="0;url={safe}"></head></html>',
        )
    if action is ActionType.SHOW_TEXT:
        return Answer(200, (), target, "text/plain; charset=utf-8")
    if action is ActionType.SHOW_HTML:
        return Answer(200, (), target)
    if action is ActionType.NOT_FOUND:
        return Answer(404, (), "Not Found", "text/plain; charset=utf-8")
    if action is ActionType.CAMPAIGN:
        try:
            return Answer(0, campaign_id=int(target))
        except ValueError:
            return Answer(404, (), "Not Found", "text/plain; charset=utf-8")
    return Answer(200, (), "", "text/plain; charset=utf-8")  # do nothing: an empty page


def _js_string(text: str) -> str:
    # Escape for a script context: no quote, backslash or "</script" can end the string early.
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\x3c").replace("\n", "\\n")
    return f'"{out}"'
