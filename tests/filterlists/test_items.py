"""Every item type: what it accepts (in canonical form) and what it refuses (and why)."""

from __future__ import annotations

import pytest

from adplane.filterlists.items import (
    MAX_REPORTED_ERRORS,
    InvalidItem,
    ItemType,
    canonical_list,
    normalise,
)
from adplane.kit.errors import ValidationFailed

GOOD: list[tuple[ItemType, str, str]] = [
    (ItemType.DOMAINS, "Example.COM", "example.com"),
    (ItemType.DOMAINS, " sub.example.co.uk. ", "sub.example.co.uk"),
    (ItemType.DOMAINS, "Bücher.example", "xn--bcher-kva.example"),
    (ItemType.DOMAINS, "xn--bcher-kva.example", "xn--bcher-kva.example"),
    (ItemType.DOMAINS, "a-b.example", "a-b.example"),
    (ItemType.APPS, "App_42:x", "App_42:x"),
    (ItemType.BUNDLES, "com.Example.Game", "com.Example.Game"),
    (ItemType.BUNDLES, "id1234567890", "id1234567890"),
    (ItemType.BUNDLES, "1234567890", "1234567890"),
    (
        ItemType.DEVICE_IFAS,
        "6D92078A-8246-4BA4-AE5B-76104861E7DC",
        "6d92078a-8246-4ba4-ae5b-76104861e7dc",
    ),
    (
        ItemType.DEVICE_IFAS,
        "6d92078a82464ba4ae5b76104861e7dc",
        "6d92078a-8246-4ba4-ae5b-76104861e7dc",
    ),
    (ItemType.PUBLISHERS, "pub-1234567890", "pub-1234567890"),
    (ItemType.PUBLISHERS, "5521", "5521"),
    (ItemType.IPS, "192.0.2.1", "192.0.2.1"),
    (ItemType.IPS, "192.0.2.0/24", "192.0.2.0/24"),
    (ItemType.IPS, "192.0.2.7/32", "192.0.2.7"),
    (ItemType.IPS, "2001:DB8:0:0::1", "2001:db8::1"),
    (ItemType.IPS, "2001:db8::/32", "2001:db8::/32"),
    (ItemType.SITE_IDS, "0042", "42"),
    (ItemType.URLS, "HTTPS://Example.COM", "https://example.com/"),
    (ItemType.URLS, "http://bücher.example/a?b=1#top", "http://xn--bcher-kva.example/a?b=1"),
    (ItemType.URLS, "https://example.com:8443/p", "https://example.com:8443/p"),
    (ItemType.URLS, "http://[2001:DB8::1]/x", "http://[2001:db8::1]/x"),
    (ItemType.TAGS, "7", "7"),
    (ItemType.SSPS, "PubMatic", "pubmatic"),
    (ItemType.SSPS, "open-x.v2", "open-x.v2"),
]

BAD: list[tuple[ItemType, str, str]] = [
    (ItemType.DOMAINS, "https://example.com", "without a scheme"),
    (ItemType.DOMAINS, "example.com/path", "without a scheme or a path"),
    (ItemType.DOMAINS, "example.com:80", "without a port"),
    (ItemType.DOMAINS, "*.example.com", "wildcards"),
    (ItemType.DOMAINS, "localhost", "is not a domain name"),
    (ItemType.DOMAINS, "bad_label.example", "is not a domain name"),
    (ItemType.DOMAINS, "-lead.example", "is not a domain name"),
    (ItemType.DOMAINS, "192.0.2.1", "ips list"),
    (ItemType.DOMAINS, "a" * 64 + ".example", "is not a domain name"),
    (ItemType.DOMAINS, "two words.example", "is not a domain name"),
    (ItemType.APPS, "has space", "is not an app id"),
    (ItemType.APPS, "x" * 256, "longer than 255"),
    (ItemType.BUNDLES, ".com.example", "is not a bundle id"),
    (ItemType.BUNDLES, "com/example", "is not a bundle id"),
    (ItemType.DEVICE_IFAS, "not-a-uuid", "is not a device advertising id"),
    (ItemType.DEVICE_IFAS, "00000000-0000-0000-0000-000000000000", "all-zero"),
    (ItemType.PUBLISHERS, "pub 1", "is not a publisher id"),
    (ItemType.PUBLISHERS, "p" * 129, "longer than 128"),
    (ItemType.IPS, "256.1.1.1", "is not an IP address"),
    (ItemType.IPS, "192.0.2.1/24", "the network is 192.0.2.0/24"),
    (ItemType.IPS, "192.0.2.0/33", "is not an IP address"),
    (ItemType.IPS, "example.com", "is not an IP address"),
    (ItemType.SITE_IDS, "12a", "is not an id"),
    (ItemType.SITE_IDS, "0", "is not an id"),
    (ItemType.SITE_IDS, "-4", "is not an id"),
    (ItemType.SITE_IDS, "9" * 20, "is not an id"),
    (ItemType.URLS, "example.com/page", "absolute http or https"),
    (ItemType.URLS, "ftp://example.com/", "absolute http or https"),
    (ItemType.URLS, "https://exa mple.com/", "white space"),
    (ItemType.URLS, "https://user:pw@example.com/", "user name"),
    (ItemType.URLS, "https://example.com:99999/", "is not a URL"),
    (ItemType.URLS, "https://" + "a" * 2050 + ".com/", "longer than 2048"),
    (ItemType.TAGS, "tag-7", "is not an id"),
    (ItemType.SSPS, "pub matic", "is not an SSP slug"),
    (ItemType.SSPS, "s" * 65, "is not an SSP slug"),
]


@pytest.mark.parametrize(("item_type", "raw", "canonical"), GOOD, ids=lambda v: str(v)[:40])
def test_a_valid_item_is_stored_in_canonical_form(
    item_type: ItemType, raw: str, canonical: str
) -> None:
    assert normalise(item_type, raw) == canonical


@pytest.mark.parametrize(("item_type", "raw", "reason"), BAD, ids=lambda v: str(v)[:40])
def test_an_invalid_item_is_refused_with_a_reason(
    item_type: ItemType, raw: str, reason: str
) -> None:
    with pytest.raises(InvalidItem, match=reason):
        normalise(item_type, raw)


def test_every_type_has_good_and_bad_cases() -> None:
    assert {t for t, *_ in GOOD} == set(ItemType)
    assert {t for t, *_ in BAD} == set(ItemType)


@pytest.mark.parametrize("item_type", list(ItemType))
def test_blank_and_nul_items_are_refused_for_every_type(item_type: ItemType) -> None:
    with pytest.raises(InvalidItem, match="is empty"):
        normalise(item_type, "   ")
    with pytest.raises(InvalidItem, match="NUL"):
        normalise(item_type, "a\x00b")


def test_a_list_keeps_the_first_of_each_canonical_item_in_order() -> None:
    values = ["B.example", "a.example", "b.example.", "A.EXAMPLE"]
    assert canonical_list(ItemType.DOMAINS, values) == ["b.example", "a.example"]


def test_errors_name_each_position_and_value_and_are_bounded() -> None:
    values = ["ok.example", *(f"bad {i}" for i in range(30))]
    with pytest.raises(ValidationFailed) as caught:
        canonical_list(ItemType.DOMAINS, values)
    error = caught.value
    assert len(error.errors) == MAX_REPORTED_ERRORS
    assert error.errors[0].field == "items[1]"
    assert error.errors[0].message.startswith("'bad 0' ")
    assert error.detail.startswith("30 invalid items: items[1]: 'bad 0'")
    assert "(and 10 more)" in error.detail
