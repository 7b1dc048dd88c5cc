"""Event ingestion: validate a batch, check its campaigns, append it to the durable log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.campaigns import service as campaign_service
from adplane.events import schema
from adplane.events.ownership import CampaignAccountCache
from adplane.events.runtime import AppendResult
from adplane.events.store import EventKey
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.time import as_utc


class EventSink(Protocol):
    campaign_accounts: CampaignAccountCache

    async def append(
        self,
        keys: list[EventKey],
        lines: list[bytes],
        span: tuple[datetime, datetime] | None = None,
    ) -> AppendResult: ...


async def ingest(
    session: AsyncSession, principal: Principal, sink: EventSink, body: bytes
) -> AppendResult:
    """Accept a batch of events: all or none, and only for campaigns the caller may post for.

    Returns once the batch is in the durable log; ``duplicates`` counts events whose id was
    already seen in the same account (ids are unique per account, never across accounts),
    which are accepted but never counted again.
    """
    events = schema.decode_batch(body)
    if not events:
        return AppendResult(0, 0)
    accounts = await _accounts_of(session, principal, events, sink.campaign_accounts)
    stored = schema.stage(events, accounts)
    # Naive times are UTC (and cannot be compared with aware ones as they are).
    stamps = [as_utc(e.ts) for e in stored]
    return await sink.append(
        [(accounts[e.campaign_id], e.event_id) for e in stored],
        schema.encode_lines(stored),
        (min(stamps), max(stamps)),
    )


class UnknownCampaign(Exception):
    def __init__(self, campaign_id: int) -> None:
        super().__init__(f"campaign {campaign_id} not found")
        self.campaign_id = campaign_id


async def campaign_accounts(
    session: AsyncSession, principal: Principal, campaign_ids: Sequence[int]
) -> dict[int, int]:
    """Campaign id -> account id, or :class:`UnknownCampaign` naming the first one (in the
    given order) that is missing or that the principal may not post for."""
    found = await campaign_service.visible_account_ids(session, principal, campaign_ids)
    for cid in campaign_ids:
        if cid not in found:
            raise UnknownCampaign(cid)
    return found


async def _accounts_of(
    session: AsyncSession,
    principal: Principal,
    events: list[schema.Event],
    cache: CampaignAccountCache,
) -> dict[int, int]:
    # In order of first appearance, so the first bad campaign is the first bad event's.
    ordered = list(dict.fromkeys(e.campaign_id for e in events))
    known, missing = cache.split(ordered)
    if not all(principal.can_access(account) for account in known.values()):
        # Another account's campaign: let the lookup find the first bad one in order.
        known, missing = {}, ordered
    try:
        if missing:
            found = await campaign_accounts(session, principal, missing)
            cache.put(found)
            known.update(found)
        return known
    except UnknownCampaign as exc:
        index = next(i for i, e in enumerate(events) if e.campaign_id == exc.campaign_id)
        raise ValidationFailed(
            f"event {index} is invalid: {exc}",
            errors=[FieldError(f"events.{index}.campaign_id", str(exc))],
        ) from None
