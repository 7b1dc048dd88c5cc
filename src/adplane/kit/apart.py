"""Work apart from the serving loop: a worker thread with its own event loop and engine.

Long work through SQLAlchemy (a snapshot's read of every campaign, a jobs tick) is mostly
Python between queries, and on the server's event loop it holds every request up until it
yields. In a thread of its own, on a loop of its own, the interpreter hands the serving loop
its turn every few milliseconds instead. Asyncio objects and async engines belong to one
loop, so the worker has its own engine on the same database URL (``create_database``).

An in-memory SQLite database is one connection's: only the caller's engine sees it, so there
the work runs on the caller's loop with the caller's database, as before.

What the worker commits is handed to the caller's database's change sinks on the caller's
loop (delivery hears of a jobs tick's writes as of any request's). On PostgreSQL the worker's
``pg_notify`` carries the caller's origin, so the caller's own listener skips it as already
delivered, while other processes hear of it as usual.

Use::

    apart = Apart(database, name="adplane-jobs")
    apart.start()
    report = await apart.run(lambda db: tick.run(db, ...))   # on the worker's loop
    await apart.stop()                                        # work in progress is cancelled

or, once: ``await run_apart(database, work)``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from adplane.kit.db import Database, create_database

log = logging.getLogger(__name__)

T = TypeVar("T")
Work = Callable[[Database], Awaitable[T]]


def separable(database: Database) -> bool:
    """Whether a second engine sees ``database`` (not an in-memory SQLite database)."""
    url = database.engine.url
    return url.get_backend_name() != "sqlite" or url.database not in (None, "", ":memory:")


class Apart:
    """A worker thread running an event loop and an engine of its own, for work handed to it.

    ``start`` and ``stop`` are called from the caller's (home) loop; ``run`` from the home
    loop too. ``home`` is for the work itself: it runs a coroutine back on the home loop (for
    objects bound to it, such as the analytics store's read pool).
    """

    def __init__(self, database: Database, name: str) -> None:
        self.database = database
        self.name = name
        self.separate = separable(database)
        self._home: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready: concurrent.futures.Future[None] | None = None
        self._finished: concurrent.futures.Future[None] | None = None
        # Set from the worker thread once it runs; used only through call_soon_threadsafe.
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_requested: asyncio.Event | None = None
        # Touched only on the worker's loop: each piece of work's task, by its outcome.
        self._tasks: dict[concurrent.futures.Future[Any], asyncio.Future[Any]] = {}
        # Every piece of work handed over and not yet settled (settled at the latest when the
        # thread ends, so no caller waits forever).
        self._outcomes: set[concurrent.futures.Future[Any]] = set()
        self._outcomes_lock = threading.Lock()
        self._worker_database: Database | None = None
        self._stopping = False

    @property
    def thread(self) -> threading.Thread | None:
        """The worker thread while it runs (None inline or once stopped)."""
        return self._thread

    def start(self) -> None:
        """Start the worker thread (returns at once; ``run`` waits until it is ready)."""
        self._home = asyncio.get_running_loop()
        self._stopping = False
        if not self.separate or self._thread is not None:
            return
        self._ready = concurrent.futures.Future()
        self._finished = concurrent.futures.Future()
        # A daemon: should a stop be cut short, the process can still exit.
        self._thread = threading.Thread(target=self._main, name=self.name, daemon=True)
        self._thread.start()

    async def run(self, work: Work[T]) -> T:
        """``work(database)`` on the worker's loop and engine; cancelling this cancels it."""
        if self._stopping:
            raise RuntimeError(f"{self.name} is stopped")
        if not self.separate:
            return await work(self.database)
        if self._ready is None:
            raise RuntimeError(f"{self.name} is not started")
        await asyncio.wrap_future(self._ready)
        loop = self._loop
        assert loop is not None
        outcome: concurrent.futures.Future[T] = concurrent.futures.Future()
        with self._outcomes_lock:
            self._outcomes.add(outcome)
        try:
            loop.call_soon_threadsafe(self._begin, work, outcome)
            try:
                return await asyncio.wrap_future(outcome)
            except asyncio.CancelledError:
                # Cancel the work there too, and wait for it to unwind (its transaction
                # rolls back): whoever serialises on this call (a lock) must not start the
                # next piece of work while this one still holds the database.
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(self._cancel, outcome)
                with contextlib.suppress(BaseException):
                    await asyncio.shield(asyncio.wrap_future(outcome))
                raise
        finally:
            with self._outcomes_lock:
                self._outcomes.discard(outcome)

    async def home(self, work: Callable[[], Awaitable[T]]) -> T:
        """From work running apart: ``work()`` on the home loop (inline: right here)."""
        home = self._home
        if home is None or home is asyncio.get_running_loop():
            return await work()
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(_call(work), home))

    async def stop(self) -> None:
        """Cancel work in progress (its transactions roll back), dispose the engine, end the
        thread; returns once the thread has ended."""
        self._stopping = True
        thread, ready, finished = self._thread, self._ready, self._finished
        if thread is None or ready is None or finished is None:
            return
        with contextlib.suppress(Exception):
            await asyncio.wrap_future(ready)
        loop, stop_requested = self._loop, self._stop_requested
        if loop is not None and stop_requested is not None:
            with contextlib.suppress(RuntimeError):  # the loop has ended already
                loop.call_soon_threadsafe(stop_requested.set)
        await asyncio.wrap_future(finished)
        thread.join()
        self._thread = self._ready = self._finished = None

    # The worker thread.

    def _main(self) -> None:
        assert self._finished is not None
        try:
            asyncio.run(self._serve())
        except BaseException as exc:
            log.exception("%s: the worker's loop failed", self.name)
            if self._ready is not None and not self._ready.done():
                self._ready.set_exception(exc)
        finally:
            with self._outcomes_lock:
                left = list(self._outcomes)
            for outcome in left:
                _settle(outcome, exception=RuntimeError(f"{self.name} is stopped"))
            self._finished.set_result(None)

    async def _serve(self) -> None:
        assert self._ready is not None
        self._loop = asyncio.get_running_loop()
        self._stop_requested = asyncio.Event()
        database = create_database(self.database.engine.url.render_as_string(False))
        try:
            self._relay(database)
            self._worker_database = database
            self._ready.set_result(None)
            await self._stop_requested.wait()
            tasks = list(self._tasks.values())
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            self._worker_database = None
            await database.dispose()

    def _begin(self, work: Work[T], outcome: concurrent.futures.Future[T]) -> None:
        """On the worker's loop: start ``work`` as a task whose end settles ``outcome``."""
        stop_requested = self._stop_requested
        database = self._worker_database
        if stop_requested is None or stop_requested.is_set() or database is None:
            _settle(outcome, exception=RuntimeError(f"{self.name} is stopped"))
            return
        if not outcome.set_running_or_notify_cancel():
            return  # cancelled before it began

        async def perform() -> T:
            return await work(database)

        task = asyncio.ensure_future(perform())
        self._tasks[outcome] = task

        def finish(done: asyncio.Future[T]) -> None:
            self._tasks.pop(outcome, None)
            if done.cancelled():  # by a stop, or by the caller's own cancellation
                _settle(outcome, exception=RuntimeError(f"{self.name}: the work was cancelled"))
            elif (error := done.exception()) is not None:
                _settle(outcome, exception=error)
            else:
                _settle(outcome, result=done.result())

        task.add_done_callback(finish)

    def _cancel(self, outcome: concurrent.futures.Future[Any]) -> None:
        task = self._tasks.get(outcome)
        if task is not None:
            task.cancel()

    def _relay(self, worker: Database) -> None:
        """Hand the worker's committed changes to the home database's sinks, at home."""
        home, changes = self._home, self.database.changes
        assert home is not None
        worker.changes.origin = changes.origin

        def deliver(changed: Mapping[str, frozenset[int]]) -> None:
            for sink in list(changes.sinks):
                # Committed already: a failing sink must not turn it into an error.
                try:
                    sink(changed)
                except Exception:
                    log.exception("change sink %r failed", sink)

        def relay(changed: Mapping[str, frozenset[int]]) -> None:
            with contextlib.suppress(RuntimeError):  # the home loop has ended
                home.call_soon_threadsafe(deliver, changed)

        worker.changes.subscribe(relay)


def _settle(
    outcome: concurrent.futures.Future[T],
    *,
    result: T | None = None,
    exception: BaseException | None = None,
) -> None:
    """Set ``outcome`` unless it is done already (cancelled, or settled at the thread's end)."""
    with contextlib.suppress(concurrent.futures.InvalidStateError):
        if outcome.done():
            return
        if exception is not None:
            outcome.set_exception(exception)
        else:
            outcome.set_result(result)  # type: ignore[arg-type]


async def _call(work: Callable[[], Awaitable[T]]) -> T:
    return await work()


async def run_apart(database: Database, work: Work[T], name: str = "adplane-apart") -> T:
    """``work`` once, in a worker thread of its own (see ``Apart``), then the thread ends."""
    apart = Apart(database, name)
    apart.start()
    try:
        return await apart.run(work)
    finally:
        await apart.stop()
