"""Canonical campaign state (ARCHITECTURE.md section 2): flags in, derived stop reasons out.

Pure functions, no I/O: the service gathers the inputs (flags, balance, spend, the clock).
Vendor status vocabularies are not here: each dialect's ``mapping.py`` renders its own from
the same ``CampaignState``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from adplane.campaigns.spend import ZERO, SpendCounters

# Re-exported: the review flag belongs to moderation, and campaigns carry it.
from adplane.moderation.schemas import Approval as Approval


class StopReason(StrEnum):
    NO_FUNDS = "no_funds"
    TOTAL_BUDGET_REACHED = "total_budget_reached"
    PERIOD_BUDGET_REACHED = "period_budget_reached"
    DAILY_BUDGET_REACHED = "daily_budget_reached"
    NOT_STARTED = "not_started"
    ENDED = "ended"


@dataclass(frozen=True)
class StateInputs:
    """Everything a campaign's derived state depends on."""

    is_draft: bool
    approval: Approval
    is_active: bool
    is_archived: bool
    balance_micros: int = 1
    start_at: datetime | None = None
    end_at: datetime | None = None
    daily_budget_micros: int | None = None
    total_budget_micros: int | None = None
    use_total_budget: bool = False
    budget_period: str = "daily"
    period_budget_micros: int | None = None
    # Spend since ``period_start(budget_period, now)``: the service asks the spend port.
    spend_period_micros: int = 0
    daily_impressions_cap: int | None = None
    total_impressions_cap: int | None = None
    daily_clicks_cap: int | None = None
    total_clicks_cap: int | None = None
    counters: SpendCounters = ZERO


@dataclass(frozen=True)
class CampaignState:
    is_draft: bool
    approval: Approval
    is_active: bool
    is_archived: bool
    no_funds: bool
    ended: bool
    not_started: bool
    total_budget_reached: bool
    daily_budget_reached: bool
    period_budget_reached: bool = False

    @property
    def stop_reason(self) -> StopReason | None:
        """The one reason shown when several apply, most permanent first."""
        if self.ended:
            return StopReason.ENDED
        if self.total_budget_reached:
            return StopReason.TOTAL_BUDGET_REACHED
        if self.no_funds:
            return StopReason.NO_FUNDS
        if self.period_budget_reached:
            return StopReason.PERIOD_BUDGET_REACHED
        if self.daily_budget_reached:
            return StopReason.DAILY_BUDGET_REACHED
        if self.not_started:
            return StopReason.NOT_STARTED
        return None

    @property
    def is_running(self) -> bool:
        return (
            self.approval is Approval.APPROVED
            and self.is_active
            and not self.is_archived
            and not self.is_draft
            and self.stop_reason is None
        )


# Budget periods longer than a day, and how their current period is found.
LONG_PERIODS = frozenset({"weekly", "monthly"})


def period_start(budget_period: str, now: datetime) -> datetime:
    """Where the current budget period began (UTC): today, the ISO week's Monday, the 1st."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if budget_period == "weekly":
        return midnight - timedelta(days=midnight.weekday())
    if budget_period == "monthly":
        return midnight.replace(day=1)
    return midnight


def _reached(cap: int | None, used: int) -> bool:
    return cap is not None and cap > 0 and used >= cap


def derive(inputs: StateInputs, now: datetime) -> CampaignState:
    """Derive the stop conditions from the flags, the wallet, the schedule and the counters."""
    c = inputs.counters
    total_reached = (
        (inputs.use_total_budget and _reached(inputs.total_budget_micros, c.spend_total_micros))
        or _reached(inputs.total_impressions_cap, c.impressions_total)
        or _reached(inputs.total_clicks_cap, c.clicks_total)
    )
    daily_reached = (
        _reached(inputs.daily_budget_micros, c.spend_today_micros)
        or _reached(inputs.daily_impressions_cap, c.impressions_today)
        or _reached(inputs.daily_clicks_cap, c.clicks_today)
    )
    if inputs.budget_period in LONG_PERIODS:
        period_reached = _reached(inputs.period_budget_micros, inputs.spend_period_micros)
    else:
        period_reached = _reached(inputs.period_budget_micros, c.spend_today_micros)
    return CampaignState(
        is_draft=inputs.is_draft,
        approval=inputs.approval,
        is_active=inputs.is_active,
        is_archived=inputs.is_archived,
        no_funds=inputs.balance_micros <= 0,
        ended=inputs.end_at is not None and inputs.end_at <= now,
        not_started=inputs.start_at is not None and inputs.start_at > now,
        total_budget_reached=total_reached,
        daily_budget_reached=daily_reached,
        period_budget_reached=period_reached,
    )


def native_status(state: CampaignState) -> str:
    """The native status: from the flags alone, so lists can filter it in SQL."""
    if state.is_archived:
        return "archived"
    if state.is_draft:
        return "draft"
    if state.approval is Approval.REJECTED:
        return "rejected"
    if state.approval is Approval.PENDING:
        return "pending"
    return "active" if state.is_active else "paused"
