"""Reading campaigns: stored rows -> core views with their derived state, and tenancy.

Every other campaign module reads through here: ``load`` is the one place a campaign id is
resolved against the principal (another account's campaign is "not found"), and ``views``
the one place a row becomes a ``schemas.Campaign``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.billing import service as billing_service
from adplane.campaigns import schemas, spend
from adplane.campaigns.queries import SORTABLE_FIELDS, CampaignFilter
from adplane.campaigns.repository import CampaignRepository
from adplane.campaigns.state import (
    LONG_PERIODS,
    Approval,
    CampaignState,
    StateInputs,
    derive,
    native_status,
    period_start,
)
from adplane.kit.errors import NotFound, ValidationFailed
from adplane.kit.money import from_micros, optional_decimal, optional_micros, to_micros
from adplane.kit.pagination import PageParams, PageResult, Sort
from adplane.kit.time import as_utc, optional_utc, utcnow
from adplane.models import Campaign
from adplane.tracker import service as tracker_service
from adplane.tracker.schemas import FIELDS as TRACKER_FIELDS
from adplane.tracker.schemas import TrackerSettings

FIELD_NAMES: tuple[str, ...] = tuple(schemas.CampaignFields.model_fields)
# The fields stored on the campaign row; the rest are the tracker's (``adplane.tracker``).
COLUMN_FIELDS: tuple[str, ...] = tuple(n for n in FIELD_NAMES if n not in TRACKER_FIELDS)


# storage <-> core fields


def column(name: str) -> str:
    return f"{name}_micros" if name in schemas.MONEY_FIELDS else name


def to_storage(name: str, value: Any) -> Any:
    if name in schemas.MONEY_FIELDS:
        return optional_micros(value)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, list):
        return [v.value if hasattr(v, "value") else v for v in value]
    return value.value if hasattr(value, "value") else value


def from_storage(campaign: Campaign, name: str) -> Any:
    value = getattr(campaign, column(name))
    if name in schemas.MONEY_FIELDS:
        return optional_decimal(value)
    if isinstance(value, datetime):
        return optional_utc(value)
    return value


def _field_values(campaign: Campaign, tracker: TrackerSettings) -> dict[str, Any]:
    data: dict[str, Any] = {name: from_storage(campaign, name) for name in COLUMN_FIELDS}
    data.update(tracker.model_dump())
    return data


def fields_of(campaign: Campaign, tracker: TrackerSettings) -> schemas.CampaignFields:
    """The settable fields of a stored campaign and its tracker settings, as the core schema."""
    return schemas.CampaignFields.model_validate(_field_values(campaign, tracker))


async def load_fields(session: AsyncSession, campaign: Campaign) -> schemas.CampaignFields:
    """``fields_of`` with the campaign's tracker settings read for it."""
    trackers = await tracker_service.settings_for(session, [campaign.id])
    return fields_of(campaign, trackers[campaign.id])


async def load_extensions(session: AsyncSession, campaign_id: int) -> dict[str, Any]:
    """Dialect -> stored extension document of one campaign."""
    found = await CampaignRepository.from_session(session).extensions([campaign_id])
    return found.get(campaign_id, {})


# derived state


def _day_start(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class _Context:
    now: datetime
    balances: dict[int, tuple[int, str]]
    counters: dict[int, spend.SpendCounters]
    period_spend: dict[int, int]
    trackers: dict[int, TrackerSettings]
    extensions: dict[int, dict[str, Any]]


def _has_long_period(campaign: Campaign) -> bool:
    return campaign.budget_period in LONG_PERIODS and campaign.period_budget_micros is not None


async def _context(session: AsyncSession, campaigns: Sequence[Campaign]) -> _Context:
    now = utcnow()
    repo = CampaignRepository.from_session(session)
    reader = spend.reader_of(session)
    accounts = {c.account_id for c in campaigns}
    # The balance shown (and no_funds) is the wallet less spend recorded but not yet posted,
    # so it agrees with the reports on every surface.
    available = await billing_service.available_funds(session, reader, accounts)
    balances = {
        aid: (available.get(aid, balance), currency)
        for aid, (balance, currency) in (await repo.balances(accounts)).items()
    }
    counters = await reader.counters([c.id for c in campaigns], day_start=_day_start(now))
    long = {c.id: period_start(c.budget_period, now) for c in campaigns if _has_long_period(c)}
    period_spend = await reader.spend_since(long) if long else {}
    trackers = await tracker_service.settings_for(session, [c.id for c in campaigns])
    extensions = await repo.extensions([c.id for c in campaigns])
    return _Context(now, balances, counters, period_spend, trackers, extensions)


def _period_spend(campaign: Campaign, ctx: _Context) -> int:
    if _has_long_period(campaign):
        return ctx.period_spend.get(campaign.id, 0)
    return ctx.counters.get(campaign.id, spend.ZERO).spend_today_micros


def _state(campaign: Campaign, ctx: _Context) -> CampaignState:
    balance, _ = ctx.balances.get(campaign.account_id, (0, "USD"))
    return derive(
        StateInputs(
            is_draft=campaign.is_draft,
            approval=Approval(campaign.approval),
            is_active=campaign.is_active,
            is_archived=campaign.is_archived,
            balance_micros=balance,
            start_at=optional_utc(campaign.start_at),
            end_at=optional_utc(campaign.end_at),
            daily_budget_micros=campaign.daily_budget_micros,
            total_budget_micros=campaign.total_budget_micros,
            use_total_budget=campaign.use_total_budget,
            budget_period=campaign.budget_period,
            period_budget_micros=campaign.period_budget_micros,
            spend_period_micros=_period_spend(campaign, ctx),
            daily_impressions_cap=campaign.daily_impressions_cap,
            total_impressions_cap=campaign.total_impressions_cap,
            daily_clicks_cap=campaign.daily_clicks_cap,
            total_clicks_cap=campaign.total_clicks_cap,
            counters=ctx.counters.get(campaign.id, spend.ZERO),
        ),
        ctx.now,
    )


def _view(campaign: Campaign, ctx: _Context) -> schemas.Campaign:
    state = _state(campaign, ctx)
    counters = ctx.counters.get(campaign.id, spend.ZERO)
    balance, currency = ctx.balances.get(campaign.account_id, (0, "USD"))
    data = _field_values(campaign, ctx.trackers[campaign.id])
    data.update(
        id=campaign.id,
        uuid=campaign.uuid,
        account_id=campaign.account_id,
        created_by_user_id=campaign.created_by_user_id,
        cloned_from_id=campaign.cloned_from_id,
        created_at=as_utc(campaign.created_at),
        updated_at=as_utc(campaign.updated_at),
        is_draft=campaign.is_draft,
        approval=campaign.approval,
        reject_reason_codes=list(campaign.reject_reason_codes),
        reject_comment=campaign.reject_comment,
        decline_reason=campaign.decline_reason,
        reviewed_by_user_id=campaign.reviewed_by_user_id,
        reviewed_at=optional_utc(campaign.reviewed_at),
        is_active=campaign.is_active,
        is_archived=campaign.is_archived,
        archived_at=optional_utc(campaign.archived_at),
        status=native_status(state),
        stop_reason=state.stop_reason,
        is_running=state.is_running,
        no_funds=state.no_funds,
        ended=state.ended,
        spend_today=from_micros(counters.spend_today_micros),
        spend_total=from_micros(counters.spend_total_micros),
        spend_period=from_micros(_period_spend(campaign, ctx)),
        impressions_today=counters.impressions_today,
        impressions_total=counters.impressions_total,
        clicks_today=counters.clicks_today,
        clicks_total=counters.clicks_total,
        account_balance=from_micros(balance),
        account_currency=currency,
        extensions=ctx.extensions.get(campaign.id, {}),
    )
    return schemas.Campaign.model_validate(data)


async def views(session: AsyncSession, campaigns: Sequence[Campaign]) -> list[schemas.Campaign]:
    ctx = await _context(session, campaigns)
    return [_view(c, ctx) for c in campaigns]


async def state_of(session: AsyncSession, view: schemas.Campaign) -> CampaignState:
    """The derived state behind a view, for dialects that render vendor statuses."""
    return state_from_view(view, utcnow())


def state_from_view(view: schemas.Campaign, now: datetime) -> CampaignState:
    return derive(
        StateInputs(
            is_draft=view.is_draft,
            approval=view.approval,
            is_active=view.is_active,
            is_archived=view.is_archived,
            balance_micros=to_micros(view.account_balance),
            start_at=view.start_at,
            end_at=view.end_at,
            daily_budget_micros=optional_micros(view.daily_budget),
            total_budget_micros=optional_micros(view.total_budget),
            use_total_budget=view.use_total_budget,
            budget_period=view.budget_period,
            period_budget_micros=optional_micros(view.period_budget),
            spend_period_micros=to_micros(view.spend_period),
            daily_impressions_cap=view.daily_impressions_cap,
            total_impressions_cap=view.total_impressions_cap,
            daily_clicks_cap=view.daily_clicks_cap,
            total_clicks_cap=view.total_clicks_cap,
            counters=spend.SpendCounters(
                spend_today_micros=to_micros(view.spend_today),
                spend_total_micros=to_micros(view.spend_total),
                impressions_today=view.impressions_today,
                impressions_total=view.impressions_total,
                clicks_today=view.clicks_today,
                clicks_total=view.clicks_total,
            ),
        ),
        now,
    )


# tenancy: the one place an id is resolved against the principal


def visible(principal: Principal, campaign: Campaign | None, ref: object) -> Campaign:
    """The campaign if the principal may see it; otherwise "not found", as a missing one."""
    if campaign is None or not principal.can_access(campaign.account_id):
        raise NotFound(f"campaign {ref} not found")
    return campaign


async def load(session: AsyncSession, principal: Principal, campaign_id: int) -> Campaign:
    campaign = await CampaignRepository.from_session(session).get(campaign_id)
    return visible(principal, campaign, campaign_id)


async def load_by_uuid(
    session: AsyncSession, principal: Principal, campaign_uuid: UUID
) -> Campaign:
    campaign = await CampaignRepository.from_session(session).get_by_uuid(campaign_uuid)
    return visible(principal, campaign, campaign_uuid)


async def get(session: AsyncSession, principal: Principal, campaign_id: int) -> schemas.Campaign:
    """One campaign the principal may see."""
    return (await views(session, [await load(session, principal, campaign_id)]))[0]


async def get_by_uuid(
    session: AsyncSession, principal: Principal, campaign_uuid: UUID
) -> schemas.Campaign:
    return (await views(session, [await load_by_uuid(session, principal, campaign_uuid)]))[0]


async def id_for_uuid(session: AsyncSession, principal: Principal, campaign_uuid: UUID) -> int:
    return (await load_by_uuid(session, principal, campaign_uuid)).id


async def account_ids_for(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int]
) -> dict[int, int]:
    """Campaign id -> account id; the first unknown or foreign id is not found."""
    found = await visible_account_ids(session, principal, campaign_ids)
    for cid in campaign_ids:
        if cid not in found:
            raise NotFound(f"campaign {cid} not found")
    return found


async def account_of(session: AsyncSession, principal: Principal, campaign_id: int) -> int:
    """The account of a campaign the principal may see; another account's is not found."""
    return (await account_ids_for(session, principal, [campaign_id]))[campaign_id]


async def visible_account_ids(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int]
) -> dict[int, int]:
    """Campaign id -> account id for the ids that exist and the principal may see."""
    found = await CampaignRepository.from_session(session).account_ids(set(campaign_ids))
    return {cid: aid for cid, aid in found.items() if principal.can_access(aid)}


async def all_account_ids(session: AsyncSession) -> dict[int, int]:
    """Campaign id -> account id for every campaign (operator bulk loads; no principal)."""
    return await CampaignRepository.from_session(session).all_account_ids()


# lists


async def list_for_generation(session: AsyncSession) -> list[schemas.Campaign]:
    """Every campaign that is not archived (synthetic traffic and demos)."""
    return await views(
        session, await CampaignRepository.from_session(session).active_for_generation()
    )


async def list_live(
    session: AsyncSession,
    ids: Collection[int] | None = None,
    account_ids: Collection[int] | None = None,
    *,
    after_id: int | None = None,
    limit: int | None = None,
) -> list[schemas.Campaign]:
    """Approved, active, live campaigns with their derived state, for delivery's snapshot
    (no principal: the platform reads them), by id, a page at a time when ``limit`` is given
    (the next page starts after the last id); ``state_from_view`` says which run now."""
    repo = CampaignRepository.from_session(session)
    rows = await repo.live(ids, account_ids, after_id=after_id, limit=limit)
    return await views(session, rows)


async def list_campaigns(
    session: AsyncSession,
    principal: Principal,
    filters: CampaignFilter,
    sort: Sequence[Sort] = (),
    page: PageParams | None = None,
    predicate: Callable[[schemas.Campaign], bool] | None = None,
) -> PageResult[schemas.Campaign]:
    """Campaigns the principal may see, filtered in SQL, optionally by a derived predicate.

    A predicate (for vendor statuses that depend on spend) is applied after derivation, so
    the whole filtered set is read before the page is cut.
    """
    for s in sort:
        if s.field not in SORTABLE_FIELDS:
            raise ValidationFailed.field(
                "sort",
                f"cannot sort by {s.field!r}; use one of {', '.join(sorted(SORTABLE_FIELDS))}",
            )
    scope = principal.scope()
    if scope is not None:
        filters.account_id = scope
    repo = CampaignRepository.from_session(session)
    page = page or PageParams(1, 10_000_000)
    if predicate is None:
        rows, total = await repo.search(filters, sort, page)
        return PageResult(await views(session, rows), total, page.page, page.page_size)
    rows, _ = await repo.search(filters, sort, None)
    matching = [v for v in await views(session, rows) if predicate(v)]
    items = matching[page.offset : page.offset + page.page_size]
    return PageResult(items, len(matching), page.page, page.page_size)


async def spend_since(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int], since: datetime
) -> dict[int, Decimal]:
    """Each campaign's spend from ``since`` until now."""
    await account_ids_for(session, principal, campaign_ids)
    spent = await spend.reader_of(session).spend_since(dict.fromkeys(campaign_ids, as_utc(since)))
    return {cid: from_micros(spent.get(cid, 0)) for cid in campaign_ids}


async def spot_price_counts(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int]
) -> dict[int, int]:
    """How many per-spot price overrides each campaign has."""
    await account_ids_for(session, principal, campaign_ids)
    counts = await CampaignRepository.from_session(session).spot_price_counts(set(campaign_ids))
    return {cid: counts.get(cid, 0) for cid in campaign_ids}
