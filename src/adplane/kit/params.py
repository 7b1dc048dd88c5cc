"""The id and page parameters every native route shares, so each bound is written once.

Ids are BIGINT row ids: beyond 2**63 - 1 a database would fail (a 500), so an oversized id in a
path or a filter is a 422 like any other invalid value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Path, Query

from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import MAX_PAGE_SIZE, PageParams

MAX_PAGE = 10_000_000

IdPath = Annotated[int, Path(gt=0, le=MAX_ID, description="A row id")]
IdQuery = Annotated[int | None, Query(gt=0, le=MAX_ID)]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page number")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page")]


def paging(default_size: int = 20) -> Callable[[int, int], PageParams]:
    """A dependency reading ``page`` and ``page_size`` (``default_size`` when not given)."""

    def page_params(page: PageNo = 1, page_size: PageSize = default_size) -> PageParams:
        return PageParams(page, page_size)

    return page_params


# The usual page sizes, as dependencies: ``page: Paging`` in a list route.
Paging = Annotated[PageParams, Depends(paging(20))]
LongPaging = Annotated[PageParams, Depends(paging(100))]
