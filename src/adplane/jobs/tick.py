"""One tick of the periodic job: evaluate every active rule, post spend, sweep campaign states.

This is the unit of work of the jobs plane, so it owns its transactions (services below it
only flush).

Each rule watch runs in a transaction of its own, so a rule that fails (a query error, a
list that refuses a value) is logged and rolled back alone, and the others still run. Closed
hours of spend are then posted to the wallets (``billing.service.post_spend``) in a
transaction of their own. The sweep runs last, in one transaction, so a stop caused by this
tick's spend is seen at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from adplane.billing import service as billing_service
from adplane.campaigns import service as campaign_service
from adplane.campaigns.spend import SpendReader, session_info
from adplane.campaigns.sweeps import StateChange
from adplane.kit.db import Database
from adplane.kit.time import utcnow
from adplane.reports.backends import Backend
from adplane.rules import evaluation
from adplane.rules.evaluation import WatchResult

log = logging.getLogger("adplane.jobs")


@dataclass
class TickReport:
    """What one tick did."""

    evaluated: list[WatchResult] = field(default_factory=list)
    failed: list[tuple[int, int, str]] = field(default_factory=list)
    state_changes: list[StateChange] = field(default_factory=list)
    sweep_failed: str | None = None
    spend_posted: list[billing_service.Posting] = field(default_factory=list)
    billing_failed: str | None = None

    @property
    def fired(self) -> int:
        return sum(len(r.fired) for r in self.evaluated)

    def summary(self) -> dict[str, object]:
        return {
            "rules_evaluated": len(self.evaluated),
            "rules_failed": len(self.failed),
            "sources_added": self.fired,
            "state_changes": len(self.state_changes),
            "sweep_failed": self.sweep_failed,
            "spend_postings": len(self.spend_posted),
            "billing_failed": self.billing_failed,
        }


async def run(database: Database, backend: Backend, spend_reader: SpendReader) -> TickReport:
    """Run the rules and the state sweep once; campaign states count ``spend_reader``'s spend."""
    report = TickReport()
    now = utcnow()
    async with database.sessionmaker(info=session_info(spend_reader)) as session:
        async with session.begin():
            watches = await evaluation.watches(session)
        for watch in watches:
            try:
                async with session.begin():
                    result = await evaluation.evaluate(session, backend, watch, now)
                report.evaluated.append(result)
                if result.fired:
                    log.info(
                        "rule %d, campaign %d: added %d sources",
                        result.rule_id,
                        result.campaign_id,
                        len(result.fired),
                    )
            except Exception as exc:
                log.exception("rule %d, campaign %d failed", watch.rule.id, watch.campaign_id)
                report.failed.append((watch.rule.id, watch.campaign_id, str(exc)))
        if isinstance(spend_reader, billing_service.BillingReader):
            try:
                async with session.begin():
                    posted = await billing_service.post_spend(session, spend_reader, now)
                report.spend_posted = posted.postings
            except Exception as exc:
                log.exception("posting spend to the wallets failed")
                report.billing_failed = str(exc)
        try:
            async with session.begin():
                report.state_changes = await campaign_service.sweep_states(session)
        except Exception as exc:
            log.exception("the campaign state sweep failed")
            report.sweep_failed = str(exc)
    return report
