"""The built-in catalogues: unique ids and codes, well-shaped codes, ua-parser spellings."""

from __future__ import annotations

import pytest

from adplane.targeting.catalogue import (
    FIRST_ADDED_ID,
    Dimension,
    Entry,
    builtin_catalogue,
    code_shape_error,
    normalise,
)


@pytest.mark.parametrize("dimension", list(Dimension))
def test_every_built_in_value_has_a_unique_id_and_a_well_shaped_code(dimension: Dimension) -> None:
    entries = builtin_catalogue().entries(dimension)
    assert entries
    assert len({e.id for e in entries}) == len(entries)
    assert len({e.code for e in entries}) == len(entries)
    for entry in entries:
        assert 0 <= entry.id < FIRST_ADDED_ID
        assert normalise(dimension, entry.code) == entry.code
        assert code_shape_error(dimension, entry.code) is None, entry
        assert entry.name


@pytest.mark.parametrize(
    ("dimension", "family", "code"),
    [
        (Dimension.OSES, "Mac OS X", "macos"),
        (Dimension.OSES, "iOS", "ios"),
        (Dimension.OSES, "Windows 10", "windows"),
        (Dimension.OSES, "Chrome OS", "chrome_os"),
        (Dimension.BROWSERS, "Chrome Mobile", "chrome"),
        (Dimension.BROWSERS, "Mobile Safari", "safari"),
        (Dimension.BROWSERS, "Samsung Internet", "samsung_internet"),
        (Dimension.BROWSERS, "Edge Mobile", "edge"),
        (Dimension.COUNTRIES, "Germany", "DE"),
        (Dimension.COUNTRIES, "deu", "DE"),
        (Dimension.CATEGORIES, "iab3-1", "IAB3-1"),
    ],
)
def test_ua_parser_families_and_names_resolve_to_codes(
    dimension: Dimension, family: str, code: str
) -> None:
    entry = builtin_catalogue().resolve(dimension, family)
    assert entry is not None
    assert entry.code == code


def test_category_ids_read_back_as_their_codes() -> None:
    catalogue = builtin_catalogue()
    for entry in catalogue.entries(Dimension.CATEGORIES):
        tier1, sub = divmod(entry.id, 100)
        assert entry.code == (f"IAB{entry.id}" if tier1 == 0 else f"IAB{tier1}-{sub}")


def test_added_values_never_replace_built_in_ones() -> None:
    catalogue = builtin_catalogue().with_added(
        {
            Dimension.OSES: [
                Entry(1, "clash", "Clash by id"),
                Entry(FIRST_ADDED_ID, "android", "Clash by code"),
                Entry(FIRST_ADDED_ID + 1, "haiku", "Haiku"),
            ]
        }
    )
    assert catalogue.by_id(Dimension.OSES, 1) == builtin_catalogue().by_id(Dimension.OSES, 1)
    assert catalogue.by_code(Dimension.OSES, "clash") is None
    assert catalogue.by_code(Dimension.OSES, "haiku") == Entry(FIRST_ADDED_ID + 1, "haiku", "Haiku")
