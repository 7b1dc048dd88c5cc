"""Tracker settings use cases.

The campaign service calls these for a campaign it has already resolved for the principal
(tenancy is the campaign's), so they take campaign ids, not principals. Money is exact:
``cost_value`` is a Decimal here and integer micros in storage.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.kit.money import from_micros, to_micros
from adplane.models import TrackerSettings as TrackerRow
from adplane.tracker.repository import TrackerRepository
from adplane.tracker.schemas import FIELDS, TrackerSettings

# Core field -> column, where they differ.
_COLUMNS = {"cost_value": "cost_value_micros"}


def _view(row: TrackerRow) -> TrackerSettings:
    data = {name: getattr(row, _COLUMNS.get(name, name)) for name in FIELDS}
    data["cost_value"] = from_micros(row.cost_value_micros)
    return TrackerSettings.model_validate(data)


async def settings_for(
    session: AsyncSession, campaign_ids: Collection[int]
) -> dict[int, TrackerSettings]:
    """Each campaign's settings (the defaults for a campaign that has no row)."""
    rows = await TrackerRepository.from_session(session).get_many(set(campaign_ids))
    return {cid: _view(rows[cid]) if cid in rows else TrackerSettings() for cid in campaign_ids}


async def save(session: AsyncSession, campaign_id: int, values: Mapping[str, Any]) -> None:
    """Set the given settings of one campaign (creating its row); the caller flushes."""
    unknown = set(values) - FIELDS
    if unknown:
        raise ValueError(f"not tracker settings: {sorted(unknown)}")
    repo = TrackerRepository.from_session(session)
    row = await repo.get(campaign_id)
    if row is None:
        row = TrackerRow(campaign_id=campaign_id)
        for name, value in TrackerSettings().model_dump().items():
            setattr(row, _COLUMNS.get(name, name), value)
        row.cost_value_micros = 0
        repo.add(row)
    for name, value in values.items():
        if name == "cost_value":
            row.cost_value_micros = to_micros(value)
        else:
            setattr(row, name, value)


async def alias_taken(session: AsyncSession, alias: str, exclude_campaign_id: int | None) -> bool:
    """Whether another campaign's tracker already answers on ``alias``."""
    return await TrackerRepository.from_session(session).alias_taken(alias, exclude_campaign_id)
