"""Campaign states built straight from flags, for the vendor status tables of each dialect."""

from __future__ import annotations

from adplane.campaigns.state import Approval, CampaignState


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
