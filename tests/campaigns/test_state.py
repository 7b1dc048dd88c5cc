"""Canonical campaign state: every row of both tables in ARCHITECTURE.md section 2.

The core keeps independent flags and derives the stop reason, ``is_running`` and every vendor
status from them; these are pure functions, tested without a database.
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
    instal_status,
    keitaro_state,
    native_status,
    period_start,
    smartyads_status,
    topsort_status,
    trafficstars_status,
    trafficstars_stopped,
)

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


def flags(
    *,
    is_draft: bool = False,
    approval: Approval = Approval.APPROVED,
    is_active: bool = True,
    is_archived: bool = False,
    no_funds: bool = False,
    ended: bool = False,
    not_started: bool = False,
    total_budget_reached: bool = False,
    daily_budget_reached: bool = False,
) -> CampaignState:
    """A state built straight from flags, for the vendor tables."""
    return CampaignState(
        is_draft=is_draft,
        approval=approval,
        is_active=is_active,
        is_archived=is_archived,
        no_funds=no_funds,
        ended=ended,
        not_started=not_started,
        total_budget_reached=total_budget_reached,
        daily_budget_reached=daily_budget_reached,
    )


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


# --- TrafficStars --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state_", "status"),
    [
        pytest.param(
            flags(is_draft=True, approval=Approval.REJECTED, no_funds=True), "draft", id="draft"
        ),
        pytest.param(
            flags(approval=Approval.REJECTED, total_budget_reached=True), "rejected", id="rejected"
        ),
        pytest.param(flags(approval=Approval.PENDING, no_funds=True), "unapproved", id="pending"),
        pytest.param(
            flags(total_budget_reached=True, no_funds=True),
            "total_budget_is_reached",
            id="total-budget-reached",
        ),
        pytest.param(flags(no_funds=True), "no_funds_active", id="no-funds-active"),
        pytest.param(
            flags(no_funds=True, is_active=False), "no_funds_paused", id="no-funds-paused"
        ),
        pytest.param(flags(), "enabled", id="enabled"),
        pytest.param(flags(is_active=False), "paused", id="paused"),
        pytest.param(flags(daily_budget_reached=True), "enabled", id="enabled-daily-cap"),
    ],
)
def test_trafficstars_status(state_: CampaignState, status: str) -> None:
    assert trafficstars_status(state_) == status


def test_trafficstars_stopped_flag_names_no_funds() -> None:
    assert trafficstars_stopped(flags(no_funds=True)) == "no_funds"


def test_trafficstars_stopped_flag_is_empty_with_funds() -> None:
    assert trafficstars_stopped(flags()) is None


@pytest.mark.parametrize(
    ("state_", "approved", "active", "is_archived", "no_funds"),
    [
        pytest.param(flags(), "approved", True, False, False, id="live"),
        pytest.param(
            flags(approval=Approval.PENDING, is_active=False), "pending", False, False, False
        ),
        pytest.param(
            flags(approval=Approval.REJECTED, is_archived=True), "rejected", True, True, False
        ),
        pytest.param(flags(no_funds=True), "approved", True, False, True, id="no-funds"),
    ],
)
def test_trafficstars_flags_come_straight_from_the_core(
    state_: CampaignState, approved: str, active: bool, is_archived: bool, no_funds: bool
) -> None:
    assert state_.approval.value == approved
    assert state_.is_active is active
    assert state_.is_archived is is_archived
    assert state_.no_funds is no_funds


# --- Instal --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state_", "status"),
    [
        pytest.param(flags(is_archived=True, approval=Approval.REJECTED), "DELETED", id="archived"),
        pytest.param(flags(approval=Approval.REJECTED, ended=True), "REJECTED", id="rejected"),
        pytest.param(flags(ended=True), "EXPIRED", id="ended"),
        pytest.param(flags(), "RUNNING", id="active"),
        pytest.param(flags(approval=Approval.PENDING), "RUNNING", id="active-pending"),
        pytest.param(flags(is_active=False), "PAUSED", id="paused"),
    ],
)
def test_instal_status(state_: CampaignState, status: str) -> None:
    assert instal_status(state_) == status


# --- Topsort -------------------------------------------------------------------------------


@pytest.mark.parametrize("approval", list(Approval))
@pytest.mark.parametrize("is_active", [True, False])
def test_topsort_is_active_and_status_mirror_the_core(approval: Approval, is_active: bool) -> None:
    assert topsort_status(flags(approval=approval, is_active=is_active)) == (
        is_active,
        approval.value,
    )


# --- SmartyAds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state_", "extended"),
    [
        pytest.param(flags(is_archived=True), "Archived", id="archived"),
        pytest.param(flags(is_draft=True), "Draft", id="draft"),
        pytest.param(flags(approval=Approval.REJECTED), "Rejected", id="rejected"),
        pytest.param(flags(approval=Approval.PENDING), "Pending Approval", id="pending"),
        pytest.param(flags(is_active=False), "Campaign is not active", id="inactive"),
        pytest.param(flags(ended=True), "Finished", id="ended"),
        pytest.param(flags(total_budget_reached=True), "Budget Reached", id="total-budget"),
        pytest.param(flags(no_funds=True), "Low Balance", id="no-funds"),
        pytest.param(flags(daily_budget_reached=True), "Daily Limit Reached", id="daily-budget"),
        pytest.param(flags(not_started=True), "Scheduled", id="not-started"),
        pytest.param(flags(), "Running", id="running"),
    ],
)
def test_smartyads_extended_status(state_: CampaignState, extended: str) -> None:
    assert smartyads_status(state_)[2] == extended


@pytest.mark.parametrize(
    ("state_", "is_active", "is_running"),
    [
        pytest.param(flags(), True, True, id="running"),
        pytest.param(flags(no_funds=True), True, False, id="active-not-running"),
        pytest.param(flags(is_active=False), False, False, id="inactive"),
        pytest.param(flags(approval=Approval.PENDING), True, False, id="pending"),
    ],
)
def test_smartyads_is_active_and_is_running_come_from_the_core(
    state_: CampaignState, is_active: bool, is_running: bool
) -> None:
    assert smartyads_status(state_)[:2] == (is_active, is_running)
    assert state_.is_running is is_running


# --- Keitaro -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state_", "expected"),
    [
        pytest.param(flags(is_archived=True), "deleted", id="archived"),
        pytest.param(flags(is_archived=True, is_active=False), "deleted", id="archived-paused"),
        pytest.param(flags(), "active", id="active"),
        pytest.param(flags(approval=Approval.PENDING, no_funds=True), "active", id="active-any"),
        pytest.param(flags(is_active=False), "disabled", id="disabled"),
    ],
)
def test_keitaro_state(state_: CampaignState, expected: str) -> None:
    assert keitaro_state(state_) == expected


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
