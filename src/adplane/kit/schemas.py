"""One base for every wire schema (after Polar's ``kit.schemas.Schema``), so a rule is set once.

- ``Schema`` reads from attributes (a service may hand it an ORM row or a dataclass) and refuses
  a NUL character in any string it is given, at any depth: in a field, in a list or dict
  inside a field, and in a dict's keys. PostgreSQL cannot store U+0000 in text and SQLite
  would store it, so without this the backends disagree (a 500 on one, bad data on the other).
- ``StrictSchema`` also refuses unknown fields: the base of every request body.

The routes refuse NUL before validation too (``kit.routing``); this base keeps the rule for
data that reaches a schema some other way (a dialect's mapping, the CLI, a test).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from adplane.kit.routing import NUL, NUL_MESSAGE


def holds_nul(value: Any) -> bool:
    """Whether a NUL character sits anywhere in ``value`` (strings, lists, tuples, dicts)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, dict):
            for key, inner in item.items():
                if isinstance(key, str) and NUL in key:
                    return True
                stack.append(inner)
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
    return False


class Schema(BaseModel):
    """The base of every wire schema: reads from attributes, refuses NUL characters."""

    model_config = ConfigDict(from_attributes=True)

    @field_validator("*", mode="before")
    @classmethod
    def _refuse_nul(cls, value: Any) -> Any:
        if holds_nul(value):
            raise ValueError(NUL_MESSAGE)
        return value


class StrictSchema(Schema):
    """A request body: as ``Schema``, and an unknown field is an error, never ignored."""

    model_config = ConfigDict(extra="forbid")
