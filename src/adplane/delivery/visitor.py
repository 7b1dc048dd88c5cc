"""The visitor's address behind the tracker's public routes.

The peer is the visitor unless it is a trusted proxy (``ADPLANE_TRUSTED_PROXIES``); then the
address comes from ``X-Forwarded-For`` (walked from the right, skipping the trusted hops, so a
visitor cannot forge it by sending the header themselves) or else ``X-Real-IP``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=32)
def trusted_networks(setting: str) -> tuple[Network, ...]:
    """The setting's networks (the settings validator has refused malformed entries)."""
    return tuple(
        ipaddress.ip_network(part, strict=False)
        for part in (p.strip() for p in setting.split(","))
        if part
    )


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address, networks: Iterable[Network]
) -> bool:
    return any(address.version == n.version and address in n for n in networks)


def visitor_ip(peer: str | None, headers: Mapping[str, str], trusted: str) -> tuple[str, bool]:
    """The visitor's address and whether it came through a proxy we trust.

    An unparsable forwarded value is ignored (the peer stands), never an error: the click is
    still counted, from the address we can vouch for.
    """
    networks = trusted_networks(trusted)
    peer_address = _address(peer or "")
    if peer_address is None:
        return (peer or "", False)
    if not _trusted(peer_address, networks):
        return (str(peer_address), False)
    forwarded = headers.get("x-forwarded-for")
    if forwarded:
        hops = [_address(h) for h in forwarded.split(",")]
        for hop in reversed(hops):
            if hop is None:
                break
            if not _trusted(hop, networks):
                return (str(hop), True)
        else:
            if hops and hops[0] is not None:
                return (str(hops[0]), True)
    real = _address(headers.get("x-real-ip", ""))
    if real is not None:
        return (str(real), True)
    return (str(peer_address), False)
