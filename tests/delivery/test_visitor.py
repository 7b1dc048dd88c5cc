"""The visitor's address: the peer, or the forwarded one when the peer is a trusted proxy."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from adplane.delivery.visitor import visitor_ip
from adplane.settings import Settings

LOOPBACK = Settings().trusted_proxies


def test_a_direct_visitor_is_the_peer_whatever_it_sends() -> None:
    assert visitor_ip("198.51.100.7", {"x-forwarded-for": "8.8.8.8"}, LOOPBACK) == (
        "198.51.100.7",
        False,
    )


def test_a_loopback_proxy_is_trusted_by_default() -> None:
    assert visitor_ip("127.0.0.1", {"x-forwarded-for": "8.8.8.8"}, LOOPBACK) == ("8.8.8.8", True)
    assert visitor_ip("::1", {"x-real-ip": "46.4.0.1"}, LOOPBACK) == ("46.4.0.1", True)


def test_forwarded_for_is_walked_from_the_right_past_trusted_hops() -> None:
    trusted = "127.0.0.1,10.0.0.0/8"
    # The visitor sent a forged first entry; the proxies appended the real one and themselves.
    headers = {"x-forwarded-for": "1.1.1.1, 8.8.8.8, 10.0.0.5"}
    assert visitor_ip("127.0.0.1", headers, trusted) == ("8.8.8.8", True)
    assert visitor_ip("127.0.0.1", {"x-forwarded-for": "10.0.0.5"}, trusted) == ("10.0.0.5", True)


def test_garbage_headers_leave_the_peer() -> None:
    assert visitor_ip("127.0.0.1", {"x-forwarded-for": "nonsense"}, LOOPBACK) == (
        "127.0.0.1",
        False,
    )
    assert visitor_ip("127.0.0.1", {"x-forwarded-for": "[2001:db8::1]:443"}, LOOPBACK) == (
        "2001:db8::1",
        True,
    )


def test_the_setting_refuses_what_is_not_a_network() -> None:
    with pytest.raises(ValidationError):
        Settings(trusted_proxies="127.0.0.1,localhost")
