"""Plain query objects for campaign lists: no SQL here; the repository turns them into SQL."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

# The fields a campaign list may be sorted by.
SORTABLE_FIELDS = frozenset(
    {
        "id",
        "name",
        "created_at",
        "updated_at",
        "bid_price",
        "price",
        "pricing_model",
        "daily_budget",
        "start_at",
        "end_at",
        "account_id",
    }
)


@dataclass
class CampaignFilter:
    """Filters a list applies in SQL; empty means no filter on that field."""

    account_id: int | None = None
    ids: Collection[int] = ()
    statuses: Collection[str] = ()
    include_archived: bool = True
    format_ids: Collection[int] = ()
    pricing_models: Collection[str] = ()
    creative_types: Collection[str] = ()
    placements: Collection[str] = ()
    traffic_types: Collection[str] = ()
    traffic_source_types: Collection[str] = ()
    network_traffic_types: Collection[str] = ()
    created_by_user_ids: Collection[int] = ()
    approval: Collection[str] = ()
    is_active: bool | None = None
    is_draft: bool | None = None
    flat_rate: bool | None = None
    name_contains: str | None = None
