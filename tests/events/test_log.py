"""The segment log: group commit, sealing, crash recovery, exactly-once loading, the lock."""

from __future__ import annotations

import asyncio
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from adplane.events import schema
from adplane.events.runtime import EventRuntime, recover
from adplane.events.segments import (
    LoaderLock,
    LogPaths,
    OpenSegment,
    SegmentProducer,
    commit_line,
    recover_open_segment,
)
from adplane.events.store import AnalyticsStore
from adplane.settings import Settings


def stored(*ids: str, campaign_id: int = 5, account_id: int = 9) -> list[bytes]:
    events = schema.parse_batch(
        orjson.dumps(
            {
                "events": [
                    {
                        "event_id": i,
                        "type": "click",
                        "ts": "2026-03-10T10:00:00Z",
                        "campaign_id": campaign_id,
                        "cost": "0.25",
                    }
                    for i in ids
                ]
            }
        )
    )
    for e in events:
        e["account_id"] = account_id  # type: ignore[typeddict-unknown-key]
    return schema.to_lines(events)  # type: ignore[arg-type]


def keys(*ids: str, account_id: int = 9) -> list[tuple[int, str]]:
    return [(account_id, i) for i in ids]


def settings_for(tmp_path: Path, **extra: object) -> Settings:
    return Settings(data_dir=tmp_path, env="test", secret_key="x" * 32, **extra)  # type: ignore[arg-type]


def count(store: AnalyticsStore) -> int:
    return store.event_count()


def test_recovery_keeps_whole_groups_and_drops_a_torn_tail(tmp_path: Path) -> None:
    paths = LogPaths.under(tmp_path)
    paths.create()
    segment = OpenSegment(paths, "0000000000001-server-p1-aaaaaa-000001", "never")
    segment.open()
    first = stored("a", "b")
    segment.append(b"\n".join(first) + b"\n" + commit_line(2), 2)
    second = stored("c", "d")
    # A group cut short by a crash: its events are there but not its commit line.
    segment.append(b"\n".join(second) + b"\n", 2)
    segment.append(b'{"event_id":"e","ty', 0)
    sealed = recover_open_segment(paths, segment.path)
    assert sealed is not None
    store = AnalyticsStore(tmp_path / "a.duckdb")
    recover(paths, store)
    ids = {row[0] for row in store.fetch("SELECT event_id FROM events")}
    assert ids == {"a", "b"}
    assert not segment.path.exists()
    assert not sealed.exists()


def test_an_open_segment_without_a_whole_group_is_discarded(tmp_path: Path) -> None:
    paths = LogPaths.under(tmp_path)
    paths.create()
    path = paths.root / "0000000000001-server-p1-aaaaaa-000001.open"
    path.write_bytes(b"\n".join(stored("a")) + b"\n")
    assert recover_open_segment(paths, path) is None
    assert not path.exists()


def test_a_segment_is_loaded_once_however_often_it_is_offered(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    segment = tmp_path / "s.ndjson"
    segment.write_bytes(b"\n".join(stored("a", "b", "c")) + b"\n")
    first = store.load_segment(segment, "s")
    again = store.load_segment(segment, "s")
    assert (first.events, first.duplicates, first.already_loaded) == (3, 0, False)
    assert again.already_loaded
    assert count(store) == 3


def test_events_seen_in_an_earlier_segment_are_skipped(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    one = tmp_path / "one.ndjson"
    one.write_bytes(b"\n".join(stored("a", "b")) + b"\n")
    two = tmp_path / "two.ndjson"
    two.write_bytes(b"\n".join(stored("b", "c", "c", "a", "d")) + b"\n")
    store.load_segment(one, "one")
    result = store.load_segment(two, "two")
    assert (result.events, result.duplicates) == (2, 3)
    assert sorted(r[0] for r in store.fetch("SELECT event_id FROM events")) == list("abcd")


def test_known_keys_finds_stored_keys_only(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    segment = tmp_path / "s.ndjson"
    segment.write_bytes(b"\n".join(stored("a", "b")) + b"\n")
    store.load_segment(segment, "s")
    assert store.known_keys(keys("a", "x", "b", "y")) == set(keys("a", "b"))
    assert store.known_keys(keys("a", account_id=10)) == set()
    assert store.known_keys([]) == set()


def test_money_is_stored_as_integer_micros(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    segment = tmp_path / "s.ndjson"
    segment.write_bytes(b"\n".join(stored("a", "b")) + b"\n")
    store.load_segment(segment, "s")
    assert store.fetch("SELECT sum(cost_micros), typeof(sum(cost_micros)) FROM events") == [
        (500_000, "HUGEINT")
    ]


def test_a_producer_adds_nothing_until_it_publishes(tmp_path: Path) -> None:
    paths = LogPaths.under(tmp_path)
    producer = SegmentProducer(paths, "import", events_per_segment=2)
    producer.write(stored("a", "b", "c"))
    assert paths.sealed() == []
    ids = producer.publish()
    assert len(ids) == 2
    assert [p.stem for p in paths.sealed()] == ids


def test_an_aborted_producer_leaves_nothing(tmp_path: Path) -> None:
    paths = LogPaths.under(tmp_path)
    producer = SegmentProducer(paths, "import", events_per_segment=2)
    producer.write(stored("a", "b", "c"))
    producer.abort()
    assert paths.sealed() == []
    assert list(paths.staging.iterdir()) == []


def test_only_one_process_holds_the_loader_lock(tmp_path: Path) -> None:
    paths = LogPaths.under(tmp_path)
    first, second = LoaderLock(paths), LoaderLock(paths)
    assert first.try_acquire()
    assert not second.try_acquire()
    first.release()
    assert second.try_acquire()
    second.release()


async def test_appended_events_are_queryable_after_flush(tmp_path: Path) -> None:
    runtime = await EventRuntime.start(settings_for(tmp_path))
    try:
        result = await runtime.append(keys("a", "b"), stored("a", "b"))
        assert (result.accepted, result.duplicates) == (2, 0)
        await runtime.flush()
        assert count(runtime.store) == 2
    finally:
        await runtime.stop()


async def test_duplicates_are_found_in_the_open_segment_and_in_duckdb(tmp_path: Path) -> None:
    runtime = await EventRuntime.start(settings_for(tmp_path))
    try:
        await runtime.append(keys("a", "b"), stored("a", "b"))
        pending = await runtime.append(keys("b", "c"), stored("b", "c"))
        await runtime.flush()
        loaded = await runtime.append(keys("a", "c", "d"), stored("a", "c", "d"))
        await runtime.flush()
        assert pending.duplicates == 1
        assert loaded.duplicates == 2
        assert count(runtime.store) == 4
    finally:
        await runtime.stop()


async def test_a_restart_replays_what_was_not_loaded(tmp_path: Path) -> None:
    # A server that died mid-run leaves an open segment behind; the next start loads it.
    paths = LogPaths.under(tmp_path)
    paths.create()
    segment = OpenSegment(paths, "0000000000001-server-p1-aaaaaa-000001", "always")
    segment.open()
    segment.append(b"\n".join(stored("a", "b")) + b"\n" + commit_line(2), 2)
    sealed = paths.root / "0000000000002-server-p1-aaaaaa-000002.ndjson"
    sealed.write_bytes(b"\n".join(stored("b", "c")) + b"\n" + commit_line(2))
    runtime = await EventRuntime.start(settings_for(tmp_path))
    try:
        assert count(runtime.store) == 3
        again = await runtime.append(keys("a", "c", "z"), stored("a", "c", "z"))
        assert again.duplicates == 2
    finally:
        await runtime.stop()
    assert paths.sealed() == []
    assert paths.open_segments() == []


async def test_stopping_loads_everything_appended(tmp_path: Path) -> None:
    runtime = await EventRuntime.start(settings_for(tmp_path, events_seal_seconds=3600))
    await runtime.append(keys("a"), stored("a"))
    await runtime.stop()
    store = AnalyticsStore(tmp_path / "analytics.duckdb")
    assert count(store) == 1


@pytest.mark.parametrize("mode", ["always", "interval", "never"])
async def test_every_fsync_mode_appends_and_loads(tmp_path: Path, mode: str) -> None:
    runtime = await EventRuntime.start(settings_for(tmp_path, events_fsync=mode))
    try:
        await runtime.append(keys("a", "b"), stored("a", "b"))
        await runtime.flush()
        assert count(runtime.store) == 2
    finally:
        await runtime.stop()


async def test_a_second_runtime_on_the_same_data_directory_is_refused(tmp_path: Path) -> None:
    runtime = await EventRuntime.start(settings_for(tmp_path))
    try:
        with pytest.raises(RuntimeError, match=r"loader\.lock"):
            await EventRuntime.start(settings_for(tmp_path, events_lock_timeout_seconds=0))
    finally:
        await runtime.stop()


async def test_a_segment_dropped_in_by_another_producer_is_loaded_and_receipted(
    tmp_path: Path,
) -> None:
    runtime = await EventRuntime.start(settings_for(tmp_path))
    try:
        producer = SegmentProducer(runtime.paths, "import")
        producer.write(stored("p", "q"))
        [segment_id] = producer.publish()
        await runtime.flush()
        assert count(runtime.store) == 2
        receipt = orjson.loads(runtime.paths.receipt(segment_id).read_bytes())
        assert receipt == {"events": 2, "duplicates": 0}
    finally:
        await runtime.stop()


def test_known_keys_within_a_time_span_skip_keys_stored_at_other_times(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    segment = tmp_path / "s.ndjson"
    segment.write_bytes(b"\n".join(stored("a", "b")) + b"\n")
    store.load_segment(segment, "s")
    around = (datetime(2026, 3, 10, 9, tzinfo=UTC), datetime(2026, 3, 10, 11, tzinfo=UTC))
    elsewhere = (datetime(2026, 3, 11, tzinfo=UTC), datetime(2026, 3, 12, tzinfo=UTC))
    assert store.known_keys(keys("a", "x"), around) == set(keys("a"))
    assert store.known_keys(keys("a", "x"), elsewhere) == set()


def test_a_checkpoint_is_due_once_enough_rows_were_loaded(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    segment = tmp_path / "s.ndjson"
    segment.write_bytes(b"\n".join(stored("a", "b")) + b"\n")
    store.load_segment(segment, "s")
    wal = tmp_path / "a.duckdb.wal"
    assert wal.stat().st_size > 0
    assert not store.checkpoint_if_due(rows=3, wal_bytes=1 << 40)
    assert store.checkpoint_if_due(rows=2, wal_bytes=1 << 40)
    assert not wal.exists() or wal.stat().st_size == 0
    assert store.event_count() == 2


def test_an_id_is_unique_per_account_never_across_accounts(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    one = tmp_path / "one.ndjson"
    # The same id in two accounts, twice within the segment for the first.
    one.write_bytes(
        b"\n".join([*stored("x", "x", "y"), *stored("x", account_id=10, campaign_id=6)]) + b"\n"
    )
    first = store.load_segment(one, "one")
    assert (first.events, first.duplicates) == (3, 1)
    two = tmp_path / "two.ndjson"
    two.write_bytes(
        b"\n".join(
            [
                *stored("x", account_id=10, campaign_id=6),
                *stored("y", account_id=10, campaign_id=6),
                *stored("y"),
            ]
        )
        + b"\n"
    )
    second = store.load_segment(two, "two")
    assert (second.events, second.duplicates) == (1, 2)
    assert sorted(store.fetch("SELECT account_id, event_id FROM events")) == [
        (9, "x"),
        (9, "y"),
        (10, "x"),
        (10, "y"),
    ]
    assert store.known_keys([(9, "x"), (10, "x"), (11, "x")]) == {(9, "x"), (10, "x")}


async def test_the_writer_counts_duplicates_per_account(tmp_path: Path) -> None:
    runtime = await EventRuntime.start(settings_for(tmp_path))
    try:
        theirs = await runtime.append(keys("x", account_id=10), stored("x", account_id=10))
        mine = await runtime.append(keys("x"), stored("x"))
        assert (theirs.duplicates, mine.duplicates) == (0, 0)
        await runtime.flush()
        again = await runtime.append(
            [*keys("x"), *keys("x", account_id=10), *keys("x", account_id=11)],
            [*stored("x"), *stored("x", account_id=10), *stored("x", account_id=11)],
        )
        assert again.duplicates == 2
        await runtime.flush()
        assert count(runtime.store) == 3
    finally:
        await runtime.stop()


def test_a_store_of_the_first_version_is_rehashed_by_key_on_opening(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb")
    segment = tmp_path / "s.ndjson"
    segment.write_bytes(b"\n".join(stored("a", "b")) + b"\n")
    store.load_segment(segment, "s")
    # What version 1 wrote: the hash of the id alone.
    store.fetch("UPDATE events SET event_hash = md5_number_lower(event_id)")
    store.fetch("UPDATE store_meta SET value = '1' WHERE key = 'schema_version'")
    store.close()
    reopened = AnalyticsStore(tmp_path / "a.duckdb")
    assert reopened.known_keys(keys("a", "b", "c")) == set(keys("a", "b"))
    assert reopened.fetch("SELECT value FROM store_meta WHERE key = 'schema_version'") == [("2",)]
    again = tmp_path / "again.ndjson"
    again.write_bytes(b"\n".join(stored("a", "c")) + b"\n")
    result = reopened.load_segment(again, "again")
    assert (result.events, result.duplicates) == (1, 1)


async def test_flush_seals_even_when_it_arrives_during_an_fsync(tmp_path: Path) -> None:
    # With a tiny interval the writer syncs on every turn, so the seal request of flush()
    # keeps landing while it awaits an fsync; it must still be sealed, not just answered.
    runtime = await EventRuntime.start(
        settings_for(tmp_path, events_fsync_interval_seconds=0.001, events_seal_seconds=3600)
    )
    try:
        for n in range(1, 31):
            await runtime.append(keys(f"e{n}"), stored(f"e{n}"))
            await runtime.flush()
            assert count(runtime.store) == n
    finally:
        await runtime.stop()


async def test_reads_run_off_the_event_loop_and_at_most_readers_at_once(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb", readers=2)
    lock = threading.Lock()
    running = 0
    most = 0
    threads: set[str] = set()
    release = threading.Event()

    def work(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
            threads.add(threading.current_thread().name)
        release.wait(10)
        with lock:
            running -= 1
        return n

    try:
        reads = [asyncio.ensure_future(store.read(work, n)) for n in range(6)]
        while store.reads_running < 2:
            await asyncio.sleep(0.01)
        assert (store.reads_running, store.reads_waiting) == (2, 4)
        release.set()
        assert await asyncio.gather(*reads) == list(range(6))
    finally:
        release.set()
        store.close()
    assert most == 2
    assert (store.reads_running, store.reads_waiting) == (0, 0)
    assert all(name.startswith("adplane-analytics") for name in threads)


def test_one_duckdb_thread_still_lets_a_report_per_core_run_at_once(tmp_path: Path) -> None:
    store = AnalyticsStore(tmp_path / "a.duckdb", threads=1)
    try:
        assert store.fetch("SELECT current_setting('threads')") == [(1,)]
        assert store.readers == (os.cpu_count() or 1)
    finally:
        store.close()
    capped = AnalyticsStore(tmp_path / "b.duckdb", threads=1, readers=3)
    try:
        assert capped.readers == 3
    finally:
        capped.close()
