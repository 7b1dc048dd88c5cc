"""The DuckDB analytics store: the events table, exactly-once segment loads, and queries.

Every method blocks; async callers run them in a worker thread. DuckDB releases the GIL while
it works, and each call uses its own cursor, so loads, duplicate checks and reports run side
by side (DuckDB isolates them with MVCC; there is one writer, the loader). Reports go
through :meth:`AnalyticsStore.read`: a pool of its own with a bounded number of threads, so
they never run on the event loop, never crowd out the log writer's and the loader's threads
(nor the millisecond spend-counter reads), and queue in arrival order when more are asked
for than the cores can run.

An event is identified by its key, (account, event id): an id is unique within its account
and never across accounts, so two advertisers may use the same ids without one's events
hiding the other's. Duplicates are found through ``event_hash``, the low 64 bits of the MD5
of the key: scanning eight bytes per row is ten times cheaper than comparing the keys
themselves, and a hash match is confirmed on the key, so a collision can never drop an event.
"""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, ParamSpec, TypeVar

import duckdb

from adplane.campaigns.spend import SpendCounters
from adplane.events.schema import COLUMNS, EVENT_TYPES

# 1: event_hash over the event id alone; 2: over the key (account, event id).
SCHEMA_VERSION: Final = 2

P = ParamSpec("P")
T = TypeVar("T")

# An event's identity: (account id, event id).
EventKey = tuple[int, str]


def key_hash(account: str, event_id: str) -> str:
    """The SQL for ``event_hash`` of a key given as two SQL expressions.

    The account is an integer, so "<digits>:" is an unambiguous prefix whatever the id holds.
    """
    return f"md5_number_lower(coalesce(CAST({account} AS VARCHAR), '') || ':' || {event_id})"


_HASH: Final = key_hash("account_id", "event_id")
# A list of keys passed as two parallel lists; DuckDB unnests them side by side.
_KEYS: Final = "SELECT unnest(?::BIGINT[]) AS account_id, unnest(?::VARCHAR[]) AS event_id"

_ENUM = ", ".join(f"'{t}'" for t in EVENT_TYPES)

# How a segment's JSON fields become columns: text -> enum, ISO "Z" time -> UTC timestamp,
# exact decimal text -> integer micros.
_SEGMENT_JSON_TYPES: Final = {
    **{name: kind for name, kind in COLUMNS if kind in {"VARCHAR", "BIGINT", "BOOLEAN"}},
    "type": "VARCHAR",
    "ts": "VARCHAR",
    "cost": "DECIMAL(18,6)",
    "revenue": "DECIMAL(18,6)",
}
_SEGMENT_JSON_TYPES.pop("cost_micros")
_SEGMENT_JSON_TYPES.pop("revenue_micros")


def _select_from_json() -> str:
    exprs = []
    for name, _kind in COLUMNS:
        if name == "type":
            exprs.append("CAST(type AS event_type) AS type")
        elif name == "ts":
            exprs.append("timezone('UTC', CAST(ts AS TIMESTAMPTZ)) AS ts")
        elif name in {"cost_micros", "revenue_micros"}:
            source = name.removesuffix("_micros")
            exprs.append(f"CAST(coalesce({source}, 0) * 1000000 AS BIGINT) AS {name}")
        else:
            exprs.append(name)
    return ", ".join(exprs)


_COLUMN_LIST: Final = ", ".join(name for name, _ in COLUMNS)
_SELECT_FROM_JSON: Final = _select_from_json()


@dataclass(frozen=True)
class LoadResult:
    segment_id: str
    events: int
    duplicates: int
    already_loaded: bool = False


class AnalyticsStore:
    """One DuckDB database file holding every loaded event."""

    def __init__(
        self,
        path: Path,
        *,
        memory_limit: str = "1GB",
        threads: int | None = None,
        readers: int | None = None,
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        # Rows are found by zone maps on ts, never by position; letting the loader's threads
        # append in any order makes loads markedly faster.
        # Checkpoints run inside the commit that crosses the threshold, stalling that load for
        # a second or more on a large table; the loader checkpoints when idle instead (see
        # checkpoint_if_due), and this high threshold is only the backstop.
        config: dict[str, Any] = {
            "memory_limit": memory_limit,
            "preserve_insertion_order": False,
            "checkpoint_threshold": "256MB",
        }
        if threads:
            config["threads"] = threads
        self.path = path
        self._db = duckdb.connect(str(path), config=config)
        # Naive timestamps are UTC everywhere in adplane; so is this database's session zone.
        self._db.execute("SET GLOBAL TimeZone = 'UTC'")
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._active = 0
        self._closed = False
        self._rows_since_checkpoint = 0
        # Each query already runs on DuckDB's threads; more concurrent reads than cores only
        # lengthen every one of them, so the rest wait their turn here, in order. The count
        # follows the cores, not DuckDB's threads: DuckDB's thread count is global to the
        # database (DuckDB refuses ``SET threads`` per connection), and a query runs on its
        # calling thread plus the shared workers, so ``threads=1`` caps every report at one
        # core while ``readers`` of them run side by side.
        self.readers = readers or os.cpu_count() or 1
        self._read_pool = ThreadPoolExecutor(self.readers, thread_name_prefix="adplane-analytics")
        self._read_slots = asyncio.Semaphore(self.readers)
        # Reads running and waiting for a thread (for metrics).
        self.reads_running = 0
        self.reads_waiting = 0
        self._counters = _CountersCache()
        self._create_schema()

    def _create_schema(self) -> None:
        con = self._db
        con.execute("BEGIN")
        exists = con.execute(
            "SELECT count(*) FROM duckdb_types() WHERE type_name = 'event_type'"
        ).fetchone()
        if not exists or not exists[0]:
            con.execute(f"CREATE TYPE event_type AS ENUM ({_ENUM})")
        columns = ",\n  ".join(f"{name} {kind}" for name, kind in COLUMNS)
        con.execute(f"CREATE TABLE IF NOT EXISTS events (\n  {columns},\n  event_hash UBIGINT\n)")
        # A store written before a column existed gains it, NULL in every old row: adding a
        # nullable column touches no data, so even a large store opens at once.
        present = {
            str(row[0])
            for row in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' "
                "AND schema_name = 'main' AND database_name = current_database()"
            ).fetchall()
        }
        for name, kind in COLUMNS:
            if name not in present:
                con.execute(f"ALTER TABLE events ADD COLUMN {name} {kind}")
        con.execute(
            "CREATE TABLE IF NOT EXISTS loaded_segments ("
            " segment_id VARCHAR PRIMARY KEY, events BIGINT NOT NULL,"
            " duplicates BIGINT NOT NULL, loaded_at TIMESTAMP NOT NULL)"
        )
        con.execute(
            "CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)"
        )
        con.execute(
            "INSERT INTO store_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [str(SCHEMA_VERSION)],
        )
        version = con.execute(
            "SELECT CAST(value AS INTEGER) FROM store_meta WHERE key = 'schema_version'"
        ).fetchone()
        if version is not None and int(version[0]) < 2:
            # Version 1 hashed the id alone; every stored hash is recomputed over the key.
            con.execute(f"UPDATE events SET event_hash = {_HASH}")
            con.execute("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'")
        con.execute("COMMIT")

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one piece of work, counted until it is done."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the analytics store is closed")
            con = self._db.cursor()
            self._active += 1
        try:
            yield con
        finally:
            con.close()
            with self._lock:
                self._active -= 1
                self._idle.notify_all()

    async def read(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking read (a report's ``fetch``) on the bounded read pool.

        At most ``readers`` run at once; the others wait here, in arrival order. The counts
        are kept on the event loop's thread, so they need no lock.
        """
        waiting = True
        self.reads_waiting += 1
        try:
            async with self._read_slots:
                waiting = False
                self.reads_waiting -= 1
                self.reads_running += 1
                try:
                    return await asyncio.get_running_loop().run_in_executor(
                        self._read_pool, functools.partial(work, *args, **kwargs)
                    )
                finally:
                    self.reads_running -= 1
        finally:
            if waiting:
                self.reads_waiting -= 1

    def close(self, timeout: float = 30) -> None:
        """Close the database once running work has finished (DuckDB refuses otherwise)."""
        self._read_pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            self._closed = True
            self._idle.wait_for(lambda: self._active == 0, timeout)
            self._db.close()

    # loading

    def is_loaded(self, segment_id: str) -> bool:
        with self._connection() as con:
            row = con.execute(
                "SELECT 1 FROM loaded_segments WHERE segment_id = ?", [segment_id]
            ).fetchone()
            return row is not None

    def load_segment(self, path: Path, segment_id: str) -> LoadResult:
        """Load one sealed segment, at most once: its id is committed with its rows.

        Events whose id is already stored, or repeated within the segment, are skipped. The
        common case (no duplicates) costs one light pass over the ids and one insert.
        """
        source = "read_json(?, format = 'newline_delimited', records = true, columns = ?)"
        with self._connection() as con:
            try:
                con.execute("BEGIN")
                done = con.execute(
                    "SELECT 1 FROM loaded_segments WHERE segment_id = ?", [segment_id]
                ).fetchone()
                if done is not None:
                    con.execute("ROLLBACK")
                    return LoadResult(segment_id, 0, 0, already_loaded=True)
                row = con.execute(
                    f"WITH s AS MATERIALIZED (SELECT account_id, event_id, {_HASH} AS h "
                    f"FROM {source} WHERE event_id IS NOT NULL) "
                    "SELECT count(*), "
                    "(SELECT count(*) FROM (SELECT DISTINCT account_id, event_id FROM s)), "
                    "(SELECT list(DISTINCT s.h) FROM s SEMI JOIN events e ON e.event_hash = s.h) "
                    "FROM s",
                    [str(path), {"account_id": "BIGINT", "event_id": "VARCHAR"}],
                ).fetchone()
                total, distinct, candidates = (
                    (int(row[0]), int(row[1]), row[2]) if row else (0, 0, [])
                )
                stored: list[EventKey] = []
                if candidates:
                    # A hash match is only a candidate: the keys decide.
                    stored = [
                        (int(r[0]), str(r[1]))
                        for r in con.execute(
                            "SELECT DISTINCT account_id, event_id FROM events "
                            "WHERE event_hash IN (SELECT unnest(?::UBIGINT[]))",
                            [candidates],
                        ).fetchall()
                    ]
                select = f"SELECT {_SELECT_FROM_JSON}, {_HASH} FROM {source}"
                params: list[Any] = [str(path), _SEGMENT_JSON_TYPES]
                if stored or distinct < total:
                    select = (
                        f"SELECT {_COLUMN_LIST}, event_hash FROM ("
                        f"SELECT {_SELECT_FROM_JSON}, {_HASH} AS event_hash, "
                        "row_number() OVER (PARTITION BY account_id, event_id) AS copy "
                        f"FROM {source} AS src WHERE event_id IS NOT NULL "
                        f"AND NOT EXISTS (SELECT 1 FROM ({_KEYS}) AS k "
                        "WHERE k.account_id = src.account_id AND k.event_id = src.event_id)"
                        ") WHERE copy = 1"
                    )
                    params += [[k[0] for k in stored], [k[1] for k in stored]]
                else:
                    select += " WHERE event_id IS NOT NULL"
                inserted = con.execute(
                    f"INSERT INTO events ({_COLUMN_LIST}, event_hash) {select}", params
                ).fetchone()
                fresh = int(inserted[0]) if inserted else 0
                con.execute(
                    "INSERT INTO loaded_segments VALUES (?, ?, ?, now()::TIMESTAMP)",
                    [segment_id, fresh, total - fresh],
                )
                con.execute("COMMIT")
                self._rows_since_checkpoint += fresh
                return LoadResult(segment_id, fresh, total - fresh)
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def load_segments(self, segments: Sequence[tuple[Path, str]]) -> list[LoadResult] | None:
        """Load several sealed segments in ONE transaction, or nothing (``None``).

        The common case of an import (many large segments of fresh events) pays once per
        batch what :meth:`load_segment` pays per segment: the duplicate pre-pass (whose
        semi-join probes every stored hash, so it grows with the table), the transaction and
        the checkpoint that follows. Only a batch without a single duplicate is loaded this
        way, so every segment's counts are simply its rows; a batch with a stored or
        repeated key, or one naming a segment already loaded, is left untouched (``None``)
        for the caller to load segment by segment, where the rules for duplicates live.
        """
        if not segments:
            return []
        files = [str(path) for path, _ in segments]
        ids = [segment_id for _, segment_id in segments]
        source = "read_json(?, format = 'newline_delimited', records = true, columns = ?"
        keys_source = f"{source}, filename = '_segment_file')"
        source += ")"
        with self._connection() as con:
            try:
                con.execute("BEGIN")
                done = con.execute(
                    "SELECT count(*) FROM loaded_segments "
                    "WHERE segment_id IN (SELECT unnest(?::VARCHAR[]))",
                    [ids],
                ).fetchone()
                if done is None or int(done[0]) > 0:
                    con.execute("ROLLBACK")
                    return None
                rows = con.execute(
                    f"WITH s AS MATERIALIZED (SELECT _segment_file AS f, account_id, event_id, "
                    f"{_HASH} AS h FROM {keys_source} WHERE event_id IS NOT NULL) "
                    "SELECT f, count(*), "
                    "any_value((SELECT count(*) FROM "
                    "(SELECT DISTINCT account_id, event_id FROM s))), "
                    "any_value((SELECT count(*) FROM s SEMI JOIN events e ON e.event_hash = s.h)) "
                    "FROM s GROUP BY f",
                    [files, {"account_id": "BIGINT", "event_id": "VARCHAR"}],
                ).fetchall()
                per_file = {str(r[0]): int(r[1]) for r in rows}
                total = sum(per_file.values())
                distinct = int(rows[0][2]) if rows else 0
                stored_candidates = int(rows[0][3]) if rows else 0
                # A hash match may be a collision, not a duplicate: the per-segment path
                # confirms it on the key, so it decides.
                if distinct < total or stored_candidates or not per_file.keys() <= set(files):
                    con.execute("ROLLBACK")
                    return None
                inserted = con.execute(
                    f"INSERT INTO events ({_COLUMN_LIST}, event_hash) "
                    f"SELECT {_SELECT_FROM_JSON}, {_HASH} FROM {source} "
                    "WHERE event_id IS NOT NULL",
                    [files, _SEGMENT_JSON_TYPES],
                ).fetchone()
                fresh = int(inserted[0]) if inserted else 0
                if fresh != total:
                    # A file changed between the two reads: let the per-segment path decide.
                    con.execute("ROLLBACK")
                    return None
                results = [
                    LoadResult(segment_id, per_file.get(file, 0), 0)
                    for file, segment_id in zip(files, ids, strict=True)
                ]
                con.executemany(
                    "INSERT INTO loaded_segments VALUES (?, ?, 0, now()::TIMESTAMP)",
                    [[r.segment_id, r.events] for r in results],
                )
                con.execute("COMMIT")
                self._rows_since_checkpoint += fresh
                return results
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def checkpoint_if_due(self, *, rows: int, wal_bytes: int) -> bool:
        """Compact what was loaded since the last checkpoint, once it is large enough.

        Large loads are written straight to the database file but compacted only at a
        checkpoint; doing that as the loader goes, rather than at some later commit, keeps
        the cost with the load that caused it.
        """
        wal = self.path.with_name(self.path.name + ".wal")
        size = wal.stat().st_size if wal.exists() else 0
        if self._rows_since_checkpoint < rows and size < wal_bytes:
            return False
        with self._connection() as con:
            try:
                con.execute("CHECKPOINT")
            except duckdb.TransactionException:
                # Another write is running; the next turn will do.
                return False
        self._rows_since_checkpoint = 0
        return True

    # reading

    def known_keys(
        self, keys: Sequence[EventKey], between: tuple[datetime, datetime] | None = None
    ) -> set[EventKey]:
        """Which of ``keys`` are already stored (with ``between``: with a ts in it).

        A retried event carries its original ts, so bounding the search by the batch's time
        span finds every retry while zone maps skip the rest of the table.
        """
        if not keys:
            return set()
        window = ""
        params: list[Any] = [[k[0] for k in keys], [k[1] for k in keys]]
        if between is not None:
            window = " WHERE ts BETWEEN ? AND ?"
            params += [_naive_utc(between[0]), _naive_utc(between[1])]
        with self._connection() as con:
            candidates = con.execute(
                f"SELECT DISTINCT b.h FROM (SELECT {_HASH} AS h FROM ({_KEYS})) b "
                f"SEMI JOIN (SELECT event_hash FROM events{window}) e ON e.event_hash = b.h",
                params,
            ).fetchall()
            if not candidates:
                return set()
            # Comparing keys in SQL would read every stored id; fetch the few that match.
            rows = con.execute(
                "SELECT DISTINCT account_id, event_id FROM events WHERE event_hash IN "
                f"(SELECT unnest(?::UBIGINT[])){window.replace(' WHERE', ' AND')}",
                [[row[0] for row in candidates], *params[2:]],
            ).fetchall()
        return {(int(row[0]), str(row[1])) for row in rows} & set(keys)

    def fetch(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query."""
        with self._connection() as con:
            return con.execute(sql, params).fetchall()

    def event_count(self) -> int:
        rows = self.fetch("SELECT count(*) FROM events")
        return int(rows[0][0])

    def spend_counters(
        self, campaign_ids: Sequence[int], day_start: datetime
    ) -> dict[int, SpendCounters]:
        """Spend (micros), impressions and clicks per campaign: since ``day_start`` and ever.

        Every campaign view reads these, and each answer scans the events of its campaigns
        (at 3 million events, 30-90 ms of CPU: more than a report). Between two loads the
        answer cannot change, so it is kept until the next one (see ``_CountersCache``).
        """
        if not campaign_ids:
            return {}
        ids = sorted(set(campaign_ids))
        day = _naive_utc(day_start)
        with self._connection() as con:
            # One snapshot for the load count and the sums, so an answer is never filed
            # under a load it does not include.
            con.execute("BEGIN")
            try:
                loads = _scalar(con, "SELECT count(*) FROM loaded_segments")
                cached = self._counters.get(loads, (tuple(ids), day))
                if cached is not None:
                    return dict(cached)
                rows = con.execute(
                    "SELECT campaign_id,"
                    " coalesce(sum(cost_micros) FILTER (WHERE ts >= $day), 0),"
                    " coalesce(sum(cost_micros), 0),"
                    " count(*) FILTER (WHERE type = 'impression' AND ts >= $day),"
                    " count(*) FILTER (WHERE type = 'impression'),"
                    " count(*) FILTER (WHERE type = 'click' AND ts >= $day),"
                    " count(*) FILTER (WHERE type = 'click')"
                    " FROM events WHERE campaign_id IN (SELECT unnest($ids::BIGINT[]))"
                    " GROUP BY campaign_id",
                    {"ids": ids, "day": day},
                ).fetchall()
            finally:
                con.execute("ROLLBACK")
        counters = {
            int(row[0]): SpendCounters(
                spend_today_micros=int(row[1]),
                spend_total_micros=int(row[2]),
                impressions_today=int(row[3]),
                impressions_total=int(row[4]),
                clicks_today=int(row[5]),
                clicks_total=int(row[6]),
            )
            for row in rows
        }
        self._counters.put(loads, (tuple(ids), day), counters)
        return dict(counters)

    def hourly_spend(
        self, since: datetime, until: datetime
    ) -> list[tuple[int, int, datetime, int]]:
        """(account, campaign, UTC hour start, spend micros) of each hour in [since, until)."""
        rows = self.fetch(
            "SELECT account_id, campaign_id, date_trunc('hour', ts) AS hour,"
            " sum(cost_micros) FROM events"
            " WHERE ts >= $since AND ts < $until AND cost_micros <> 0"
            " AND account_id IS NOT NULL AND campaign_id IS NOT NULL"
            " GROUP BY account_id, campaign_id, hour",
            {"since": _naive_utc(since), "until": _naive_utc(until)},
        )
        return [
            (int(a), int(c), hour.replace(tzinfo=UTC), int(amount)) for a, c, hour, amount in rows
        ]

    def account_spend(self, account_ids: Sequence[int]) -> dict[int, int]:
        """Every spend (micros) ever recorded per account."""
        if not account_ids:
            return {}
        rows = self.fetch(
            "SELECT account_id, coalesce(sum(cost_micros), 0) FROM events"
            " WHERE account_id IN (SELECT unnest($ids::BIGINT[])) GROUP BY account_id",
            {"ids": list(account_ids)},
        )
        return {int(a): int(amount) for a, amount in rows}


_CountersKey = tuple[tuple[int, ...], datetime]


class _CountersCache:
    """Spend counters by (campaign ids, day start), valid while no segment has been loaded.

    Events reach the store only through ``load_segment`` and ``load_segments``, which record
    every load in ``loaded_segments`` in the same transaction: the number of loads is a version
    of the data, and an answer computed at one version holds until the next. Entries of an
    older version are dropped as soon as a newer one is seen; at most ``MAX`` are kept.
    """

    MAX: Final = 4096

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loads = -1
        self._entries: dict[_CountersKey, dict[int, SpendCounters]] = {}

    def get(self, loads: int, key: _CountersKey) -> dict[int, SpendCounters] | None:
        with self._lock:
            return self._entries.get(key) if loads == self._loads else None

    def put(self, loads: int, key: _CountersKey, counters: dict[int, SpendCounters]) -> None:
        with self._lock:
            if loads < self._loads:
                return
            if loads > self._loads or len(self._entries) >= self.MAX:
                self._loads = loads
                self._entries = {}
            self._entries[key] = counters


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _naive_utc(value: datetime) -> datetime:
    from adplane.kit.time import as_utc

    return as_utc(value).replace(tzinfo=None)
