"""Change notices: a commit names what it changed, in-process and over LISTEN/NOTIFY."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterable

import httpx
import pytest

from adplane.accounts import service as accounts
from adplane.delivery import changes
from adplane.delivery.model import Change
from adplane.kit import changes as recorded
from adplane.kit.db import Database
from tests.conftest import Actor
from tests.creatives.helpers import banner_tag, create
from tests.support.native import API, act, create_campaign


class Heard:
    """A listener that keeps every change it is given, and can wait for one."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.arrived = asyncio.Event()

    def __call__(self, changes: Iterable[Change]) -> None:
        self.changes.extend(changes)
        self.arrived.set()

    def ids(self, kind: str) -> set[int]:
        return {i for c in self.changes if c.kind == kind for i in c.ids}

    async def wait_for(self, kind: str, id: int, timeout: float = 1.0) -> float:
        """Seconds until a change of ``kind`` naming ``id`` arrived (fails past ``timeout``)."""
        started = time.perf_counter()
        async with asyncio.timeout(timeout):
            while id not in self.ids(kind):
                self.arrived.clear()
                await self.arrived.wait()
        return time.perf_counter() - started


@pytest.fixture
async def heard(database: Database) -> AsyncIterator[Heard]:
    bus = changes.ChangeBus()
    listener = Heard()
    bus.subscribe(listener)
    feed = await changes.start(database, bus)
    try:
        yield listener
    finally:
        await feed.stop()


async def test_pausing_a_campaign_names_it(
    client: httpx.AsyncClient, advertiser: Actor, heard: Heard
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    heard.changes.clear()
    await act(client, advertiser.headers, campaign["id"], "pause")
    assert heard.ids("campaign") == {campaign["id"]}
    assert Change("all") not in heard.changes


async def test_a_rollback_announces_nothing(
    database: Database, advertiser: Actor, heard: Heard
) -> None:
    assert advertiser.account_id is not None
    heard.changes.clear()
    async with database.sessionmaker() as session:
        await accounts.record_transaction(
            session, advertiser.account_id, "deposit", 5_000_000, "test", None
        )
        await session.rollback()
    async with database.sessionmaker() as session, session.begin():
        await accounts.record_transaction(
            session, advertiser.account_id, "deposit", 5_000_000, "test", None
        )
    assert heard.changes == [Change("account", (advertiser.account_id,))]


async def test_a_filter_list_item_edit_names_the_list(
    client: httpx.AsyncClient, advertiser: Actor, heard: Heard
) -> None:
    response = await client.post(
        f"{API}/filterlists",
        json={"name": "Blocked", "type": "domains", "mode": "black"},
        headers=advertiser.headers,
    )
    list_id = response.json()["id"]
    heard.changes.clear()
    added = await client.post(
        f"{API}/filterlists/{list_id}/items",
        json={"items": ["a.example"]},
        headers=advertiser.headers,
    )
    assert added.status_code == 200, added.text
    assert heard.ids("filterlist") == {list_id}
    heard.changes.clear()
    removed = await client.request(
        "DELETE",
        f"{API}/filterlists/{list_id}/items",
        json={"items": ["a.example"]},
        headers=advertiser.headers,
    )
    assert removed.status_code == 200, removed.text
    assert heard.ids("filterlist") == {list_id}


async def test_another_process_hears_a_pause_within_a_second(
    client: httpx.AsyncClient, advertiser: Actor, database: Database, heard: Heard
) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("across processes only on PostgreSQL (the embedded mode is one process)")
    campaign = await create_campaign(client, advertiser.headers)
    # A listener of its own connection, not skipping this process's commits: as a bidder
    # process beside the server would.
    elsewhere = Heard()
    bus = changes.ChangeBus()
    bus.subscribe(elsewhere)
    url = database.engine.url.render_as_string(hide_password=False)
    listener = await changes.listen(url, bus)
    heard.changes.clear()
    try:
        await act(client, advertiser.headers, campaign["id"], "pause")
        latency = await elsewhere.wait_for("campaign", campaign["id"], timeout=1.0)
    finally:
        await listener.stop()
    assert latency < 1.0
    # The process that committed heard it once, from the commit, not again from the notice.
    assert sum(campaign["id"] in c.ids for c in heard.changes if c.kind == "campaign") == 1


async def test_a_rolled_back_transaction_notifies_no_other_process(
    database: Database, advertiser: Actor
) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    assert advertiser.account_id is not None
    elsewhere = Heard()
    bus = changes.ChangeBus()
    bus.subscribe(elsewhere)
    listener = await changes.listen(database.engine.url.render_as_string(hide_password=False), bus)
    try:
        async with database.sessionmaker() as session:
            await accounts.record_transaction(
                session, advertiser.account_id, "deposit", 1_000_000, "test", None
            )
            await session.rollback()
        await asyncio.sleep(0.3)
    finally:
        await listener.stop()
    assert elsewhere.changes == []


def test_a_commit_larger_than_a_notice_is_split_under_the_limit() -> None:
    ids = set(range(1_000_000, 1_002_000))
    payloads = recorded.encode({"campaign": ids, "filterlist": {7}}, "origin")
    assert len(payloads) > 1
    assert all(len(p.encode()) < 8000 for p in payloads)
    seen: dict[str, set[int]] = {}
    for payload in payloads:
        origin, changed = recorded.decode(payload)
        assert origin == "origin"
        for kind, found in changed.items():
            seen.setdefault(kind, set()).update(found)
    assert seen == {"campaign": ids, "filterlist": {7}}


def test_a_commit_too_large_for_a_few_notices_becomes_all() -> None:
    payloads = recorded.encode({"campaign": set(range(1_000_000, 1_100_000))}, "origin")
    assert len(payloads) == 1
    assert recorded.decode(payloads[0]) == ("origin", {"all": frozenset()})
    assert changes.to_changes(recorded.decode(payloads[0])[1]) == [Change("all")]


def test_an_unreadable_notice_means_all() -> None:
    assert recorded.decode("not json")[1] == {"all": frozenset()}
    assert recorded.decode(json.dumps({"o": "x"}))[1] == {"all": frozenset()}


async def test_a_bulk_change_past_the_limit_reaches_another_process_whole(
    database: Database, client: httpx.AsyncClient, advertiser: Actor
) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    elsewhere = Heard()
    bus = changes.ChangeBus()
    bus.subscribe(elsewhere)
    listener = await changes.listen(database.engine.url.render_as_string(hide_password=False), bus)
    ids = [(await create_campaign(client, advertiser.headers))["id"] for _ in range(3)]
    # Thousands of ids in one commit, as a sweep over every campaign would write.
    many = {"campaign": set(range(10_000_000, 10_003_000)) | set(ids)}
    try:
        async with database.sessionmaker() as session, session.begin():
            database.changes.pending(session.sync_session).update(many)
        await elsewhere.wait_for("campaign", ids[-1], timeout=1.0)
    finally:
        await listener.stop()
    assert elsewhere.ids("campaign") >= many["campaign"]


async def test_assigning_and_removing_creatives_names_the_campaign(
    client: httpx.AsyncClient, advertiser: Actor, heard: Heard
) -> None:
    # Core INSERT and DELETE statements, not ORM rows: their ids come from the statement.
    headers = advertiser.headers
    campaign = await create_campaign(client, headers)
    creative = await create(client, headers, banner_tag())
    url = f"{API}/campaigns/{campaign['id']}/creatives"
    heard.changes.clear()
    assigned = await client.put(url, json={"ids": [creative["id"]]}, headers=headers)
    assert assigned.status_code == 200, assigned.text
    assert campaign["id"] in heard.ids("campaign")
    heard.changes.clear()
    removed = await client.request("DELETE", url, json={"ids": [creative["id"]]}, headers=headers)
    assert removed.status_code == 200, removed.text
    assert campaign["id"] in heard.ids("campaign")
    assert Change("all") not in heard.changes


async def test_a_failing_listener_neither_fails_the_commit_nor_silences_the_others(
    client: httpx.AsyncClient, advertiser: Actor, database: Database, heard: Heard
) -> None:
    def broken(changes: Iterable[Change]) -> None:
        raise RuntimeError("listener bug")

    def sink(changed: object) -> None:
        broken([])

    # Ahead of the bus the fixture subscribed.
    database.changes.sinks.insert(0, sink)
    try:
        campaign = await create_campaign(client, advertiser.headers)
        heard.changes.clear()
        await act(client, advertiser.headers, campaign["id"], "pause")
    finally:
        database.changes.sinks.remove(sink)
    assert heard.ids("campaign") == {campaign["id"]}
