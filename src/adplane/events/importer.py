"""``adplane events import``: an NDJSON or CSV file into the event log, all or nothing.

Validation is the same as ``POST /events`` (``schema.decode_lines``: msgspec, with the
pydantic schema as the reference for anything unusual) and costs a microsecond or two per
event, so a large file is cut at line boundaries into ranges that worker processes (one
per core) validate and write as staged segments in parallel. Only when every range is valid
are the segments published into the log; the first invalid line (in file order) aborts the
import and is reported with its line number.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.campaigns import service as campaign_service
from adplane.events import schema
from adplane.events.segments import LogPaths, SegmentProducer
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.settings import Settings

Format = Literal["ndjson", "csv"]
# Called with (bytes of the input done, events so far).
ReadProgress = Callable[[int, int], None]

RANGE_BYTES = 96 << 20
BATCH_LINES = 20_000
# Below this, worker processes cost more to start than they save.
PARALLEL_FROM_BYTES = 48 << 20


@dataclass(frozen=True)
class ImportResult:
    events: int
    segment_ids: list[str]
    seconds: float


@dataclass(frozen=True)
class _Range:
    source: str
    start: int
    end: int
    lax: bool
    target: str


@dataclass(frozen=True)
class _RangeDone:
    events: int
    # (line within the range, reason, [(field, message)]) of the first bad line, if any.
    error: tuple[int, str, list[tuple[str, str]]] | None = None


def detect_format(path: Path) -> Format:
    return "csv" if path.suffix.lower() == ".csv" else "ndjson"


def _ranges(source: Path, size: int, lax: bool, producer: SegmentProducer) -> list[_Range]:
    """Cut ``source`` into ranges of about RANGE_BYTES that end at a newline."""
    ranges = []
    with open(source, "rb") as handle:
        start = 0
        while start < size:
            end = min(start + RANGE_BYTES, size)
            if end < size:
                handle.seek(end)
                handle.readline()
                end = handle.tell()
            ranges.append(_Range(str(source), start, end, lax, str(producer.reserve())))
            start = end
    return ranges


_accounts: dict[int, int] = {}


def _init_worker(accounts: dict[int, int]) -> None:
    global _accounts
    _accounts = accounts


def _process_range(job: _Range) -> _RangeDone:
    """Validate one range and write it as a staged segment (runs in a worker process)."""
    with open(job.source, "rb") as handle:
        handle.seek(job.start)
        data = handle.read(job.end - job.start)
    raw = data.split(b"\n")
    if raw and not raw[-1]:
        raw.pop()
    events = 0
    with open(job.target, "wb", buffering=1 << 20) as out:
        for first in range(0, len(raw), BATCH_LINES):
            batch = raw[first : first + BATCH_LINES]
            lines = [line for line in batch if line and not line.isspace()]
            numbers: Sequence[int]
            if len(lines) == len(batch):
                numbers = range(first + 1, first + 1 + len(batch))
            else:
                numbers = [
                    first + 1 + i for i, line in enumerate(batch) if line and not line.isspace()
                ]
            if not lines:
                continue
            try:
                parsed = (
                    schema.events_of(schema.parse_lines(lines, lax=True, line_numbers=numbers))
                    if job.lax
                    else schema.decode_lines(lines, line_numbers=numbers)
                )
            except schema.InvalidLine as exc:
                problems = [(e.field, e.message) for e in exc.errors]
                return _RangeDone(events, (exc.line, exc.reason, problems))
            for index, event in enumerate(parsed):
                if event.campaign_id not in _accounts:
                    reason = f"is invalid: campaign {event.campaign_id} not found"
                    return _RangeDone(
                        events,
                        (numbers[index], reason, [("campaign_id", reason.split(": ", 1)[1])]),
                    )
            stored = schema.stage(parsed, _accounts)
            out.write(schema.encode_ndjson(stored))
            events += len(stored)
        out.flush()
        os.fsync(out.fileno())
    return _RangeDone(events)


def _csv_as_ndjson(source: Path, target: Path) -> None:
    """Rewrite a CSV file (header row first) as JSON lines of text values, in row order."""
    con = duckdb.connect()
    try:
        columns = [
            row[0]
            for row in con.execute(
                "DESCRIBE SELECT * FROM read_csv(?, header = true, all_varchar = true)",
                [str(source)],
            ).fetchall()
        ]
        unknown = [c for c in columns if c not in schema.FIELD_NAMES]
        if unknown:
            raise ValidationFailed(
                f"unknown columns: {', '.join(unknown)}",
                errors=[FieldError(c, "unknown field") for c in unknown],
            )
        con.execute("SET preserve_insertion_order = true")
        quoted_source = str(source).replace("'", "''")
        quoted_target = str(target).replace("'", "''")
        con.execute(
            f"COPY (SELECT * FROM read_csv('{quoted_source}', header = true, "
            f"all_varchar = true)) TO '{quoted_target}' (FORMAT json)"
        )
    except duckdb.Error as exc:
        raise ValidationFailed(f"{source.name} is not a readable CSV file: {exc}") from exc
    finally:
        con.close()


def _lines_before(source: Path, offset: int) -> int:
    count = 0
    with open(source, "rb") as handle:
        while offset > 0:
            block = handle.read(min(offset, 8 << 20))
            if not block:
                break
            count += block.count(b"\n")
            offset -= len(block)
    return count


def import_validated(
    settings: Settings,
    path: Path,
    accounts: dict[int, int],
    *,
    fmt: Format | None = None,
    on_progress: ReadProgress | None = None,
    workers: int | None = None,
) -> ImportResult:
    """Validate and stage every event of ``path``, then publish them; blocks."""
    started = time.monotonic()
    paths = LogPaths.under(settings.data_dir)
    producer = SegmentProducer(paths, "import")
    fmt = fmt or detect_format(path)
    converted: Path | None = None
    try:
        source, lax, header_lines = path, False, 0
        if fmt == "csv":
            converted = paths.staging / f"{producer.producer}.csv.ndjson"
            _csv_as_ndjson(path, converted)
            # CSV cells are text, so numbers and times are read from strings.
            source, lax, header_lines = converted, True, 1
        size = source.stat().st_size
        jobs = _ranges(source, size, lax, producer)
        events = _run(jobs, accounts, size, path.stat().st_size, on_progress, workers)
        if isinstance(events, tuple):
            job, (line, reason, problems) = events
            number = _lines_before(source, job.start) + line + header_lines
            raise schema.InvalidLine(number, reason, [FieldError(f, m) for f, m in problems])
    except BaseException:
        producer.abort()
        raise
    finally:
        if converted is not None:
            converted.unlink(missing_ok=True)
    segment_ids = producer.publish()
    return ImportResult(events, segment_ids, time.monotonic() - started)


def _run(
    jobs: list[_Range],
    accounts: dict[int, int],
    size: int,
    input_size: int,
    on_progress: ReadProgress | None,
    workers: int | None,
) -> int | tuple[_Range, tuple[int, str, list[tuple[str, str]]]]:
    """Process every range; the total of events, or the first bad range and its error."""
    done_bytes = 0
    total = 0

    def report(job: _Range, result: _RangeDone) -> None:
        nonlocal done_bytes, total
        done_bytes += job.end - job.start
        total += result.events
        if on_progress is not None:
            on_progress(int(input_size * done_bytes / max(size, 1)), total)

    count = workers or os.cpu_count() or 1
    if count <= 1 or size < PARALLEL_FROM_BYTES:
        _init_worker(accounts)
        for job in jobs:
            result = _process_range(job)
            if result.error is not None:
                return job, result.error
            report(job, result)
        return total
    # Spawned, not forked: the parent runs threads (asyncio, database drivers).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, context, _init_worker, (accounts,)) as pool:
        futures: list[Future[_RangeDone]] = [pool.submit(_process_range, job) for job in jobs]
        try:
            for job, future in zip(jobs, futures, strict=True):
                result = future.result()
                if result.error is not None:
                    return job, result.error
                report(job, result)
        finally:
            for future in futures:
                future.cancel()
    return total


async def import_file(
    session: AsyncSession,
    settings: Settings,
    path: Path,
    *,
    fmt: Format | None = None,
    on_progress: ReadProgress | None = None,
    workers: int | None = None,
) -> ImportResult:
    """Import ``path`` (NDJSON or CSV) into the log as the local operator (any campaign)."""
    # An import is an operator's bulk load: it checks campaigns against all of them at once.
    accounts = await campaign_service.all_account_ids(session)
    return await asyncio.to_thread(
        import_validated,
        settings,
        path,
        accounts,
        fmt=fmt,
        on_progress=on_progress,
        workers=workers,
    )
