"""The generic repository: get, list, paginate, create and update, scoped by account."""

from __future__ import annotations

import pytest

from adplane.kit.db import Database
from adplane.kit.pagination import PageParams
from adplane.kit.repository import RepositoryBase
from adplane.models import Segment, Site
from tests.conftest import Actor


class Sites(RepositoryBase[Site]):
    model = Site


class Segments(RepositoryBase[Segment]):
    model = Segment


async def test_create_flushes_and_get_finds_the_row(database: Database) -> None:
    async with database.sessionmaker() as session, session.begin():
        site = await Sites(session).create(Site(name="A", domain="a.example"))
        assert site.id is not None
        assert await Sites(session).get(site.id) is site
        assert await Sites(session).get(987_654_321) is None


async def test_list_and_paginate_filter_by_equality_and_order_by_id(database: Database) -> None:
    async with database.sessionmaker() as session, session.begin():
        repo = Sites.from_session(session)
        made = [await repo.create(Site(name=f"s{i}", domain=f"s{i}.example")) for i in range(5)]
        await repo.update(made[1], {"is_active": False})
        active = await repo.list({"is_active": True, "name": None})
        assert [s.id for s in active] == [s.id for s in made if s is not made[1]]
        page, total = await repo.paginate(PageParams(page=2, page_size=2), {"is_active": True})
        assert total == 4
        assert [s.id for s in page] == [made[3].id, made[4].id]


async def test_update_stamps_updated_at_and_refuses_an_unknown_field(database: Database) -> None:
    async with database.sessionmaker() as session, session.begin():
        repo = Sites(session)
        site = await repo.create(Site(name="A", domain="a.example"))
        first = site.updated_at
        await repo.update(site, {"name": "B"})
        assert (site.name, site.updated_at >= first) == ("B", True)
        with pytest.raises(AttributeError, match="no column 'nmae'"):
            await repo.update(site, {"nmae": "C"})


async def test_an_account_scope_hides_other_accounts_rows(
    database: Database, advertiser: Actor, other_advertiser: Actor
) -> None:
    assert advertiser.account_id is not None
    assert other_advertiser.account_id is not None
    async with database.sessionmaker() as session, session.begin():
        repo = Segments(session)
        mine = await repo.create(Segment(name="mine", account_id=advertiser.account_id))
        theirs = await repo.create(Segment(name="theirs", account_id=other_advertiser.account_id))
        scope = advertiser.account_id
        assert await repo.get(mine.id, account_id=scope) is mine
        assert await repo.get(theirs.id, account_id=scope) is None
        assert await repo.get(theirs.id) is theirs  # no scope: an admin
        assert await repo.existing_ids([mine.id, theirs.id], account_id=scope) == {mine.id}
        listed, total = await repo.paginate(PageParams(), account_id=scope)
        assert ([s.id for s in listed], total) == ([mine.id], 1)


def test_only_models_with_an_account_are_scoped() -> None:
    assert Segments.is_account_scoped()
    assert not Sites.is_account_scoped()
