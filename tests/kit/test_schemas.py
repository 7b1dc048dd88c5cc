"""The wire schema base: reads from attributes, refuses NUL at any depth, strict on input."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from pydantic import ValidationError

from adplane.kit.schemas import Schema, StrictSchema, holds_nul


class Inner(StrictSchema):
    label: str


class Body(StrictSchema):
    name: str = "n"
    tags: list[str] = []
    extra: dict[str, Any] = {}
    inner: Inner | None = None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "a\x00b"),
        ("tags", ["ok", "b\x00d"]),
        ("extra", {"deep": [{"deeper": "x\x00"}]}),
        ("extra", {"k\x00": 1}),
        ("inner", {"label": "\x00"}),
    ],
)
def test_a_nul_anywhere_is_refused_naming_the_field(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        Body.model_validate({field: value})
    assert caught.value.errors()[0]["loc"][0] == field
    assert "NUL" in caught.value.errors()[0]["msg"]


def test_an_unknown_field_is_refused_by_a_strict_schema() -> None:
    with pytest.raises(ValidationError, match="surprise"):
        Body.model_validate({"surprise": 1})


def test_a_schema_reads_attributes() -> None:
    @dataclass
    class Row:
        label: str

    class Out(Schema):
        label: str

    assert Out.model_validate(Row("x")).label == "x"


def test_holds_nul_walks_containers() -> None:
    assert holds_nul(("a", ["b", {"c": "\x00"}]))
    assert not holds_nul({"a": [1, 2.5, None, "fine"]})
