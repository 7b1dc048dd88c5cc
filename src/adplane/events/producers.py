"""Producers other than the server: ``adplane events import`` and ``adplane events generate``.

They never open DuckDB while a server runs. They write whole segments into the log directory
(staged, then renamed into place), and whoever holds the loader lock loads them: the running
server within a fraction of a second, or, when no server runs, the command itself, under the
same lock and with the same exactly-once load. See ``docs/events.md``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.campaigns import service as campaign_service
from adplane.events import generator
from adplane.events.runtime import open_store, recover
from adplane.events.segments import LoaderLock, LogPaths, SegmentProducer, read_receipt
from adplane.settings import Settings

# Called with (segments done, segments in all).
LoadProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Delivery:
    """What became of published segments: loaded here, or by the running server."""

    by_server: bool
    segments: int
    events: int
    duplicates: int
    complete: bool = True


@dataclass(frozen=True)
class GenerateResult:
    events: int
    campaigns: int
    seed: int
    segment_ids: list[str]


async def generate_events(
    session: AsyncSession,
    settings: Settings,
    *,
    count: int,
    days: int = 30,
    seed: int = 0,
    output: Path | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> GenerateResult:
    """Generate ``count`` events for every campaign that is not archived.

    Without ``output`` the events go into the log (a running server loads them; otherwise
    call :func:`deliver`, or the next server start loads them). With ``output`` they are
    written there as an NDJSON file that ``adplane events import`` accepts.
    """
    campaigns = await campaign_service.list_for_generation(session)
    profiles = [generator.profile_of(c) for c in campaigns]
    written = 0
    segment_ids: list[str] = []
    if output is not None:
        with open(output, "wb", buffering=1 << 20) as handle:
            for chunk in generator.generate(profiles, count=count, days=days, seed=seed):
                handle.write(b"\n".join(generator.to_lines(chunk, with_account=False)) + b"\n")
                written += len(chunk)
                if on_progress is not None:
                    on_progress(len(chunk))
    else:
        producer = SegmentProducer(LogPaths.under(settings.data_dir), "generate")
        try:
            for chunk in generator.generate(profiles, count=count, days=days, seed=seed):
                producer.write(generator.to_lines(chunk))
                written += len(chunk)
                if on_progress is not None:
                    on_progress(len(chunk))
        except BaseException:
            producer.abort()
            raise
        segment_ids = producer.publish()
    return GenerateResult(written, len(profiles), seed, segment_ids)


def deliver(
    settings: Settings,
    segment_ids: Sequence[str],
    *,
    on_progress: LoadProgress | None = None,
    wait_seconds: float = 600,
) -> Delivery:
    """See published segments loaded: here if no server holds the loader lock, else by it."""
    paths = LogPaths.under(settings.data_dir)
    lock = LoaderLock(paths)
    if lock.try_acquire():
        try:
            return _load_here(settings, paths, segment_ids, on_progress)
        finally:
            lock.release()
    return _wait_for_server(paths, segment_ids, on_progress, wait_seconds)


def _load_here(
    settings: Settings,
    paths: LogPaths,
    segment_ids: Sequence[str],
    on_progress: LoadProgress | None,
) -> Delivery:
    store = open_store(settings)
    try:
        mine = set(segment_ids)
        total = len(paths.sealed()) + len(paths.open_segments())
        done = 0
        events = duplicates = 0

        def progress(result_segment: str, new: int, dup: int) -> None:
            nonlocal done, events, duplicates
            done += 1
            if result_segment in mine:
                events += new
                duplicates += dup
            if on_progress is not None:
                on_progress(done, total)

        recover(paths, store, on_loaded=progress)
        for segment_id in mine:
            paths.receipt(segment_id).unlink(missing_ok=True)
        return Delivery(False, len(mine), events, duplicates)
    finally:
        store.close()


def _wait_for_server(
    paths: LogPaths,
    segment_ids: Sequence[str],
    on_progress: LoadProgress | None,
    wait_seconds: float,
) -> Delivery:
    pending = set(segment_ids)
    events = duplicates = 0
    deadline = time.monotonic() + wait_seconds
    while pending and time.monotonic() < deadline:
        for segment_id in list(pending):
            receipt = read_receipt(paths, segment_id)
            if receipt is None:
                continue
            pending.discard(segment_id)
            events += receipt[0]
            duplicates += receipt[1]
            paths.receipt(segment_id).unlink(missing_ok=True)
        if on_progress is not None:
            on_progress(len(segment_ids) - len(pending), len(segment_ids))
        if pending:
            time.sleep(0.2)
    return Delivery(True, len(segment_ids), events, duplicates, complete=not pending)
