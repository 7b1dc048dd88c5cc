"""Engine, session factory, the per-request session dependency, and side transactions.

SQLite has one write lock per database. A request's transaction starts as a plain (deferred)
read transaction: authentication, campaign reads and reports take no lock at all, and in WAL
mode they never wait for a writer nor hold one up. Only when the transaction is about to
write (the first INSERT/UPDATE/DELETE/DDL statement, or a SAVEPOINT) does it take the write
lock, with ``BEGIN IMMEDIATE``, which waits for the lock (up to ``busy_timeout``) instead of
failing. See :func:`_take_write_lock` for why the read snapshot is ended first.

SQLite's own wait for the lock is a sleep-and-retry loop that wakes waiters in no order, so
under a queue of writers one request could wait many times as long as the others. Within a
process, writers therefore take a turn first (:class:`WriterTurns`, first come first served)
and only then ask SQLite for the lock; other processes still meet at ``busy_timeout``.
"""

from __future__ import annotations

import asyncio
import re
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Final

from fastapi import Depends, Request
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, ExecutionContext
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session as SyncSession
from sqlalchemy.util import await_only

from adplane.kit.changes import ChangeLog

# The PostgreSQL channel that committed changes are announced on (``kit.changes``).
CHANGES_CHANNEL: Final = "adplane_changes"


@dataclass(frozen=True)
class Database:
    """One engine and its session factory; created by the app factory, never at import."""

    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    # What this database's commits changed, for the delivery plane (``kit.changes``).
    changes: ChangeLog

    async def dispose(self) -> None:
        await self.engine.dispose()


# Where a connection's current transaction stands, in ``Connection.info`` (reset at every
# begin): READING until its first write, WRITING from then on. Absent: not managed here
# (an AUTOCOMMIT connection).
_STATE: Final = "adplane.transaction"
READING: Final = "reading"
WRITING: Final = "writing"

# The writer turn a connection holds, in ``Connection.info``, from its write lock to its end.
_TURN: Final = "adplane.writer_turn"
# As long as SQLite's busy_timeout: past it the writer asks SQLite anyway, as it did before
# there were turns, so a writer waiting on its own process can never wait for ever.
TURN_TIMEOUT_SECONDS: Final = 10.0


class WriterTurns:
    """First-come-first-served turns at one SQLite database's write lock, per event loop.

    An ``asyncio.Lock`` wakes its waiters in arrival order. It belongs to one event loop, and
    an engine can be used from several (a worker thread runs its own loop), so each loop gets
    its own lock; writers on different loops still meet at SQLite's lock.
    """

    def __init__(self) -> None:
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def _lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._locks.get(loop)
        if lock is None:
            lock = self._locks[loop] = asyncio.Lock()
        return lock

    async def take(self) -> asyncio.Lock | None:
        """Wait for this loop's turn; None when the wait ran out (SQLite decides then)."""
        lock = self._lock()
        try:
            async with asyncio.timeout(TURN_TIMEOUT_SECONDS):
                await lock.acquire()
        except TimeoutError:
            return None
        return lock


# Each SQLite engine's turns (PostgreSQL engines have none: it locks rows, not the database).
_TURNS: weakref.WeakKeyDictionary[Engine, WriterTurns] = weakref.WeakKeyDictionary()


def _end_turn(info: dict[Any, Any]) -> None:
    lock = info.pop(_TURN, None)
    if lock is not None and lock.locked():
        lock.release()


def _end_turn_of(connection: Connection) -> None:
    # At the transaction's end; the next writer's BEGIN IMMEDIATE then waits out this commit.
    _end_turn(connection.info)


def _end_turn_at_checkin(_dbapi_connection: Any, record: Any) -> None:
    # A connection handed back with its transaction still open is rolled back by the pool
    # without a rollback event: its turn must not outlive it.
    _end_turn(record.info)


# Statements that never write, by first keyword (the rest of the statement is not parsed).
_READ_KEYWORDS: Final = frozenset(
    {"SELECT", "VALUES", "EXPLAIN", "BEGIN", "COMMIT", "END", "ROLLBACK", "RELEASE", "SHOW"}
)
_DML: Final = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def _writes(statement: str, context: ExecutionContext | None) -> bool:
    """Whether a statement may write (when unsure: yes)."""
    if context is not None:
        if any(
            getattr(context, flag, False) for flag in ("isinsert", "isupdate", "isdelete", "isddl")
        ):
            return True
        # SELECT ... FOR UPDATE reads to write: SQLite drops the clause, so the read must
        # come after the write lock, or what it read could be stale by the time of the write.
        compiled = getattr(context, "compiled", None)
        if getattr(getattr(compiled, "statement", None), "_for_update_arg", None) is not None:
            return True
    words = statement.lstrip().split(None, 1)
    if not words:
        return False
    head = words[0].upper()
    if head == "WITH":
        return _DML.search(statement) is not None
    if head == "PRAGMA":
        return "=" in statement
    return head not in _READ_KEYWORDS


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers run beside the writer.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
    # The sqlite3 module opens transactions lazily (only before a write), so a SAVEPOINT
    # issued first becomes the outermost transaction and its RELEASE commits for good: a
    # later rollback would leave half a unit of work behind. Take transactions over here.
    dbapi_connection.isolation_level = None


def _autocommit(connection: Connection) -> bool:
    return connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT"


def _sqlite_begin(connection: Connection) -> None:
    if _autocommit(connection):
        connection.info.pop(_STATE, None)
        return
    # Deferred: a reader takes no lock (WAL gives it a snapshot); see _take_write_lock.
    connection.info[_STATE] = READING
    connection.exec_driver_sql("BEGIN")


def _take_write_lock(connection: Connection) -> None:
    """Turn the connection's read transaction into a write transaction, waiting for the lock.

    Upgrading a read transaction in place is not safe in SQLite: if another connection
    committed since this one's snapshot began, the first write fails at once with "database
    is locked" (SQLITE_BUSY_SNAPSHOT), whatever ``busy_timeout`` says, and a retry inside
    the transaction cannot succeed. So the read transaction, which has written nothing, is
    committed, and ``BEGIN IMMEDIATE`` waits for the write lock with a fresh snapshot. Reads
    before the first write and everything from it on are then two snapshots, the way each
    statement of a PostgreSQL READ COMMITTED transaction sees what was committed before it;
    from the first write to the commit the unit of work is serialised with every other
    writer, and it stays atomic (nothing was written before the switch).
    """
    if connection.info.get(_STATE) != READING:
        return
    connection.info[_STATE] = WRITING
    if connection.dialect.name != "sqlite":
        return
    turns = _TURNS.get(connection.engine)
    if turns is not None and _TURN not in connection.info:
        # In SQLAlchemy's greenlet: the wait yields to the event loop, it never blocks it.
        lock = await_only(turns.take())
        if lock is not None:
            connection.info[_TURN] = lock
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute("COMMIT")
        cursor.execute("BEGIN IMMEDIATE")
    finally:
        cursor.close()


def _before_cursor_execute(
    connection: Connection,
    _cursor: Any,
    statement: str,
    _parameters: Any,
    context: ExecutionContext | None,
    _executemany: bool,
) -> None:
    if connection.info.get(_STATE) == READING and _writes(statement, context):
        _take_write_lock(connection)


def _on_savepoint(connection: Connection, _name: str | None) -> None:
    # A savepoint is taken to write under it, and the switch to a write transaction must not
    # happen inside one (committing the read transaction would release it).
    _take_write_lock(connection)


def _track_begin(connection: Connection) -> None:
    if _autocommit(connection):
        connection.info.pop(_STATE, None)
    else:
        connection.info[_STATE] = READING


def create_database(url: str) -> Database:
    """Build the engine and session factory for a database URL."""
    kwargs: dict[str, Any] = {}
    if url.startswith("postgresql"):
        kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
    engine = create_async_engine(url, **kwargs)
    sync_engine = engine.sync_engine
    if engine.dialect.name == "sqlite":
        event.listen(sync_engine, "connect", _sqlite_pragmas)
        event.listen(sync_engine, "begin", _sqlite_begin)
        _TURNS[sync_engine] = WriterTurns()
        event.listen(sync_engine, "commit", _end_turn_of)
        event.listen(sync_engine, "rollback", _end_turn_of)
        event.listen(sync_engine.pool, "checkin", _end_turn_at_checkin)
    else:
        # PostgreSQL locks rows, not the database, and its reads take no lock; the state is
        # tracked only so that side transactions know whether the session has written.
        event.listen(sync_engine, "begin", _track_begin)
    event.listen(sync_engine, "before_cursor_execute", _before_cursor_execute)
    event.listen(sync_engine, "savepoint", _on_savepoint)
    changes = ChangeLog()
    # A session class of its own: the change hooks stay on this database's sessions.
    session_class = type("DatabaseSession", (SyncSession,), {})
    changes.install(session_class, _pg_notify if engine.dialect.name == "postgresql" else None)
    sessionmaker = async_sessionmaker(
        engine, expire_on_commit=False, sync_session_class=session_class
    )
    return Database(engine, sessionmaker, changes)


def _pg_notify(session: SyncSession, payloads: list[str]) -> None:
    # Inside the committing transaction: delivered when it commits, dropped if it fails. The
    # commit runs in SQLAlchemy's greenlet, so this sync call awaits asyncpg underneath.
    for payload in payloads:
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANGES_CHANNEL, "payload": payload},
        )


async def has_written(session: AsyncSession) -> bool:
    """Whether the session's transaction has written (on SQLite: holds the write lock)."""
    if not session.in_transaction():
        return False
    connection = await session.connection()
    return connection.sync_connection.info.get(_STATE) == WRITING  # type: ignore[union-attr]


@asynccontextmanager
async def side_transaction(session: AsyncSession) -> AsyncIterator[AsyncSession]:
    """A short transaction of its own, committed when the block ends, before the unit of work.

    For bookkeeping writes made while serving a read (an API key's last use): inside the
    request's transaction they would hold SQLite's write lock, or a PostgreSQL row lock,
    until the request ends. The session has only read so far, so its read transaction is
    ended (nothing to commit) and the block runs in a transaction of its own on the same
    session; the request's unit of work then begins afresh. Not on a second connection:
    with every pooled connection held by a request waiting for a second one, none would
    ever come free. If the session has already written, or has changes waiting, the block
    joins its transaction instead.
    """
    if session.new or session.dirty or session.deleted or await has_written(session):
        yield session
        return
    await session.commit()
    async with session.begin():
        yield session


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request: committed on success, rolled back on any error.

    The dependency has the "function" scope, so the commit happens when the endpoint returns
    and before the response is sent: a client never sees a success that was not committed,
    and a failed commit is reported as an error instead of being lost after a 2xx.
    """
    database: Database = request.app.state.database
    # What the app hands to every request's session (``Session.info``), such as the spend
    # reader its data plane opened; per app, so two apps on one database stay apart.
    info: dict[str, Any] = getattr(request.app.state, "session_info", None) or {}
    async with database.sessionmaker(info=dict(info)) as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()


Session = Annotated[AsyncSession, Depends(get_session, scope="function")]
