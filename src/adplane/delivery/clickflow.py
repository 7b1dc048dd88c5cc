"""The live tracker's click engine: a campaign URL's hit in, an answer and its click event out.

It reads only an in-memory :class:`TrackerSnapshot` of compiled campaigns
(:mod:`adplane.tracker.flow`) and a process-wide :class:`~adplane.tracker.routing.ClickState`;
the HTTP side hands it the visitor and appends the event it returns to the durable log before
it sends the answer. No query runs per click.

A landing page's offer link is ``<campaign URL>?_lp=1&_token=<token>``: the token carries the
click (its subid, campaign, stream and landing) under a keyed MAC, so the second hop picks an
offer for the same click and never counts a new one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import urlencode

import msgspec

from adplane.tracker import flow, routing
from adplane.tracker.flow import ActionType, StreamSchema
from adplane.tracker.routing import Answer, ClickState, Visitor

# A campaign that sends the click to another campaign, which sends it on...: a loop in the
# admin's setup ends here with a 404 instead of spinning.
MAX_HOPS: Final = 5
LP_TOKEN_TTL_SECONDS: Final = 86_400
_MAC_BYTES: Final = 16


@dataclass(frozen=True, slots=True)
class TrackerSnapshot:
    """Compiled campaigns, found by id, alias (case-folded) and token."""

    campaigns: Mapping[int, flow.Campaign]
    by_alias: Mapping[str, int]
    by_token: Mapping[str, int]

    @classmethod
    def of(cls, campaigns: Iterable[flow.Campaign]) -> TrackerSnapshot:
        by_id = {c.id: c for c in campaigns}
        return cls(
            campaigns=by_id,
            by_alias={c.alias.casefold(): c.id for c in by_id.values() if c.alias},
            by_token={c.token: c.id for c in by_id.values() if c.token},
        )

    def find(self, name: str) -> flow.Campaign | None:
        """The campaign a URL's first segment names: its alias, else its token."""
        cid = self.by_alias.get(name.casefold())
        if cid is None:
            cid = self.by_token.get(name)
        return self.campaigns.get(cid) if cid is not None else None


class _Continuation(msgspec.Struct, array_like=True, frozen=True):
    subid: str
    campaign_id: int
    stream_id: int
    landing_id: int
    expires_at: int


class LandingTokens:
    """Signs and verifies the ``_token`` of a landing's offer link."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(_Continuation)

    def sign(self, c: _Continuation) -> str:
        data = self._encoder.encode(c)
        mac = hashlib.blake2b(data, key=self._key, digest_size=_MAC_BYTES).digest()
        return f"{_b64(data)}.{_b64(mac)}"

    def verify(self, token: str, now: float) -> _Continuation | None:
        body, sep, mac = token.partition(".")
        if not sep or len(token) > 512:
            return None
        try:
            data, given = _unb64(body), _unb64(mac)
        except ValueError:
            return None
        expected = hashlib.blake2b(data, key=self._key, digest_size=_MAC_BYTES).digest()
        if not hmac.compare_digest(expected, given):
            return None
        try:
            c = self._decoder.decode(data)
        except msgspec.DecodeError:
            return None
        return c if c.expires_at >= now else None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True, slots=True)
class Outcome:
    """The answer to send and the click event to append first (None: nothing to count)."""

    answer: Answer
    event: dict[str, Any] | None = None
    subid: str | None = None


@dataclass
class ClickEngine:
    """Routes hits against the current snapshot; ``base_url`` is the tracker's public root."""

    tokens: LandingTokens
    snapshot: TrackerSnapshot = field(default_factory=lambda: TrackerSnapshot.of(()))
    state: ClickState = field(default_factory=ClickState)
    rng: random.Random = field(default_factory=random.Random)

    def hit(self, name: str, visitor: Visitor, base_url: str) -> Outcome | None:
        """A hit on ``/{name}``; None when no campaign answers there (the caller's 404)."""
        campaign = self.snapshot.find(name)
        if campaign is None:
            return None
        if visitor.params.get("_lp") == "1" and "_token" in visitor.params:
            return self._continue(campaign, visitor, visitor.params["_token"])
        return self._click(campaign, visitor, base_url, routing.new_subid())

    def _click(
        self, campaign: flow.Campaign, visitor: Visitor, base_url: str, subid: str
    ) -> Outcome:
        for _ in range(MAX_HOPS):
            stream = routing.choose_stream(campaign, visitor, self.state, self.rng)
            self.state.record(campaign, stream, visitor)
            if stream is None:
                # Do nothing: an empty answer, and the click still counts for the campaign.
                return Outcome(
                    routing.answer(ActionType.DO_NOTHING, ""),
                    self._event(campaign, None, visitor, subid),
                    subid,
                )
            answer, landing, offer = self._act(campaign, stream, visitor, base_url, subid)
            if answer.campaign_id is not None:
                target = self.snapshot.campaigns.get(answer.campaign_id)
                if target is None or target.account_id != campaign.account_id:
                    # Another account's campaign is as absent as a missing one.
                    return Outcome(routing.answer(ActionType.NOT_FOUND, ""))
                campaign = target
                continue
            event = self._event(campaign, stream, visitor, subid, landing, offer)
            return Outcome(answer, event, subid)
        return Outcome(routing.answer(ActionType.NOT_FOUND, ""))

    def _act(
        self,
        campaign: flow.Campaign,
        stream: flow.Stream,
        visitor: Visitor,
        base_url: str,
        subid: str,
    ) -> tuple[Answer, flow.Landing | None, flow.Offer | None]:
        landing: flow.Landing | None = None
        offer: flow.Offer | None = None
        template = stream.action_payload
        if stream.schema is StreamSchema.LANDINGS:
            landing = routing.pick_landing(stream, self.rng)
            if landing is None:
                return routing.answer(ActionType.NOT_FOUND, ""), None, None
            template = landing.url
        elif stream.schema is StreamSchema.OFFERS:
            offer = routing.pick_offer(stream, self.rng)
            if offer is None:
                return routing.answer(ActionType.NOT_FOUND, ""), None, None
            template = offer.url
        values = routing.macros(campaign, stream, visitor, subid, landing, offer)
        if landing is not None:
            token = self.tokens.sign(
                _Continuation(
                    subid,
                    campaign.id,
                    stream.id,
                    landing.id,
                    int(visitor.now) + LP_TOKEN_TTL_SECONDS,
                )
            )
            own = f"{base_url}/{campaign.alias or campaign.token}"
            values["offer"] = f"{own}?{urlencode({'_lp': '1', '_token': token})}"
        action = stream.action_type
        if action not in flow.REDIRECT_ACTIONS:
            # Text and HTML bodies get their macros raw: they are not URLs.
            body = routing.substitute(template, values, visitor.now, encode=False)
            return routing.answer(action, body), landing, offer
        return (
            routing.answer(action, routing.substitute(template, values, visitor.now)),
            landing,
            offer,
        )

    def _continue(self, campaign: flow.Campaign, visitor: Visitor, token: str) -> Outcome:
        c = self.tokens.verify(token, visitor.now)
        if c is None or c.campaign_id != campaign.id:
            return Outcome(routing.answer(ActionType.NOT_FOUND, ""))
        stream = next((s for s in campaign.streams if s.id == c.stream_id), None)
        if stream is None:
            return Outcome(routing.answer(ActionType.NOT_FOUND, ""))
        offer = routing.pick_offer(stream, self.rng)
        if offer is None:
            return Outcome(routing.answer(ActionType.NOT_FOUND, ""))
        landing = next((x for x in stream.landings if x.id == c.landing_id), None)
        values = routing.macros(campaign, stream, visitor, c.subid, landing, offer)
        action = (
            stream.action_type if stream.action_type in flow.REDIRECT_ACTIONS else ActionType.HTTP
        )
        return Outcome(
            routing.answer(action, routing.substitute(offer.url, values, visitor.now)),
            None,
            c.subid,
        )

    def _event(
        self,
        campaign: flow.Campaign,
        stream: flow.Stream | None,
        visitor: Visitor,
        subid: str,
        landing: flow.Landing | None = None,
        offer: flow.Offer | None = None,
    ) -> dict[str, Any]:
        agent = visitor.agent
        event: dict[str, Any] = {
            "event_id": f"click:{subid}",
            "type": "click",
            "ts": datetime.fromtimestamp(visitor.now, UTC),
            "campaign_id": campaign.id,
            "account_id": campaign.account_id,
            "click_id": subid,
            "stream_id": stream.id if stream else None,
            "landing_id": landing.id if landing else None,
            "offer_id": offer.id if offer else None,
            "country": visitor.country,
            "os": agent.os_family if agent else None,
            "browser": agent.browser_family if agent else None,
            "device_type": visitor.device,
            "language": visitor.language,
            "ip": visitor.ip if len(visitor.ip) <= 45 else None,
            "user_agent": visitor.user_agent[:2000] or None,
            "source": visitor.params.get("source", "")[:255] or None,
        }
        for n in range(1, 6):
            value = visitor.params.get(f"sub_id_{n}", "")[:255]
            event[f"sub_id_{n}"] = value or None
        if campaign.cost_model.upper() == "CPC" and campaign.cost_value:
            event["cost"] = campaign.cost_value
        return {k: v for k, v in event.items() if v is not None}
