"""Demo data: accounts, users, inventory, campaigns in every state and their creatives, created
once; then traffic from the exchange simulator, so every figure comes from real bids.

The demo users' passwords and API keys are drawn at random the first time a data directory
is seeded and kept in ``<data dir>/demo.json`` (readable by its owner only), so every run on
that directory prints the same working credentials and no two installations share them.
Nothing is derived from the secret key: with the built-in key, derived credentials would be
the same on every machine.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts
from adplane.accounts.principal import Principal, Role
from adplane.billing import service as billing
from adplane.billing.service import BillingReader
from adplane.campaigns import schemas
from adplane.campaigns import service as campaigns
from adplane.campaigns.service import CampaignFilter
from adplane.creatives import schemas as creative_schemas
from adplane.creatives import service as creatives
from adplane.delivery.simulate import (
    Rates,
    SimulationConfig,
    SimulationResult,
    simulate,
    summary,
)
from adplane.inventory import service as inventory
from adplane.kit.db import Database, create_database
from adplane.kit.time import utcnow
from adplane.media import service as media
from adplane.media import storage as media_storage
from adplane.media.schemas import MediaKind
from adplane.moderation.schemas import Approval
from adplane.settings import Settings

ADMIN_EMAIL = "admin@demo.adplane.local"
ADVERTISERS = (
    ("alice@demo.adplane.local", Decimal("5000")),
    ("bob@demo.adplane.local", Decimal("250")),
)
STATE_FILE = "demo.json"
DESTINATION = "https://shop.example/landing?click={CLICK_ID}"
# Banner sizes of the creatives: the sizes the simulator's exchange asks for most.
BANNER_SIZES = ((300, 250), (728, 90), (320, 50), (300, 600), (160, 600))
NATIVE_IMAGE = (1200, 628)
# The demo's traffic: modest, so the machine stays responsive while it runs.
DEMO_QPS = 40
DEMO_SECONDS = 30
# The top of the usual ranges (CTR 0.5-2%, CVR 2-5%), so half a minute shows some of each.
DEMO_RATES = Rates(ctr_ppm=20_000, cvr_ppm=50_000)


def state_path(settings: Settings) -> Path:
    return settings.data_dir / STATE_FILE


def load_state(settings: Settings) -> dict[str, Any]:
    """What earlier runs on this data directory stored (users, traffic range)."""
    path = state_path(settings)
    if not path.exists():
        return {"users": {}}
    state: dict[str, Any] = json.loads(path.read_text())
    state.setdefault("users", {})
    return state


def save_state(settings: Settings, state: dict[str, Any]) -> None:
    path = state_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    # Created with owner-only permissions: the file holds passwords and API keys.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump(state, out, indent=2)
    temporary.replace(path)


def record_traffic(
    settings: Settings, started: datetime, ended: datetime, figures: dict[str, Any]
) -> None:
    """Remember the last simulated traffic (its span and figures), for later runs' banner."""
    state = load_state(settings)
    state["traffic"] = {
        "from": started.isoformat(timespec="seconds"),
        "to": ended.isoformat(timespec="seconds"),
        "figures": figures,
    }
    state["runs"] = int(state.get("runs", 0)) + 1
    save_state(settings, state)


def next_seed(settings: Settings) -> int:
    """A new seed per run: the same seed twice would replay auction ids the bidder has seen."""
    return 2026 + int(load_state(settings).get("runs", 0))


def traffic_range(settings: Settings) -> tuple[str, str] | None:
    traffic = load_state(settings).get("traffic")
    if not isinstance(traffic, dict):
        return None
    return str(traffic["from"]), str(traffic["to"])


class _WithoutDeliveryRequests(logging.Filter):
    """Leaves the simulated exchange's bids and notices out of the request log: at the demo's
    rate they would bury every other line while it runs."""

    def filter(self, record: logging.LogRecord) -> bool:
        fields = getattr(record, "fields", None)
        path = fields.get("path", "") if isinstance(fields, dict) else ""
        return not str(path).startswith(("/rtb/", "/t/"))


@dataclass
class Wallet:
    email: str
    before_micros: int
    after_micros: int


async def _balances(database: Database) -> dict[str, int]:
    admin = Principal(0, Role.ADMIN, None)
    out = {}
    async with database.sessionmaker() as session:
        for email, _ in ADVERTISERS:
            user = await accounts.user_by_email(session, email)
            if user is not None and user.account_id is not None:
                account = await accounts.get_account(session, admin, user.account_id)
                out[email] = account.balance_micros
    return out


async def _settled(reader: BillingReader, timeout: float = 15.0) -> None:
    """Wait until the spend the report store holds stops growing: the traffic's last events
    reach it a moment after their log segment is sealed."""
    since = utcnow() - timedelta(days=1)
    last, steady = -1, 0
    deadline = asyncio.get_running_loop().time() + timeout
    while steady < 2 and asyncio.get_running_loop().time() < deadline:
        rows = await reader.hourly_spend(since, utcnow() + timedelta(hours=1))
        total = sum(amount for *_, amount in rows)
        steady = steady + 1 if total == last else 0
        last = total
        await asyncio.sleep(0.5)


async def post_traffic_spend(settings: Settings, reader: BillingReader) -> list[Wallet]:
    """Post the traffic's spend to the wallets now, and say how each balance moved.

    The server's jobs tick posts each hour once it has closed; the demo posts the open hour
    at once, so its wallets move while one watches. Billing posts what an hour's spend grew
    by since its last posting, so the tick later adds only the rest of the hour.
    """
    await _settled(reader)
    database = create_database(settings.resolved_database_url)
    try:
        before = await _balances(database)
        async with database.sessionmaker() as session, session.begin():
            await billing.post_spend(
                session, reader, utcnow() + timedelta(hours=1), grace=timedelta(0)
            )
        after = await _balances(database)
    finally:
        await database.dispose()
    return [Wallet(email, before[email], after.get(email, before[email])) for email in before]


async def drive_traffic(
    settings: Settings, base_url: str, *, seconds: float, qps: float
) -> SimulationResult:
    """Drive the simulator's exchange at the demo's own server, and remember what it did."""
    started = utcnow()
    config = SimulationConfig(
        qps=qps,
        duration=seconds,
        url=base_url,
        seed=next_seed(settings),
        concurrency=32,
        rates=DEMO_RATES,
    )
    requests_log = logging.getLogger("adplane.requests")
    quiet = _WithoutDeliveryRequests()
    requests_log.addFilter(quiet)
    try:
        result = await simulate(config)
    finally:
        requests_log.removeFilter(quiet)
    record_traffic(settings, started, utcnow(), summary(result))
    return result


@dataclass
class DemoCredentials:
    lines: list[tuple[str, str, str, str]] = field(default_factory=list)
    # True on the run that created the demo campaigns.
    created_campaigns: bool = False

    def describe(self) -> list[str]:
        out = ["demo users (password login at POST /api/v1/auth/token, or the API key as Bearer):"]
        for role, email, password, key in self.lines:
            out.append(f"{role:<10} {email:<28} password {password:<22} api key {key}")
        return out


async def _user(
    session: AsyncSession, state: dict[str, Any], email: str, role: Role
) -> tuple[Principal, str, str]:
    user = await accounts.user_by_email(session, email)
    stored: dict[str, str] = state["users"].get(email, {})
    if user is None:
        password = secrets.token_urlsafe(12)
        created = await accounts.create_user(
            session, None, email=email, password=password, role=role
        )
        user, key = created.user, created.api_key
        stored = {"password": password, "api_key": key}
    principal = Principal(user.id, Role(user.role), user.account_id)
    if not stored:
        # The user exists but this data directory never recorded its credentials (a shared
        # PostgreSQL database, or a directory from an older version): issue fresh ones.
        stored = {"password": secrets.token_urlsafe(12)}
        await accounts.set_password(session, None, user.id, stored["password"])
    key_row = await accounts.get_api_key_by_secret(session, stored.get("api_key", ""))
    if key_row is None or key_row.revoked_at is not None:
        # Missing, or revoked on purpose: hand out a fresh random key instead.
        stored["api_key"], _ = await accounts.create_api_key(session, principal, name="demo")
    if not user.is_active:
        await accounts.set_user_active(session, None, user.id, active=True)
    state["users"][email] = stored
    return principal, stored["password"], stored["api_key"]


async def _campaigns(
    session: AsyncSession,
    settings: Settings,
    admin: Principal,
    owner: Principal,
    premium: Decimal = Decimal(0),
) -> bool:
    """The owner's campaigns in every state; ``premium`` is added to the owner's CPM bids, so
    the two advertisers do not tie and each wins some of the traffic."""
    existing = await campaigns.list_campaigns(session, owner, CampaignFilter())
    if existing.total:
        return False
    now = utcnow()
    base = schemas.CampaignFields(
        format_id=1,
        creative_type=schemas.CreativeType.IMAGE,
        pricing_model=schemas.PricingModel.CPM,
        bid_price=Decimal("1.20") + premium,
        daily_budget=Decimal("100"),
        total_budget=Decimal("3000"),
        destination_url=DESTINATION,
        start_at=now,
        end_at=now + timedelta(days=60),
        day_parting="1" * 168,
        targeting=schemas.Targeting.model_validate({"countries": {"include": ["US", "GB", "DE"]}}),
    )
    plans = [
        ("Spring sale - US/UK/DE banners", "approved", True),
        ("Retargeting - cart abandoners", "approved", True),
        ("Video pre-roll test", "approved", False),
        ("New creative awaiting review", "pending", True),
        ("Rejected landing page", "rejected", True),
        # A daily budget the demo's traffic spends in seconds: a budget stop from real bids.
        ("Flash sale - tiny daily budget", "approved", True),
    ]
    running: list[int] = []
    for index, (name, approval, active) in enumerate(plans):
        fields = base.model_copy(update={"name": name, "alias": f"demo-{owner.account_id}-{index}"})
        if index == 1:
            fields = fields.model_copy(
                update={"pricing_model": schemas.PricingModel.CPC, "bid_price": Decimal("0.35")}
            )
        if index == 2:
            fields = fields.model_copy(update={"format_id": 63, "ad_format_options": ["pre-roll"]})
        if index == 5:
            fields = fields.model_copy(
                update={
                    "daily_budget": Decimal("0.05"),
                    "bid_price": Decimal("2.50") - premium,
                    # Spent as fast as it can buy: even pacing would spread it over the day.
                    "pacing": "asap",
                }
            )
        created = await campaigns.create(session, owner, fields, active=active)
        if index != 2 and approval != "rejected":
            running.append(created.id)
        if approval == "approved":
            await campaigns.approve(session, admin, created.id)
        elif approval == "rejected":
            await campaigns.reject(
                session,
                admin,
                created.id,
                schemas.RejectRequest(reason_codes=[1], comment="Lander 404s"),
            )
    draft = base.model_copy(update={"name": "Draft - holiday push", "format_id": 104})
    await campaigns.create(session, owner, draft, draft=True)
    await _creatives(session, settings, admin, owner, running)
    return True


def _png(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


async def _image(
    session: AsyncSession,
    settings: Settings,
    owner: Principal,
    size: tuple[int, int],
    colour: tuple[int, int, int],
) -> int:
    asset = await media.upload(
        session,
        owner,
        content=_png(size, colour),
        filename=f"demo-{size[0]}x{size[1]}.png",
        kind=MediaKind.IMAGE,
        settings=settings,
    )
    return asset.id


async def _creatives(
    session: AsyncSession,
    settings: Settings,
    admin: Principal,
    owner: Principal,
    campaign_ids: list[int],
) -> None:
    """Approved banners of the common sizes and a native ad on each campaign that may run."""
    with media_storage.use(media_storage.LocalStorage.from_settings(settings)):
        banners = [
            (size, await _image(session, settings, owner, size, (30, 90 + 20 * n, 200)))
            for n, size in enumerate(BANNER_SIZES)
        ]
        image = await _image(session, settings, owner, NATIVE_IMAGE, (240, 140, 40))
        logo = await _image(session, settings, owner, (80, 80), (20, 20, 20))
    common: dict[str, Any] = {"categories": ["IAB22"], "advertiser_domain": "shop.example"}
    for campaign_id in campaign_ids:
        bodies = [
            creative_schemas.CreativeCreate(
                name=f"Banner {w}x{h}",
                content=creative_schemas.BannerImage(media_id=media_id, click_url=DESTINATION),
                **common,
            )
            for (w, h), media_id in banners
        ]
        bodies.append(
            creative_schemas.CreativeCreate(
                name="Native - spring sale",
                content=creative_schemas.Native(
                    title="Spring sale: 30% off everything",
                    text="Free delivery on every order this week only.",
                    sponsor="Shop Example",
                    call_to_action="Shop now",
                    image_media_id=image,
                    logo_media_id=logo,
                    click_url=DESTINATION,
                    display_url="https://shop.example/",
                ),
                **common,
            )
        )
        ids = []
        for body in bodies:
            created = await creatives.create(session, owner, body)
            approve = creative_schemas.ReviewRequest(approval=Approval.APPROVED)
            await creatives.review(session, admin, created.id, approve)
            ids.append(created.id)
        await creatives.replace_assignment(session, owner, campaign_id, ids)


async def seed_demo(session: AsyncSession, settings: Settings) -> DemoCredentials:
    """Create the demo world if it is missing; return credentials to print.

    The credentials file is written before the transaction commits: a failed commit leaves
    credentials for users that do not exist, which the next run replaces.
    """
    state = load_state(settings)
    creds = DemoCredentials()
    admin, password, admin_key = await _user(session, state, ADMIN_EMAIL, Role.ADMIN)
    creds.lines.append(("admin", ADMIN_EMAIL, password, admin_key))
    spot_ids: list[int] = []
    if not (await campaigns.list_campaigns(session, admin, CampaignFilter())).total:
        for site_name, domain in (("Daily News", "news.example"), ("Game Hub", "games.example")):
            site = await inventory.create_site(session, None, name=site_name, domain=domain)
            for spot_name, fmt in (("header 728x90", 1), ("sidebar 300x250", 1), ("video", 63)):
                spot = await inventory.create_spot(
                    session, None, site_id=site.id, name=f"{site_name} {spot_name}", format_id=fmt
                )
                spot_ids.append(spot.id)
    for number, (email, balance) in enumerate(ADVERTISERS):
        owner, password, key = await _user(session, state, email, Role.ADVERTISER)
        creds.lines.append(("advertiser", email, password, key))
        assert owner.account_id is not None
        account = await accounts.get_account(session, admin, owner.account_id)
        if account.balance_micros == 0:
            await accounts.deposit(session, admin, owner.account_id, balance, "demo credit")
        if spot_ids:
            creds.created_campaigns |= await _campaigns(
                session, settings, admin, owner, Decimal("0.15") * number
            )
    save_state(settings, state)
    return creds
