"""Campaign use cases: the one place campaign rules live; every API surface calls these.

Services take the session and the principal, enforce tenancy (another account's campaign is
"not found"), flush but never commit, and return core ``schemas.Campaign`` views with their
derived state.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.accounts.repository import AccountRepository
from adplane.accounts.service import require_admin
from adplane.campaigns import schemas, spend
from adplane.campaigns.repository import SORTABLE, CampaignRepository

# Re-exported: the filter ``list_campaigns`` takes; callers import it from here.
from adplane.campaigns.repository import CampaignFilter as CampaignFilter
from adplane.campaigns.state import Approval, CampaignState, StateInputs, derive, native_status
from adplane.catalogues.repository import CatalogueRepository
from adplane.inventory.repository import InventoryRepository
from adplane.kit.errors import Conflict, FieldError, NotFound, ValidationFailed
from adplane.kit.money import from_micros, optional_decimal, to_micros
from adplane.kit.pagination import PageParams, PageResult, Sort
from adplane.kit.time import as_utc, optional_utc, utcnow
from adplane.models import Campaign, CampaignChange, CampaignSpotPrice

FIELD_NAMES: tuple[str, ...] = tuple(schemas.CampaignFields.model_fields)
BANNER_PLACEMENTS = frozenset({"banner", "exclusive_banner"})
BulkAction = Literal["run", "pause", "archive", "unarchive", "publish"]


def _column(name: str) -> str:
    return f"{name}_micros" if name in schemas.MONEY_FIELDS else name


def _to_storage(name: str, value: Any) -> Any:
    if name in schemas.MONEY_FIELDS:
        return None if value is None else to_micros(value)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, list):
        return [v.value if hasattr(v, "value") else v for v in value]
    return value.value if hasattr(value, "value") else value


def _from_storage(campaign: Campaign, name: str) -> Any:
    value = getattr(campaign, _column(name))
    if name in schemas.MONEY_FIELDS:
        return optional_decimal(value)
    if isinstance(value, datetime):
        return optional_utc(value)
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def fields_of(campaign: Campaign) -> schemas.CampaignFields:
    """The settable fields of a stored campaign, as the core schema."""
    return schemas.CampaignFields.model_validate(
        {name: _from_storage(campaign, name) for name in FIELD_NAMES}
    )


# reading


def _day_start(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class _Context:
    now: datetime
    balances: dict[int, tuple[int, str]]
    counters: dict[int, spend.SpendCounters]


async def _context(session: AsyncSession, campaigns: Sequence[Campaign]) -> _Context:
    now = utcnow()
    repo = CampaignRepository.from_session(session)
    balances = await repo.balances({c.account_id for c in campaigns})
    counters = await spend.reader().counters([c.id for c in campaigns], day_start=_day_start(now))
    return _Context(now, balances, counters)


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
    data: dict[str, Any] = {name: _from_storage(campaign, name) for name in FIELD_NAMES}
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
        impressions_today=counters.impressions_today,
        impressions_total=counters.impressions_total,
        clicks_today=counters.clicks_today,
        clicks_total=counters.clicks_total,
        account_balance=from_micros(balance),
        account_currency=currency,
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
            daily_budget_micros=None if view.daily_budget is None else to_micros(view.daily_budget),
            total_budget_micros=None if view.total_budget is None else to_micros(view.total_budget),
            use_total_budget=view.use_total_budget,
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


async def _load(session: AsyncSession, principal: Principal, campaign_id: int) -> Campaign:
    campaign = await CampaignRepository.from_session(session).get(campaign_id)
    if campaign is None or not principal.can_access(campaign.account_id):
        raise NotFound(f"campaign {campaign_id} not found")
    return campaign


async def get(session: AsyncSession, principal: Principal, campaign_id: int) -> schemas.Campaign:
    """One campaign the principal may see."""
    return (await views(session, [await _load(session, principal, campaign_id)]))[0]


async def get_by_uuid(
    session: AsyncSession, principal: Principal, campaign_uuid: UUID
) -> schemas.Campaign:
    campaign = await CampaignRepository.from_session(session).get_by_uuid(campaign_uuid)
    if campaign is None or not principal.can_access(campaign.account_id):
        raise NotFound(f"campaign {campaign_uuid} not found")
    return (await views(session, [campaign]))[0]


async def id_for_uuid(session: AsyncSession, principal: Principal, campaign_uuid: UUID) -> int:
    campaign = await CampaignRepository.from_session(session).get_by_uuid(campaign_uuid)
    if campaign is None or not principal.can_access(campaign.account_id):
        raise NotFound(f"campaign {campaign_uuid} not found")
    return campaign.id


async def account_ids_for(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int]
) -> dict[int, int]:
    """Campaign id -> account id; the first unknown or foreign id is not found."""
    found = await visible_account_ids(session, principal, campaign_ids)
    for cid in campaign_ids:
        if cid not in found:
            raise NotFound(f"campaign {cid} not found")
    return found


async def visible_account_ids(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int]
) -> dict[int, int]:
    """Campaign id -> account id for the ids that exist and the principal may see."""
    found = await CampaignRepository.from_session(session).account_ids(set(campaign_ids))
    return {cid: aid for cid, aid in found.items() if principal.can_access(aid)}


async def all_account_ids(session: AsyncSession) -> dict[int, int]:
    """Campaign id -> account id for every campaign (operator bulk loads; no principal)."""
    return await CampaignRepository.from_session(session).all_account_ids()


async def list_for_generation(session: AsyncSession) -> list[schemas.Campaign]:
    """Every campaign that is not archived (synthetic traffic and demos)."""
    return await views(
        session, await CampaignRepository.from_session(session).active_for_generation()
    )


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
        if s.field not in SORTABLE:
            raise ValidationFailed.field(
                "sort", f"cannot sort by {s.field!r}; use one of {', '.join(sorted(SORTABLE))}"
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


# validation


async def _validate(
    session: AsyncSession,
    candidate: schemas.CampaignFields,
    changed: set[str],
    *,
    account_id: int,
    campaign_id: int | None,
    previous: schemas.CampaignFields | None,
) -> None:
    """Rules across fields and against the database, checked on the merged result."""
    errors: list[FieldError] = []

    def bad(field: str, message: str) -> None:
        errors.append(FieldError(field, message))

    c = candidate
    if c.start_at and c.end_at and as_utc(c.end_at) <= as_utc(c.start_at):
        bad("end_at", "must be after start_at")
    t = c.targeting
    if t.age_min is not None and t.age_max is not None and t.age_max and t.age_max < t.age_min:
        bad("targeting.age_max", "must not be below targeting.age_min")
    if (
        t.device_price_from is not None
        and t.device_price_to is not None
        and t.device_price_to < t.device_price_from
    ):
        bad("targeting.device_price_to", "must not be below targeting.device_price_from")
    if c.autobidding_objective is not None and c.bidding_strategy != "autobidding":
        bad("autobidding_objective", "applies only to autobidding campaigns")
    if (
        previous is not None
        and "bidding_strategy" in changed
        and c.bidding_strategy != previous.bidding_strategy
        and c.bidding_strategy != "autobidding"
    ):
        bad("bidding_strategy", "can only be changed to autobidding")
    if c.exclusivity_price is not None and c.bidding_strategy != "exclusive":
        bad("exclusivity_price", "can only be set on an exclusive campaign")
    if c.product_ids and (c.placement is None or c.placement.value not in BANNER_PLACEMENTS):
        bad("product_ids", "is allowed only for banner campaigns")
    if c.frequency_enabled and (c.frequency_cap is None or c.frequency_period is None):
        bad("frequency_cap", "frequency_cap and frequency_period are required when frequency is on")

    inventory = InventoryRepository.from_session(session)
    catalogue = CatalogueRepository.from_session(session)
    if c.format_id is not None and changed & {"format_id", "ad_format_options"}:
        fmt = await inventory.get_format(c.format_id)
        if fmt is None:
            bad("format_id", f"format {c.format_id} does not exist")
        elif c.ad_format_options:
            unknown = [o for o in c.ad_format_options if o not in fmt.options]
            if unknown:
                allowed = ", ".join(fmt.options) or "none"
                bad(
                    "ad_format_options",
                    f"{unknown[0]!r} is not an option of format {fmt.id} ({allowed})",
                )
    elif c.ad_format_options and c.format_id is None and "ad_format_options" in changed:
        bad("ad_format_options", "needs a format_id")
    if "targeting" in changed:
        for dim, lookup in (
            ("spots", inventory.existing_spot_ids),
            ("sites", inventory.existing_site_ids),
        ):
            target: schemas.TargetList = getattr(t, dim)
            ids = {int(v) for v in [*target.include, *target.exclude]}
            missing = sorted(ids - await lookup(ids))
            if missing:
                bad(f"targeting.{dim}", f"{dim[:-1]} {missing[0]} does not exist")
    if "restriction_ids" in changed and c.restriction_ids:
        found = await catalogue.restrictions_by_ids(set(c.restriction_ids))
        missing = sorted(set(c.restriction_ids) - set(found))
        if missing:
            bad("restriction_ids", f"restriction {missing[0]} does not exist")
    if "segments" in changed:
        wanted = c.segments.segment_ids()
        invisible = wanted - await catalogue.visible_segment_ids(wanted, account_id)
        # Name the list that holds the unknown segment, so a dialect can point at its field.
        for part in ("targeting", "exclusion", "multipliers"):
            refs: list[schemas.SegmentRef] = list(getattr(c.segments, part).items)
            absent = sorted({r.segment_id for r in refs} & invisible)
            if absent:
                bad(f"segments.{part}", f"segment {absent[0]} does not exist")
    repo = CampaignRepository.from_session(session)
    if c.alias and "alias" in changed and await repo.alias_taken(c.alias, campaign_id):
        bad("alias", f"alias {c.alias!r} is already used")
    if (
        c.external_campaign_id
        and changed & {"external_campaign_id", "placement"}
        and await repo.external_id_taken(
            c.external_campaign_id, c.placement.value if c.placement else None, campaign_id
        )
    ):
        bad("external_campaign_id", "is already used by another campaign of this ad format")
    if errors:
        raise ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


def _normalise_start(fields: schemas.CampaignFields, changed: set[str]) -> None:
    # A start in the past means "now": a campaign cannot be scheduled into history.
    if "start_at" in changed and fields.start_at is not None:
        now = utcnow()
        if as_utc(fields.start_at) < now - timedelta(seconds=1):
            fields.start_at = now


def _apply(campaign: Campaign, fields: schemas.CampaignFields, names: Collection[str]) -> None:
    for name in names:
        setattr(campaign, _column(name), _to_storage(name, getattr(fields, name)))


def _diff(before: schemas.CampaignFields | None, after: schemas.CampaignFields) -> dict[str, Any]:
    new = after.model_dump(mode="json")
    if before is None:
        return {k: [None, v] for k, v in new.items() if v not in (None, [], {}, False)}
    old = before.model_dump(mode="json")
    # Compare values, not their JSON: Decimal("0.1") and Decimal("0.100000") are one price.
    return {k: [old[k], new[k]] for k in new if getattr(before, k) != getattr(after, k)}


async def _record(
    session: AsyncSession,
    principal: Principal | None,
    campaign: Campaign,
    action: str,
    changes: dict[str, Any] | None = None,
    tag: str | None = None,
) -> None:
    await CampaignRepository.from_session(session).add_change(
        CampaignChange(
            campaign_id=campaign.id,
            user_id=principal.user_id if principal else None,
            action=action,
            changes={k: [_jsonable(x) for x in v] for k, v in (changes or {}).items()},
            tag=tag,
        )
    )


async def _flush(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        raise Conflict("the change conflicts with another campaign (alias or external id)") from exc


# writing


async def create(
    session: AsyncSession,
    principal: Principal,
    fields: schemas.CampaignFields,
    *,
    account_id: int | None = None,
    draft: bool = False,
    active: bool = True,
    tag: str | None = None,
) -> schemas.Campaign:
    """Create a campaign (pending approval), or a draft that is submitted later."""
    owner = principal.account_for_write(account_id)
    if await AccountRepository.from_session(session).get_account(owner) is None:
        raise NotFound(f"account {owner} not found")
    changed = set(fields.model_fields_set)
    if not fields.name:
        raise ValidationFailed.field("name", "is required")
    fields = fields.model_copy(deep=True)
    _normalise_start(fields, changed)
    await _validate(
        session, fields, set(FIELD_NAMES), account_id=owner, campaign_id=None, previous=None
    )
    campaign = Campaign(
        account_id=owner,
        created_by_user_id=principal.user_id,
        is_draft=draft,
        approval=Approval.PENDING.value,
        is_active=False if draft else active,
        is_archived=False,
        reject_reason_codes=[],
    )
    _apply(campaign, fields, FIELD_NAMES)
    repo = CampaignRepository.from_session(session)
    try:
        async with session.begin_nested():
            await repo.add(campaign)
    except IntegrityError as exc:
        raise Conflict("the alias or external id is already used") from exc
    await _record(
        session,
        principal,
        campaign,
        "create_draft" if draft else "create",
        _diff(None, fields),
        tag,
    )
    return await get(session, principal, campaign.id)


async def update(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    changes: schemas.CampaignFields,
    *,
    drafts_only: bool = False,
    tag: str | None = None,
) -> schemas.Campaign:
    """Apply the fields a request set; editing a rejected campaign sends it back for review."""
    campaign = await _load(session, principal, campaign_id)
    if campaign.is_archived:
        raise Conflict(f"campaign {campaign_id} is archived; restore it before editing")
    if drafts_only and not campaign.is_draft:
        raise Conflict(f"campaign {campaign_id} is not a draft")
    changed = set(changes.model_fields_set)
    before = fields_of(campaign)
    merged = before.model_copy(update={k: getattr(changes, k) for k in changed}, deep=True)
    if "name" in changed and not merged.name:
        raise ValidationFailed.field("name", "must not be empty")
    _normalise_start(merged, changed)
    await _validate(
        session,
        merged,
        changed,
        account_id=campaign.account_id,
        campaign_id=campaign.id,
        previous=before,
    )
    diff = _diff(before, merged)
    _apply(campaign, merged, changed)
    if diff and campaign.approval == Approval.REJECTED.value and not campaign.is_draft:
        campaign.approval = Approval.PENDING.value
    campaign.updated_at = utcnow()
    await _flush(session)
    await _record(
        session, principal, campaign, "update_draft" if drafts_only else "update", diff, tag
    )
    return await get(session, principal, campaign.id)


async def clone(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    changes: schemas.CampaignFields | None = None,
    *,
    as_draft: bool = False,
    copy_spot_prices: bool = True,
    tag: str | None = None,
) -> schemas.Campaign:
    """A new campaign with the same fields, paused and pending approval (save-as with changes)."""
    source = await _load(session, principal, campaign_id)
    if as_draft and not source.is_draft:
        raise Conflict(f"campaign {campaign_id} is not a draft")
    fields = fields_of(source)
    # Unique per campaign: a copy cannot keep them.
    fields.alias = None
    fields.external_campaign_id = None
    fields.name = f"{source.name}, clone from ID {source.id}"[:255]
    changed: set[str] = set()
    if changes is not None:
        changed = set(changes.model_fields_set)
        fields = fields.model_copy(update={k: getattr(changes, k) for k in changed}, deep=True)
        if not fields.name:
            raise ValidationFailed.field("name", "must not be empty")
        _normalise_start(fields, changed)
    await _validate(
        session,
        fields,
        changed | {"alias"},
        account_id=source.account_id,
        campaign_id=None,
        previous=None,
    )
    copy = Campaign(
        account_id=source.account_id,
        created_by_user_id=principal.user_id,
        cloned_from_id=source.id,
        is_draft=as_draft,
        approval=Approval.PENDING.value,
        is_active=False,
        is_archived=False,
        reject_reason_codes=[],
    )
    _apply(copy, fields, FIELD_NAMES)
    repo = CampaignRepository.from_session(session)
    await repo.add(copy)
    if copy_spot_prices:
        for price in await repo.spot_prices(source.id):
            await repo.add_spot_price(
                CampaignSpotPrice(
                    campaign_id=copy.id, spot_id=price.spot_id, price_micros=price.price_micros
                )
            )
    action = "save_as" if changes is not None else "clone"
    await _record(session, principal, copy, action, {"cloned_from_id": [None, source.id]}, tag)
    return await get(session, principal, copy.id)


class _Transition:
    """A state change: a guard that explains why it is refused, and the mutation."""

    def __init__(
        self,
        guard: Callable[[Campaign], str | None],
        apply: Callable[[Campaign, Principal], None],
    ) -> None:
        self.guard = guard
        self.apply = apply


def _no_archived_or_draft(verb: str) -> Callable[[Campaign], str | None]:
    def guard(c: Campaign) -> str | None:
        if c.is_archived:
            return f"an archived campaign cannot be {verb}"
        if c.is_draft:
            return f"a draft cannot be {verb}; submit it first"
        return None

    return guard


def _set(**values: Any) -> Callable[[Campaign, Principal], None]:
    def apply(c: Campaign, _principal: Principal) -> None:
        for key, value in values.items():
            setattr(c, key, value() if callable(value) else value)

    return apply


TRANSITIONS: dict[str, _Transition] = {
    "run": _Transition(_no_archived_or_draft("run"), _set(is_active=True)),
    "pause": _Transition(_no_archived_or_draft("paused"), _set(is_active=False)),
    "archive": _Transition(
        lambda c: "the campaign is already archived" if c.is_archived else None,
        _set(is_archived=True, is_active=False, archived_at=utcnow),
    ),
    "restore": _Transition(
        lambda c: None if c.is_archived else "the campaign is not archived",
        _set(is_archived=False, archived_at=None),
    ),
    "submit": _Transition(
        lambda c: (
            "an archived campaign cannot be submitted"
            if c.is_archived
            else (None if c.is_draft else "the campaign is not a draft")
        ),
        _set(is_draft=False, approval=Approval.PENDING.value, is_active=True),
    ),
}
BULK_TRANSITIONS: dict[str, str] = {
    "run": "run",
    "pause": "pause",
    "archive": "archive",
    "unarchive": "restore",
    "publish": "submit",
}


async def transition(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    action: str,
    *,
    tag: str | None = None,
) -> schemas.Campaign:
    """Run, pause, archive, restore or submit one campaign; a forbidden one is a conflict."""
    campaign = await _load(session, principal, campaign_id)
    step = TRANSITIONS[action]
    refusal = step.guard(campaign)
    if refusal:
        raise Conflict(f"campaign {campaign_id}: {refusal}")
    step.apply(campaign, principal)
    campaign.updated_at = utcnow()
    await _flush(session)
    await _record(session, principal, campaign, action, tag=tag)
    return await get(session, principal, campaign.id)


async def run(
    session: AsyncSession, principal: Principal, campaign_id: int, *, tag: str | None = None
) -> schemas.Campaign:
    return await transition(session, principal, campaign_id, "run", tag=tag)


async def pause(
    session: AsyncSession, principal: Principal, campaign_id: int, *, tag: str | None = None
) -> schemas.Campaign:
    return await transition(session, principal, campaign_id, "pause", tag=tag)


async def archive(
    session: AsyncSession, principal: Principal, campaign_id: int, *, tag: str | None = None
) -> schemas.Campaign:
    return await transition(session, principal, campaign_id, "archive", tag=tag)


async def restore(
    session: AsyncSession, principal: Principal, campaign_id: int, *, tag: str | None = None
) -> schemas.Campaign:
    return await transition(session, principal, campaign_id, "restore", tag=tag)


async def submit(
    session: AsyncSession, principal: Principal, campaign_id: int, *, tag: str | None = None
) -> schemas.Campaign:
    return await transition(session, principal, campaign_id, "submit", tag=tag)


async def bulk(
    session: AsyncSession,
    principal: Principal,
    action: BulkAction,
    ids: Sequence[int],
    *,
    tag: str | None = None,
) -> schemas.BulkResult:
    """Apply one action to many campaigns; each id succeeds or fails on its own."""
    success: list[int] = []
    failed: list[schemas.BulkFailure] = []
    step = TRANSITIONS[BULK_TRANSITIONS[action]]
    campaigns = await CampaignRepository.from_session(session).get_many(set(ids))
    seen: set[int] = set()
    for cid in ids:
        if cid in seen:
            continue
        seen.add(cid)
        campaign = campaigns.get(cid)
        if campaign is None or not principal.can_access(campaign.account_id):
            failed.append(schemas.BulkFailure(id=cid, reason="not found"))
            continue
        refusal = step.guard(campaign)
        if refusal:
            failed.append(schemas.BulkFailure(id=cid, reason=refusal))
            continue
        step.apply(campaign, principal)
        campaign.updated_at = utcnow()
        await _record(session, principal, campaign, f"bulk_{action}", tag=tag)
        success.append(cid)
    await _flush(session)
    return schemas.BulkResult(success=success, failed=failed, total=len(seen))


async def approve(
    session: AsyncSession, principal: Principal, campaign_id: int, *, tag: str | None = None
) -> schemas.Campaign:
    """An admin approves a submitted campaign."""
    campaign = await _load(session, principal, campaign_id)
    require_admin(principal)
    if campaign.is_draft or campaign.is_archived:
        raise Conflict(
            f"campaign {campaign_id}: only a submitted, unarchived campaign can be approved"
        )
    campaign.approval = Approval.APPROVED.value
    campaign.reject_reason_codes = []
    campaign.reject_comment = None
    campaign.decline_reason = None
    campaign.reviewed_by_user_id = principal.user_id
    campaign.reviewed_at = utcnow()
    await _flush(session)
    await _record(session, principal, campaign, "approve", tag=tag)
    return await get(session, principal, campaign.id)


async def reject(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    request: schemas.RejectRequest,
    *,
    tag: str | None = None,
) -> schemas.Campaign:
    """An admin rejects a submitted campaign with catalogue reasons and a comment."""
    campaign = await _load(session, principal, campaign_id)
    require_admin(principal)
    if campaign.is_draft or campaign.is_archived:
        raise Conflict(
            f"campaign {campaign_id}: only a submitted, unarchived campaign can be rejected"
        )
    codes = sorted(set(request.reason_codes))
    known = await CatalogueRepository.from_session(session).existing_reject_codes(codes)
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValidationFailed.field("reason_codes", f"reject reason {unknown[0]} does not exist")
    campaign.approval = Approval.REJECTED.value
    campaign.reject_reason_codes = codes
    campaign.reject_comment = request.comment
    campaign.decline_reason = request.decline_reason
    campaign.reviewed_by_user_id = principal.user_id
    campaign.reviewed_at = utcnow()
    await _flush(session)
    await _record(
        session, principal, campaign, "reject", {"reject_reason_codes": [None, codes]}, tag
    )
    return await get(session, principal, campaign.id)


async def review_banner(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    approval: Approval,
    *,
    reviewer_user_id: int | None = None,
    decline_reason: str | None = None,
    comment: str | None = None,
    tag: str | None = None,
) -> schemas.Campaign:
    """Set a banner campaign's review status (admin): Topsort ``status``/``statusUpdatedBy``.

    Only banner placements have a review status a client sets directly; other campaigns go
    through ``approve``/``reject``. Reviewing is the operator's job, as approving is, so only
    admins may do it. The reviewer recorded is ``reviewer_user_id`` (an admin user) or the
    caller; a campaign set back to pending has no reviewer. A decline reason and comment are
    kept only with a rejection (Topsort's own example sends a rejection reason with
    "approved").
    """
    campaign = await _load(session, principal, campaign_id)
    require_admin(principal)
    errors: list[FieldError] = []
    if campaign.placement not in BANNER_PLACEMENTS:
        errors.append(FieldError("approval", "applies only to banner campaigns"))
    if reviewer_user_id is not None:
        if approval is Approval.PENDING:
            errors.append(FieldError("reviewed_by_user_id", "a pending campaign has no reviewer"))
        else:
            reviewer = await AccountRepository.from_session(session).get_user(reviewer_user_id)
            if reviewer is None or reviewer.role != "admin":
                errors.append(FieldError("reviewed_by_user_id", "must name an admin user"))
    if errors:
        raise ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)
    if campaign.is_draft or campaign.is_archived:
        raise Conflict(
            f"campaign {campaign_id}: only a submitted, unarchived campaign can be reviewed"
        )
    before = campaign.approval
    campaign.approval = approval.value
    campaign.reject_reason_codes = []
    if approval is Approval.REJECTED:
        campaign.decline_reason = decline_reason
        campaign.reject_comment = comment
    else:
        campaign.decline_reason = None
        campaign.reject_comment = None
    if approval is Approval.PENDING:
        campaign.reviewed_by_user_id = None
        campaign.reviewed_at = None
    else:
        campaign.reviewed_by_user_id = reviewer_user_id or principal.user_id
        campaign.reviewed_at = utcnow()
    campaign.updated_at = utcnow()
    await _flush(session)
    await _record(
        session, principal, campaign, "review", {"approval": [before, approval.value]}, tag
    )
    return await get(session, principal, campaign.id)


async def spend_since(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int], since: datetime
) -> dict[int, Decimal]:
    """Each campaign's spend from ``since`` until now (budgets longer than a day)."""
    await account_ids_for(session, principal, campaign_ids)
    counters = await spend.reader().counters(list(campaign_ids), day_start=as_utc(since))
    return {
        cid: from_micros(counters.get(cid, spend.ZERO).spend_today_micros) for cid in campaign_ids
    }


async def spot_price_counts(
    session: AsyncSession, principal: Principal, campaign_ids: Collection[int]
) -> dict[int, int]:
    """How many per-spot price overrides each campaign has."""
    await account_ids_for(session, principal, campaign_ids)
    counts = await CampaignRepository.from_session(session).spot_price_counts(set(campaign_ids))
    return {cid: counts.get(cid, 0) for cid in campaign_ids}


# targeting lists


async def change_targeting_ids(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    dimension: Literal["spots", "sites"],
    mode: Literal["include", "exclude"],
    ids: Sequence[int],
    *,
    tag: str | None = None,
) -> schemas.Campaign:
    """Add spots or sites to a campaign's include or exclude list (and drop them from the other)."""
    campaign = await _load(session, principal, campaign_id)
    fields = fields_of(campaign)
    target: schemas.TargetList = getattr(fields.targeting, dimension)
    wanted = [int(i) for i in dict.fromkeys(ids)]
    this = list(dict.fromkeys([*getattr(target, mode), *wanted]))
    other_mode = "exclude" if mode == "include" else "include"
    other = [v for v in getattr(target, other_mode) if v not in set(wanted)]
    new_target = schemas.TargetList.model_validate({mode: this, other_mode: other})
    targeting = fields.targeting.model_copy(update={dimension: new_target})
    return await update(
        session, principal, campaign_id, schemas.CampaignFields(targeting=targeting), tag=tag
    )


# spot prices


async def _spot_exists(session: AsyncSession, spot_id: int) -> None:
    if await InventoryRepository.from_session(session).get_spot(spot_id) is None:
        raise NotFound(f"spot {spot_id} not found")


def _price_view(p: CampaignSpotPrice) -> schemas.SpotPrice:
    return schemas.SpotPrice(
        campaign_id=p.campaign_id,
        spot_id=p.spot_id,
        price=from_micros(p.price_micros),
        created_at=as_utc(p.created_at),
        updated_at=as_utc(p.updated_at),
    )


async def list_spot_prices(
    session: AsyncSession, principal: Principal, campaign_id: int
) -> list[schemas.SpotPrice]:
    await _load(session, principal, campaign_id)
    prices = await CampaignRepository.from_session(session).spot_prices(campaign_id)
    return [_price_view(p) for p in prices]


async def get_spot_price(
    session: AsyncSession, principal: Principal, campaign_id: int, spot_id: int
) -> schemas.SpotPrice:
    await _load(session, principal, campaign_id)
    price = await CampaignRepository.from_session(session).spot_price(campaign_id, spot_id)
    if price is None:
        raise NotFound(f"campaign {campaign_id} has no price for spot {spot_id}")
    return _price_view(price)


async def set_spot_price(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    spot_id: int,
    price: Decimal,
    *,
    tag: str | None = None,
) -> schemas.SpotPrice:
    """Set or replace the campaign's bid on one spot."""
    campaign = await _load(session, principal, campaign_id)
    if campaign.is_archived:
        raise Conflict(f"campaign {campaign_id} is archived")
    if price < 0:
        raise ValidationFailed.field("price", "must not be negative")
    await _spot_exists(session, spot_id)
    repo = CampaignRepository.from_session(session)
    row = await repo.spot_price(campaign_id, spot_id)
    micros = to_micros(price)
    old = None if row is None else from_micros(row.price_micros)
    if row is None:
        row = await repo.add_spot_price(
            CampaignSpotPrice(campaign_id=campaign_id, spot_id=spot_id, price_micros=micros)
        )
    else:
        row.price_micros = micros
        row.updated_at = utcnow()
        await session.flush()
    await _record(
        session, principal, campaign, "set_spot_price", {f"spot_price.{spot_id}": [old, price]}, tag
    )
    return _price_view(row)


async def delete_spot_price(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    spot_id: int,
    *,
    tag: str | None = None,
) -> None:
    campaign = await _load(session, principal, campaign_id)
    if not await CampaignRepository.from_session(session).delete_spot_price(campaign_id, spot_id):
        raise NotFound(f"campaign {campaign_id} has no price for spot {spot_id}")
    await _record(
        session,
        principal,
        campaign,
        "delete_spot_price",
        {f"spot_price.{spot_id}": ["set", None]},
        tag,
    )


# history and catalogues


async def history(
    session: AsyncSession, principal: Principal, campaign_id: int, page: PageParams
) -> PageResult[schemas.CampaignChange]:
    """Who changed the campaign, when, what changed, and the client's tag."""
    await _load(session, principal, campaign_id)
    rows, total = await CampaignRepository.from_session(session).changes(campaign_id, page)
    items = [
        schemas.CampaignChange(
            id=r.id,
            campaign_id=r.campaign_id,
            user_id=r.user_id,
            action=r.action,
            changes=r.changes,
            tag=r.tag,
            created_at=as_utc(r.created_at),
        )
        for r in rows
    ]
    return PageResult(items, total, page.page, page.page_size)
