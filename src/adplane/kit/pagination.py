"""Page parameters and page results shared by list endpoints and services."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

from adplane.kit.errors import ValidationFailed

T = TypeVar("T")

MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class PageParams:
    page: int = 1
    page_size: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass(frozen=True)
class Sort:
    """A column name and direction; ``-name`` means descending."""

    field: str
    descending: bool = False

    @classmethod
    def parse(cls, raw: str) -> Sort:
        return cls(raw[1:], True) if raw.startswith("-") else cls(raw, False)


@dataclass(frozen=True)
class PageResult(Generic[T]):
    items: list[T]
    total: int
    page: int
    page_size: int


class Page(BaseModel, Generic[T]):
    """The native list envelope."""

    items: list[T]
    total: int
    page: int
    page_size: int


def parse_sort(raw: str | None) -> list[Sort]:
    """``"name,-created_at"`` as sorts, in order; blank parts are ignored."""
    return [Sort.parse(part.strip()) for part in (raw or "").split(",") if part.strip()]


def check_sort(sort: Sequence[Sort], allowed: Collection[str]) -> None:
    """Refuse a sort on a field the list does not offer (a validation error on ``sort``)."""
    for s in sort:
        if s.field not in allowed:
            raise ValidationFailed.field(
                "sort", f"cannot sort by {s.field!r}; use one of {', '.join(sorted(allowed))}"
            )
