"""The one validation-error builder every surface reads pydantic's errors through."""

from __future__ import annotations

import pytest
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from adplane.kit.errors import FieldError
from adplane.kit.validation import field_errors, field_path, input_errors, is_malformed


class Thing(BaseModel):
    count: int


def test_request_errors_keep_their_part_and_lose_it_in_the_field() -> None:
    exc = RequestValidationError(
        [
            {"type": "int_parsing", "loc": ("body", "targeting", 0), "msg": "bad"},
            {"type": "missing", "loc": ("query", "page"), "msg": "required"},
            {"type": "model_type", "loc": ("body",), "msg": "not an object"},
        ]
    )
    errors = input_errors(exc)
    assert [(e.part, e.field) for e in errors] == [
        ("body", "targeting.0"),
        ("query", "page"),
        ("body", "body"),
    ]
    assert not is_malformed(errors)


def test_broken_json_is_malformed() -> None:
    exc = RequestValidationError([{"type": "json_invalid", "loc": ("body", 3), "msg": "x"}])
    assert is_malformed(input_errors(exc))


def test_a_model_validation_error_becomes_field_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        Thing.model_validate({"count": "many"})
    assert [e.field for e in field_errors(caught.value)] == ["count"]
    assert isinstance(field_errors(caught.value)[0], FieldError)


def test_field_path_drops_only_a_leading_request_part() -> None:
    assert field_path(("body", "path", 1)) == "path.1"
    assert field_path(()) == "body"
