"""Signed, expiring tracking tokens: what a notice, a click or a postback may record.

A token is ``base64url(payload) + "." + base64url(mac)``: the payload is a msgpack array (a
few dozen bytes: the auction, the impression, who is charged, the bid, and the dimensions
reports group by most), the MAC is HMAC-SHA256 over it, truncated to 16 bytes (128 bits is
far past what an attacker can forge online). Nothing inside a token is trusted before its
MAC and its expiry are checked, so a token signed for one campaign can never record for
another. Carrying the dimensions in the token (instead of a map kept in memory per auction)
lets a notice that arrives after a restart still record a complete event.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass, fields
from typing import Any, Final, Literal

import msgspec

from adplane.delivery.model import PricingModel

VERSION: Final = 1
MAC_BYTES: Final = 16
# A token longer than this is not ours (the longest payload is a few hundred bytes).
MAX_TOKEN_CHARS: Final = 2048
TokenKind = Literal["notice", "click", "conversion"]
_KINDS: Final[tuple[TokenKind, ...]] = ("notice", "click", "conversion")
_MODELS: Final[tuple[PricingModel, ...]] = ("cpm", "cpc", "cpa", "cpi", "cpv")


@dataclass(frozen=True, slots=True)
class Payload:
    """What a verified token says; every id in it was put there by this bidder."""

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


_FIELDS: Final = tuple(f.name for f in fields(Payload))
_KIND_CODES: Final = {kind: code for code, kind in enumerate(_KINDS)}
_MODEL_CODES: Final = {model: code for code, model in enumerate(_MODELS)}
# Where the pricing model sits in the packed array (after the version).
_MODEL_AT: Final = 1 + _FIELDS.index("pricing_model")


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
        self._decoder = msgspec.msgpack.Decoder(list[Any])

    def _mac(self, data: bytes) -> bytes:
        # hmac.digest is OpenSSL's one-shot HMAC: no Python object per call.
        return hmac.digest(self._key, data, "sha256")[:MAC_BYTES]

    def sign(self, payload: Payload) -> str:
        """The token of ``payload``."""
        values: list[object] = [VERSION, *(getattr(payload, name) for name in _FIELDS)]
        values[1] = _KIND_CODES[payload.kind]
        values[_MODEL_AT] = _MODEL_CODES[payload.pricing_model]
        # Trailing Nones cost a byte each; the decoder fills them back in.
        while values[-1] is None:
            values.pop()
        data = self._encoder.encode(values)
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
        if not hmac.compare_digest(self._mac(data), given):
            return None
        try:
            values = self._decoder.decode(data)
            if values[0] != VERSION:
                return None
            named: dict[str, Any] = dict(zip(_FIELDS, values[1:], strict=False))
            named["kind"] = _KINDS[named["kind"]]
            named["pricing_model"] = _MODELS[named["pricing_model"]]
            payload = Payload(**named)
        except (msgspec.DecodeError, IndexError, KeyError, TypeError):  # pragma: no cover
            # Only this key signs, so a payload that passed the MAC is ours; an old layout
            # after an upgrade is the one way here.
            return None
        if payload.expires_at < now:
            return None
        return payload

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
