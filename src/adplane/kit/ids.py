"""Bounds for integers that reach the database, so an oversized one is a 422, never a 500.

PostgreSQL refuses integers wider than a column (BIGINT for ids, INTEGER for small counts)
and SQLite refuses anything beyond 64 bits; both errors would surface as internal errors.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

MAX_ID = 2**63 - 1
MAX_INT32 = 2**31 - 1


def _not_a_boolean(value: Any) -> Any:
    # Lax validation reads true as 1: {"user_id": true} would quietly name user 1.
    if isinstance(value, bool):
        raise ValueError("must be an integer, not a boolean")
    return value


# A row id (BIGINT): accounts, users, campaigns, spots, ...
# Field() comes first: after a validator its bounds leak into the JSON Schema as ``gt``/``le``,
# which are no JSON Schema keywords.
RowId = Annotated[int, Field(gt=0, le=MAX_ID), BeforeValidator(_not_a_boolean)]
# A value stored in an INTEGER column.
Int32 = Annotated[int, Field(ge=0, le=MAX_INT32), BeforeValidator(_not_a_boolean)]
