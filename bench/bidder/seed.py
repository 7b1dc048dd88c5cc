"""The benchmark's world: live campaigns with creatives and filter lists, made through the services.

Seeding goes in-process through the same services the API calls (``campaigns``, ``creatives``,
``filterlists``), in transactions of ``BATCH`` campaigns, because 10,000 campaigns as 40,000
HTTP requests would take longer than the benchmark itself. Targeting and creatives are drawn
from the simulator's own world (``adplane.delivery.simulate``), so a share of its traffic
matches: countries among the traffic's, device types, banner sizes it asks for, native and
video; a filter list is a black list of domains or bundles (most traffic passes) or a white
list that names some of the traffic's sites.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any, TypeVar

import pycountry
from sqlalchemy.ext.asyncio import AsyncSession

from adplane import bootstrap
from adplane.accounts import service as accounts
from adplane.accounts.principal import Principal, Role
from adplane.campaigns import schemas
from adplane.campaigns import service as campaigns
from adplane.creatives import schemas as creative_schemas
from adplane.creatives import service as creatives
from adplane.delivery.simulate import (
    BANNER_SIZES_MOBILE,
    BANNER_SIZES_WEB,
    COUNTRIES,
    SITES,
)
from adplane.filterlists import schemas as list_schemas
from adplane.filterlists import service as filterlists
from adplane.filterlists.items import ItemType, ListMode
from adplane.kit.time import utcnow
from adplane.moderation.schemas import Approval
from adplane.settings import Settings

T = TypeVar("T")
BATCH = 250
DESTINATION = "https://shop.example/landing?click={CLICK_ID}"
VAST = (
    '<VAST version="4.0"><Ad id="bench"><InLine><AdSystem>bench</AdSystem><AdTitle>bench'
    "</AdTitle><Impression><![CDATA[https://shop.example/imp]]></Impression><Creatives>"
    '<Creative><Linear><Duration>00:00:15</Duration><MediaFiles><MediaFile delivery="progressive"'
    ' type="video/mp4" width="640" height="360"><![CDATA[https://shop.example/v.mp4]]>'
    "</MediaFile></MediaFiles><VideoClicks><ClickThrough><![CDATA[https://shop.example/]]>"
    "</ClickThrough></VideoClicks></Linear></Creative></Creatives></InLine></Ad></VAST>"
)
ALPHA2 = [str(pycountry.countries.lookup(c.alpha3).alpha_2) for c in COUNTRIES]


@dataclass
class Seeded:
    accounts: int
    campaigns: int
    creatives: int
    filter_lists: int
    links: int
    seconds: float


def _run(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    return bootstrap.run_in_session(settings, work)


def _targeting(rng: random.Random) -> schemas.Targeting:
    document: dict[str, Any] = {
        "countries": {"include": rng.sample(ALPHA2, rng.randint(1, 6))},
    }
    if rng.randrange(4) == 0:
        document["device_types"] = {
            "include": rng.sample(["pc", "phone", "tablet"], rng.randint(1, 2))
        }
    if rng.randrange(10) == 0:
        document["mobile_app"] = False
    return schemas.Targeting.model_validate(document)


def _creative(
    rng: random.Random, account_id: int, n: int, *, video: bool
) -> creative_schemas.CreativeCreate:
    common: dict[str, Any] = {
        "name": f"bench creative {n}",
        "account_id": account_id,
        "categories": [rng.choice(["IAB22", "IAB3", "IAB19", "IAB20"])],
        "advertiser_domain": "shop.example",
    }
    if not video:
        w, h = rng.choice(BANNER_SIZES_WEB + BANNER_SIZES_MOBILE)
        return creative_schemas.CreativeCreate(
            content=creative_schemas.BannerTag(
                tag=f'<a href="https://shop.example/?c={n}"><img src="https://shop.example/{w}x'
                f'{h}.png" width="{w}" height="{h}"></a>',
                click_url=DESTINATION,
            ),
            size=creative_schemas.Size(width=w, height=h),
            **common,
        )
    return creative_schemas.CreativeCreate(
        content=creative_schemas.VideoTag(
            vast_xml=VAST, click_url=DESTINATION, mime_types=["video/mp4"], duration_seconds=15
        ),
        size=creative_schemas.Size(width=640, height=360),
        **common,
    )


async def _accounts(session: AsyncSession, count: int) -> tuple[Principal, list[int]]:
    created = await accounts.create_user(
        session, None, email="bench-admin@bench.test", password="bench-password", role=Role.ADMIN
    )
    admin = Principal(created.user.id, Role.ADMIN, None)
    ids = []
    for n in range(count):
        account = await accounts.create_account(
            session, None, name=f"bench {n}", currency="USD", external_id=None
        )
        await accounts.deposit(session, admin, account.id, Decimal("1000000"), "bench")
        ids.append(account.id)
    return admin, ids


async def _lists(
    session: AsyncSession, admin: Principal, rng: random.Random, account_id: int, count: int
) -> list[int]:
    ids = []
    for n in range(count):
        roll = rng.randrange(10)
        if roll < 6:
            items = [f"blocked-{account_id}-{n}-{i}.example" for i in range(rng.randint(50, 500))]
            body = list_schemas.FilterListCreate(
                name=f"black domains {n}", type=ItemType.DOMAINS, mode=ListMode.BLACK, items=items
            )
        elif roll < 8:
            items = [f"com.blocked.a{account_id}n{n}i{i}" for i in range(rng.randint(50, 300))]
            body = list_schemas.FilterListCreate(
                name=f"black bundles {n}", type=ItemType.BUNDLES, mode=ListMode.BLACK, items=items
            )
        else:
            # A white list: the traffic's own sites, so the campaigns using it still buy.
            items = [s.domain for s in rng.sample(SITES, 6)]
            items += [f"allowed-{account_id}-{n}-{i}.example" for i in range(100)]
            body = list_schemas.FilterListCreate(
                name=f"white domains {n}", type=ItemType.DOMAINS, mode=ListMode.WHITE, items=items
            )
        created = await filterlists.create(
            session, admin, body.model_copy(update={"account_id": account_id})
        )
        ids.append(created.id)
    return ids


async def _campaign_batch(
    session: AsyncSession,
    admin: Principal,
    rng: random.Random,
    start: int,
    stop: int,
    account_ids: list[int],
    lists: dict[int, list[int]],
) -> tuple[int, int, int]:
    now = utcnow()
    made_links = made_creatives = 0
    for n in range(start, stop):
        account_id = account_ids[n % len(account_ids)]
        fields = schemas.CampaignFields(
            name=f"bench campaign {n}",
            format_id=1,
            creative_type=schemas.CreativeType.BANNER,
            pricing_model=schemas.PricingModel.CPM,
            bid_price=Decimal(rng.randint(50, 500)) / 100,
            daily_budget=Decimal("100000"),
            total_budget=Decimal("1000000"),
            destination_url=DESTINATION,
            start_at=now - timedelta(hours=1),
            end_at=now + timedelta(days=30),
            day_parting="1" * 168,
            targeting=_targeting(rng),
        )
        campaign = await campaigns.create(session, admin, fields, account_id=account_id)
        await campaigns.approve(session, admin, campaign.id)
        creative_ids = []
        # A banner first, so every campaign has a creative its banner type serves; some add a
        # VAST video (a banner campaign does not serve it: matching skips it, as it would).
        for c in range(rng.randint(1, 2)):
            body = _creative(rng, account_id, n * 2 + c, video=c == 1 and rng.randrange(2) == 0)
            creative = await creatives.create(session, admin, body)
            review = creative_schemas.ReviewRequest(approval=Approval.APPROVED)
            await creatives.review(session, admin, creative.id, review)
            creative_ids.append(creative.id)
        made_creatives += len(creative_ids)
        await creatives.replace_assignment(session, admin, campaign.id, creative_ids)
        if rng.randrange(10) < 3:
            pool = lists[account_id]
            chosen = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
            links = [list_schemas.LinkIn(filter_list_id=i) for i in chosen]
            await filterlists.replace_links(session, admin, campaign.id, links)
            made_links += len(links)
    return stop - start, made_creatives, made_links


def _batch(
    admin: Principal,
    rng: random.Random,
    start: int,
    stop: int,
    account_ids: list[int],
    lists: dict[int, list[int]],
) -> Callable[[AsyncSession], Awaitable[tuple[int, int, int]]]:
    def work(session: AsyncSession) -> Awaitable[tuple[int, int, int]]:
        return _campaign_batch(session, admin, rng, start, stop, account_ids, lists)

    return work


def seed(
    settings: Settings,
    *,
    campaigns_count: int,
    lists_count: int,
    accounts_count: int = 100,
    seed_value: int = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> Seeded:
    """Create the accounts, filter lists and live campaigns with approved creatives."""
    started = time.perf_counter()
    rng = random.Random(seed_value)
    accounts_count = min(accounts_count, campaigns_count)
    admin, account_ids = _run(settings, lambda s: _accounts(s, accounts_count))
    lists: dict[int, list[int]] = {}
    per_account = max(1, lists_count // accounts_count)

    async def make_lists(session: AsyncSession) -> None:
        for account_id in account_ids:
            lists[account_id] = await _lists(session, admin, rng, account_id, per_account)

    _run(settings, make_lists)
    progress(f"seeded {accounts_count} accounts, {per_account * accounts_count} filter lists")
    done = links = made_creatives = 0
    while done < campaigns_count:
        stop = min(campaigns_count, done + BATCH)
        made, made_c, linked = _run(settings, _batch(admin, rng, done, stop, account_ids, lists))
        done += made
        links += linked
        made_creatives += made_c
        progress(f"seeded {done:,} campaigns ({time.perf_counter() - started:.0f} s)")
    return Seeded(
        accounts=accounts_count,
        campaigns=done,
        creatives=made_creatives,
        filter_lists=per_account * accounts_count,
        links=links,
        seconds=time.perf_counter() - started,
    )
