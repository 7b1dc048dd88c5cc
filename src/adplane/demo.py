"""Demo data: accounts, users, inventory and campaigns in every state, created once."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts
from adplane.accounts.principal import Principal, Role
from adplane.accounts.repository import AccountRepository
from adplane.accounts.security import API_KEY_PREFIX
from adplane.campaigns import schemas
from adplane.campaigns import service as campaigns
from adplane.campaigns.service import CampaignFilter
from adplane.inventory import service as inventory
from adplane.kit.time import utcnow
from adplane.settings import Settings

ADMIN_EMAIL = "admin@demo.adplane.local"
ADMIN_PASSWORD = "demo-admin-password"
ADVERTISERS = (
    ("alice@demo.adplane.local", "demo-alice-password", Decimal("5000")),
    ("bob@demo.adplane.local", "demo-bob-password", Decimal("250")),
)


@dataclass
class DemoCredentials:
    lines: list[tuple[str, str, str, str]] = field(default_factory=list)
    # True on the run that created the demo campaigns: that run also generates their traffic.
    created_campaigns: bool = False

    def describe(self) -> list[str]:
        out = ["demo users (password login at POST /api/v1/auth/token, or the API key as Bearer):"]
        for role, email, password, key in self.lines:
            out.append(f"{role:<10} {email:<28} password {password:<22} api key {key}")
        return out


def demo_key(secret_key: str, email: str) -> str:
    """The demo user's API key: derived from the secret, so every run prints the same one."""
    digest = hmac.new(secret_key.encode(), f"adplane-demo:{email}".encode(), hashlib.sha256)
    return API_KEY_PREFIX + base64.urlsafe_b64encode(digest.digest()).decode().rstrip("=")


async def _user(
    session: AsyncSession, settings: Settings, email: str, password: str, role: Role
) -> tuple[Principal, str]:
    repo = AccountRepository.from_session(session)
    user = await repo.get_user_by_email(email)
    random_key: str | None = None
    if user is None:
        created = await accounts.create_user(
            session, None, email=email, password=password, role=role
        )
        user, random_key = created.user, created.api_key
    principal = Principal(user.id, Role(user.role), user.account_id)
    if random_key is not None:
        # Nobody is shown the random first key: the demo prints its derived one instead.
        first = await accounts.get_api_key_by_secret(session, random_key)
        if first is not None:
            await accounts.revoke_api_key(session, principal, first.id)
    key = demo_key(settings.secret_key, email)
    stored = await accounts.get_api_key_by_secret(session, key)
    if stored is None:
        await accounts.store_api_key(session, user.id, "demo", key)
    elif stored.revoked_at is not None:
        # Someone revoked the demo key on purpose; hand out a fresh random one instead.
        key, _ = await accounts.create_api_key(session, principal, name="demo")
    return principal, key


async def _campaigns(
    session: AsyncSession, admin: Principal, owner: Principal, spot_ids: list[int]
) -> bool:
    existing = await campaigns.list_campaigns(session, owner, CampaignFilter())
    if existing.total:
        return False
    now = utcnow()
    base = schemas.CampaignFields(
        format_id=1,
        creative_type=schemas.CreativeType.IMAGE,
        pricing_model=schemas.PricingModel.CPM,
        bid_price=Decimal("1.20"),
        daily_budget=Decimal("100"),
        total_budget=Decimal("3000"),
        destination_url="https://shop.example/landing?click={CLICK_ID}",
        start_at=now,
        end_at=now + timedelta(days=60),
        targeting=schemas.Targeting.model_validate(
            {"countries": {"include": ["US", "GB", "DE"]}, "spots": {"include": spot_ids[:2]}}
        ),
    )
    plans = [
        ("Spring sale - US/UK/DE banners", "approved", True),
        ("Retargeting - cart abandoners", "approved", True),
        ("Video pre-roll test", "approved", False),
        ("New creative awaiting review", "pending", True),
        ("Rejected landing page", "rejected", True),
    ]
    for index, (name, approval, active) in enumerate(plans):
        fields = base.model_copy(update={"name": name, "alias": f"demo-{owner.account_id}-{index}"})
        if index == 1:
            fields = fields.model_copy(
                update={"pricing_model": schemas.PricingModel.CPC, "bid_price": Decimal("0.35")}
            )
        if index == 2:
            fields = fields.model_copy(update={"format_id": 63, "ad_format_options": ["pre-roll"]})
        created = await campaigns.create(session, owner, fields, active=active)
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
    return True


async def seed_demo(session: AsyncSession, settings: Settings) -> DemoCredentials:
    """Create the demo world if it is missing; return credentials to print."""
    creds = DemoCredentials()
    admin, admin_key = await _user(session, settings, ADMIN_EMAIL, ADMIN_PASSWORD, Role.ADMIN)
    creds.lines.append(("admin", ADMIN_EMAIL, ADMIN_PASSWORD, admin_key))
    spot_ids: list[int] = []
    if not (await campaigns.list_campaigns(session, admin, CampaignFilter())).total:
        for site_name, domain in (("Daily News", "news.example"), ("Game Hub", "games.example")):
            site = await inventory.create_site(session, None, name=site_name, domain=domain)
            for spot_name, fmt in (("header 728x90", 1), ("sidebar 300x250", 1), ("video", 63)):
                spot = await inventory.create_spot(
                    session, None, site_id=site.id, name=f"{site_name} {spot_name}", format_id=fmt
                )
                spot_ids.append(spot.id)
    for email, password, balance in ADVERTISERS:
        owner, key = await _user(session, settings, email, password, Role.ADVERTISER)
        creds.lines.append(("advertiser", email, password, key))
        assert owner.account_id is not None
        account = await accounts.get_account(session, admin, owner.account_id)
        if account.balance_micros == 0:
            await accounts.deposit(session, admin, owner.account_id, balance, "demo credit")
        if spot_ids:
            creds.created_campaigns |= await _campaigns(session, admin, owner, spot_ids)
    return creds
