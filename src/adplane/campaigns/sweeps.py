"""The state sweep: record in the history when a campaign's derived state changes.

A campaign's stop reason is derived at read time (``state.py``): nothing is written when its
end date passes or its budget runs out, so the history alone could not say why it stopped.
The periodic job calls :func:`sweep_states`, which derives every live campaign's stop reason
and compares it with the last one the sweep recorded (the history itself is the memory: no
second copy of the state to drift). A change is recorded as a ``stop`` (with the reason) or
a ``resume`` entry, written by the platform (no user), tagged ``sweep``.

Everything is read first; the write lock (SQLite) is taken only when something changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.campaigns.history import record
from adplane.campaigns.repository import CampaignRepository
from adplane.campaigns.views import views
from adplane.models import Campaign

SWEEP_ACTIONS = ("stop", "resume")
SWEEP_TAG = "sweep"
# Campaigns derived per batch: bounds the memory and the size of each IN (...) list.
BATCH = 500


@dataclass(frozen=True)
class StateChange:
    campaign_id: int
    before: str | None
    after: str | None


async def sweep_states(session: AsyncSession) -> list[StateChange]:
    """Record every campaign whose stop reason changed since the last sweep; the changes."""
    repo = CampaignRepository.from_session(session)
    campaigns = await repo.active_for_generation()
    pending: list[tuple[StateChange, Campaign]] = []
    for offset in range(0, len(campaigns), BATCH):
        batch = campaigns[offset : offset + BATCH]
        last = await repo.last_swept_reasons([c.id for c in batch], SWEEP_ACTIONS)
        for campaign, view in zip(batch, await views(session, batch), strict=True):
            now = view.stop_reason.value if view.stop_reason is not None else None
            before = last.get(campaign.id)
            if now != before:
                pending.append((StateChange(campaign.id, before, now), campaign))
    for change, campaign in pending:
        await record(
            session,
            None,
            campaign,
            "stop" if change.after is not None else "resume",
            {"stop_reason": [change.before, change.after]},
            tag=SWEEP_TAG,
        )
    return [change for change, _ in pending]
