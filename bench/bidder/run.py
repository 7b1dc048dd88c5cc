"""The bidder benchmark: bid requests per second and latency, beside the same server's no-op.

    .venv/bin/python bench/bidder/run.py                       # 10,000 campaigns, ~6 min
    .venv/bin/python bench/bidder/run.py --campaigns 1000 --seconds 5 --servers uvicorn

One SQLite data directory is seeded in-process through the services (``seed.py``): 100
funded accounts, ``--lists`` filter lists and ``--campaigns`` approved, running CPM campaigns
with approved banner and video creatives, a third of them linked to one or two lists. Then for
each server (``adplane serve``'s uvicorn, and granian on the same app) one process with one
worker is started on that directory, pinned to CPU 0 with ``taskset`` where it exists; the
run waits until the snapshot is built (a bid comes back), then the load generator
(``load.py``, pinned to CPU 1) sends, over keep-alive connections, the simulator's generated
requests (``adplane.delivery.simulate``) for ``--seconds``:

* ``noop``: ``POST /rtb/noop``, the same bodies: the server's floor (routing, the body read,
  an empty 204), measured in the same run;
* ``bid``: ``POST /rtb/bid``: parse, features, matching over the snapshot, the guard,
  markup and the response (a 204 where nothing matches).

Reported per endpoint: requests/s, p50/p99 latency, the bid rate, the server's CPU seconds
over the window (from ``/proc``) and so requests per server-CPU-second, which a busy machine
does not inflate; then the ratio bid/no-op, the server's resident memory, and the start's
snapshot build time. Results go to ``results.json`` and are printed as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from bench.bidder.profile_bid import rebuild  # noqa: E402
from bench.bidder.seed import seed  # noqa: E402
from tests.support.postgres import free_port  # noqa: E402

from adplane import bootstrap  # noqa: E402
from adplane.delivery.simulate import RequestGenerator, TrafficShape, encode  # noqa: E402

BIN = Path(sys.executable).with_name("adplane")
GRANIAN = Path(sys.executable).with_name("granian")
BODIES = 2_000
SECRET = "bench-secret-key-0123456789abcdef0123456789"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants (granian's worker is a child of its supervisor)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, IndexError):
                continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its descendants so far, from /proc (Linux)."""
    total = 0
    for member in tree(pid):
        try:
            fields = _stat(member)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its descendants, MiB."""
    total = 0
    for member in tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def pinned(cpu: int | None, command: list[str]) -> list[str]:
    if cpu is None or shutil.which("taskset") is None:
        return command
    return ["taskset", "-c", str(cpu), *command]


def environment(
    data: Path, full_refresh_seconds: float | None = None, jobs: bool = True
) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ADPLANE_ENV="development",
        ADPLANE_SECRET_KEY=SECRET,
        ADPLANE_DATA_DIR=str(data),
        ADPLANE_DATABASE_URL=f"sqlite+aiosqlite:///{data / 'adplane.sqlite3'}",
        # The request log's info line per request is not the bidder's cost.
        ADPLANE_LOG_LEVEL="warning",
    )
    if full_refresh_seconds is not None:
        env["ADPLANE_DELIVERY_FULL_REFRESH_SECONDS"] = str(full_refresh_seconds)
    if not jobs:
        env["ADPLANE_JOBS_INTERVAL_SECONDS"] = "0"
    return env


def server_command(kind: str, port: int) -> list[str]:
    if kind == "uvicorn":
        return [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(port)]
    # The same app through granian's Rust HTTP server: one worker, one runtime thread, uvloop.
    return [
        str(GRANIAN),
        "--interface",
        "asgi",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
        "--runtime-threads",
        "1",
        "--loop",
        "uvloop",
        "--log-level",
        "warning",
        "--no-ws",
        "adplane.app:create_app",
    ]


def wait_for_bids(base_url: str, bodies: list[bytes], timeout: float) -> float:
    """Seconds until the server answers a bid (the snapshot is built and matching)."""
    started = time.monotonic()
    with httpx.Client(base_url=base_url, timeout=5) as http:
        while time.monotonic() - started < timeout:
            try:
                for body in bodies[:200]:
                    response = http.post(
                        "/rtb/bid", content=body, headers={"content-type": "application/json"}
                    )
                    if response.status_code == 200:
                        return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
    raise RuntimeError(f"no bid from {base_url} within {timeout:.0f} s")


def load(url: str, body_dir: Path, seconds: float, connections: int, cpu: int | None) -> Any:
    command = [
        sys.executable,
        str(HERE / "load.py"),
        "--url",
        url,
        "--body-dir",
        str(body_dir),
        "--seconds",
        str(seconds),
        "--connections",
        str(connections),
    ]
    out = subprocess.run(
        pinned(cpu, command), capture_output=True, text=True, check=True, timeout=seconds + 120
    )
    return json.loads(out.stdout)


def measure(
    kind: str,
    data: Path,
    body_dir: Path,
    bodies: list[bytes],
    args: argparse.Namespace,
) -> dict[str, Any]:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    logfile = (data / f"server-{kind}.log").open("ab")
    started = time.monotonic()
    process = subprocess.Popen(
        pinned(args.server_cpu, server_command(kind, port)),
        env=environment(data, args.full_refresh_seconds, jobs=not args.no_jobs),
        stdout=logfile,
        stderr=subprocess.STDOUT,
        cwd=str(ROOT),
    )
    try:
        ready = wait_for_bids(base_url, bodies, timeout=args.ready_timeout)
        figures: dict[str, Any] = {
            "server": kind,
            "ready_seconds": round(time.monotonic() - started, 2),
            "first_bid_after_seconds": round(ready, 2),
        }
        for name, path in (("noop", "/rtb/noop"), ("bid", "/rtb/bid")):
            before = cpu_seconds(process.pid)
            result = load(base_url + path, body_dir, args.seconds, args.connections, args.load_cpu)
            cpu = cpu_seconds(process.pid) - before
            # The server's CPU over load.py's whole run (its warm-up second included).
            window = result["seconds"] + 1
            result["server_cpu_seconds"] = round(cpu, 2)
            result["server_cpu_share"] = round(cpu / window, 3)
            result["rps_per_server_cpu_second"] = (
                round(result["requests"] * (window / result["seconds"]) / cpu, 1) if cpu else 0.0
            )
            figures[name] = result
            log(f"{kind} {name}: {json.dumps(result)}")
        figures["rss_mib"] = round(rss_mib(process.pid), 1)
        figures["ratio_rps"] = round(figures["bid"]["rps"] / figures["noop"]["rps"], 3)
        figures["ratio_per_cpu"] = round(
            figures["bid"]["rps_per_server_cpu_second"]
            / figures["noop"]["rps_per_server_cpu_second"],
            3,
        )
        return figures
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        logfile.close()


def machine() -> dict[str, Any]:
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {
        "cpu": model,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
        "taskset": shutil.which("taskset") is not None,
    }


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "| server | endpoint | req/s | p50 ms | p99 ms | server CPU | req per server CPU-s | "
        "bid rate |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in results["runs"]:
        for name in ("noop", "bid"):
            r = run[name]
            total = r["requests"] or 1
            rate = r.get("status_200", 0) / total if name == "bid" else 0
            lines.append(
                f"| {run['server']} | {name} | {r['rps']:,.0f} | {r['p50_ms']:.2f} | "
                f"{r['p99_ms']:.2f} | {r['server_cpu_share']:.0%} | "
                f"{r['rps_per_server_cpu_second']:,.0f} | "
                f"{f'{rate:.0%}' if name == 'bid' else ''} |"
            )
    lines.append("")
    for run in results["runs"]:
        lines.append(
            f"- {run['server']}: bid/no-op {run['ratio_rps']:.2f} (req/s), "
            f"{run['ratio_per_cpu']:.2f} (per server CPU-second); RSS {run['rss_mib']:.0f} MiB; "
            f"first bid {run['first_bid_after_seconds']:.1f} s after the server answered"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--lists", type=int, default=1_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--servers", default="uvicorn,granian")
    parser.add_argument("--server-cpu", type=int, default=0)
    parser.add_argument("--load-cpu", type=int, default=1)
    parser.add_argument("--ready-timeout", type=float, default=300)
    parser.add_argument(
        "--full-refresh-seconds",
        type=float,
        help="The server's snapshot full refresh period (default: the server's own, 30 s)",
    )
    parser.add_argument(
        "--no-jobs",
        action="store_true",
        help="Run the server without its jobs tick (rules, spend posting, state sweep)",
    )
    parser.add_argument(
        "--no-rebuild", action="store_true", help="Skip timing the snapshot rebuild in-process"
    )
    parser.add_argument(
        "--data-dir", type=Path, help="Seed here once and reuse it (default: a temporary one)"
    )
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    args = parser.parse_args()

    temporary = None
    if args.data_dir is None:
        temporary = tempfile.TemporaryDirectory(prefix="adplane-bench-bidder-")
        args.data_dir = Path(temporary.name)
    data: Path = args.data_dir
    data.mkdir(parents=True, exist_ok=True)
    marker = data / "seeded.json"
    os.environ.update(environment(data))
    settings = bootstrap.load_settings()
    if marker.exists():
        seeded = json.loads(marker.read_text())
        log(f"reusing {data}: {seeded}")
    else:
        bootstrap.migrate(settings)
        result = seed(
            settings, campaigns_count=args.campaigns, lists_count=args.lists, progress=log
        )
        seeded = {
            "campaigns": result.campaigns,
            "creatives": result.creatives,
            "filter_lists": result.filter_lists,
            "campaign_list_links": result.links,
            "accounts": result.accounts,
            "seed_seconds": round(result.seconds, 1),
        }
        marker.write_text(json.dumps(seeded))
        log(f"seeded: {seeded}")

    generator = RequestGenerator(2026, TrafficShape())
    bodies = [encode(generator.request(i)) for i in range(BODIES)]
    body_dir = data / "bodies"
    body_dir.mkdir(exist_ok=True)
    for n, body in enumerate(bodies):
        (body_dir / f"{n:05d}.json").write_bytes(body)

    rebuild_figures = None
    if not args.no_rebuild:
        _, rebuild_figures = rebuild(settings, repeats=1)
        log(f"snapshot rebuild in-process: {rebuild_figures}")
    results: dict[str, Any] = {
        "machine": machine(),
        "seeded": seeded,
        "snapshot_rebuild": rebuild_figures,
        "full_refresh_seconds": args.full_refresh_seconds,
        "jobs": not args.no_jobs,
        "seconds": args.seconds,
        "connections": args.connections,
        "server_cpu": args.server_cpu,
        "load_cpu": args.load_cpu,
        "runs": [],
    }
    for kind in args.servers.split(","):
        results["runs"].append(measure(kind, data, body_dir, bodies, args))
    results["machine"]["load_average_at_end"] = os.getloadavg()
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(markdown(results))
    if temporary is not None:
        temporary.cleanup()


if __name__ == "__main__":
    main()
