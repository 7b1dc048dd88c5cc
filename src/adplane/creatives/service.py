"""Creative use cases: create, read, update, delete, review, preview, VAST, assignment.

Rules that every surface gets from here:

- Tenancy: another account's creative is "not found", like a missing or deleted one; so is
  another account's campaign or media.
- Validation: IAB categories must be codes of the targeting ``categories`` catalogue; media
  must be the account's own and of the kind the variant shows; the size comes from the media
  when not given and is required where nothing else can tell it (tags, HTML5 without one).
- Review goes through ``adplane.moderation.decide`` (admins only). A new creative is pending.
  Changing what the reviewer looked at (``content``, ``size``, ``categories``,
  ``advertiser_domain``, ``attributes``: an advertiser must not clear an attribute exchanges
  block without a reviewer seeing it) sends an approved or rejected creative back to pending;
  a name, a bid, a frequency cap, the run switch or an extension document does not.
- Deleting keeps the row (events and reports still name it) but hides it everywhere and
  takes it off every campaign.
- A live creative's media are recorded as in use (``creative_media``), so deleting one of
  them is a conflict until the creative stops showing it or is deleted.
- Assignment: a campaign shows creatives of its own account; the type of the creative and the
  campaign's ``creative_type`` are not forced to match (a campaign may mix formats).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts
from adplane.accounts.principal import Principal
from adplane.campaigns import service as campaign_service
from adplane.creatives import assets, markup, preview, schemas
from adplane.creatives.repository import CreativeFilter, CreativeRepository
from adplane.kit.errors import FieldError, NotFound, ValidationFailed
from adplane.kit.money import optional_decimal, optional_micros
from adplane.kit.pagination import PageParams
from adplane.kit.time import utcnow
from adplane.models import Creative
from adplane.moderation import service as moderation
from adplane.moderation.schemas import Approval, Decision, Review
from adplane.targeting import service as targeting
from adplane.targeting.catalogue import Dimension

__all__ = ["CreativeFilter"]

# Fields of an update whose change sends the creative back to review.
REVIEWED_FIELDS = frozenset({"content", "size", "categories", "advertiser_domain", "attributes"})
# Fields an update may set to null.
NULLABLE = frozenset({"size", "bid_price", "frequency_cap", "advertiser_domain"})


# reading


def _view(row: Creative) -> schemas.Creative:
    """A stored creative as the core returns it."""
    content = _content(row.content)
    size = (
        None
        if row.width is None or row.height is None
        else schemas.Size(width=row.width, height=row.height)
    )
    media = [schemas.CreativeMedia.model_validate(m) for m in row.media]
    cap = None
    if row.frequency_cap is not None and row.frequency_period_hours is not None:
        cap = schemas.FrequencyCap(
            count=row.frequency_cap,
            period_hours=row.frequency_period_hours,
            per="ip" if row.frequency_per == "ip" else "user",
        )
    return schemas.Creative(
        id=row.id,
        account_id=row.account_id,
        created_by_user_id=row.created_by_user_id,
        name=row.name,
        type=schemas.CreativeType(row.type),
        content=content,
        size=size,
        bid_price=optional_decimal(row.bid_price_micros),
        frequency_cap=cap,
        categories=list(row.categories),
        advertiser_domain=row.advertiser_domain,
        attributes=list(row.attributes),
        is_active=row.is_active,
        extensions=dict(row.extensions),
        media=media,
        markup=markup.markup(row.id, row.name, content, size, media),
        approval=Approval(row.approval),
        pending_since=row.pending_since,
        reject_reason_codes=list(row.reject_reason_codes),
        reject_comment=row.reject_comment,
        decline_reason=row.decline_reason,
        reviewed_by_user_id=row.reviewed_by_user_id,
        reviewed_at=row.reviewed_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


_CONTENT_TYPES: dict[str, type[schemas.AnyContent]] = {
    "banner_tag": schemas.BannerTag,
    "banner_image": schemas.BannerImage,
    "banner_html5": schemas.BannerHtml5,
    "native": schemas.Native,
    "video_tag": schemas.VideoTag,
    "video_media": schemas.VideoMedia,
}


def _content(document: dict[str, Any]) -> schemas.AnyContent:
    return _CONTENT_TYPES[document["variant"]].model_validate(document)


def _visible(principal: Principal, row: Creative | None, creative_id: int) -> Creative:
    if row is None or row.deleted_at is not None or not principal.can_access(row.account_id):
        raise NotFound(f"creative {creative_id} not found")
    return row


async def _load(session: AsyncSession, principal: Principal, creative_id: int) -> Creative:
    row = await CreativeRepository.from_session(session).get(creative_id)
    return _visible(principal, row, creative_id)


async def get(session: AsyncSession, principal: Principal, creative_id: int) -> schemas.Creative:
    """One creative the principal may see."""
    return _view(await _load(session, principal, creative_id))


async def list_creatives(
    session: AsyncSession, principal: Principal, filters: CreativeFilter, page: PageParams
) -> tuple[list[schemas.Creative], int]:
    """The creatives the principal may see (an advertiser: its account's), by id."""
    scope = principal.scope()
    if scope is not None:
        if filters.account_id is not None and filters.account_id != scope:
            return [], 0
        filters = CreativeFilter(**{**filters.__dict__, "account_id": scope})
    rows, total = await CreativeRepository.from_session(session).page(filters, page)
    return [_view(r) for r in rows], total


# validation


def _size_of(
    content: schemas.AnyContent,
    requested: schemas.Size | None,
    media: list[schemas.CreativeMedia],
    errors: list[FieldError],
) -> schemas.Size | None:
    if requested is not None:
        return requested
    source = next((m for m in media if m.role in {"main", "image"}), None)
    if source is not None and source.width and source.height:
        return schemas.Size(width=source.width, height=source.height)
    if isinstance(content, schemas.BannerTag | schemas.BannerHtml5):
        errors.append(FieldError("size", f"is required for a {content.variant} creative"))
    return None


async def _unknown_categories(session: AsyncSession, codes: Sequence[str]) -> list[FieldError]:
    if not codes:
        return []
    catalogue = await targeting.catalogue(session)
    return [
        FieldError("categories", f"{code!r} is not a code of the categories catalogue")
        for code in codes
        if catalogue.by_code(Dimension.CATEGORIES, code) is None
    ]


async def _checked(
    session: AsyncSession,
    principal: Principal,
    account_id: int,
    content: schemas.AnyContent,
    size: schemas.Size | None,
    categories: Sequence[str],
) -> tuple[schemas.Size | None, list[schemas.CreativeMedia]]:
    """The size to store and the media snapshot; every problem at once, as a 422."""
    errors = await _unknown_categories(session, categories)
    media, media_errors = await assets.resolve(
        session, principal, account_id, assets.wanted(content)
    )
    errors.extend(media_errors)
    stored_size = _size_of(content, size, media, errors) if not media_errors else size
    if errors:
        raise ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)
    return stored_size, media


def _frequency(cap: schemas.FrequencyCap | None) -> dict[str, Any]:
    return {
        "frequency_cap": None if cap is None else cap.count,
        "frequency_period_hours": None if cap is None else cap.period_hours,
        "frequency_per": None if cap is None else cap.per,
    }


def _stored(
    content: schemas.AnyContent, size: schemas.Size | None, media: list[schemas.CreativeMedia]
) -> dict[str, Any]:
    return {
        "type": schemas.TYPE_OF[content.variant].value,
        "variant": content.variant,
        "content": content.model_dump(mode="json"),
        "width": None if size is None else size.width,
        "height": None if size is None else size.height,
        "media": [m.model_dump(mode="json") for m in media],
    }


# writing


async def create(
    session: AsyncSession, principal: Principal, body: schemas.CreativeCreate
) -> schemas.Creative:
    """A new creative; it waits for an admin's review."""
    account_id = principal.account_for_write(body.account_id)
    await accounts.get_account(session, principal, account_id)  # a missing one is a 404
    size, media = await _checked(
        session, principal, account_id, body.content, body.size, body.categories
    )
    row = Creative(
        account_id=account_id,
        created_by_user_id=principal.user_id,
        name=body.name,
        is_active=body.is_active,
        bid_price_micros=optional_micros(body.bid_price),
        categories=list(body.categories),
        advertiser_domain=body.advertiser_domain,
        attributes=list(body.attributes),
        extensions=dict(body.extensions),
        approval=Approval.PENDING.value,
        pending_since=utcnow(),
        **_frequency(body.frequency_cap),
        **_stored(body.content, size, media),
    )
    repo = CreativeRepository.from_session(session)
    await repo.create(row)
    await repo.use_media(row.id, [m.media_id for m in media])
    return _view(row)


def _review_cleared(row: Creative) -> None:
    row.approval = Approval.PENDING.value
    row.pending_since = utcnow()
    row.reject_reason_codes = []
    row.reject_comment = None
    row.decline_reason = None
    row.reviewed_by_user_id = None
    row.reviewed_at = None


async def update(
    session: AsyncSession, principal: Principal, creative_id: int, body: schemas.CreativeUpdate
) -> schemas.Creative:
    """Change the fields given; see the module docstring for what sends it back to review."""
    row = await _load(session, principal, creative_id)
    given = body.model_fields_set
    if not given:
        raise ValidationFailed("give at least one field to change")
    for name in given:
        if getattr(body, name) is None and name not in NULLABLE:
            raise ValidationFailed.field(name, "must not be null")
    before = _view(row)
    content = body.content if "content" in given and body.content is not None else before.content
    categories = body.categories if body.categories is not None else before.categories
    if "size" in given:
        size = body.size
    elif content.variant != before.content.variant or assets.wanted(content) != assets.wanted(
        before.content
    ):
        # New media decide the size again unless the request names one; a tag keeps its own.
        size = before.size if not assets.wanted(content) else None
    else:
        size = before.size
    size, media = await _checked(session, principal, row.account_id, content, size, categories)

    changes: dict[str, Any] = {}
    if "name" in given and body.name is not None:
        changes["name"] = body.name
    if "is_active" in given and body.is_active is not None:
        changes["is_active"] = body.is_active
    if "bid_price" in given:
        changes["bid_price_micros"] = optional_micros(body.bid_price)
    if "frequency_cap" in given:
        changes |= _frequency(body.frequency_cap)
    if "advertiser_domain" in given:
        changes["advertiser_domain"] = body.advertiser_domain
    if "extensions" in given and body.extensions is not None:
        changes["extensions"] = dict(body.extensions)
    if "attributes" in given and body.attributes is not None:
        changes["attributes"] = list(body.attributes)
    changes["categories"] = list(categories)
    changes |= _stored(content, size, media)

    reviewed_before = (
        before.content.model_dump(mode="json"),
        before.size,
        before.categories,
        before.advertiser_domain,
        before.attributes,
    )
    repo = CreativeRepository.from_session(session)
    await repo.update(row, changes)
    await repo.use_media(row.id, [m.media_id for m in media])
    after = _view(row)
    reviewed_after = (
        after.content.model_dump(mode="json"),
        after.size,
        after.categories,
        after.advertiser_domain,
        after.attributes,
    )
    if reviewed_after != reviewed_before and row.approval != Approval.PENDING.value:
        _review_cleared(row)
        await session.flush()
        after = _view(row)
    return after


async def delete(session: AsyncSession, principal: Principal, creative_id: int) -> None:
    """Hide the creative everywhere and take it off every campaign."""
    row = await _load(session, principal, creative_id)
    repo = CreativeRepository.from_session(session)
    await repo.unassign_everywhere(row.id)
    # A deleted creative shows nothing, so its media may be deleted from now on.
    await repo.use_media(row.id, [])
    await repo.update(row, {"deleted_at": utcnow(), "is_active": False})


def _store_review(row: Creative, review: Review) -> None:
    row.approval = review.approval.value
    row.reject_reason_codes = list(review.reason_codes)
    row.reject_comment = review.comment
    row.decline_reason = review.decline_reason
    row.reviewed_by_user_id = review.reviewed_by_user_id
    row.reviewed_at = review.reviewed_at
    if review.approval is Approval.PENDING:
        row.pending_since = utcnow()


async def review(
    session: AsyncSession, principal: Principal, creative_id: int, body: schemas.ReviewRequest
) -> schemas.Creative:
    """An admin approves, rejects (with reasons) or sends back a creative."""
    row = await _load(session, principal, creative_id)
    moderation.require_reviewer(principal)
    decision = Decision(
        body.approval,
        reason_codes=list(body.reason_codes),
        comment=body.comment,
        decline_reason=body.decline_reason,
    )
    outcome = await moderation.decide(session, principal, decision)
    _store_review(row, outcome)
    await CreativeRepository.from_session(session).update(row, {})
    return _view(row)


# what a person or a player sees


async def preview_page(session: AsyncSession, principal: Principal, creative_id: int) -> str:
    """The preview HTML page of one creative."""
    return preview.render(await get(session, principal, creative_id))


async def vast_document(session: AsyncSession, principal: Principal, creative_id: int) -> str:
    """The VAST document of a video creative (generated for uploaded videos)."""
    creative = await get(session, principal, creative_id)
    content = creative.content
    if not isinstance(content, schemas.VideoTag | schemas.VideoMedia):
        raise NotFound(f"creative {creative_id} is a {creative.type.value}: it has no VAST")
    return markup.vast_document(creative.id, creative.name, content, creative.media)


# campaign assignment


async def _assignable(
    session: AsyncSession, principal: Principal, account_id: int, ids: Sequence[int]
) -> list[int]:
    wanted = list(dict.fromkeys(ids))
    owners = await CreativeRepository.from_session(session).live_account_ids(wanted)
    for cid in wanted:
        owner = owners.get(cid)
        if owner is None or not principal.can_access(owner):
            raise NotFound(f"creative {cid} not found")
    other = [cid for cid in wanted if owners[cid] != account_id]
    if other:
        raise ValidationFailed.field(
            "ids", f"creative {other[0]} belongs to another account than the campaign"
        )
    return wanted


async def assignment(
    session: AsyncSession, principal: Principal, campaign_id: int
) -> schemas.Assignment:
    """The ids of the creatives assigned to a campaign."""
    await campaign_service.account_of(session, principal, campaign_id)
    ids = await CreativeRepository.from_session(session).assigned_ids(campaign_id)
    return schemas.Assignment(campaign_id=campaign_id, creative_ids=ids)


async def list_for_campaign(
    session: AsyncSession, principal: Principal, campaign_id: int, page: PageParams
) -> tuple[list[schemas.Creative], int]:
    """The creatives assigned to a campaign, by id."""
    await campaign_service.account_of(session, principal, campaign_id)
    rows, total = await CreativeRepository.from_session(session).assigned_page(campaign_id, page)
    return [_view(r) for r in rows], total


async def replace_assignment(
    session: AsyncSession, principal: Principal, campaign_id: int, ids: Sequence[int]
) -> schemas.Assignment:
    """Assign exactly these creatives to the campaign (an empty list removes all)."""
    account_id = await campaign_service.account_of(session, principal, campaign_id)
    wanted = await _assignable(session, principal, account_id, ids)
    repo = CreativeRepository.from_session(session)
    await repo.unassign(campaign_id, None)
    await repo.assign(campaign_id, wanted)
    return await assignment(session, principal, campaign_id)


async def append_assignment(
    session: AsyncSession, principal: Principal, campaign_id: int, ids: Sequence[int]
) -> schemas.Assignment:
    """Add these creatives to the campaign's; ones already there stay once."""
    account_id = await campaign_service.account_of(session, principal, campaign_id)
    wanted = await _assignable(session, principal, account_id, ids)
    repo = CreativeRepository.from_session(session)
    present = set(await repo.assigned_ids(campaign_id))
    await repo.assign(campaign_id, [cid for cid in wanted if cid not in present])
    return await assignment(session, principal, campaign_id)


async def remove_assignment(
    session: AsyncSession, principal: Principal, campaign_id: int, ids: Sequence[int]
) -> schemas.Assignment:
    """Take these creatives off the campaign; ids not assigned are ignored."""
    await campaign_service.account_of(session, principal, campaign_id)
    await CreativeRepository.from_session(session).unassign(campaign_id, list(set(ids)))
    return await assignment(session, principal, campaign_id)


# for delivery (no principal: the platform itself builds its snapshot)


async def approved_for_campaigns(
    session: AsyncSession, campaign_ids: Sequence[int]
) -> dict[int, list[schemas.Creative]]:
    """Campaign id -> its approved, active creatives, for the bidder's snapshot."""
    found: dict[int, list[schemas.Creative]] = {cid: [] for cid in campaign_ids}
    rows = await CreativeRepository.from_session(session).assigned_rows(
        campaign_ids, approved_only=True
    )
    for campaign_id, row in rows:
        found[campaign_id].append(_view(row))
    return found


async def campaign_ids_for_creatives(
    session: AsyncSession, creative_ids: Sequence[int]
) -> set[int]:
    """The campaigns these creatives are assigned to (delivery refreshes them on a change)."""
    return await CreativeRepository.from_session(session).campaign_ids_for(set(creative_ids))


async def approved_for_campaign(session: AsyncSession, campaign_id: int) -> list[schemas.Creative]:
    """The approved, active creatives of one campaign."""
    return (await approved_for_campaigns(session, [campaign_id]))[campaign_id]


# names for reports


async def creative_names(
    session: AsyncSession, principal: Principal, ids: list[int]
) -> dict[int, str]:
    """Id -> name of the creatives the principal may see; deleted ones keep their names here,
    so a report over the days they ran still says what they were."""
    return await CreativeRepository.from_session(session).names(ids, account_id=principal.scope())
