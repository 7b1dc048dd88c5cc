"""Signed, expiring tracking tokens: what a notice, a click or a postback may record.

A token is ``base64url(payload) + "." + base64url(mac)``: the payload is msgpack (a couple of
hundred bytes: the auction, the impression, who is charged, the bid, and the dimensions
reports group by most), the MAC is keyed BLAKE2b over it, 16 bytes (128 bits is far past what
an attacker can forge online). Nothing inside a token is trusted before its MAC and its expiry
are checked, so a token signed for one campaign can never record for another. Carrying the
dimensions in the token (instead of a map kept in memory per auction) lets a notice that
arrives after a restart still record a complete event.

Version 2 (``[2, [kind, auction_id, ...]]``, keyed BLAKE2b) replaced version 1 (a flat array
with coded kind and pricing model, HMAC-SHA256) because a bid signs two tokens and OpenSSL's
HMAC cost 5 µs of each; BLAKE2 in keyed mode is a MAC of its own and costs a third of it.
Version 1 tokens still verify, so clicks and conversions issued before an upgrade record.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from typing import Any, Final, Literal

import msgspec

from adplane.delivery.model import PricingModel

VERSION: Final = 2
MAC_BYTES: Final = 16
# A token longer than this is not ours (the longest payload is a few hundred bytes).
MAX_TOKEN_CHARS: Final = 2048
TokenKind = Literal["notice", "click", "conversion"]
_KINDS: Final[tuple[TokenKind, ...]] = ("notice", "click", "conversion")
_MODELS: Final[tuple[PricingModel, ...]] = ("cpm", "cpc", "cpa", "cpi", "cpv")


class Payload(msgspec.Struct, frozen=True, array_like=True, gc=False, kw_only=True):
    """What a verified token says; every id in it was put there by this bidder.

    A msgspec struct: built twice per bid, so its construction and encoding are on the hot
    path (a frozen dataclass of these 25 fields cost 7 µs to build).
    """

    kind: TokenKind
    auction_id: str
    imp_id: str
    campaign_id: int
    creative_id: int
    account_id: int
    # The bid: CPM micros for cpm, the action's price in micros for cpc and cpa.
    price_micros: int
    pricing_model: PricingModel
    issued_at: int  # epoch seconds
    expires_at: int  # epoch seconds
    exchange: str | None = None
    country: str | None = None
    os: str | None = None
    device_type: str | None = None
    traffic_type: str | None = None
    publisher_id: str | None = None
    site_id: str | None = None
    app_id: str | None = None
    domain: str | None = None
    bundle: str | None = None
    spot: str | None = None
    size: str | None = None
    request_type: str | None = None
    deal_id: str | None = None
    # OpenRTB ``test=1``: the auction is not billable, so its notices record nothing.
    test: bool | None = None


_FIELDS: Final = Payload.__struct_fields__
# The version 1 layout: the version, then the fields in order, kind and pricing model coded.
_V1_MODEL_AT: Final = 1 + _FIELDS.index("pricing_model")


def derive_key(secret: str, purpose: str = "tracking") -> bytes:
    """A key of its own for ``purpose``, so a tracking key never signs an access token."""
    return hmac.new(secret.encode(), f"adplane-{purpose}-v{VERSION}".encode(), "sha256").digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """Signs and verifies tracking tokens with one key."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(tuple[Literal[2], Payload])
        self._v1_decoder = msgspec.msgpack.Decoder(list[Any])

    def _mac(self, data: bytes) -> bytes:
        return hashlib.blake2b(data, key=self._key, digest_size=MAC_BYTES).digest()

    def _v1_mac(self, data: bytes) -> bytes:
        return hmac.digest(self._key, data, "sha256")[:MAC_BYTES]

    def sign(self, payload: Payload) -> str:
        """The token of ``payload``."""
        data = self._encoder.encode((VERSION, payload))
        return f"{_b64(data)}.{_b64(self._mac(data))}"

    def verify(self, token: str | None, now: float) -> Payload | None:
        """The payload of a genuine token that has not expired, else None (never why)."""
        if not token or len(token) > MAX_TOKEN_CHARS or token.count(".") != 1:
            return None
        body, _, mac = token.partition(".")
        try:
            data = _unb64(body)
            given = _unb64(mac)
        except (binascii.Error, ValueError):
            return None
        payload: Payload | None
        if hmac.compare_digest(self._mac(data), given):
            try:
                payload = self._decoder.decode(data)[1]
            except msgspec.DecodeError:
                # Another layout under this MAC: nothing this version signed.
                return None
        elif hmac.compare_digest(self._v1_mac(data), given):
            payload = self._v1_payload(data)
        else:
            return None
        if payload is None or payload.expires_at < now:
            return None
        return payload

    def _v1_payload(self, data: bytes) -> Payload | None:
        try:
            values = self._v1_decoder.decode(data)
            if values[0] != 1:
                return None
            values[1] = _KINDS[values[1]]
            values[_V1_MODEL_AT] = _MODELS[values[_V1_MODEL_AT]]
            return msgspec.convert(values[1:], Payload)
        except (msgspec.DecodeError, msgspec.ValidationError, IndexError, KeyError, TypeError):
            return None  # pragma: no cover - a payload that passed the MAC is ours

    def click_id(self, auction_id: str, imp_id: str) -> str:
        """The click's id: the same for every replay of one (auction, impression)."""
        digest = hmac.digest(self._key, f"click\x00{auction_id}\x00{imp_id}".encode(), "sha256")
        return _b64(digest[:15])


def event_id(kind: str, *parts: str) -> str:
    """``kind:part:part``, or ``kind:`` and a digest when that would pass the log's 128."""
    text = ":".join((kind, *parts))
    if len(text) <= 128:
        return text
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:48]
    return f"{kind}:~{digest}"
