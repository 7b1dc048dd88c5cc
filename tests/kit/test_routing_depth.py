"""JSON bodies nest at most ``MAX_JSON_DEPTH`` levels: deeper is malformed, never a crash."""

from __future__ import annotations

import json

import pytest

from adplane.kit.routing import MAX_JSON_DEPTH, loads, too_deep


def test_a_document_at_the_bound_parses() -> None:
    text = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert too_deep(text.encode()) is None
    assert loads(text) is not None


def test_one_level_past_the_bound_is_a_decode_error_at_the_offending_bracket() -> None:
    text = '{"a": ' + "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH + "}"
    with pytest.raises(json.JSONDecodeError, match="nested more than") as caught:
        loads(text)
    assert caught.value.pos == 6 + MAX_JSON_DEPTH - 1


def test_brackets_inside_strings_do_not_count() -> None:
    text = json.dumps({"a": "[" * 1000, "b": '\\"{' * 500})
    assert too_deep(text.encode()) is None
    assert loads(text)["a"] == "[" * 1000


def test_many_shallow_brackets_are_fine() -> None:
    text = json.dumps([[i] for i in range(10_000)])
    assert too_deep(text.encode()) is None


def test_a_hundred_thousand_levels_fail_fast_without_recursing() -> None:
    with pytest.raises(json.JSONDecodeError):
        loads("[" * 100_000)
