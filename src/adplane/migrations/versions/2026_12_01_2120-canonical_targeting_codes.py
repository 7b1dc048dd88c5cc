"""Stored targeting as canonical catalogue codes.

Before the catalogues, the core kept each vendor's vocabulary: TrafficStars' numeric ids
(``oses: [3]``), its ``"US.1222"`` geo targets, names in any case (``"Android"``, ``"us"``).
Each catalogued value becomes its code: a number is a catalogue id (TrafficStars' ids are the
catalogue ids), ``"<country>.<id>"`` a region id, text a code, name or ua-parser family in
any case. A value none of these match cannot be given a meaning and is dropped; the result
depends on the stored value alone, so the migration is deterministic.

The built-in catalogue it reads is frozen data whose ids never change, so reading it from the
package stays correct for later releases. Downgrading keeps the codes: the earlier schema
accepted any string.

Revision ID: 20261201_canonical_targeting
Revises: 20261201_tracker_settings
Create Date: 2026-12-01 21:10:00
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from adplane.targeting.catalogue import Catalogue, Dimension, builtin_catalogue

revision: str = "20261201_canonical_targeting"
down_revision: str | None = "20261201_tracker_settings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GEO_TARGET = re.compile(r"^\s*([A-Za-z]{2})\.(\d{1,10})\s*$")
_COUNTRY_ALIASES = {"UK": "GB"}


def _code(dimension: Dimension, value: Any, catalogue: Catalogue) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        entry = catalogue.by_id(dimension, value)
        return None if entry is None else entry.code
    if not isinstance(value, str):
        return None
    text = value.strip()
    if dimension is Dimension.REGIONS:
        match = _GEO_TARGET.match(text)
        if match is not None:
            entry = catalogue.by_id(dimension, int(match.group(2)))
            country = match.group(1).upper()
            prefix = _COUNTRY_ALIASES.get(country, country) + "-"
            return entry.code if entry is not None and entry.code.startswith(prefix) else None
    if dimension is Dimension.COUNTRIES and text.upper() in _COUNTRY_ALIASES:
        text = _COUNTRY_ALIASES[text.upper()]
    if text.isdigit():
        entry = catalogue.by_id(dimension, int(text))
        return None if entry is None else entry.code
    found = catalogue.resolve(dimension, text)
    return None if found is None else found.code


def canonical(targeting: dict[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """``targeting`` with every catalogued value as its code (unmappable ones dropped)."""
    out = dict(targeting)
    for dimension in Dimension:
        lists = targeting.get(dimension.value)
        if not isinstance(lists, dict):
            continue
        converted = dict(lists)
        for mode in ("include", "exclude"):
            values = lists.get(mode)
            if not isinstance(values, list):
                continue
            codes = [_code(dimension, v, catalogue) for v in values]
            converted[mode] = list(dict.fromkeys(c for c in codes if c is not None))
        out[dimension.value] = converted
    return out


def upgrade() -> None:
    campaigns = sa.table("campaigns", sa.column("id", sa.Integer), sa.column("targeting", sa.JSON))
    bind = op.get_bind()
    catalogue = builtin_catalogue()
    rows = bind.execute(sa.select(campaigns.c.id, campaigns.c.targeting).order_by(campaigns.c.id))
    for campaign_id, stored in rows.all():
        document = json.loads(stored) if isinstance(stored, str) else stored
        if not isinstance(document, dict):
            continue
        converted = canonical(document, catalogue)
        if converted != document:
            bind.execute(
                campaigns.update().where(campaigns.c.id == campaign_id).values(targeting=converted)
            )


def downgrade() -> None:
    """Codes were valid stored values before the catalogues too: there is nothing to undo."""
