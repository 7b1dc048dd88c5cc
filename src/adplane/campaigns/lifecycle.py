"""Changing campaigns: create, update, clone, state transitions, bulk actions and review.

Services take the session and the principal, enforce tenancy through ``views.load``, flush
but never commit, and return core ``schemas.Campaign`` views with their derived state.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts_service
from adplane.accounts.principal import Principal
from adplane.campaigns import schemas
from adplane.campaigns.extensions import (
    Document,
    Extension,
    by_dialect,
    changed_document,
    to_document,
)
from adplane.campaigns.history import diff as diff_fields
from adplane.campaigns.history import record
from adplane.campaigns.repository import CampaignRepository
from adplane.campaigns.state import Approval
from adplane.campaigns.validation import (
    normalise_start,
    require_submittable,
    submittable,
    validate,
)
from adplane.campaigns.views import (
    FIELD_NAMES,
    column,
    get,
    load,
    load_extensions,
    load_fields,
    to_storage,
)
from adplane.kit.errors import Conflict, NotFound, ValidationFailed
from adplane.kit.time import utcnow
from adplane.models import Campaign, CampaignSpotPrice
from adplane.moderation import service as moderation
from adplane.moderation.schemas import Decision, Review
from adplane.tracker import service as tracker_service
from adplane.tracker.schemas import FIELDS as TRACKER_FIELDS

BulkAction = Literal["run", "pause", "archive", "unarchive", "publish"]


def _apply(campaign: Campaign, fields: schemas.CampaignFields, names: Collection[str]) -> None:
    for name in names:
        if name not in TRACKER_FIELDS:
            setattr(campaign, column(name), to_storage(name, getattr(fields, name)))


async def _apply_tracker(
    session: AsyncSession,
    campaign: Campaign,
    fields: schemas.CampaignFields,
    names: Collection[str],
) -> None:
    wanted = {name: getattr(fields, name) for name in names if name in TRACKER_FIELDS}
    if wanted:
        await tracker_service.save(session, campaign.id, wanted)


async def _store_references(
    session: AsyncSession, campaign: Campaign, fields: schemas.CampaignFields
) -> None:
    await CampaignRepository.from_session(session).set_references(
        campaign.id, fields.restriction_ids, fields.segments.segment_ids()
    )


def _documents(
    stored: Mapping[str, Document], extensions: Iterable[Extension], *, whole: bool
) -> dict[str, Document]:
    """The documents to store: whole ones (create) or the set fields merged onto ``stored``.

    Computed before anything is written, so a refused document leaves nothing half-written.
    """
    return {
        dialect: to_document(ext) if whole else changed_document(stored.get(dialect), ext)
        for dialect, ext in by_dialect(extensions).items()
        # An update that sets none of a document's fields leaves it (or its absence) alone.
        if whole or ext.model_fields_set
    }


def _extension_diff(
    stored: Mapping[str, Document], documents: Mapping[str, Document]
) -> dict[str, Any]:
    """``extensions.<dialect>.<field>`` -> [old, new] for every value that changed."""
    diff: dict[str, Any] = {}
    for dialect, new in documents.items():
        old = stored.get(dialect)
        for key, value in new.items():
            before = None if old is None else old.get(key)
            if old is None and value in (None, [], {}, False):
                continue
            if before != value:
                diff[f"extensions.{dialect}.{key}"] = [before, value]
    return diff


async def _store_extensions(
    session: AsyncSession, campaign_id: int, documents: Mapping[str, Document]
) -> None:
    repo = CampaignRepository.from_session(session)
    for dialect, document in documents.items():
        await repo.set_extension(campaign_id, dialect, document)


async def flush(session: AsyncSession) -> None:
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
    complete: bool = False,
    extensions: Iterable[Extension] = (),
    tag: str | None = None,
) -> schemas.Campaign:
    """Create a campaign (pending approval), or a draft that is submitted later.

    ``complete`` asks for the submission rules (``validation.submittable``) on a campaign
    that is not a draft: a dialect whose create is a publish passes it. ``extensions`` are
    dialects' documents (``campaigns.extensions``), stored with the campaign.
    """
    owner = principal.account_for_write(account_id)
    if owner not in await accounts_service.accounts_by_ids(session, [owner]):
        raise NotFound(f"account {owner} not found")
    changed = set(fields.model_fields_set)
    if not fields.name:
        raise ValidationFailed.field("name", "is required")
    fields = fields.model_copy(deep=True)
    normalise_start(fields, changed)
    if complete and not draft:
        require_submittable(fields)
    await validate(
        session, fields, set(FIELD_NAMES), account_id=owner, campaign_id=None, previous=None
    )
    documents = _documents({}, extensions, whole=True)
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
            await _apply_tracker(session, campaign, fields, FIELD_NAMES)
            await session.flush()
    except IntegrityError as exc:
        raise Conflict("the alias or external id is already used") from exc
    await _store_references(session, campaign, fields)
    await _store_extensions(session, campaign.id, documents)
    await record(
        session,
        principal,
        campaign,
        "create_draft" if draft else "create",
        diff_fields(None, fields) | _extension_diff({}, documents),
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
    extensions: Iterable[Extension] = (),
    tag: str | None = None,
) -> schemas.Campaign:
    """Apply the fields a request set; editing a rejected campaign sends it back for review.

    Of each extension document in ``extensions`` only the fields set on it change.
    """
    campaign = await load(session, principal, campaign_id)
    if campaign.is_archived:
        raise Conflict(f"campaign {campaign_id} is archived; restore it before editing")
    if drafts_only and not campaign.is_draft:
        raise Conflict(f"campaign {campaign_id} is not a draft")
    changed = set(changes.model_fields_set)
    before = await load_fields(session, campaign)
    merged = before.model_copy(update={k: getattr(changes, k) for k in changed}, deep=True)
    if "name" in changed and not merged.name:
        raise ValidationFailed.field("name", "must not be empty")
    normalise_start(merged, changed)
    await validate(
        session,
        merged,
        changed,
        account_id=campaign.account_id,
        campaign_id=campaign.id,
        previous=before,
    )
    stored = await load_extensions(session, campaign.id)
    documents = _documents(stored, extensions, whole=False)
    diff = diff_fields(before, merged) | _extension_diff(stored, documents)
    _apply(campaign, merged, changed)
    await _apply_tracker(session, campaign, merged, changed)
    if changed & {"restriction_ids", "segments"}:
        await _store_references(session, campaign, merged)
    await _store_extensions(session, campaign.id, documents)
    if diff and campaign.approval == Approval.REJECTED.value and not campaign.is_draft:
        campaign.approval = Approval.PENDING.value
    campaign.updated_at = utcnow()
    await flush(session)
    await record(
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
    extensions: Iterable[Extension] = (),
    tag: str | None = None,
) -> schemas.Campaign:
    """A new campaign with the same fields, paused and pending approval (save-as with changes).

    The copy keeps every extension document of the source, with the fields set on
    ``extensions`` changed.
    """
    source = await load(session, principal, campaign_id)
    if as_draft and not source.is_draft:
        raise Conflict(f"campaign {campaign_id} is not a draft")
    fields = await load_fields(session, source)
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
        normalise_start(fields, changed)
    await validate(
        session,
        fields,
        changed | {"alias"},
        account_id=source.account_id,
        campaign_id=None,
        previous=None,
    )
    stored = await load_extensions(session, source.id)
    documents = {**stored, **_documents(stored, extensions, whole=False)}
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
    await _apply_tracker(session, copy, fields, FIELD_NAMES)
    await flush(session)
    await _store_references(session, copy, fields)
    await _store_extensions(session, copy.id, documents)
    if copy_spot_prices:
        for price in await repo.spot_prices(source.id):
            await repo.add_spot_price(
                CampaignSpotPrice(
                    campaign_id=copy.id, spot_id=price.spot_id, price_micros=price.price_micros
                )
            )
    action = "save_as" if changes is not None else "clone"
    await record(session, principal, copy, action, {"cloned_from_id": [None, source.id]}, tag)
    return await get(session, principal, copy.id)


class _Transition:
    """A state change: a guard that explains why it is refused, and the mutation."""

    def __init__(
        self,
        guard: Callable[[Campaign], str | None],
        apply: Callable[[Campaign, Principal], None],
        *,
        complete: bool = False,
    ) -> None:
        self.guard = guard
        self.apply = apply
        # Whether the campaign must pass ``validation.submittable`` first (submit and run do).
        self.complete = complete


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
    # Running an incomplete campaign would let it bid without a price, budget or format.
    "run": _Transition(_no_archived_or_draft("run"), _set(is_active=True), complete=True),
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
        complete=True,
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
    campaign = await load(session, principal, campaign_id)
    step = TRANSITIONS[action]
    refusal = step.guard(campaign)
    if refusal:
        raise Conflict(f"campaign {campaign_id}: {refusal}")
    if step.complete:
        require_submittable(await load_fields(session, campaign))
    step.apply(campaign, principal)
    campaign.updated_at = utcnow()
    await flush(session)
    await record(session, principal, campaign, action, tag=tag)
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
        if refusal is None and step.complete:
            missing = submittable(await load_fields(session, campaign))
            if missing:
                names = ", ".join(e.field for e in missing)
                verb = "submitted" if step is TRANSITIONS["submit"] else "run"
                refusal = f"the campaign cannot be {verb} without {names}"
        if refusal:
            failed.append(schemas.BulkFailure(id=cid, reason=refusal))
            continue
        step.apply(campaign, principal)
        campaign.updated_at = utcnow()
        await record(session, principal, campaign, f"bulk_{action}", tag=tag)
        success.append(cid)
    await flush(session)
    return schemas.BulkResult(success=success, failed=failed, total=len(seen))


# review


def _store_review(campaign: Campaign, review: Review) -> None:
    campaign.approval = review.approval.value
    campaign.reject_reason_codes = list(review.reason_codes)
    campaign.reject_comment = review.comment
    campaign.decline_reason = review.decline_reason
    campaign.reviewed_by_user_id = review.reviewed_by_user_id
    campaign.reviewed_at = review.reviewed_at


async def review(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    decision: Decision,
    *,
    action: str = "review",
    tag: str | None = None,
) -> schemas.Campaign:
    """An admin approves, rejects or sends back a submitted campaign (``moderation.decide``)."""
    campaign = await load(session, principal, campaign_id)
    moderation.require_reviewer(principal)
    if campaign.is_draft or campaign.is_archived:
        raise Conflict(
            f"campaign {campaign_id}: only a submitted, unarchived campaign can be reviewed"
        )
    if decision.approval is Approval.APPROVED:
        # Approval is the last gate before bidding: an incomplete campaign never passes it.
        require_submittable(await load_fields(session, campaign))
    outcome = await moderation.decide(session, principal, decision)
    before = campaign.approval
    _store_review(campaign, outcome)
    campaign.updated_at = utcnow()
    await flush(session)
    changes: dict[str, Any] = {}
    if action == "reject":
        changes = {"reject_reason_codes": [None, outcome.reason_codes]}
    elif action == "review":
        changes = {"approval": [before, outcome.approval.value]}
    await record(session, principal, campaign, action, changes, tag)
    return await get(session, principal, campaign.id)


async def approve(
    session: AsyncSession, principal: Principal, campaign_id: int, *, tag: str | None = None
) -> schemas.Campaign:
    """An admin approves a submitted campaign."""
    decision = Decision(Approval.APPROVED)
    return await review(session, principal, campaign_id, decision, action="approve", tag=tag)


async def reject(
    session: AsyncSession,
    principal: Principal,
    campaign_id: int,
    request: schemas.RejectRequest,
    *,
    tag: str | None = None,
) -> schemas.Campaign:
    """An admin rejects a submitted campaign with catalogue reasons and a comment."""
    decision = Decision(
        Approval.REJECTED,
        reason_codes=list(request.reason_codes),
        comment=request.comment,
        decline_reason=request.decline_reason,
    )
    return await review(session, principal, campaign_id, decision, action="reject", tag=tag)


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
    campaign = await load(session, principal, campaign_id)
    fields = await load_fields(session, campaign)
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
