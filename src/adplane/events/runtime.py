"""The server's data plane at run time: the log writer, the loader, and what ties them.

``POST /events`` hands validated events to :class:`LogWriter`. One writer task takes every
batch waiting at that moment as one group (group commit): it drops events already seen,
appends the rest to the open segment with a single write (and a single fsync when
``ADPLANE_EVENTS_FSYNC=always``), then answers every waiting request. A segment is sealed half
a second after its first event, and :class:`Loader` loads sealed segments into DuckDB.

An event is identified by its key, (account id, event id): ids are unique per account, never
across accounts. A key is "seen" if it is stored in DuckDB or appended but not yet loaded
(``_unloaded``). The writer checks ``_unloaded`` before it asks DuckDB, and the loader forgets
keys only after their segment's transaction has committed, so a key is always visible in one
or the other.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from adplane.campaigns import spend
from adplane.events.ownership import CampaignAccountCache
from adplane.events.segments import (
    FsyncMode,
    LoaderLock,
    LogPaths,
    OpenSegment,
    clear_staging,
    commit_line,
    new_producer,
    new_segment_id,
    recover_open_segment,
    segment_id_of,
    write_receipt,
)
from adplane.events.store import AnalyticsStore, EventKey, LoadResult
from adplane.kit.errors import AppError
from adplane.kit.observability import EventLogStats
from adplane.settings import Settings

log = logging.getLogger("adplane.events")

# When the loader compacts DuckDB: (rows loaded since the last checkpoint, WAL bytes). While
# loading, rarely enough to cost little per row; when idle, sooner, as nothing waits on it.
BUSY_CHECKPOINT = (250_000, 64 << 20)
IDLE_CHECKPOINT = (20_000, 8 << 20)
# How many sealed segments one load transaction takes (see load_batch): about 700,000 import
# events, or every small segment the server sealed meanwhile.
BATCH_BYTES = 512 << 20
BATCH_SEGMENTS = 64


class LogUnavailable(AppError):
    status_code = 503
    title = "Service unavailable"


@dataclass(frozen=True)
class AppendResult:
    """How many events a batch held, and how many of them were already seen."""

    accepted: int
    duplicates: int


Span = tuple[datetime, datetime]


@dataclass
class _Request:
    keys: list[EventKey]
    lines: list[bytes]
    # The earliest and latest ts of the batch, when known.
    span: Span | None
    future: asyncio.Future[int]


@dataclass
class _SealRequest:
    future: asyncio.Future[None]


@dataclass
class WriterConfig:
    fsync: FsyncMode = "interval"
    fsync_interval: float = 1.0
    seal_after: float = 0.5
    max_segment_bytes: int = 64 << 20


class LogWriter:
    """Appends batches to the open segment; the only code that touches that file."""

    def __init__(
        self,
        paths: LogPaths,
        store: AnalyticsStore,
        config: WriterConfig,
        on_sealed: Callable[[], None],
    ) -> None:
        self.paths = paths
        self.store = store
        self.config = config
        self.producer = new_producer("server")
        self._on_sealed = on_sealed
        self._queue: list[_Request] = []
        self._seal_requests: list[_SealRequest] = []
        self._wakeup = asyncio.Event()
        self._segment: OpenSegment | None = None
        self._sequence = 0
        self._last_sync = time.monotonic()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        # Appended but not yet loaded: the keys, and segment id -> its keys.
        self._unloaded: set[EventKey] = set()
        self._by_segment: dict[str, list[EventKey]] = {}

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="adplane-event-log-writer")

    async def append(
        self, keys: list[EventKey], lines: list[bytes], span: Span | None = None
    ) -> AppendResult:
        """Append a batch (``keys[i]`` is the key of ``lines[i]``); returns once it is in the
        log (on disk with ``always``).

        With ``span``, keys already stored count as duplicates when stored with a ts in it
        (a retry carries its original ts); without, the whole store is searched. Either way
        the loader stores each key once.
        """
        if self._stopping or self._task is None or self._task.done():
            raise LogUnavailable("the event log is not accepting events (the server is stopping)")
        if not keys:
            return AppendResult(0, 0)
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._queue.append(_Request(keys, lines, span, future))
        self._wakeup.set()
        duplicates = await future
        return AppendResult(len(keys), duplicates)

    async def seal(self) -> None:
        """Seal the open segment now (if it holds anything)."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._seal_requests.append(_SealRequest(future))
        self._wakeup.set()
        await future

    def owns(self, segment_id: str) -> bool:
        return segment_id in self._by_segment

    def loaded(self, segment_id: str) -> None:
        """Forget the keys of a segment whose rows are now committed in DuckDB."""
        keys = self._by_segment.pop(segment_id, None)
        if keys:
            self._unloaded.difference_update(keys)

    async def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()
        if self._task is not None:
            await self._task

    # the writer task

    async def _run(self) -> None:
        try:
            await self._loop()
        finally:
            # Nobody waits forever on a writer that is gone.
            for request in self._queue:
                if not request.future.done():
                    request.future.set_exception(LogUnavailable("the event log stopped"))
            self._queue = []
            self._answer_seal_requests()

    async def _loop(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._sleep()):
                    await self._wakeup.wait()
            self._wakeup.clear()
            if self._queue:
                group, self._queue = self._queue, []
                try:
                    await self._commit(group)
                except Exception as exc:
                    log.exception("appending to the event log failed")
                    for request in group:
                        if not request.future.done():
                            request.future.set_exception(exc)
            try:
                await self._housekeeping()
            except OSError:
                # The disk may come back (full, or briefly unavailable): try again next turn.
                log.exception("sealing or syncing the event log failed")
                await asyncio.sleep(0.5)
            if self._stopping and not self._queue:
                await self._seal()
                self._answer_seal_requests()
                return

    def _sleep(self) -> float | None:
        if self._segment is None:
            return None
        now = time.monotonic()
        due = self._segment.opened_at + self.config.seal_after
        if self.config.fsync == "interval":
            due = min(due, self._last_sync + self.config.fsync_interval)
        return max(0.0, due - now)

    async def _commit(self, group: list[_Request]) -> None:
        fresh: set[EventKey] = set()
        for request in group:
            for key in request.keys:
                if key not in self._unloaded:
                    fresh.add(key)
        spans = [r.span for r in group]
        between = (
            (min(s[0] for s in spans if s), max(s[1] for s in spans if s)) if all(spans) else None
        )
        stored = (
            await asyncio.to_thread(self.store.known_keys, list(fresh), between) if fresh else set()
        )
        lines: list[bytes] = []
        keys: list[EventKey] = []
        taken: set[EventKey] = set()
        counts: list[int] = []
        for request in group:
            duplicates = 0
            for key, line in zip(request.keys, request.lines, strict=True):
                if key in taken or key in stored or key not in fresh:
                    duplicates += 1
                    continue
                taken.add(key)
                keys.append(key)
                lines.append(line)
            counts.append(duplicates)
        if lines:
            segment = self._segment or self._open_segment()
            data = b"\n".join(lines) + b"\n" + commit_line(len(lines))
            await asyncio.to_thread(segment.append, data, len(lines))
            self._unloaded.update(keys)
            self._by_segment[segment.segment_id].extend(keys)
        for request, duplicates in zip(group, counts, strict=True):
            if not request.future.done():
                request.future.set_result(duplicates)

    def _open_segment(self) -> OpenSegment:
        self._sequence += 1
        segment = OpenSegment(
            self.paths, new_segment_id(self.producer, self._sequence), self.config.fsync
        )
        segment.open()
        self._by_segment[segment.segment_id] = []
        self._segment = segment
        return segment

    async def _housekeeping(self) -> None:
        # Only the seal requests made before this turn are answered by it: one made while it
        # awaits (an fsync, say) must wait for the next turn's seal, not be answered unsealed.
        requests, self._seal_requests = self._seal_requests, []
        segment = self._segment
        now = time.monotonic()
        if segment is not None and (
            requests
            or now - segment.opened_at >= self.config.seal_after
            or segment.size >= self.config.max_segment_bytes
        ):
            await self._seal()
        elif (
            segment is not None
            and self.config.fsync == "interval"
            and now - self._last_sync >= self.config.fsync_interval
        ):
            await asyncio.to_thread(segment.sync)
            self._last_sync = now
        _answer(requests)

    async def _seal(self) -> None:
        segment, self._segment = self._segment, None
        if segment is None:
            return
        if segment.events == 0:
            await asyncio.to_thread(segment.discard)
            self._by_segment.pop(segment.segment_id, None)
            return
        await asyncio.to_thread(segment.seal)
        self._last_sync = time.monotonic()
        self._on_sealed()

    def _answer_seal_requests(self) -> None:
        requests, self._seal_requests = self._seal_requests, []
        _answer(requests)


def _answer(requests: list[_SealRequest]) -> None:
    for request in requests:
        if not request.future.done():
            request.future.set_result(None)


class Loader:
    """Loads sealed segments into DuckDB, oldest first, each exactly once."""

    def __init__(
        self,
        paths: LogPaths,
        store: AnalyticsStore,
        poll_interval: float = 0.25,
        on_loaded: Callable[[str], None] | None = None,
        owns: Callable[[str], bool] | None = None,
    ) -> None:
        self.paths = paths
        self.store = store
        self.poll_interval = poll_interval
        self._on_loaded = on_loaded or (lambda _segment_id: None)
        self._owns = owns or (lambda _segment_id: False)
        self._wakeup = asyncio.Event()
        self._lock = asyncio.Lock()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        # Read by /metrics (EventRuntime.stats).
        self.events_loaded = 0

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="adplane-event-loader")

    def notify(self) -> None:
        self._wakeup.set()

    async def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()
        if self._task is not None:
            await self._task
        await self.load_pending()

    async def _run(self) -> None:
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.poll_interval):
                    await self._wakeup.wait()
            self._wakeup.clear()
            try:
                await self.load_pending()
                if not self._wakeup.is_set():
                    await self._checkpoint(IDLE_CHECKPOINT)
            except Exception:
                log.exception("loading event segments failed; retrying")
                await asyncio.sleep(1)

    async def load_pending(self) -> list[LoadResult]:
        """Load every sealed segment now in the log, a batch per transaction."""
        async with self._lock:
            results = []
            for batch in batches(await asyncio.to_thread(self.paths.sealed)):
                loaded = await asyncio.to_thread(
                    load_batch, self.paths, self.store, batch, self._owns
                )
                for result in loaded:
                    self._on_loaded(result.segment_id)
                    self.events_loaded += result.events
                    results.append(result)
                if loaded:
                    await self._checkpoint(BUSY_CHECKPOINT)
            return results

    async def _checkpoint(self, due: tuple[int, int]) -> None:
        started = time.monotonic()
        rows, wal_bytes = due
        if await asyncio.to_thread(self.store.checkpoint_if_due, rows=rows, wal_bytes=wal_bytes):
            log.debug("checkpoint in %.3fs", time.monotonic() - started)


def batches(sealed: Sequence[Path]) -> list[list[Path]]:
    """``sealed`` (oldest first) cut into runs of at most BATCH_SEGMENTS and BATCH_BYTES."""
    out: list[list[Path]] = []
    size = 0
    for path in sealed:
        try:
            length = path.stat().st_size
        except FileNotFoundError:
            continue
        if not out or len(out[-1]) >= BATCH_SEGMENTS or size + length > BATCH_BYTES:
            out.append([])
            size = 0
        out[-1].append(path)
        size += length
    return out


def load_batch(
    paths: LogPaths,
    store: AnalyticsStore,
    batch: Sequence[Path],
    owns: Callable[[str], bool] = lambda _segment_id: False,
) -> list[LoadResult]:
    """Load sealed segments in one transaction and remove their files.

    A batch with any duplicate (stored, or repeated within or across its segments), a
    segment already loaded, or a file that cannot be read is loaded instead segment by
    segment (:func:`load_one`), whose transactions decide which copy counts and reject what
    is unreadable; the batched path never has to.
    """
    if len(batch) > 1:
        started = time.monotonic()
        results: list[LoadResult] | None
        try:
            results = store.load_segments([(path, segment_id_of(path)) for path in batch])
        except Exception:
            log.debug("batch of %d segments not loadable at once", len(batch), exc_info=True)
            results = None
        if results is not None:
            log.debug(
                "loaded %d segments: %d events in %.3fs",
                len(results),
                sum(r.events for r in results),
                time.monotonic() - started,
            )
            for path, done in zip(batch, results, strict=True):
                if not owns(done.segment_id):
                    write_receipt(paths, done.segment_id, done.events, done.duplicates)
                path.unlink(missing_ok=True)
            return results
    return [result for path in batch if (result := load_one(paths, store, path, owns)) is not None]


def load_one(
    paths: LogPaths,
    store: AnalyticsStore,
    path: Path,
    owns: Callable[[str], bool] = lambda _segment_id: False,
) -> LoadResult | None:
    """Load one sealed segment and remove its file; an unreadable one moves to ``rejected/``."""
    segment_id = segment_id_of(path)
    started = time.monotonic()
    try:
        result = store.load_segment(path, segment_id)
    except FileNotFoundError:
        return None
    except Exception:
        if not path.exists():
            return None
        log.exception("segment %s could not be loaded; moved to %s", path.name, paths.rejected)
        path.rename(paths.rejected / path.name)
        return None
    log.debug(
        "loaded %s: %d events, %d duplicates in %.3fs",
        segment_id,
        result.events,
        result.duplicates,
        time.monotonic() - started,
    )
    if not result.already_loaded and not owns(segment_id):
        write_receipt(paths, segment_id, result.events, result.duplicates)
    path.unlink(missing_ok=True)
    return result


def recover(
    paths: LogPaths,
    store: AnalyticsStore,
    on_loaded: Callable[[str, int, int], None] | None = None,
) -> list[LoadResult]:
    """Seal what dead writers left and load every sealed segment (the lock must be held)."""
    for path in paths.open_segments():
        recovered = recover_open_segment(paths, path)
        if recovered is not None:
            log.info("recovered event segment %s", recovered.name)
    clear_staging(paths)
    results = []
    for batch in batches(paths.sealed()):
        for result in load_batch(paths, store, batch):
            results.append(result)
            if on_loaded is not None:
                on_loaded(result.segment_id, result.events, result.duplicates)
    return results


class DuckDBSpendReader:
    """Campaign spend counters straight from the analytics store."""

    def __init__(self, store: AnalyticsStore) -> None:
        self.store = store

    async def counters(
        self, campaign_ids: Sequence[int], *, day_start: datetime
    ) -> dict[int, spend.SpendCounters]:
        return await asyncio.to_thread(self.store.spend_counters, list(campaign_ids), day_start)

    async def spend_since(self, since: Mapping[int, datetime]) -> dict[int, int]:
        # Campaigns whose periods began at the same instant share one query.
        groups: dict[datetime, list[int]] = {}
        for cid, start in since.items():
            groups.setdefault(start, []).append(cid)
        out: dict[int, int] = {}
        for start, ids in groups.items():
            counters = await self.counters(ids, day_start=start)
            out.update({cid: c.spend_today_micros for cid, c in counters.items()})
        return out

    async def hourly_spend(
        self, since: datetime, until: datetime
    ) -> list[tuple[int, int, datetime, int]]:
        """(account, campaign, UTC hour, spend micros) per hour in [since, until) (billing)."""
        return await asyncio.to_thread(self.store.hourly_spend, since, until)

    async def account_spend(self, account_ids: Sequence[int]) -> dict[int, int]:
        """Every spend ever recorded per account (billing's unposted spend)."""
        return await asyncio.to_thread(self.store.account_spend, list(account_ids))


@dataclass
class EventRuntime:
    """Everything the server runs for events: lock, store, writer and loader."""

    paths: LogPaths
    store: AnalyticsStore
    lock: LoaderLock
    writer: LogWriter
    loader: Loader
    spend_reader: DuckDBSpendReader = field(init=False)
    campaign_accounts: CampaignAccountCache = field(default_factory=CampaignAccountCache)

    def __post_init__(self) -> None:
        self.spend_reader = DuckDBSpendReader(self.store)

    @classmethod
    async def start(cls, settings: Settings) -> EventRuntime:
        """Take the loader lock, open DuckDB, replay what was not loaded, start the tasks."""
        paths = LogPaths.under(settings.data_dir)
        lock = LoaderLock(paths)
        acquired = await asyncio.to_thread(lock.acquire, settings.events_lock_timeout_seconds)
        if not acquired:
            raise RuntimeError(
                f"another process holds {paths.lock}: only one server (or import) may load "
                "events into this data directory"
            )
        try:
            store = await asyncio.to_thread(open_store, settings)
            results = await asyncio.to_thread(recover, paths, store)
        except BaseException:
            lock.release()
            raise
        if results:
            log.info(
                "replayed %d event segments (%d events)",
                len(results),
                sum(r.events for r in results),
            )
        loader = Loader(paths, store)
        writer = LogWriter(
            paths,
            store,
            WriterConfig(
                fsync=settings.events_fsync,
                fsync_interval=settings.events_fsync_interval_seconds,
                seal_after=settings.events_seal_seconds,
            ),
            on_sealed=loader.notify,
        )
        loader._on_loaded = writer.loaded
        loader._owns = writer.owns
        runtime = cls(paths, store, lock, writer, loader)
        writer.start()
        loader.start()
        return runtime

    async def append(
        self, keys: list[EventKey], lines: list[bytes], span: Span | None = None
    ) -> AppendResult:
        return await self.writer.append(keys, lines, span)

    async def flush(self) -> None:
        """Seal the open segment and load everything sealed: all appended events are queryable."""
        await self.writer.seal()
        await self.loader.load_pending()

    def stats(self) -> EventLogStats:
        """The log's depth and load lag, and the events loaded, for /metrics."""
        sealed = self.paths.sealed()
        lag = 0.0
        if sealed:
            # Segment names start with their creation time in epoch milliseconds.
            created_ms = segment_id_of(sealed[0]).split("-", 1)[0]
            if created_ms.isdigit():
                lag = max(0.0, time.time() - int(created_ms) / 1000)
        return EventLogStats(
            depth_events=len(self.writer._unloaded),
            depth_segments=len(sealed),
            load_lag_seconds=lag,
            events_loaded=self.loader.events_loaded,
        )

    async def stop(self) -> None:
        try:
            await self.writer.stop()
            await self.loader.stop()
        finally:
            await asyncio.to_thread(self.store.close)
            self.lock.release()


def open_store(settings: Settings) -> AnalyticsStore:
    return AnalyticsStore(
        settings.data_dir / "analytics.duckdb",
        memory_limit=settings.duckdb_memory_limit,
        threads=settings.duckdb_threads,
        readers=settings.analytics_readers,
    )
