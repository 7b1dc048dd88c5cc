"""The authenticated caller every service receives, whatever dialect resolved it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from adplane.kit.errors import NotFound, ValidationFailed


class Role(StrEnum):
    ADMIN = "admin"
    ADVERTISER = "advertiser"


@dataclass(frozen=True)
class Principal:
    """A user acting within one account (or none, for an admin who is not acting for one)."""

    user_id: int
    role: Role
    account_id: int | None
    # The access token's id when the request came with a session token, for logout.
    token_jti: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def can_access(self, account_id: int) -> bool:
        """Whether this principal may see a resource owned by ``account_id``."""
        return self.is_admin or self.account_id == account_id

    def account_for_write(self, requested: int | None) -> int:
        """The account a new resource belongs to: an admin may name one, others use their own."""
        if self.is_admin:
            if requested is not None:
                return requested
            if self.account_id is not None:
                return self.account_id
            raise ValidationFailed.field(
                "account_id", "is required when an admin creates a resource"
            )
        if self.account_id is None:
            raise NotFound("this user is not linked to an account")
        if requested is not None and requested != self.account_id:
            # Another account is indistinguishable from a missing one.
            raise NotFound(f"account {requested} not found")
        return self.account_id

    def scope(self) -> int | None:
        """The account to filter lists by; None means every account (an admin)."""
        return None if self.is_admin else self.account_id
