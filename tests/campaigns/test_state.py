"""Canonical campaign state: the core flags table of ARCHITECTURE.md section 2.

The core keeps independent flags and derives the stop reason and ``is_running`` from them;
these are pure functions, tested without a database. Each vendor's status table is tested
beside its dialect (tests/dialects/<vendor>/test_status.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from adplane.campaigns.spend import SpendCounters
from adplane.campaigns.state import (
    Approval,
    CampaignState,
    StateInputs,
    StopReason,
    derive,
    native_status,
    period_start,
)
from tests.support.campaign_state import flags

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)

# An approved, active, funded campaign with nothing in its way: it runs.
RUNNING = StateInputs(
    is_draft=False,
    approval=Approval.APPROVED,
    is_active=True,
    is_archived=False,
    balance_micros=1_000_000,
)


def state(**changes: object) -> CampaignState:
    """The derived state of the running campaign with ``changes`` applied to its inputs."""
    return derive(replace(RUNNING, **changes), NOW)  # type: ignore[arg-type]


# --- core flags: the stop reason ---------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        pytest.param({}, None, id="none"),
        pytest.param({"balance_micros": 0}, StopReason.NO_FUNDS, id="no_funds-zero-balance"),
        pytest.param({"balance_micros": -1}, StopReason.NO_FUNDS, id="no_funds-negative-balance"),
        pytest.param(
            {
                "use_total_budget": True,
                "total_budget_micros": 5_000_000,
                "counters": SpendCounters(spend_total_micros=5_000_000),
            },
            StopReason.TOTAL_BUDGET_REACHED,
            id="total_budget_reached-spend",
        ),
        pytest.param(
            {"total_impressions_cap": 10, "counters": SpendCounters(impressions_total=10)},
            StopReason.TOTAL_BUDGET_REACHED,
            id="total_budget_reached-impressions",
        ),
        pytest.param(
            {"total_clicks_cap": 3, "counters": SpendCounters(clicks_total=3)},
            StopReason.TOTAL_BUDGET_REACHED,
            id="total_budget_reached-clicks",
        ),
        pytest.param(
            {
                "daily_budget_micros": 2_000_000,
                "counters": SpendCounters(spend_today_micros=2_000_000),
            },
            StopReason.DAILY_BUDGET_REACHED,
            id="daily_budget_reached-spend",
        ),
        pytest.param(
            {"daily_impressions_cap": 5, "counters": SpendCounters(impressions_today=6)},
            StopReason.DAILY_BUDGET_REACHED,
            id="daily_budget_reached-impressions",
        ),
        pytest.param(
            {"daily_clicks_cap": 1, "counters": SpendCounters(clicks_today=1)},
            StopReason.DAILY_BUDGET_REACHED,
            id="daily_budget_reached-clicks",
        ),
        pytest.param(
            {
                "budget_period": "weekly",
                "period_budget_micros": 7_000_000,
                "spend_period_micros": 7_000_000,
            },
            StopReason.PERIOD_BUDGET_REACHED,
            id="period_budget_reached-weekly",
        ),
        pytest.param(
            {
                "budget_period": "monthly",
                "period_budget_micros": 30_000_000,
                "spend_period_micros": 31_000_000,
            },
            StopReason.PERIOD_BUDGET_REACHED,
            id="period_budget_reached-monthly",
        ),
        pytest.param(
            {
                "budget_period": "daily",
                "period_budget_micros": 1_000_000,
                "counters": SpendCounters(spend_today_micros=1_000_000),
            },
            StopReason.PERIOD_BUDGET_REACHED,
            id="period_budget_reached-daily",
        ),
        pytest.param({"start_at": NOW + HOUR}, StopReason.NOT_STARTED, id="not_started"),
        pytest.param({"end_at": NOW - HOUR}, StopReason.ENDED, id="ended"),
        pytest.param({"end_at": NOW}, StopReason.ENDED, id="ended-exactly-now"),
    ],
)
def test_stop_reason_derives_from_wallet_schedule_and_counters(
    changes: dict[str, object], reason: StopReason | None
) -> None:
    assert state(**changes).stop_reason == reason


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"start_at": NOW - HOUR, "end_at": NOW + HOUR}, id="inside-schedule"),
        pytest.param(
            {"daily_budget_micros": 2_000_000, "counters": SpendCounters(spend_today_micros=1)},
            id="daily-budget-left",
        ),
        pytest.param(
            {
                "use_total_budget": False,
                "total_budget_micros": 5,
                "counters": SpendCounters(spend_total_micros=9),
            },
            id="total-budget-not-in-use",
        ),
        pytest.param(
            {"daily_clicks_cap": 0, "counters": SpendCounters(clicks_today=9)},
            id="zero-cap-means-unlimited",
        ),
    ],
)
def test_no_stop_reason_while_limits_leave_room(changes: dict[str, object]) -> None:
    assert state(**changes).stop_reason is None


def test_the_most_permanent_stop_reason_wins_when_several_apply() -> None:
    everything = state(
        balance_micros=0,
        end_at=NOW - HOUR,
        daily_clicks_cap=1,
        total_clicks_cap=1,
        counters=SpendCounters(clicks_today=1, clicks_total=1),
    )
    assert everything.stop_reason is StopReason.ENDED
    assert state(
        balance_micros=0, total_clicks_cap=1, counters=SpendCounters(clicks_total=1)
    ).stop_reason is (StopReason.TOTAL_BUDGET_REACHED)
    assert state(
        balance_micros=0, daily_clicks_cap=1, counters=SpendCounters(clicks_today=1)
    ).stop_reason is (StopReason.NO_FUNDS)
    assert state(
        start_at=NOW + HOUR, daily_clicks_cap=1, counters=SpendCounters(clicks_today=1)
    ).stop_reason is (StopReason.DAILY_BUDGET_REACHED)


# --- core flags: is_running ----------------------------------------------------------------


def test_an_approved_active_live_campaign_without_stop_reason_is_running() -> None:
    assert state().is_running is True


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"approval": Approval.PENDING}, id="pending"),
        pytest.param({"approval": Approval.REJECTED}, id="rejected"),
        pytest.param({"is_active": False}, id="paused"),
        pytest.param({"is_archived": True}, id="archived"),
        pytest.param({"is_draft": True}, id="draft"),
        pytest.param({"balance_micros": 0}, id="stop-reason"),
    ],
)
def test_a_campaign_failing_any_condition_is_not_running(changes: dict[str, object]) -> None:
    assert state(**changes).is_running is False


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({"is_draft": True}, {"is_draft": True}, id="is_draft"),
        pytest.param({"approval": Approval.PENDING}, {"approval": Approval.PENDING}, id="pending"),
        pytest.param(
            {"approval": Approval.REJECTED}, {"approval": Approval.REJECTED}, id="rejected"
        ),
        pytest.param({"is_active": False}, {"is_active": False}, id="is_active"),
        pytest.param({"is_archived": True}, {"is_archived": True}, id="is_archived"),
    ],
)
def test_core_flags_are_carried_independently(
    changes: dict[str, object], expected: dict[str, object]
) -> None:
    derived = state(**changes)
    baseline = {
        "is_draft": False,
        "approval": Approval.APPROVED,
        "is_active": True,
        "is_archived": False,
    }
    assert {name: getattr(derived, name) for name in baseline} == {**baseline, **expected}


def test_the_stop_reason_does_not_touch_the_run_pause_switch() -> None:
    stopped = state(balance_micros=0)
    assert stopped.is_active is True
    assert stopped.no_funds is True


# --- native status (filterable in SQL, from the flags alone) ------------------------------


@pytest.mark.parametrize(
    ("state_", "status"),
    [
        pytest.param(flags(is_archived=True, is_draft=True), "archived", id="archived"),
        pytest.param(flags(is_draft=True), "draft", id="draft"),
        pytest.param(flags(approval=Approval.REJECTED), "rejected", id="rejected"),
        pytest.param(flags(approval=Approval.PENDING), "pending", id="pending"),
        pytest.param(flags(is_active=False), "paused", id="paused"),
        pytest.param(flags(no_funds=True), "active", id="active-despite-stop-reason"),
    ],
)
def test_native_status(state_: CampaignState, status: str) -> None:
    assert native_status(state_) == status


@pytest.mark.parametrize(
    ("period", "start"),
    [
        # NOW is Monday 2026-06-01: the week and the month both began at midnight.
        ("daily", datetime(2026, 6, 1, tzinfo=UTC)),
        ("weekly", datetime(2026, 6, 1, tzinfo=UTC)),
        ("monthly", datetime(2026, 6, 1, tzinfo=UTC)),
    ],
)
def test_a_budget_period_begins_at_midnight_utc(period: str, start: datetime) -> None:
    assert period_start(period, NOW) == start


def test_a_week_begins_on_monday_and_a_month_on_the_first() -> None:
    sunday = datetime(2026, 6, 14, 23, 59, tzinfo=UTC)
    assert period_start("weekly", sunday) == datetime(2026, 6, 8, tzinfo=UTC)
    assert period_start("monthly", sunday) == datetime(2026, 6, 1, tzinfo=UTC)


def test_spend_before_the_period_does_not_count_against_a_weekly_budget() -> None:
    left = state(budget_period="weekly", period_budget_micros=7_000_000, spend_period_micros=1)
    assert left.stop_reason is None
