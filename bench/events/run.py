"""The event path: ``adplane events import`` until queryable, the old code against the new.

    .venv/bin/python bench/events/run.py --baseline-src /tmp/adplane-base/src
    .venv/bin/python bench/events/run.py --events 1000000   # a quick run, this code only

One generated NDJSON file, one SQLite control database with 200 campaigns (the same seed
as ``bench/reports``), then for each source tree (``--baseline-src`` first, if given, then
this checkout's ``src``), in turn and on a fresh data directory: a real ``adplane serve``,
the real ``adplane events import FILE`` while it runs (it returns once the server has
loaded every event), and a report that counts them. Same file, same machine, same run.
Results go to ``results.json`` next to this file and are printed as Markdown.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import platform
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent.parent / "src"


def _reports_bench() -> Any:
    """``bench/reports/run.py``: its seeding, generation, server and import timing."""
    path = HERE.parent / "reports" / "run.py"
    spec = importlib.util.spec_from_file_location("reports_bench", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["reports_bench"] = module
    spec.loader.exec_module(module)
    return module


reports_bench = _reports_bench()

TARGET = 100_000


def measure(bench: Any, source: Path, src: Path, port: int, label: str) -> dict[str, Any]:
    """Import ``source`` with the code under ``src`` into a fresh log; the figures."""
    shutil.rmtree(bench.data_dir, ignore_errors=True)
    os.environ["PYTHONPATH"] = str(src)
    server = reports_bench.Server(bench, port)
    server.start()
    try:
        reports_bench.log(f"{label}: importing {bench.args.events:,} events ({src})")
        imported = reports_bench.timed_import(bench, source)
        today = datetime.now(UTC).date()
        first = today - timedelta(days=bench.args.days + 1)
        counted = reports_bench.count_events(port, bench.admin_key, first, today)
        assert counted == bench.args.events, (counted, bench.args.events)
    finally:
        server.stop()
    events = bench.args.events
    return {
        "src": str(src),
        **imported,
        "events_per_second_read_and_stage": events / imported["read_seconds"],
        "events_per_second_until_queryable": events / imported["seconds"],
        "load_average_after": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--campaigns", type=int, default=200)
    parser.add_argument("--baseline-src", type=Path, default=None)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/adplane-bench-events"))
    parser.add_argument("--port", type=int, default=18_741)
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    args = parser.parse_args()

    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True)
    bench = reports_bench.Bench(args, args.workdir)
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_at_start": os.getloadavg(),
        },
        "events": args.events,
    }
    reports_bench.log(f"seeding {args.campaigns} campaigns")
    bench.admin_key = asyncio.run(reports_bench.seed(bench))
    source = args.workdir / "events.ndjson"
    reports_bench.log(f"generating {args.events:,} events over {args.days} days")
    asyncio.run(reports_bench.generate_file(bench, source, args.events, seed_value=1))
    results["file_bytes"] = source.stat().st_size

    runs: dict[str, dict[str, Any]] = {}
    if args.baseline_src is not None:
        runs["baseline"] = measure(bench, source, args.baseline_src, args.port, "baseline")
    runs["this"] = measure(bench, source, SRC, args.port, "this")
    results["runs"] = runs
    results["finished_at"] = datetime.now(UTC).isoformat()
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(summary(results))


def summary(results: dict[str, Any]) -> str:
    runs = results["runs"]
    base = runs.get("baseline")
    lines = [
        "| code | read, validate, stage | until queryable | vs baseline | vs 100,000/s |",
        "|---|---|---|---|---|",
    ]
    for name, run in runs.items():
        rate = run["events_per_second_until_queryable"]
        ratio = (
            f"{rate / base['events_per_second_until_queryable']:.2f}x" if base is not None else "-"
        )
        lines.append(
            f"| {name} | {run['events_per_second_read_and_stage']:,.0f} events/s "
            f"({run['read_seconds']:.1f} s) | **{rate:,.0f} events/s** ({run['seconds']:.1f} s) "
            f"| {ratio} | {rate / TARGET:.2f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
