"""Campaign rules across fields and against the database, and what a submission needs.

Every surface gets these rules from the core: the native API and each dialect call the same
``validate`` on a merged candidate and the same ``submittable`` before a campaign leaves the
draft state (native submit, bulk publish, and a dialect's create or publish). A dialect only
renders the errors in its own shape, with its own field names.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.campaigns import schemas
from adplane.campaigns.repository import CampaignRepository
from adplane.catalogues import service as catalogues_service
from adplane.inventory import service as inventory_service
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.time import as_utc, utcnow
from adplane.targeting import service as targeting_service
from adplane.tracker import service as tracker_service
from adplane.tracker.schemas import alias_reserved

BANNER_PLACEMENTS = frozenset({"banner", "exclusive_banner"})

# What a campaign needs before it is submitted for review. Every campaign needs a name and a
# pricing model. A campaign bought on the network by ad format (it has no retail placement,
# whose marketplace prices and paces it) also needs the format it serves, the price it bids,
# the daily budget it is paced by and the hours it runs (all 168 of them for "always").
ALWAYS_REQUIRED = ("name", "pricing_model")
REQUIRED_WITHOUT_PLACEMENT = ("format_id", "bid_price", "daily_budget", "day_parting")
SUBMIT_MESSAGE = "is required to submit the campaign"


def submittable(fields: schemas.CampaignFields) -> list[FieldError]:
    """Every field the campaign still lacks before it can be submitted, all at once."""
    required = list(ALWAYS_REQUIRED)
    if fields.placement is None:
        required.extend(REQUIRED_WITHOUT_PLACEMENT)
    return [
        FieldError(name, SUBMIT_MESSAGE) for name in required if getattr(fields, name) in (None, "")
    ]


def failed(errors: list[FieldError]) -> ValidationFailed:
    """One validation error that carries every field error."""
    return ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


def require_submittable(fields: schemas.CampaignFields) -> None:
    """Refuse, naming every missing field, a campaign that cannot be submitted yet."""
    missing = submittable(fields)
    if missing:
        raise failed(missing)


async def validate(
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

    if c.format_id is not None and changed & {"format_id", "ad_format_options"}:
        options = await inventory_service.format_options(session, c.format_id)
        if options is None:
            bad("format_id", f"format {c.format_id} does not exist")
        elif c.ad_format_options:
            unknown = [o for o in c.ad_format_options if o not in options]
            if unknown:
                allowed = ", ".join(options) or "none"
                bad(
                    "ad_format_options",
                    f"{unknown[0]!r} is not an option of format {c.format_id} ({allowed})",
                )
    elif c.ad_format_options and c.format_id is None and "ad_format_options" in changed:
        bad("ad_format_options", "needs a format_id")
    if "targeting" in changed:
        for dim, lookup in (
            ("spots", inventory_service.existing_spot_ids),
            ("sites", inventory_service.existing_site_ids),
        ):
            target: schemas.TargetList = getattr(t, dim)
            ids = {int(v) for v in [*target.include, *target.exclude]}
            missing = sorted(ids - await lookup(session, ids))
            if missing:
                bad(f"targeting.{dim}", f"{dim[:-1]} {missing[0]} does not exist")
        errors.extend(await targeting_service.unknown_targeting(session, t))
    if "restriction_ids" in changed and c.restriction_ids:
        found = await catalogues_service.restrictions_by_ids(session, set(c.restriction_ids))
        missing = sorted(set(c.restriction_ids) - set(found))
        if missing:
            bad("restriction_ids", f"restriction {missing[0]} does not exist")
    if "segments" in changed:
        wanted = c.segments.segment_ids()
        invisible = wanted - await catalogues_service.visible_segment_ids(
            session, wanted, account_id
        )
        # Name the list that holds the unknown segment, so a dialect can point at its field.
        for part in ("targeting", "exclusion", "multipliers"):
            refs: list[schemas.SegmentRef] = list(getattr(c.segments, part).items)
            absent = sorted({r.segment_id for r in refs} & invisible)
            if absent:
                bad(f"segments.{part}", f"segment {absent[0]} does not exist")
    repo = CampaignRepository.from_session(session)
    if c.alias and "alias" in changed and alias_reserved(c.alias):
        bad("alias", f"alias {c.alias!r} is one of adplane's own paths")
    elif (
        c.alias
        and "alias" in changed
        and await tracker_service.alias_taken(session, c.alias, campaign_id)
    ):
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
        raise failed(errors)


def normalise_start(fields: schemas.CampaignFields, changed: set[str]) -> None:
    # A start in the past means "now": a campaign cannot be scheduled into history.
    if "start_at" in changed and fields.start_at is not None:
        now = utcnow()
        if as_utc(fields.start_at) < now - timedelta(seconds=1):
            fields.start_at = now
