"""The event log on disk: segment files, their names, sealing, recovery and the loader lock.

Layout of ``<data_dir>/events``::

    loader.lock            held (flock) by the one process that loads into DuckDB
    <segment>.open         the server's segment being appended to (at most one)
    <segment>.ndjson       sealed segments, waiting to be loaded, oldest name first
    staging/               producers (import, generate) write here, then rename into place
    receipts/<segment>.json  what the loader made of a producer's segment (events, duplicates)
    rejected/              segments the loader could not read, kept for inspection

A segment is newline-delimited JSON, one stored event per line. The server appends a group of
events per write and ends each group with a commit line ``{"_commit": n}``: after a crash only
whole groups survive recovery, so a torn write never yields part of a batch.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

import orjson

FsyncMode = Literal["always", "interval", "never"]

OPEN_SUFFIX: Final = ".open"
SEALED_SUFFIX: Final = ".ndjson"
COMMIT_PREFIX: Final = b'{"_commit":'


@dataclass(frozen=True)
class LogPaths:
    """Where each part of the log lives."""

    root: Path

    @classmethod
    def under(cls, data_dir: Path) -> LogPaths:
        return cls(data_dir / "events")

    @property
    def lock(self) -> Path:
        return self.root / "loader.lock"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def receipts(self) -> Path:
        return self.root / "receipts"

    @property
    def rejected(self) -> Path:
        return self.root / "rejected"

    def create(self) -> None:
        for path in (self.root, self.staging, self.receipts, self.rejected):
            path.mkdir(parents=True, exist_ok=True)

    def sealed(self) -> list[Path]:
        """Sealed segments, oldest first (names start with their creation time)."""
        return sorted(p for p in self.root.glob(f"*{SEALED_SUFFIX}") if p.is_file())

    def open_segments(self) -> list[Path]:
        return sorted(self.root.glob(f"*{OPEN_SUFFIX}"))

    def receipt(self, segment_id: str) -> Path:
        return self.receipts / f"{segment_id}.json"


def new_segment_id(producer: str, sequence: int) -> str:
    """A unique, time-ordered segment name: ``<epoch ms>-<producer>-<sequence>``."""
    return f"{int(time.time() * 1000):013d}-{producer}-{sequence:06d}"


def new_producer(kind: str) -> str:
    """A producer name unique to this process and run, e.g. ``server-p1234-a1b2c3``."""
    return f"{kind}-p{os.getpid()}-{secrets.token_hex(3)}"


def _producer_alive(name: str) -> bool:
    match = re.search(r"-p(\d+)-", name)
    if match is None:
        return False
    try:
        os.kill(int(match.group(1)), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def segment_id_of(path: Path) -> str:
    return path.name.removesuffix(SEALED_SUFFIX).removesuffix(OPEN_SUFFIX)


def fsync_directory(directory: Path) -> None:
    # A rename is durable only once its directory entry is.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_line(count: int) -> bytes:
    return COMMIT_PREFIX + str(count).encode() + b"}\n"


@dataclass
class OpenSegment:
    """The segment the server appends to; only the log writer task touches it."""

    paths: LogPaths
    segment_id: str
    fsync: FsyncMode
    fd: int = -1
    size: int = 0
    events: int = 0
    dirty: bool = False
    opened_at: float = field(default_factory=time.monotonic)

    @property
    def path(self) -> Path:
        return self.paths.root / f"{self.segment_id}{OPEN_SUFFIX}"

    def open(self) -> None:
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        if self.fsync != "never":
            fsync_directory(self.paths.root)

    def append(self, data: bytes, events: int) -> None:
        """Append one group; with ``always`` it is on disk when this returns."""
        view = memoryview(data)
        try:
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
        except OSError:
            # Leave no part of an unacknowledged group behind a later commit line.
            os.ftruncate(self.fd, self.size)
            raise
        self.size += len(data)
        self.events += events
        if self.fsync == "always":
            os.fdatasync(self.fd)
        else:
            self.dirty = True

    def sync(self) -> None:
        if self.dirty and self.fsync != "never":
            os.fdatasync(self.fd)
        self.dirty = False

    def seal(self) -> Path:
        """Close the segment and give it its sealed name; the loader may take it from here."""
        self.sync()
        os.close(self.fd)
        self.fd = -1
        sealed = self.paths.root / f"{self.segment_id}{SEALED_SUFFIX}"
        os.rename(self.path, sealed)
        if self.fsync != "never":
            fsync_directory(self.paths.root)
        return sealed

    def discard(self) -> None:
        """Remove an empty segment."""
        os.close(self.fd)
        self.fd = -1
        self.path.unlink(missing_ok=True)


def _end_of_last_group(data: bytes) -> int:
    """The length of ``data`` up to and including its last complete commit line."""
    # A commit line can only start a line: inside a JSON string its quotes would be escaped.
    end = len(data)
    while (start := data.rfind(COMMIT_PREFIX, 0, end)) >= 0:
        newline = data.find(b"\n", start)
        if newline >= 0:
            return newline + 1
        end = start
    return 0


def recover_open_segment(paths: LogPaths, path: Path) -> Path | None:
    """Seal what a dead writer left: every whole group, nothing after the last commit line.

    Call only while holding the loader lock: then no live server is appending to ``path``.
    """
    data = path.read_bytes()
    keep = _end_of_last_group(data)
    if keep == 0:
        path.unlink()
        return None
    sealed = paths.root / f"{segment_id_of(path)}{SEALED_SUFFIX}"
    tmp = paths.staging / f"{segment_id_of(path)}.recovering"
    with open(tmp, "wb") as out:
        out.write(data[:keep])
        out.flush()
        os.fsync(out.fileno())
    os.rename(tmp, sealed)
    path.unlink()
    fsync_directory(paths.root)
    return sealed


class SegmentProducer:
    """Writes whole segments for a producer other than the server (import, generate).

    Segments are written under ``staging/`` and only renamed into the log by
    :meth:`publish`, so a failed or interrupted run adds nothing: a file is either absent
    from the log or complete.
    """

    def __init__(self, paths: LogPaths, kind: str, events_per_segment: int = 250_000) -> None:
        paths.create()
        self.paths = paths
        self.producer = new_producer(kind)
        self.events_per_segment = events_per_segment
        self.staged: list[Path] = []
        self._sequence = 0
        self._file: _StagedFile | None = None

    def write(self, lines: list[bytes]) -> None:
        """Add events (one JSON object per item) to the current staged segment."""
        start = 0
        while start < len(lines):
            if self._file is None:
                self._sequence += 1
                segment_id = new_segment_id(self.producer, self._sequence)
                self._file = _StagedFile(self.paths.staging / f"{segment_id}{SEALED_SUFFIX}")
            room = self.events_per_segment - self._file.events
            part = lines[start : start + room]
            self._file.write(b"\n".join(part) + b"\n", len(part))
            start += len(part)
            if self._file.events >= self.events_per_segment:
                self._close_current()

    def reserve(self) -> Path:
        """A staged segment path for someone else to write whole (published with the rest)."""
        self._sequence += 1
        path = (
            self.paths.staging / f"{new_segment_id(self.producer, self._sequence)}{SEALED_SUFFIX}"
        )
        self.staged.append(path)
        return path

    def _close_current(self) -> None:
        if self._file is not None:
            self.staged.append(self._file.close())
            self._file = None

    def publish(self) -> list[str]:
        """Move every staged segment into the log at once; returns their segment ids."""
        self._close_current()
        published = []
        for path in self.staged:
            if path.stat().st_size == 0:
                path.unlink()
                continue
            os.rename(path, self.paths.root / path.name)
            published.append(segment_id_of(path))
        if published:
            fsync_directory(self.paths.root)
        self.staged = []
        return published

    def abort(self) -> None:
        """Drop everything staged."""
        if self._file is not None:
            self._file.handle.close()
            self._file.path.unlink(missing_ok=True)
            self._file = None
        for path in self.staged:
            path.unlink(missing_ok=True)
        self.staged = []


class _StagedFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = open(path, "wb", buffering=1 << 20)
        self.events = 0

    def write(self, data: bytes, events: int) -> None:
        self.handle.write(data)
        self.events += events

    def close(self) -> Path:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        return self.path


def clear_staging(paths: LogPaths) -> None:
    """Remove what dead producers left in ``staging/``: never published, never acknowledged."""
    for path in paths.staging.iterdir():
        if path.is_file() and not _producer_alive(path.name):
            path.unlink(missing_ok=True)


def write_receipt(paths: LogPaths, segment_id: str, events: int, duplicates: int) -> None:
    tmp = paths.receipts / f"{segment_id}.tmp"
    tmp.write_bytes(orjson.dumps({"events": events, "duplicates": duplicates}))
    os.rename(tmp, paths.receipt(segment_id))


def read_receipt(paths: LogPaths, segment_id: str) -> tuple[int, int] | None:
    try:
        data = orjson.loads(paths.receipt(segment_id).read_bytes())
    except FileNotFoundError:
        return None
    return int(data["events"]), int(data["duplicates"])


class LoaderLock:
    """The exclusive right to load segments into DuckDB (DuckDB has a single writer)."""

    def __init__(self, paths: LogPaths) -> None:
        self.paths = paths
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        self.paths.create()
        fd = os.open(self.paths.lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def acquire(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if self.try_acquire():
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
