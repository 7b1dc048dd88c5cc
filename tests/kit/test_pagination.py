"""Page parameters and sort specifications."""

from __future__ import annotations

from adplane.kit.pagination import PageParams, Sort


def test_a_dash_prefix_sorts_descending() -> None:
    assert Sort.parse("-created_at") == Sort("created_at", descending=True)


def test_a_bare_field_sorts_ascending() -> None:
    assert Sort.parse("name") == Sort("name", descending=False)


def test_page_offset_skips_the_earlier_pages() -> None:
    assert PageParams(page=3, page_size=20).offset == 40


def test_defaults_are_the_first_page_of_twenty() -> None:
    assert PageParams() == PageParams(page=1, page_size=20)
