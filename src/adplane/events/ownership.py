"""Which account owns a campaign, remembered for a minute by the ingestion path."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping


class CampaignAccountCache:
    """Campaign id -> account id, for campaigns known to exist.

    A campaign never changes account, and looking the owner up for every batch would cost a
    database round trip per request on the hottest path of the API. Only found campaigns
    are remembered (an unknown one is asked again every time), and only briefly, so a
    campaign removed with its account is refused again within a minute.
    """

    def __init__(self, ttl: float = 60.0, size: int = 100_000) -> None:
        self.ttl = ttl
        self.size = size
        self._entries: dict[int, tuple[int, float]] = {}

    def get(self, campaign_id: int) -> int | None:
        entry = self._entries.get(campaign_id)
        if entry is None or entry[1] < time.monotonic():
            return None
        return entry[0]

    def split(self, campaign_ids: Iterable[int]) -> tuple[dict[int, int], list[int]]:
        """(the owners remembered, the ids to look up), keeping the given order."""
        known: dict[int, int] = {}
        missing: list[int] = []
        for campaign_id in campaign_ids:
            account = self.get(campaign_id)
            if account is None:
                missing.append(campaign_id)
            else:
                known[campaign_id] = account
        return known, missing

    def put(self, owners: Mapping[int, int]) -> None:
        if len(self._entries) + len(owners) > self.size:
            self._entries.clear()
        expires = time.monotonic() + self.ttl
        for campaign_id, account in owners.items():
            self._entries[campaign_id] = (account, expires)
