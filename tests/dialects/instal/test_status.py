"""Instal ``status`` derived from the core state (ARCHITECTURE.md section 2)."""

from __future__ import annotations

import pytest

from adplane.campaigns.state import Approval, CampaignState
from adplane.dialects.instal.mapping import status_from_state
from tests.support.campaign_state import flags


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
def test_status_from_state(state_: CampaignState, status: str) -> None:
    assert status_from_state(state_) == status
