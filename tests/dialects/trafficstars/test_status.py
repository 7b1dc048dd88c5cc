"""TrafficStars ``status`` and flags derived from the core state (ARCHITECTURE.md section 2)."""

from __future__ import annotations

import pytest

from adplane.campaigns.state import Approval, CampaignState
from adplane.dialects.trafficstars.mapping import status_from_state, stopped_from_state
from tests.support.campaign_state import flags


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
def test_status_from_state(state_: CampaignState, status: str) -> None:
    assert status_from_state(state_) == status


def test_trafficstars_stopped_flag_names_no_funds() -> None:
    assert stopped_from_state(flags(no_funds=True)) == "no_funds"


def test_trafficstars_stopped_flag_is_empty_with_funds() -> None:
    assert stopped_from_state(flags()) is None


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
