"""Campaign query objects stay plain: the repository alone knows their SQL."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from adplane.campaigns import queries
from adplane.campaigns.queries import SORTABLE_FIELDS, CampaignFilter
from adplane.campaigns.repository import SORTABLE


def test_every_sortable_field_has_a_column() -> None:
    assert set(SORTABLE) == SORTABLE_FIELDS


def test_the_query_object_holds_no_sql() -> None:
    assert "sqlalchemy" not in Path(queries.__file__).read_text()
    types = {str(f.type) for f in dataclasses.fields(CampaignFilter)}
    assert not any("Column" in t for t in types), types
