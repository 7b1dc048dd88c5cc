"""Every query for rules, their campaign links and their firings."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from adplane.kit.pagination import PageParams
from adplane.kit.repository import RepositoryBase
from adplane.models import Campaign, CampaignRule, Rule, RuleFiring


@dataclass(frozen=True)
class WatchedRule:
    """What evaluation reads of a rule: plain values, valid across transactions."""

    id: int
    account_id: int
    lookback_days: int
    conditions: list[dict[str, Any]]
    target_list_id: int


@dataclass(frozen=True)
class Watch:
    """An active rule and one campaign it watches: one unit of evaluation."""

    rule: WatchedRule
    campaign_id: int


class RuleRepository(RepositoryBase[Rule]):
    model = Rule

    async def campaign_ids(self, rule_ids: Collection[int]) -> dict[int, list[int]]:
        """Rule id -> the campaigns linked to it, by campaign id."""
        out: dict[int, list[int]] = {rid: [] for rid in rule_ids}
        if not rule_ids:
            return out
        rows = await self.session.execute(
            select(CampaignRule.rule_id, CampaignRule.campaign_id)
            .where(CampaignRule.rule_id.in_(list(rule_ids)))
            .order_by(CampaignRule.campaign_id)
        )
        for rule_id, campaign_id in rows.all():
            out[int(rule_id)].append(int(campaign_id))
        return out

    async def delete(self, rule: Rule) -> None:
        await self.session.delete(rule)
        await self.session.flush()

    # campaign links

    async def rule_of(self, campaign_id: int) -> Rule | None:
        stmt = (
            select(Rule)
            .join(CampaignRule, CampaignRule.rule_id == Rule.id)
            .where(CampaignRule.campaign_id == campaign_id)
        )
        return (await self.session.execute(stmt)).scalars().first()

    async def link(self, campaign_id: int, rule_id: int) -> None:
        """Make ``rule_id`` the campaign's one rule, replacing any other (one statement, so two
        concurrent links cannot leave two rows)."""
        values = {"campaign_id": campaign_id, "rule_id": rule_id}
        insert = (
            pg_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        )
        stmt = insert(CampaignRule).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[CampaignRule.campaign_id], set_={"rule_id": rule_id}
        )
        await self.session.execute(stmt)

    async def unlink(self, campaign_id: int) -> bool:
        result = await self.session.execute(
            delete(CampaignRule).where(CampaignRule.campaign_id == campaign_id)
        )
        return bool(getattr(result, "rowcount", 0))

    async def watches(self) -> list[Watch]:
        """Every active rule with each campaign it watches that is not archived."""
        stmt = (
            select(Rule, CampaignRule.campaign_id)
            .join(CampaignRule, CampaignRule.rule_id == Rule.id)
            .join(Campaign, Campaign.id == CampaignRule.campaign_id)
            .where(Rule.is_active.is_(True), Campaign.is_archived.is_(False))
            .order_by(Rule.id, CampaignRule.campaign_id)
        )
        rows = await self.session.execute(stmt)
        return [
            Watch(
                WatchedRule(
                    r.id, r.account_id, r.lookback_days, list(r.conditions), r.target_list_id
                ),
                int(campaign_id),
            )
            for r, campaign_id in rows.all()
        ]


class FiringRepository(RepositoryBase[RuleFiring]):
    model = RuleFiring

    async def page_for(
        self, page: PageParams, *, rule_id: int | None = None, campaign_id: int | None = None
    ) -> tuple[list[RuleFiring], int]:
        """Firings of a rule or of a campaign, oldest first."""
        return await self.paginate(page, {"rule_id": rule_id, "campaign_id": campaign_id})

    async def count_for(self, rule_id: int) -> int:
        stmt = select(func.count()).select_from(RuleFiring).where(RuleFiring.rule_id == rule_id)
        return int((await self.session.execute(stmt)).scalar_one())
