"""One auction, from the request's bytes to the response's: read, match, admit, answer.

For each impression the matcher's candidates are tried best first; the first one the guard
admits (it holds the bid's spend in a reservation) is the bid. Each bid carries one signed
notice token in its ``nurl``, ``burl`` and ``lurl`` and one signed click token in its markup.
The work is bounded by the request's ``tmax``: an answer that would arrive late is no answer,
so past the deadline the reservations are released and the request gets no bid.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Final, Protocol

import msgspec
import orjson

from adplane.delivery import features, markup, openrtb
from adplane.delivery.model import (
    Candidate,
    CreativeEntry,
    Features,
    Guard,
    ImpSpec,
    Matcher,
    Reservation,
)
from adplane.delivery.tracking import Payload, Signer

# Work done this close to tmax would reach the exchange too late (its own network time).
DEFAULT_MARGIN_MS: Final = 10
MICROS: Final = 1_000_000


class Malformed(Exception):
    """The body is not an OpenRTB bid request (the endpoint answers 400)."""


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    """A bid request as the bidder needs it."""

    id: str
    features: Features
    imps: tuple[ImpSpec, ...]
    tmax_ms: int | None = None
    test: bool = False


class RequestReader(Protocol):
    """``openrtb`` + ``features``: request bytes -> :class:`ParsedRequest` or ``Malformed``."""

    def __call__(self, body: bytes, exchange: str | None) -> ParsedRequest: ...


@dataclass(frozen=True, slots=True)
class BidderConfig:
    """What the bidder writes into every response and URL."""

    seat: str
    currency: str = "USD"
    notice_ttl_seconds: int = 3600
    click_ttl_seconds: int = 86_400
    margin_ms: int = DEFAULT_MARGIN_MS


@dataclass(frozen=True, slots=True)
class Bid:
    """One bid made, and the reservation that holds its spend."""

    imp: ImpSpec
    candidate: Candidate
    reservation: Reservation
    body: dict[str, object]


@dataclass
class Outcome:
    """What an auction came to: the response body (None: no bid) and what it held."""

    body: bytes | None
    bids: list[Bid] = field(default_factory=list)
    late: bool = False


def price_text(micros: int) -> str:
    """Micros as a decimal string (``1500000`` -> ``"1.5"``), exactly."""
    return format(Decimal(micros).scaleb(-6).normalize(), "f")


@functools.lru_cache(maxsize=4096)
def price_number(micros: int) -> float:
    """The JSON number of a bid price: the double nearest the exact decimal (JSON has no
    decimals). Cached: bids repeat a few thousand prices, and the Decimal round costs more
    than the rest of the price's handling."""
    return float(price_text(micros))


def _kind_of(imp: ImpSpec, creative: CreativeEntry) -> str | None:
    return creative.kind if creative.kind in imp.kinds else None


def _size(imp: ImpSpec, creative: CreativeEntry) -> tuple[int, int] | None:
    if creative.width and creative.height:
        return creative.width, creative.height
    if creative.kind == "video" and imp.video_size is not None:
        return imp.video_size
    return imp.sizes[0] if imp.sizes else None


class Bidder:
    """Answers bid requests from the snapshot the matcher and the guard hold."""

    def __init__(
        self,
        reader: RequestReader,
        matcher: Callable[[], Matcher],
        guard: Callable[[], Guard],
        signer: Signer,
        config: BidderConfig,
    ) -> None:
        self._read = reader
        # Callables, so a refresh that swaps the matcher or the guard is seen by the next bid.
        self._matcher = matcher
        self._guard = guard
        self._signer = signer
        self.config = config
        # Read by /metrics; one process, and only the event loop bids.
        self.bids_made = 0

    def bid(
        self, body: bytes, exchange: str | None, base_url: str, arrived: float | None = None
    ) -> Outcome:
        """The response to one bid request; ``Malformed`` when it is not one."""
        arrived = time.monotonic() if arrived is None else arrived
        return self.auction(self._read(body, exchange), base_url, arrived)

    def auction(self, request: ParsedRequest, base_url: str, arrived: float) -> Outcome:
        """The response to a request already read; the deadline counts from ``arrived``."""
        deadline = None
        if request.tmax_ms:
            deadline = arrived + (request.tmax_ms - self.config.margin_ms) / 1000
        now = datetime.now(UTC)
        matcher = self._matcher()
        guard = self._guard()
        bids: list[Bid] = []
        for imp in request.imps:
            if imp.bidfloor_micros is None or (imp.private_auction and not imp.deal_ids):
                # A floor in a currency without a known rate, or a private auction with no
                # deal open to our seat: no bid can be valid.
                continue
            made = self._bid_one(request, imp, matcher, guard, now, base_url)
            if made is not None:
                bids.append(made)
            if deadline is not None and time.monotonic() > deadline:
                break
        if deadline is not None and time.monotonic() > deadline:
            for made in bids:
                guard.release(made.reservation.key)
            return Outcome(None, [], late=True)
        if not bids:
            return Outcome(None)
        self.bids_made += len(bids)
        response = {
            "id": request.id,
            "seatbid": [{"seat": self.config.seat, "bid": [b.body for b in bids]}],
            "cur": self.config.currency,
        }
        return Outcome(orjson.dumps(response), bids)

    def _bid_one(
        self,
        request: ParsedRequest,
        imp: ImpSpec,
        matcher: Matcher,
        guard: Guard,
        now: datetime,
        base_url: str,
    ) -> Bid | None:
        floor = imp.bidfloor_micros or 0
        for candidate in matcher.candidates(request.features, imp, now):
            creative = candidate.creative
            kind = _kind_of(imp, creative)
            # A bid under a deal meets the deal's floor (matching checked it), not the open one.
            if kind is None or (candidate.deal_id is None and candidate.price_micros < floor):
                continue
            reservation = guard.admit(candidate, request.features, imp, now)
            if reservation is None:
                continue
            body = self._body(request, imp, candidate, kind, now, base_url)
            if body is None:
                guard.release(reservation.key)
                continue
            return Bid(imp, candidate, reservation, body)
        return None

    def _body(
        self,
        request: ParsedRequest,
        imp: ImpSpec,
        candidate: Candidate,
        kind: str,
        now: datetime,
        base_url: str,
    ) -> dict[str, object] | None:
        campaign, creative = candidate.campaign, candidate.creative
        features = request.features
        issued = int(now.timestamp())
        size = _size(imp, creative)
        deal = candidate.deal_id
        notice_payload = Payload(
            kind="notice",
            auction_id=request.id,
            imp_id=imp.imp_id,
            campaign_id=campaign.id,
            creative_id=creative.id,
            account_id=campaign.account_id,
            price_micros=candidate.price_micros,
            pricing_model=campaign.pricing_model,
            issued_at=issued,
            expires_at=issued + self.config.notice_ttl_seconds,
            exchange=features.exchange,
            country=features.country,
            os=features.os,
            device_type=features.device_type,
            traffic_type=features.traffic_type,
            publisher_id=features.publisher_id,
            site_id=features.site_id,
            app_id=features.app_id,
            domain=features.domain,
            bundle=features.bundle,
            spot=imp.spot,
            size=f"{size[0]}x{size[1]}" if size else None,
            request_type=kind,
            deal_id=deal,
            test=True if request.test else None,
        )
        notice = self._signer.sign(notice_payload)
        # A click (CPC) or a conversion (CPA) is charged the action's own price: the
        # creative's bid, else the campaign's, in the campaign's pricing model (matching
        # turned it into the CPM bid above); any other carries the CPM bid.
        click_price = (
            creative.bid_price_micros or campaign.bid_price_micros or 0
            if campaign.pricing_model in ("cpc", "cpa")
            else candidate.price_micros
        )
        click = self._signer.sign(
            msgspec.structs.replace(
                notice_payload,
                kind="click",
                price_micros=click_price,
                expires_at=issued + self.config.click_ttl_seconds,
            )
        )
        click_url = f"{base_url}/t/click?t={click}"
        adm: str | None
        if kind == "native":
            adm = markup.native_response(creative, imp, click_url)
        elif kind == "video":
            adm = markup.vast(creative, click_url, f"{base_url}/t/imp?t={notice}")
        else:
            adm = markup.banner(creative, click_url)
        if adm is None:
            return None
        notice_url = f"{base_url}/rtb/%s?t={notice}"
        bid: dict[str, object] = {
            "id": f"{request.id}:{imp.imp_id}"[:64],
            "impid": imp.imp_id,
            "price": price_number(candidate.price_micros),
            "adid": str(creative.id),
            "crid": str(creative.id),
            "cid": str(campaign.id),
            "nurl": (notice_url % "win") + "&price=${AUCTION_PRICE}",
            "burl": (notice_url % "bill") + "&price=${AUCTION_PRICE}",
            "lurl": (notice_url % "loss") + "&price=${AUCTION_PRICE}&loss=${AUCTION_LOSS}",
            "adm": adm,
            "mtype": {"banner": 1, "video": 2, "native": 4}[kind],
        }
        domain = creative.advertiser_domain or campaign.advertiser_domain
        if domain:
            bid["adomain"] = [domain]
        if creative.categories:
            bid["cat"] = list(creative.categories)
        if creative.attributes:
            bid["attr"] = sorted(creative.attributes)
        if size is not None and kind != "native":
            bid["w"], bid["h"] = size
        if deal is not None:
            bid["dealid"] = deal
        return bid


class OpenRtbReader:
    """``openrtb.decode_request`` then ``features.extract``: the bidder's reader; ``seat`` is
    ours, for the deals whose ``wseat`` names the seats they take (None: every deal)."""

    def __init__(self, rates: Mapping[str, Decimal], seat: str | None = None) -> None:
        self._rates = dict(rates)
        self._seat = seat

    def __call__(self, body: bytes, exchange: str | None) -> ParsedRequest:
        try:
            request = openrtb.decode_request(body)
        except openrtb.MalformedRequest as exc:
            raise Malformed(str(exc)) from None
        if not request.imp:
            raise Malformed("a bid request has at least one imp")
        found, imps = features.extract(
            request, datetime.now(UTC), exchange, rates=self._rates, seat=self._seat
        )
        return ParsedRequest(request.id, found, tuple(imps), request.tmax, request.test == 1)
