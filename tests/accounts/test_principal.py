"""The principal: who may see which account, and where a new resource belongs."""

from __future__ import annotations

import pytest

from adplane.accounts.principal import Principal, Role
from adplane.kit.errors import NotFound, ValidationFailed

ADMIN = Principal(user_id=1, role=Role.ADMIN, account_id=None)
ADMIN_ACTING = Principal(user_id=1, role=Role.ADMIN, account_id=7)
ADVERTISER = Principal(user_id=2, role=Role.ADVERTISER, account_id=7)


def test_an_admin_can_access_every_account() -> None:
    assert ADMIN.can_access(7)
    assert ADMIN.can_access(8)


def test_an_advertiser_can_access_only_its_own_account() -> None:
    assert ADVERTISER.can_access(7)
    assert not ADVERTISER.can_access(8)


def test_an_admin_lists_every_account() -> None:
    assert ADMIN.scope() is None


def test_an_advertiser_lists_its_own_account() -> None:
    assert ADVERTISER.scope() == 7


def test_an_admin_names_the_account_of_a_new_resource() -> None:
    assert ADMIN.account_for_write(9) == 9


def test_an_admin_acting_for_an_account_writes_there_by_default() -> None:
    assert ADMIN_ACTING.account_for_write(None) == 7


def test_an_admin_without_an_account_must_name_one() -> None:
    with pytest.raises(ValidationFailed) as raised:
        ADMIN.account_for_write(None)
    assert [e.field for e in raised.value.errors] == ["account_id"]


def test_an_advertiser_writes_to_its_own_account() -> None:
    assert ADVERTISER.account_for_write(None) == 7
    assert ADVERTISER.account_for_write(7) == 7


def test_an_advertiser_naming_another_account_finds_nothing() -> None:
    with pytest.raises(NotFound):
        ADVERTISER.account_for_write(8)


def test_role_admin_is_admin() -> None:
    assert ADMIN.is_admin
    assert not ADVERTISER.is_admin
