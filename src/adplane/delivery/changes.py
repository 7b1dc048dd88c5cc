"""Control-plane change notices: the snapshot hears of a pause, an approval or a list edit.

Every commit through a :class:`~adplane.kit.db.Database`'s sessions notes which campaigns,
creatives, filter lists and accounts it wrote (``kit.changes``; no service calls anything).
This module delivers those notes as :class:`~adplane.delivery.model.Change` values:

- in-process (the embedded SQLite mode, and the local half on PostgreSQL): right after the
  commit, synchronously, from the committing task;
- across processes on PostgreSQL: the commit also sends ``pg_notify('adplane_changes', ...)``
  inside its own transaction (delivered exactly when the rows become visible, never for a
  rollback), and :func:`start` keeps a ``LISTEN`` connection that hands other processes'
  notices to the local bus, reconnecting after a failure (and announcing ``all`` then, since
  notices sent while it was away are lost).

Use::

    bus = changes.ChangeBus()
    bus.subscribe(refresher)               # a model.ChangeListener: quick, never blocking
    feed = await changes.start(database, bus)
    ...
    await feed.stop()

A listener is called from the committing task (in-process) or from the listening task, with
the changes of one commit (one notice); it must only note or schedule work, never await or
query. Kinds: ``campaign``, ``creative`` (campaigns holding it), ``filterlist`` (campaigns
using it), ``account`` (funds), and ``all`` (take everything in again: a statement whose
rows could not be named, a commit too large for the notice payload, a lost connection).

Budget stops from spend are not control-plane writes: the guard enforces them in memory.
Sweeps and jobs write rows through the same sessions, so their changes are noticed.
Not covered: writes made outside adplane's sessions (psql by hand), and, on SQLite, writes
from another process (the embedded mode is one process).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, cast

import asyncpg  # type: ignore[import-untyped]

from adplane.delivery.model import Change, ChangeListener
from adplane.kit.changes import decode
from adplane.kit.db import CHANGES_CHANNEL, Database

log = logging.getLogger(__name__)

# model.Change's kinds; kit.changes names no other, but a newer process might.
_KNOWN: Final = frozenset({"campaign", "creative", "filterlist", "account", "all"})
RECONNECT_SECONDS: Final = 1.0


def to_changes(changed: Mapping[str, Iterable[int]]) -> list[Change]:
    """``kit.changes`` notes (kind -> ids) as model changes; an unknown kind means all."""
    if "all" in changed or set(changed) - _KNOWN:
        return [Change("all")]
    return [
        Change(cast(Any, kind), tuple(sorted(ids))) for kind, ids in sorted(changed.items()) if ids
    ]


class ChangeBus:
    """Hands changes to the listeners subscribed in this process."""

    def __init__(self) -> None:
        self._listeners: list[ChangeListener] = []

    def subscribe(self, listener: ChangeListener) -> None:
        """Call ``listener`` with every published batch of changes."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        """Stop calling ``listener``."""
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def publish(self, changes: Iterable[Change]) -> None:
        """Deliver changes to every listener; one failing listener does not stop the rest."""
        batch = list(changes)
        if not batch:
            return
        for listener in list(self._listeners):
            try:
                listener(batch)
            except Exception:
                log.exception("change listener %r failed", listener)

    def publish_noted(self, changed: Mapping[str, Iterable[int]]) -> None:
        """Deliver ``kit.changes`` notes (a ``ChangeLog`` sink)."""
        self.publish(to_changes(changed))


def asyncpg_dsn(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as asyncpg's DSN (no ``+driver``)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme.split('+', 1)[0]}://{rest}"


@dataclass
class Feed:
    """What :func:`start` started: the in-process hook and, on PostgreSQL, the listener."""

    bus: ChangeBus
    unsubscribe: Callable[[], None] | None = None
    listener: Listener | None = None

    async def stop(self) -> None:
        """Stop delivering: unhook the commits and close the LISTEN connection."""
        if self.unsubscribe is not None:
            self.unsubscribe()
            self.unsubscribe = None
        if self.listener is not None:
            await self.listener.stop()
            self.listener = None


@dataclass
class Listener:
    """A PostgreSQL ``LISTEN`` connection feeding a bus; reconnects until stopped."""

    dsn: str
    bus: ChangeBus
    # Notices from this origin are skipped (the process's own commits, delivered already).
    skip_origin: str | None = None
    channel: str = CHANGES_CHANNEL
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    _task: asyncio.Task[None] | None = None
    _stopping: bool = False
    _connection: Any = None

    async def start(self) -> None:
        """Connect and listen; returns once listening (or raises if the first try fails)."""
        await self._connect()
        self._task = asyncio.get_running_loop().create_task(self._watch())

    async def _connect(self) -> None:
        self.connected.clear()
        connection = await asyncpg.connect(self.dsn, timeout=10)
        await connection.add_listener(self.channel, self._on_notify)
        self._connection = connection
        self.connected.set()

    def _on_notify(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        origin, changed = decode(payload)
        if origin and origin == self.skip_origin:
            return
        self.bus.publish_noted(changed)

    async def _watch(self) -> None:
        """Notice a dropped connection and listen again; tell everyone to take all in."""
        while not self._stopping:
            connection = self._connection
            if connection is not None and not connection.is_closed():
                await asyncio.sleep(RECONNECT_SECONDS / 2)
                continue
            self.connected.clear()
            try:
                await self._connect()
            except (OSError, asyncpg.PostgresError, TimeoutError) as error:
                log.warning("change listener: reconnecting after %s", error)
                await asyncio.sleep(RECONNECT_SECONDS)
                continue
            # Whatever was notified while away is gone: everything may have changed.
            self.bus.publish([Change("all")])

    async def stop(self) -> None:
        """Stop listening and close the connection."""
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        connection, self._connection = self._connection, None
        if connection is not None and not connection.is_closed():
            with contextlib.suppress(Exception):
                await connection.close(timeout=5)


async def listen(url: str, bus: ChangeBus, *, skip_origin: str | None = None) -> Listener:
    """Listen for PostgreSQL change notices at ``url`` (a SQLAlchemy or libpq URL) into ``bus``."""
    listener = Listener(asyncpg_dsn(url), bus, skip_origin)
    await listener.start()
    return listener


async def start(database: Database, bus: ChangeBus) -> Feed:
    """Deliver ``database``'s changes to ``bus``: its own commits, and on PostgreSQL others'."""
    feed = Feed(bus, database.changes.subscribe(bus.publish_noted))
    if database.engine.dialect.name == "postgresql":
        url = database.engine.url.render_as_string(hide_password=False)
        feed.listener = await listen(url, bus, skip_origin=database.changes.origin)
    return feed
