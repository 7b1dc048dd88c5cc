"""The snapshot: runnable campaigns, their creatives, targeting and filter lists, in memory.

Built through the services only (campaigns, creatives, filter lists, accounts): nothing
here reads a table. A campaign is in the snapshot when the core's derived state says it runs
now, or would run once its start time comes (the matcher checks the schedule per candidate,
so a start needs no rebuild), and it has at least one creative the bidder can serve.

``refresh`` takes change notices and rebuilds only the campaigns and accounts they touch,
into a new ``Snapshot`` (copy-on-write: the one in use is never mutated).

Funds: an account's ``available_micros`` and ``credits_micros`` are billing's
(``billing.service.account_funds``): the wallet less spend recorded but not posted yet, and
every credit it took; the guard takes the first once and then only the growth of the second.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts_service
from adplane.billing import service as billing_service
from adplane.campaigns import schemas as campaign_schemas
from adplane.campaigns import service as campaign_service
from adplane.campaigns.spend import SpendReader, reader_of, session_info
from adplane.campaigns.state import StopReason
from adplane.creatives import schemas as creative_schemas
from adplane.creatives import service as creatives_service
from adplane.delivery.features import openrtb_connection_type, openrtb_device_type
from adplane.delivery.guard import day_bounds
from adplane.delivery.index import UNKNOWABLE
from adplane.delivery.model import (
    AccountEntry,
    CampaignEntry,
    Change,
    CreativeEntry,
    CreativeKind,
    FilterLink,
    FilterListEntry,
    FrequencyRule,
    NativeContent,
    Snapshot,
    TargetingEntry,
    TrafficType,
)
from adplane.filterlists import schemas as filterlist_schemas
from adplane.filterlists import service as filterlists_service
from adplane.kit.db import Database
from adplane.kit.money import optional_micros, to_micros

# The campaign's ``creative_type`` -> the creative kinds it serves; a type not named here
# (rtb, dynamic, none...) serves every kind the bidder can answer with.
KINDS_OF_CREATIVE_TYPE: dict[str, frozenset[CreativeKind]] = {
    "image": frozenset({"banner"}),
    "iframe": frozenset({"banner"}),
    "html5": frozenset({"banner"}),
    "banner": frozenset({"banner"}),
    "video": frozenset({"video"}),
    "vast": frozenset({"video"}),
    "native": frozenset({"native"}),
}
BIDABLE: frozenset[CreativeKind] = frozenset({"banner", "native", "video"})
# The change kinds ``refresh`` reads again one by one; any other rebuilds everything.
REFRESHED_KINDS = ("campaign", "creative", "filterlist", "account")
# Campaigns read per page (each page's creatives, prices and links are one query each). A
# page's views are validated in one call that holds the interpreter: at 10,000 campaigns,
# pages of 250 cut the serving loop's longest stall during a full build from ~2.0 s to ~1.2 s
# on a loaded machine (349 to 83 ms on a quieter one) for ~15% more build time
# (bench/jobs/loop_lag.py).
PAGE = 250

# Targeting dimensions whose codes come from catalogues (already canonical) and those that
# are free-form (compared lower case, as ``features`` gives them).
CODE_DIMENSIONS = (
    "countries",
    "regions",
    "languages",
    "carriers",
    "connection_types",
    "oses",
    "browsers",
    "device_types",
    "categories",
)
CASE_FOLDED = ("cities", "keywords")
# Free-form values compared as stored: the indexed ones (``index.py``), then those no request
# tells (``index.UNKNOWABLE``, named there once: a campaign including one never matches).
AS_GIVEN = ("ip_ranges", "applications", "spots", "sites", *UNKNOWABLE)
# OpenRTB 2.6 protocols of what adplane serves: its own VAST 4.0 InLine, a VAST 4.0 Wrapper
# around a third-party URL; third-party XML is taken to be VAST 2.0-4.0.
PROTOCOLS_INLINE = frozenset({7})
PROTOCOLS_WRAPPER = frozenset({8})
PROTOCOLS_THIRD_PARTY = frozenset({2, 3, 7})


def _micros(amount: Decimal | None) -> int | None:
    return optional_micros(amount)


def _values(raw: Iterable[object], fold: bool) -> frozenset[str]:
    return frozenset(str(v).lower() if fold else str(v) for v in raw)


# Targeting stores the catalogue's codes ("phone", "wifi"); a request's features carry the
# OpenRTB numbers ("4", "2"), which are these catalogues' ids.
_OPENRTB_CODED = {
    "device_types": openrtb_device_type,
    "connection_types": openrtb_connection_type,
}


def _coded(name: str, values: frozenset[str]) -> frozenset[str]:
    to_openrtb = _OPENRTB_CODED.get(name)
    if to_openrtb is None:
        return values
    # A code the catalogue no longer has stays as it is, and so matches no request.
    return frozenset(to_openrtb(code) or code for code in values)


def compile_targeting(
    targeting: campaign_schemas.Targeting, links: Sequence[filterlist_schemas.CampaignFilterList]
) -> TargetingEntry:
    """A campaign's targeting as canonical strings per dimension, with its active lists."""
    include: dict[str, frozenset[str]] = {}
    exclude: dict[str, frozenset[str]] = {}
    for names, fold in ((CODE_DIMENSIONS, False), (CASE_FOLDED, True), (AS_GIVEN, False)):
        for name in names:
            dimension = getattr(targeting, name)
            if dimension.include:
                include[name] = _coded(name, _values(dimension.include, fold))
            if dimension.exclude:
                exclude[name] = _coded(name, _values(dimension.exclude, fold))
    # Phones (OpenRTB device type 4) and tablets (5) switched off are device type exclusions.
    off = {code for code, on in (("4", targeting.smartphone), ("5", targeting.tablet)) if not on}
    if off:
        exclude["device_types"] = exclude.get("device_types", frozenset()) | off
    flags: dict[TrafficType, bool] = {
        "desktop_web": targeting.desktop_web,
        "mobile_web": targeting.mobile_web,
        "mobile_app": targeting.mobile_app,
        "ctv": targeting.ctv,
        "dooh": targeting.dooh,
    }
    traffic = frozenset(kind for kind, on in flags.items() if on)
    filter_links = tuple(
        FilterLink(
            list_id=link.filter_list.id,
            allow_only=link.effect is filterlist_schemas.Effect.ALLOW_ONLY,
        )
        for link in links
        if link.filter_list.is_active
    )
    return TargetingEntry(include, exclude, traffic, filter_links)


def _media(creative: creative_schemas.Creative, role: str) -> creative_schemas.CreativeMedia | None:
    return next((m for m in creative.media if m.role == role), None)


def _size(media: creative_schemas.CreativeMedia | None) -> tuple[int, int] | None:
    if media is None or media.width is None or media.height is None:
        return None
    return (media.width, media.height)


def _native(creative: creative_schemas.Creative, content: creative_schemas.Native) -> NativeContent:
    image = _media(creative, "image") or _media(creative, "main")
    logo = _media(creative, "logo")
    return NativeContent(
        title=content.title,
        text=content.text,
        sponsor=content.sponsor,
        call_to_action=content.call_to_action,
        display_url=content.display_url,
        image_url=image.url if image else None,
        image_size=_size(image),
        logo_url=logo.url if logo else None,
        logo_size=_size(logo),
        impression_trackers=tuple(content.impression_trackers),
    )


def creative_entry(
    creative: creative_schemas.Creative, campaign: campaign_schemas.Campaign
) -> CreativeEntry:
    """An approved creative as the bidder serves it (markup as the creatives service renders)."""
    content = creative.content
    native: NativeContent | None = None
    mimes: frozenset[str] = frozenset()
    duration: int | None = None
    protocols: frozenset[int] = frozenset()
    mraid: tuple[int, ...] = ()
    if isinstance(content, creative_schemas.Native):
        native = _native(creative, content)
    elif isinstance(content, creative_schemas.VideoMedia):
        main = _media(creative, "main")
        if main is not None:
            mimes = frozenset({main.mime_type})
            # A 15.4 s file fills a 15 s slot no worse than players round it.
            duration = None if main.duration_ms is None else round(main.duration_ms / 1000)
        protocols = PROTOCOLS_INLINE
    elif isinstance(content, creative_schemas.VideoTag):
        mimes = frozenset(content.mime_types)
        duration = content.duration_seconds
        protocols = PROTOCOLS_WRAPPER if content.vast_url is not None else PROTOCOLS_THIRD_PARTY
    else:
        mraid = tuple(content.mraid_versions)
    cap = creative.frequency_cap
    return CreativeEntry(
        id=creative.id,
        account_id=creative.account_id,
        kind=creative.type.value,
        variant=content.variant,
        width=None if creative.size is None else creative.size.width,
        height=None if creative.size is None else creative.size.height,
        bid_price_micros=_micros(creative.bid_price),
        categories=tuple(creative.categories),
        # As the advertiser declared them (AdCOM 1.0 ids); a reviewer sees every change.
        attributes=frozenset(creative.attributes),
        advertiser_domain=creative.advertiser_domain or campaign.advertiser_domain,
        markup=creative.markup,
        click_url=getattr(content, "click_url", None) or campaign.destination_url,
        native=native,
        video_mimes=mimes,
        video_duration_seconds=duration,
        video_protocols=protocols,
        frequency=None
        if cap is None
        else FrequencyRule(cap.count, cap.period_hours * 3600, cap.per),
        mraid_versions=mraid,
    )


def _servable(creative: creative_schemas.Creative, campaign: campaign_schemas.Campaign) -> bool:
    kind = creative.type.value
    if kind not in BIDABLE:
        return False
    allowed = KINDS_OF_CREATIVE_TYPE.get(
        campaign.creative_type.value if campaign.creative_type else "", BIDABLE
    )
    return kind in allowed


def _runnable(view: campaign_schemas.Campaign, now: datetime) -> bool:
    """Running now, or would be at its start (the matcher checks the schedule per request)."""
    state = campaign_service.state_from_view(view, now)
    if state.is_running:
        return True
    if state.stop_reason is StopReason.NOT_STARTED and view.start_at is not None:
        return campaign_service.state_from_view(view, view.start_at).is_running
    return False


def campaign_entry(
    view: campaign_schemas.Campaign,
    creatives: Sequence[CreativeEntry],
    spot_prices: Sequence[campaign_schemas.SpotPrice],
    targeting: TargetingEntry,
) -> CampaignEntry:
    """A runnable campaign as the snapshot holds it."""
    frequency = None
    if view.frequency_enabled and view.frequency_cap and view.frequency_period:
        per: Literal["user", "ip"] = "ip" if view.frequency_type == "ip" else "user"
        frequency = FrequencyRule(view.frequency_cap, view.frequency_period * 3600, per)
    return CampaignEntry(
        id=view.id,
        account_id=view.account_id,
        name=view.name or "",
        currency=view.account_currency,
        pricing_model=view.pricing_model.value,
        bid_price_micros=_micros(view.bid_price),
        rtb_bid_price_micros=_micros(view.rtb_bid_price),
        spot_prices_micros={str(p.spot_id): to_micros(p.price) for p in spot_prices},
        daily_budget_micros=_micros(view.daily_budget),
        # The core counts a total budget only when use_total_budget is on.
        total_budget_micros=_micros(view.total_budget) if view.use_total_budget else None,
        daily_impressions_cap=view.daily_impressions_cap,
        total_impressions_cap=view.total_impressions_cap,
        daily_clicks_cap=view.daily_clicks_cap,
        total_clicks_cap=view.total_clicks_cap,
        pacing=view.pacing,
        frequency=frequency,
        timezone=view.timezone,
        day_parting=view.day_parting or None,
        start_at=view.start_at,
        end_at=view.end_at,
        destination_url=view.destination_url,
        advertiser_domain=view.advertiser_domain,
        creatives=tuple(creatives),
        deal_ids=frozenset(view.deal_ids),
        spend_today_micros=to_micros(view.spend_today),
        spend_total_micros=to_micros(view.spend_total),
        impressions_today=view.impressions_today,
        impressions_total=view.impressions_total,
        clicks_today=view.clicks_today,
        clicks_total=view.clicks_total,
        targeting=targeting,
    )


async def _filter_list(session: AsyncSession, list_id: int, kind: str) -> FilterListEntry:
    values: set[str] = set()
    async for chunk in filterlists_service.iter_values(session, list_id):
        values.update(chunk)
    return FilterListEntry(list_id, kind, frozenset(values))


UTC_NAMES = frozenset({"UTC", "Etc/UTC", "GMT", "Etc/GMT"})


async def _page(
    session: AsyncSession,
    views: Sequence[campaign_schemas.Campaign],
    now: datetime,
    known_lists: dict[int, FilterListEntry],
    campaigns: dict[int, CampaignEntry],
    lists: dict[int, FilterListEntry],
) -> None:
    """Add the runnable ones of a page of views to ``campaigns``, and the lists they use."""
    views = [v for v in views if _runnable(v, now)]
    ids = [v.id for v in views]
    creatives = await creatives_service.approved_for_campaigns(session, ids)
    prices = await campaign_service.spot_prices_for_campaigns(session, ids)
    links = await filterlists_service.links_for_campaigns(session, ids)
    for view in views:
        served = [creative_entry(c, view) for c in creatives[view.id] if _servable(c, view)]
        if not served:
            continue
        targeting = compile_targeting(view.targeting, links[view.id])
        campaigns[view.id] = campaign_entry(view, served, prices[view.id], targeting)
        for link in links[view.id]:
            fl = link.filter_list
            if not fl.is_active or fl.id in lists:
                continue
            known = known_lists.get(fl.id)
            if known is None:
                known = await _filter_list(session, fl.id, fl.type.value)
            lists[fl.id] = known
    # The views count "today" in UTC; the guard's day is the campaign's own (its timezone),
    # so a campaign elsewhere starts from its spend since its local midnight.
    local = {
        cid: day_bounds(now, campaigns[cid].timezone)[0]
        for cid in ids
        if cid in campaigns and campaigns[cid].timezone not in UTC_NAMES
    }
    if local:
        spent = await reader_of(session).spend_since(local)
        for cid in local:
            campaigns[cid] = replace(campaigns[cid], spend_today_micros=spent.get(cid, 0))


async def _campaigns(
    session: AsyncSession,
    now: datetime,
    known_lists: dict[int, FilterListEntry],
    ids: Collection[int] | None = None,
    account_ids: Collection[int] | None = None,
) -> tuple[dict[int, CampaignEntry], dict[int, FilterListEntry]]:
    """The runnable campaigns (all, or of these ids or accounts) and the lists they use;
    lists in ``known_lists`` are taken from there instead of being read again.

    Read ``PAGE`` campaigns at a time: every per-campaign read is one ``IN`` list, and
    drivers bound a statement's parameters (32,767 on PostgreSQL and SQLite).
    """
    campaigns: dict[int, CampaignEntry] = {}
    lists: dict[int, FilterListEntry] = {}
    if ids is not None:
        wanted = sorted(ids)
        for start in range(0, len(wanted), PAGE):
            chunk = wanted[start : start + PAGE]
            views = await campaign_service.list_live(session, chunk, account_ids)
            await _page(session, views, now, known_lists, campaigns, lists)
        return campaigns, lists
    after: int | None = None
    while True:
        views = await campaign_service.list_live(
            session, None, account_ids, after_id=after, limit=PAGE
        )
        if not views:
            return campaigns, lists
        await _page(session, views, now, known_lists, campaigns, lists)
        after = views[-1].id


async def _accounts(session: AsyncSession, account_ids: Collection[int]) -> dict[int, AccountEntry]:
    wanted = sorted(account_ids)
    found: dict[int, AccountEntry] = {}
    for start in range(0, len(wanted), PAGE):
        page = wanted[start : start + PAGE]
        rows = await accounts_service.accounts_by_ids(session, page)
        funds = await billing_service.account_funds(session, reader_of(session), page)
        for aid, a in rows.items():
            f = funds.get(aid, billing_service.Funds(a.balance_micros, a.balance_micros))
            found[aid] = AccountEntry(aid, a.currency, f.available_micros, f.credits_micros)
    return found


async def build(db: Database, reader: SpendReader, now: datetime) -> Snapshot:
    """Every runnable campaign, its creatives, targeting, lists and account, read now."""
    started = time.perf_counter()
    async with db.sessionmaker(info=session_info(reader)) as session:
        campaigns, lists = await _campaigns(session, now, {})
        accounts = await _accounts(session, {c.account_id for c in campaigns.values()})
    return Snapshot(
        campaigns=campaigns,
        accounts=accounts,
        built_at=now,
        version=0,
        stats=_stats(campaigns, lists, time.perf_counter() - started, "build"),
        filter_lists=lists,
    )


def _stats(
    campaigns: dict[int, CampaignEntry],
    lists: dict[int, FilterListEntry],
    seconds: float,
    kind: str,
) -> dict[str, float]:
    return {
        f"{kind}_seconds": seconds,
        "campaigns": float(len(campaigns)),
        "creatives": float(sum(len(c.creatives) for c in campaigns.values())),
        "filter_lists": float(len(lists)),
        "filter_list_items": float(sum(len(fl.values) for fl in lists.values())),
    }


def _linked(snapshot: Snapshot, list_ids: Collection[int]) -> set[int]:
    wanted = set(list_ids)
    return {
        c.id
        for c in snapshot.campaigns.values()
        if any(link.list_id in wanted for link in c.targeting.filter_links)
    }


def _holding(snapshot: Snapshot, creative_ids: Collection[int]) -> set[int]:
    wanted = set(creative_ids)
    return {c.id for c in snapshot.campaigns.values() if any(cr.id in wanted for cr in c.creatives)}


async def refresh(
    db: Database,
    reader: SpendReader,
    snapshot: Snapshot,
    changes: Iterable[Change],
    now: datetime,
) -> Snapshot:
    """A new snapshot with the campaigns and accounts the changes touch read again."""
    changes = list(changes)
    # A kind this process does not know (a newer one's notice) is safest read as "all".
    if any(change.kind not in REFRESHED_KINDS for change in changes):
        fresh = await build(db, reader, now)
        fresh.version = snapshot.version + 1
        return fresh
    started = time.perf_counter()
    ids: dict[str, set[int]] = {kind: set() for kind in REFRESHED_KINDS}
    for change in changes:
        ids[change.kind].update(change.ids)
    async with db.sessionmaker(info=session_info(reader)) as session:
        campaign_ids = set(ids["campaign"])
        if ids["creative"]:
            creative_ids = sorted(ids["creative"])
            campaign_ids |= await creatives_service.campaign_ids_for_creatives(
                session, creative_ids
            )
            # A deleted creative is unassigned already: its campaigns are known from here.
            campaign_ids |= _holding(snapshot, creative_ids)
        if ids["filterlist"]:
            list_ids = sorted(ids["filterlist"])
            campaign_ids |= await filterlists_service.campaign_ids_for_lists(session, list_ids)
            campaign_ids |= _linked(snapshot, list_ids)
        account_ids = ids["account"]
        campaign_ids |= {c.id for c in snapshot.campaigns.values() if c.account_id in account_ids}
        # Lists whose items changed are read again; the others are reused.
        reusable = {k: v for k, v in snapshot.filter_lists.items() if k not in ids["filterlist"]}
        found: dict[int, CampaignEntry] = {}
        lists: dict[int, FilterListEntry] = {}
        if campaign_ids:
            found, lists = await _campaigns(session, now, reusable, ids=campaign_ids)
        if account_ids:
            more, more_lists = await _campaigns(session, now, reusable, account_ids=account_ids)
            found.update(more)
            lists.update(more_lists)
        campaigns = dict(snapshot.campaigns)
        for cid in campaign_ids:
            campaigns.pop(cid, None)
        campaigns.update(found)
        wanted_accounts = {c.account_id for c in campaigns.values()}
        stale = (wanted_accounts - set(snapshot.accounts)) | (account_ids & wanted_accounts)
        accounts = {k: v for k, v in snapshot.accounts.items() if k in wanted_accounts}
        accounts.update(await _accounts(session, stale))
    used = {link.list_id for c in campaigns.values() for link in c.targeting.filter_links}
    merged = {k: v for k, v in snapshot.filter_lists.items() if k in used and k in reusable}
    merged.update({k: v for k, v in lists.items() if k in used})
    stats = _stats(campaigns, merged, time.perf_counter() - started, "refresh")
    stats["build_seconds"] = snapshot.stats.get("build_seconds", 0.0)
    stats["refreshed_campaigns"] = float(len(campaign_ids))
    return Snapshot(
        campaigns=campaigns,
        accounts=accounts,
        built_at=now,
        version=snapshot.version + 1,
        stats=stats,
        filter_lists=merged,
    )


def changed_campaign_ids(old: Snapshot, new: Snapshot) -> set[int]:
    """The campaigns whose entries differ between two snapshots (for patching the index)."""
    ids = set(old.campaigns) | set(new.campaigns)
    return {cid for cid in ids if old.campaigns.get(cid) is not new.campaigns.get(cid)}
