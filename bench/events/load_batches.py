"""The import's two phases in one process, the loader per segment against batched.

    PYTHONPATH=src .venv/bin/python bench/events/load_batches.py EVENTS.ndjson CONTROL.sqlite3

Phase 1 is the real ``import_validated`` (worker processes validate and stage the file);
then the same staged segments, copied, are loaded into fresh DuckDB files three ways, in
one run: segment by segment (``load_one``, the old loader), in batches (``load_batch``, the
new one), and DuckDB alone reading every file into a fresh table (the floor: no duplicate
check, no type conversion). Rates are events per second of (phase 1 + that load).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import duckdb

from adplane.events import importer, runtime
from adplane.events.segments import LogPaths
from adplane.events.store import AnalyticsStore
from adplane.settings import Settings

TARGET = 100_000


def load(staged: list[Path], root: Path, batched: bool) -> float:
    shutil.rmtree(root, ignore_errors=True)
    paths = LogPaths(root / "events")
    paths.create()
    for path in staged:
        shutil.copy(path, paths.root / path.name)
    store = AnalyticsStore(root / "analytics.duckdb")
    started = time.monotonic()
    groups = runtime.batches(paths.sealed()) if batched else [[p] for p in paths.sealed()]
    for group in groups:
        runtime.load_batch(paths, store, group)
        store.checkpoint_if_due(
            rows=runtime.BUSY_CHECKPOINT[0], wal_bytes=runtime.BUSY_CHECKPOINT[1]
        )
    seconds = time.monotonic() - started
    store.close()
    shutil.rmtree(root)
    return seconds


def raw(staged: list[Path], root: Path) -> float:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    con = duckdb.connect(str(root / "raw.duckdb"))
    started = time.monotonic()
    con.execute(
        "CREATE TABLE t AS SELECT * FROM read_json(?, format = 'newline_delimited')",
        [[str(p) for p in staged]],
    )
    con.execute("CHECKPOINT")
    seconds = time.monotonic() - started
    con.close()
    shutil.rmtree(root)
    return seconds


def main() -> None:
    source, control = Path(sys.argv[1]), Path(sys.argv[2])
    work = Path("/tmp/adplane-bench-load-batches")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    with sqlite3.connect(control) as con:
        accounts = {int(c): int(a) for c, a in con.execute("SELECT id, account_id FROM campaigns")}
    settings = Settings(data_dir=work / "import", database_url=f"sqlite+aiosqlite:///{control}")
    started = time.monotonic()
    result = importer.import_validated(settings, source, accounts)
    phase1 = time.monotonic() - started
    staged = LogPaths.under(work / "import").sealed()
    figures = {"events": result.events, "segments": len(staged), "read_and_stage_s": phase1}
    for name, run in (
        ("per_segment", lambda: load(staged, work / "per", batched=False)),
        ("batched", lambda: load(staged, work / "batched", batched=True)),
        ("raw_duckdb", lambda: raw(staged, work / "raw")),
    ):
        seconds = run()
        rate = result.events / (phase1 + seconds)
        figures[name] = {
            "load_s": seconds,
            "until_queryable_per_s": rate,
            "vs_target": rate / TARGET,
        }
        print(name, json.dumps(figures[name]), flush=True)
    figures["load_average_after"] = os.getloadavg()
    print(json.dumps(figures, indent=2))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
