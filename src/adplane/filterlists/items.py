"""Filter list item types and their canonical form: pure functions, no I/O.

Every item is stored in one canonical text per type, so the same domain or network written
two ways is one item, and the bidder compares an OpenRTB request's value to a set member
without normalising it again:

- domains: a lower-case ASCII host (IDNA A-labels: ``xn--bcher-kva.example``), without a
  scheme, port, path or trailing dot;
- apps: an app id as the exchange sends it (OpenRTB ``app.id``), case kept;
- bundles: a store bundle id (``com.example.game``, ``id1234567890``, ``1234567890``), case
  kept (Android package names are case-sensitive);
- device_ifas: a device advertising id as a lower-case hyphenated UUID;
- publishers: a publisher id, case kept (OpenRTB ``publisher.id`` is a string and exchanges
  use letters too);
- ips: an address (``192.0.2.1``, ``2001:db8::1``) or a network (``192.0.2.0/24``) in
  ``ipaddress``'s text; a /32 or /128 network is its address;
- site_ids, tags: ids, digits without leading zeros;
- urls: an absolute http(s) URL with lower-case scheme and host (IDNA), ``/`` for an empty
  path, no fragment;
- ssps: an SSP (exchange) slug, lower-case.
"""

from __future__ import annotations

import ipaddress
import re
import uuid
from collections.abc import Callable, Iterable
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit

import idna

from adplane.kit.errors import FieldError, ValidationFailed

# A list holds at most this many items: a bound on one request's memory, well above the
# million the platform is built for.
MAX_ITEMS = 2_000_000
# At most this many item errors are reported at once; the detail says how many there were.
MAX_REPORTED_ERRORS = 20


class ItemType(StrEnum):
    DOMAINS = "domains"
    APPS = "apps"
    BUNDLES = "bundles"
    DEVICE_IFAS = "device_ifas"
    PUBLISHERS = "publishers"
    IPS = "ips"
    SITE_IDS = "site_ids"
    URLS = "urls"
    TAGS = "tags"
    SSPS = "ssps"


class ListMode(StrEnum):
    WHITE = "white"
    BLACK = "black"


class InvalidItem(ValueError):
    """One item that is not a valid value of its type; the message says why."""


_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOST = re.compile(rf"(?:{_LABEL}\.)+{_LABEL}")
_TOKEN = re.compile(r"[A-Za-z0-9._:@~+-]+")
_BUNDLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]*")
_DIGITS = re.compile(r"[0-9]+")
_MAX_ID = 2**63 - 1


def _host(value: str, what: str) -> str:
    host = value.lower()
    if host.endswith("."):
        host = host[:-1]
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise InvalidItem(f"is not a valid internationalised {what} ({exc})") from None
    if len(host) > 253 or not _HOST.fullmatch(host):
        raise InvalidItem(f"is not a {what}: labels of letters, digits and hyphens, with a dot")
    if host[host.rfind(".") + 1 :].isdigit():
        raise InvalidItem(f"is not a {what} (an IP address belongs in an ips list)")
    return host


def domain(value: str) -> str:
    # The fast path, taken by nearly every item of a big upload: already a plain ASCII host.
    host = value.lower()
    if len(host) <= 253 and _HOST.fullmatch(host) and not host[host.rfind(".") + 1 :].isdigit():
        return host
    if "://" in value or "/" in value:
        raise InvalidItem("must be a bare domain name, without a scheme or a path")
    if "*" in value:
        raise InvalidItem("must be a domain name; wildcards are not accepted")
    if ":" in value:
        raise InvalidItem("must be a domain name, without a port")
    return _host(value, "domain name")


def _token(pattern: re.Pattern[str], limit: int, what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > limit:
            raise InvalidItem(f"is longer than {limit} characters")
        if not pattern.fullmatch(value):
            raise InvalidItem(f"is not {what}")
        return value

    return check


def device_ifa(value: str) -> str:
    try:
        ifa = uuid.UUID(value)
    except ValueError:
        raise InvalidItem("is not a device advertising id (a UUID)") from None
    if ifa.int == 0:
        # Devices that limit ad tracking all send the zero id: listing it would list them all.
        raise InvalidItem("is the all-zero id that devices limiting ad tracking send")
    return str(ifa)


def ip(value: str) -> str:
    try:
        if "/" not in value:
            return str(ipaddress.ip_address(value))
        network = ipaddress.ip_network(value, strict=True)
    except ValueError as exc:
        if "has host bits set" in str(exc):
            loose = ipaddress.ip_network(value, strict=False)
            raise InvalidItem(f"has host bits set; the network is {loose}") from None
        raise InvalidItem("is not an IP address or CIDR range") from None
    if network.num_addresses == 1:
        return str(network.network_address)
    return str(network)


def digits(value: str) -> str:
    if not _DIGITS.fullmatch(value) or len(value) > 19 or not 0 < int(value) <= _MAX_ID:
        raise InvalidItem(f"is not an id (a positive integer up to {_MAX_ID})")
    return str(int(value))


def url(value: str) -> str:
    if len(value) > 2048:
        raise InvalidItem("is longer than 2048 characters")
    if any(c.isspace() for c in value):
        raise InvalidItem("is not a URL (it holds white space)")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise InvalidItem("is not a URL") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise InvalidItem("is not an absolute http or https URL")
    raw_host = parts.hostname
    try:
        host = str(ipaddress.ip_address(raw_host.strip("[]")))
        if ":" in host:
            host = f"[{host}]"
    except ValueError:
        host = _host(raw_host, "host name")
    netloc = host if port is None else f"{host}:{port}"
    if parts.username is not None:
        raise InvalidItem("must not carry a user name or password")
    canonical = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    if len(canonical) > 2048:
        raise InvalidItem("is longer than 2048 characters once its host is encoded")
    return canonical


def ssp(value: str) -> str:
    slug = value.lower()
    if len(slug) > 64 or not _SLUG.fullmatch(slug):
        raise InvalidItem("is not an SSP slug (letters, digits, dots, hyphens, underscores)")
    return slug


NORMALISERS: dict[ItemType, Callable[[str], str]] = {
    ItemType.DOMAINS: domain,
    ItemType.APPS: _token(_TOKEN, 255, "an app id (letters, digits and . _ : @ ~ + -)"),
    ItemType.BUNDLES: _token(_BUNDLE, 255, "a bundle id (letters, digits, dots, - and _)"),
    ItemType.DEVICE_IFAS: device_ifa,
    ItemType.PUBLISHERS: _token(_TOKEN, 128, "a publisher id (letters, digits and . _ : @ ~ + -)"),
    ItemType.IPS: ip,
    ItemType.SITE_IDS: digits,
    ItemType.URLS: url,
    ItemType.TAGS: digits,
    ItemType.SSPS: ssp,
}

# Words a file's first row may hold to name its column (a header, not an item).
HEADER_WORDS: dict[ItemType, frozenset[str]] = {
    ItemType.DOMAINS: frozenset({"domain", "domains", "host", "hostname", "site", "sitename"}),
    ItemType.APPS: frozenset({"app", "apps", "app_id", "appid", "app id"}),
    ItemType.BUNDLES: frozenset({"bundle", "bundles", "bundle_id", "bundleid", "bundle id"}),
    ItemType.DEVICE_IFAS: frozenset({"ifa", "ifas", "device_ifa", "deviceifa", "idfa", "gaid"}),
    ItemType.PUBLISHERS: frozenset({"publisher", "publishers", "publisher_id", "publisherid"}),
    ItemType.IPS: frozenset({"ip", "ips", "ip address", "ip_address", "ipaddress", "cidr"}),
    ItemType.SITE_IDS: frozenset({"site_id", "siteid", "site id", "site_ids"}),
    ItemType.URLS: frozenset({"url", "urls", "page", "link"}),
    ItemType.TAGS: frozenset({"tag", "tags", "tag_id", "tagid", "tag id"}),
    ItemType.SSPS: frozenset({"ssp", "ssps", "ssp_id", "exchange"}),
}
GENERIC_HEADERS = frozenset({"value", "values", "item", "items", "id", "ids", "name"})
ALL_HEADERS = GENERIC_HEADERS.union(*HEADER_WORDS.values())


def normalise(item_type: ItemType, value: str) -> str:
    """The canonical text of one item; ``InvalidItem`` says why it is not one."""
    stripped = value.strip()
    if not stripped:
        raise InvalidItem("is empty")
    if "\x00" in stripped:
        raise InvalidItem("must not contain the NUL character (U+0000)")
    return NORMALISERS[item_type](stripped)


def _refuse(errors: list[FieldError], total: int, noun: str, positioned: bool) -> ValidationFailed:
    more = f" (and {total - len(errors)} more)" if total > len(errors) else ""
    first = errors[0].message if positioned else f"{errors[0].field}: {errors[0].message}"
    return ValidationFailed(
        f"{total} invalid {noun}{'s' if total != 1 else ''}: {first}{more}",
        errors=errors,
    )


def _shown(value: str) -> str:
    return repr(value if len(value) <= 80 else value[:77] + "...")


def canonical_items(
    item_type: ItemType,
    values: Iterable[tuple[str, str]],
    *,
    noun: str = "item",
    field: str | None = None,
) -> list[str]:
    """Each ``(where, value)`` in canonical form, first occurrence kept, in order.

    ``where`` names the item's position for errors (``items[3]``, ``line 12``); every invalid
    item is counted and the first ``MAX_REPORTED_ERRORS`` are reported, each naming its
    position and its value (as the error's field, or in its message when ``field`` is given).
    """
    check = NORMALISERS[item_type]
    seen: dict[str, None] = {}
    errors: list[FieldError] = []
    invalid = 0
    for where, value in values:
        stripped = value.strip()
        try:
            if not stripped:
                raise InvalidItem("is empty")
            if "\x00" in stripped:
                raise InvalidItem("must not contain the NUL character (U+0000)")
            seen[check(stripped)] = None
        except InvalidItem as exc:
            invalid += 1
            if len(errors) < MAX_REPORTED_ERRORS:
                message = f"{_shown(stripped)} {exc}"
                if field is None:
                    errors.append(FieldError(where, message))
                else:
                    errors.append(FieldError(field, f"{where}: {message}"))
    if invalid:
        raise _refuse(errors, invalid, noun, field is not None)
    if len(seen) > MAX_ITEMS:
        raise ValidationFailed.field("items", f"a list holds at most {MAX_ITEMS} items")
    return list(seen)


def canonical_list(item_type: ItemType, values: list[str], field: str = "items") -> list[str]:
    """A request's ``items`` in canonical form; errors name ``items[i]`` and the value."""
    return canonical_items(item_type, ((f"{field}[{i}]", v) for i, v in enumerate(values)))
