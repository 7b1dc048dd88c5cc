"""The one place pydantic's validation errors become field errors, for every surface.

The native API, each dialect's error handler and the dialects' own body parsers all read
errors through ``input_errors``; each then renders them in its own shape (problem+json, a
vendor's envelope, Django REST framework's dict ...), which is all that differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from adplane.kit.errors import FieldError

# The request parts FastAPI puts first in a location.
REQUEST_PARTS = frozenset({"body", "query", "path", "header", "cookie"})


@dataclass(frozen=True)
class InputError:
    """One rejected input: where it was, the rule it broke (pydantic's ``type``), the message."""

    location: tuple[str, ...]
    type: str
    message: str

    @property
    def part(self) -> str | None:
        """ "body", "query", "path", "header" or "cookie"; None outside a request."""
        return self.location[0] if self.location and self.location[0] in REQUEST_PARTS else None

    @property
    def path(self) -> tuple[str, ...]:
        """The location inside its request part."""
        return self.location[1:] if self.part is not None else self.location

    @property
    def field(self) -> str:
        """The dotted field path; "body" for an error about the whole body."""
        return ".".join(self.path) or "body"

    def as_field_error(self) -> FieldError:
        return FieldError(self.field, self.message)


def input_errors(
    source: RequestValidationError | ValidationError | Iterable[Mapping[str, Any]],
) -> list[InputError]:
    """Every error of a validation failure, in order."""
    raw = (
        source.errors()
        if isinstance(source, RequestValidationError | ValidationError)
        else list(source)
    )
    return [
        InputError(
            tuple(str(p) for p in e.get("loc", ())),
            str(e.get("type", "value_error")),
            str(e.get("msg", "invalid")),
        )
        for e in raw
    ]


def is_malformed(errors: Iterable[InputError]) -> bool:
    """Whether the body was not JSON at all (rather than JSON of the wrong shape)."""
    return any(e.type == "json_invalid" for e in errors)


def field_errors(
    source: RequestValidationError | ValidationError | Iterable[Mapping[str, Any]],
) -> list[FieldError]:
    """The errors as core field errors (dotted paths without the request part)."""
    return [e.as_field_error() for e in input_errors(source)]


def field_path(loc: Sequence[int | str]) -> str:
    """A pydantic location as a dotted field path, without its request-part prefix."""
    return InputError(tuple(str(p) for p in loc), "", "").field
