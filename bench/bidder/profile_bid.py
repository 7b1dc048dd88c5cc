"""Where one bid's time goes, in-process: the snapshot of a seeded directory, no HTTP.

    ADPLANE_DATA_DIR=/tmp/bench-10k PYTHONPATH=src .venv/bin/python bench/bidder/profile_bid.py

Builds the snapshot through the services (as the runtime does) from the directory
``run.py --data-dir`` seeded, then times ``Bidder.bid`` over the simulator's requests: the
stages (read = decode + features, match, the whole bid), then a ``cProfile`` of the whole
bid sorted by own time. The rebuild times (services read, index build) are printed too.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

os.environ.setdefault("ADPLANE_SECRET_KEY", "bench-secret-key-0123456789abcdef0123456789")
os.environ.setdefault("ADPLANE_ENV", "development")
if "ADPLANE_DATA_DIR" in os.environ and "ADPLANE_DATABASE_URL" not in os.environ:
    os.environ["ADPLANE_DATABASE_URL"] = (
        f"sqlite+aiosqlite:///{Path(os.environ['ADPLANE_DATA_DIR']) / 'adplane.sqlite3'}"
    )

from adplane import bootstrap  # noqa: E402
from adplane.campaigns.spend import NO_SPEND  # noqa: E402
from adplane.delivery import matching, snapshot, tracking  # noqa: E402
from adplane.delivery.bidder import Bidder, BidderConfig, OpenRtbReader  # noqa: E402
from adplane.delivery.model import Snapshot  # noqa: E402
from adplane.delivery.runtime import Unguarded, tracking_key  # noqa: E402
from adplane.delivery.simulate import RequestGenerator, encode  # noqa: E402
from adplane.kit.db import create_database  # noqa: E402
from adplane.kit.time import utcnow  # noqa: E402
from adplane.settings import Settings  # noqa: E402

REQUESTS = 3_000


def rebuild(settings: Settings, repeats: int = 3) -> tuple[Snapshot, dict[str, float]]:
    """The snapshot read through the services and the index built over it, timed (the best
    of ``repeats``)."""

    async def read() -> Snapshot:
        db = create_database(settings.resolved_database_url)
        try:
            return await snapshot.build(db, NO_SPEND, utcnow())
        finally:
            await db.dispose()

    reads, builds = [], []
    built = None
    for _ in range(repeats):
        started = time.perf_counter()
        built = asyncio.run(read())
        reads.append(time.perf_counter() - started)
        started = time.perf_counter()
        matching.IndexedMatcher.build(built)
        builds.append(time.perf_counter() - started)
    assert built is not None
    return built, {
        "campaigns": len(built.campaigns),
        "read_seconds": round(min(reads), 3),
        "index_seconds": round(min(builds), 3),
    }


def main() -> None:
    settings = bootstrap.load_settings()
    built, figures = rebuild(settings)
    print(f"rebuild: {figures}")
    matcher = matching.IndexedMatcher.build(built)
    guard = Unguarded()
    bidder = Bidder(
        OpenRtbReader(settings.currency_rates),
        lambda: matcher,
        lambda: guard,
        tracking.Signer(tracking_key(settings)),
        BidderConfig(seat="adplane"),
    )
    generator = RequestGenerator(2026)
    bodies = [encode(generator.request(i)) for i in range(REQUESTS)]
    reader = OpenRtbReader(settings.currency_rates)
    for body in bodies[:300]:  # warm the LRU caches, as a running server has them
        bidder.bid(body, None, "http://127.0.0.1:8000")

    def timed(work: Callable[[bytes], object]) -> list[float]:
        out = []
        for body in bodies:
            started = time.perf_counter()
            work(body)
            out.append((time.perf_counter() - started) * 1e6)
        return out

    now = utcnow()
    parsed = [reader(body, None) for body in bodies]
    stages = {
        "read (decode + features)": timed(lambda b: reader(b, None)),
        "bid (whole)": timed(lambda b: bidder.bid(b, None, "http://127.0.0.1:8000")),
    }
    match_times = []
    for request in parsed:
        started = time.perf_counter()
        for imp in request.imps:
            matcher.candidates(request.features, imp, now)
        match_times.append((time.perf_counter() - started) * 1e6)
    stages["match (candidates)"] = match_times
    for name, values in stages.items():
        ordered = sorted(values)
        p50, p99 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99)]
        print(f"{name:<26} mean {statistics.fmean(values):7.1f} µs  p50 {p50:7.1f}  p99 {p99:7.1f}")
    bids = sum(1 for b in bodies if bidder.bid(b, None, "http://127.0.0.1:8000").body)
    print(f"bid rate {bids / len(bodies):.0%}")
    profile = cProfile.Profile()
    profile.enable()
    for body in bodies:
        bidder.bid(body, None, "http://127.0.0.1:8000")
    profile.disable()
    pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
