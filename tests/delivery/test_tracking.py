"""Signed tracking tokens: what verifies, what does not, and what a replay looks like."""

from __future__ import annotations

import base64
import hmac

import msgspec
from msgspec.structs import replace

from adplane.delivery.tracking import Payload, Signer, derive_key, event_id
from adplane.delivery.tracking import _b64 as b64

NOW = 1_800_000_000
PAYLOAD = Payload(
    kind="notice",
    auction_id="80ce30c53c16e6ede735f123ef6e32361bfc7b22",
    imp_id="1",
    campaign_id=12,
    creative_id=34,
    account_id=5,
    price_micros=2_500_000,
    pricing_model="cpm",
    issued_at=NOW,
    expires_at=NOW + 3600,
    exchange="openx",
    country="US",
    os="ios",
    device_type="4",
    traffic_type="mobile_app",
    publisher_id="8953",
    app_id="agltb3B1Yi1pbmNy",
    bundle="12345",
    spot="tag-1",
    size="300x250",
    request_type="banner",
)
SIGNER = Signer(derive_key("a" * 40))


def test_a_signed_token_verifies_to_its_payload() -> None:
    token = SIGNER.sign(PAYLOAD)
    assert SIGNER.verify(token, NOW + 10) == PAYLOAD


def test_a_token_is_url_safe_and_compact() -> None:
    token = SIGNER.sign(PAYLOAD)
    assert all(c.isalnum() or c in "-_." for c in token)
    assert len(token) < 300


def test_trailing_empty_dimensions_round_trip() -> None:
    bare = replace(PAYLOAD, exchange=None, country=None, size=None, request_type=None)
    assert SIGNER.verify(SIGNER.sign(bare), NOW) == bare


def test_an_expired_token_verifies_to_nothing() -> None:
    assert SIGNER.verify(SIGNER.sign(PAYLOAD), NOW + 3601) is None


def test_a_token_signed_with_another_key_verifies_to_nothing() -> None:
    other = Signer(derive_key("b" * 40))
    assert SIGNER.verify(other.sign(PAYLOAD), NOW) is None


def test_an_altered_payload_verifies_to_nothing() -> None:
    mine = SIGNER.sign(PAYLOAD)
    theirs = SIGNER.sign(replace(PAYLOAD, campaign_id=13))
    # The other campaign's payload under this campaign's MAC: the ids are not trusted.
    forged = theirs.split(".")[0] + "." + mine.split(".")[1]
    assert SIGNER.verify(forged, NOW) is None


def test_garbage_verifies_to_nothing() -> None:
    for token in ("", ".", "a.b", "!!!.???", "x" * 5000, "a.b.c", None, "AAAA.AAAA"):
        assert SIGNER.verify(token, NOW) is None


def test_the_click_id_is_the_same_for_every_replay_and_differs_per_impression() -> None:
    assert SIGNER.click_id("a", "1") == SIGNER.click_id("a", "1")
    assert SIGNER.click_id("a", "1") != SIGNER.click_id("a", "2")
    assert len(SIGNER.click_id("a", "1")) == 20


def test_an_event_id_stays_within_the_logs_limit() -> None:
    assert event_id("win", "a", "1") == "win:a:1"
    long = event_id("win", "x" * 200, "1")
    assert len(long) <= 128
    assert long == event_id("win", "x" * 200, "1")
    assert long != event_id("win", "x" * 200, "2")


def _version_1_token(payload: Payload, key: bytes) -> str:
    """A token as version 1 signed it: a flat array, kind and pricing model coded, HMAC."""
    values: list[object] = [1, *msgspec.structs.astuple(payload)]
    values[1] = ("notice", "click", "conversion").index(payload.kind)
    values[8] = ("cpm", "cpc", "cpa", "cpi", "cpv").index(payload.pricing_model)
    while values[-1] is None:
        values.pop()
    data = msgspec.msgpack.encode(values)
    return f"{b64(data)}.{b64(hmac.digest(key, data, 'sha256')[:16])}"


def test_a_version_1_token_issued_before_an_upgrade_still_verifies() -> None:
    key = derive_key("a" * 40)
    click = replace(PAYLOAD, kind="click", pricing_model="cpc", price_micros=300_000)
    assert SIGNER.verify(_version_1_token(click, key), NOW) == click
    assert SIGNER.verify(_version_1_token(click, derive_key("b" * 40)), NOW) is None
    assert SIGNER.verify(_version_1_token(click, key), NOW + 3601) is None


def test_a_version_1_payload_under_the_version_2_mac_verifies_to_nothing() -> None:
    version_1 = _version_1_token(PAYLOAD, derive_key("a" * 40))
    body = version_1.split(".")[0]
    # The v1 bytes with a v2 MAC (blake2b) over them: a layout confusion, refused.
    mac = b64(SIGNER._mac(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))))
    assert SIGNER.verify(f"{body}.{mac}", NOW) is None
