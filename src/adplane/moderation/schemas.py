"""The review state of a reviewable thing and an admin's decision about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Approval(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Decision:
    """What a reviewer decides: approve, reject (with reasons), or send back to pending.

    ``reviewer_user_id`` names another admin as the reviewer (a dialect may name the reviewer);
    by default the reviewer is whoever decides.
    """

    approval: Approval
    reason_codes: list[int] = field(default_factory=list)
    comment: str | None = None
    decline_reason: str | None = None
    reviewer_user_id: int | None = None


@dataclass(frozen=True)
class Review:
    """The outcome to store on the reviewed thing."""

    approval: Approval
    reason_codes: list[int]
    comment: str | None
    decline_reason: str | None
    reviewed_by_user_id: int | None
    reviewed_at: datetime | None
