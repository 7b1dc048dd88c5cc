"""The loader's batches: several sealed segments in one transaction, exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest

from adplane.events import runtime
from adplane.events.runtime import batches, load_batch
from adplane.events.segments import LogPaths, read_receipt
from adplane.events.store import AnalyticsStore
from tests.events.test_log import stored


def segment(paths: LogPaths, name: str, *ids: str, account_id: int = 9) -> Path:
    path = paths.root / f"{name}.ndjson"
    path.write_bytes(b"\n".join(stored(*ids, account_id=account_id)) + b"\n")
    return path


def log(tmp_path: Path) -> tuple[LogPaths, AnalyticsStore]:
    paths = LogPaths(tmp_path / "events")
    paths.create()
    return paths, AnalyticsStore(tmp_path / "analytics.duckdb")


def rows(store: AnalyticsStore) -> list[tuple[object, ...]]:
    return store.fetch("SELECT * FROM events ORDER BY account_id, event_id")


def test_a_batch_loads_every_segment_in_one_go_and_receipts_each(tmp_path: Path) -> None:
    paths, store = log(tmp_path)
    one = segment(paths, "0001-import-a-000001", "a", "b")
    two = segment(paths, "0001-import-a-000002", "c")
    assert batches(paths.sealed()) == [[one, two]]
    results = load_batch(paths, store, [one, two])
    assert [(r.segment_id, r.events, r.duplicates) for r in results] == [
        ("0001-import-a-000001", 2, 0),
        ("0001-import-a-000002", 1, 0),
    ]
    assert store.event_count() == 3
    assert paths.sealed() == []
    assert read_receipt(paths, "0001-import-a-000002") == (1, 0)


def test_a_segment_loaded_twice_counts_once(tmp_path: Path) -> None:
    paths, store = log(tmp_path)
    one = segment(paths, "s1", "a", "b")
    two = segment(paths, "s2", "c")
    load_batch(paths, store, [one, two])
    # Offered again (the same files, say, copied back in by hand): nothing is added.
    segment(paths, "s1", "a", "b")
    segment(paths, "s2", "c")
    again = load_batch(paths, store, paths.sealed())
    assert [(r.events, r.duplicates, r.already_loaded) for r in again] == [
        (0, 0, True),
        (0, 0, True),
    ]
    assert store.event_count() == 3


def test_a_crash_between_commit_and_removal_loads_nothing_twice(tmp_path: Path) -> None:
    paths, store = log(tmp_path)
    one = segment(paths, "s1", "a", "b")
    two = segment(paths, "s2", "c")
    # The commit happened, the files were never removed (the process died in between).
    assert store.load_segments([(one, "s1"), (two, "s2")]) is not None
    assert len(paths.sealed()) == 2
    store.close()
    store = AnalyticsStore(tmp_path / "analytics.duckdb")
    for batch in batches(paths.sealed()):
        results = load_batch(paths, store, batch)
        assert all(r.already_loaded for r in results)
    assert store.event_count() == 3
    assert paths.sealed() == []


def test_an_id_repeated_across_segments_of_a_batch_is_stored_once(tmp_path: Path) -> None:
    paths, store = log(tmp_path)
    one = segment(paths, "s1", "a", "b")
    two = segment(paths, "s2", "b", "c")
    # Another account may use the same id: that one is not a duplicate.
    three = segment(paths, "s3", "b", account_id=10)
    results = load_batch(paths, store, [one, two, three])
    assert [(r.events, r.duplicates) for r in results] == [(2, 0), (1, 1), (1, 0)]
    assert store.event_count() == 4
    assert read_receipt(paths, "s2") == (1, 1)


def test_a_batch_with_an_id_already_stored_skips_it(tmp_path: Path) -> None:
    paths, store = log(tmp_path)
    load_batch(paths, store, [segment(paths, "s0", "a")])
    results = load_batch(paths, store, [segment(paths, "s1", "a", "b"), segment(paths, "s2", "c")])
    assert [(r.events, r.duplicates) for r in results] == [(1, 1), (1, 0)]
    assert store.event_count() == 3


def test_the_batched_path_stores_the_rows_the_per_segment_path_does(tmp_path: Path) -> None:
    (tmp_path / "batched").mkdir()
    (tmp_path / "single").mkdir()
    batched_paths, batched = log(tmp_path / "batched")
    single_paths, single = log(tmp_path / "single")
    for paths in (batched_paths, single_paths):
        segment(paths, "s1", *(f"e{i}" for i in range(50)))
        segment(paths, "s2", *(f"e{i}" for i in range(50, 120)), account_id=10)
    assert batched.load_segments([(p, p.stem) for p in batched_paths.sealed()]) is not None
    for path in single_paths.sealed():
        single.load_segment(path, path.stem)
    assert rows(batched) == rows(single)
    assert len(rows(batched)) == 120


def test_an_unreadable_segment_in_a_batch_is_rejected_and_the_rest_load(tmp_path: Path) -> None:
    paths, store = log(tmp_path)
    good = segment(paths, "s1", "a")
    bad = paths.root / "s2.ndjson"
    bad.write_bytes(b"{not json\n")
    results = load_batch(paths, store, [good, bad])
    assert [r.segment_id for r in results] == ["s1"]
    assert store.event_count() == 1
    assert (paths.rejected / "s2.ndjson").exists()


def test_batches_are_bounded_by_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths, _store = log(tmp_path)
    made = [segment(paths, f"s{i}", f"e{i}") for i in range(3)]
    monkeypatch.setattr(runtime, "BATCH_BYTES", 2 * made[0].stat().st_size)
    assert batches(made) == [made[:2], made[2:]]
