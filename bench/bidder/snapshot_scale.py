"""The matcher at scale: index build time, memory and ``candidates()`` latency (issue 11).

    PYTHONPATH=src .venv/bin/python bench/bidder/snapshot_scale.py            # 10k and 100k
    PYTHONPATH=src .venv/bin/python bench/bidder/snapshot_scale.py --campaigns 10000

No database and no server: synthetic ``CampaignEntry`` objects with a realistic spread of
targeting (countries, regions, OS, device types, languages, categories, sites, keywords,
traffic flags, day-parting in eight time zones, IP ranges), one to three creatives each
(banner sizes, native, video), and 1,000 filter lists (domains, bundles, IPs and CIDRs,
publishers) linked from a third of the campaigns. For each size it reports:

* ``build``: ``IndexedMatcher.build`` over the snapshot (the snapshot's own read through the
  services is not included: that is the database's share);
* ``memory``: what the index allocates, from ``tracemalloc`` (a separate, traced build), and
  the process's resident set size after the build;
* ``patch``: ``IndexedMatcher.patched`` for 1 and for 100 changed campaigns;
* ``candidates``: p50, p99 and mean latency of one call over generated typical requests
  (site and app, banner, native and video impressions), the CPU time per call (what other
  processes on a busy machine do not add), the median best-of-five of one request repeated
  (its visitor profile cached), and the mean number of candidates.

A scale check, not a timed test: the figures depend on the machine, so they are printed and
nothing fails.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import random
import statistics
import time
import timeit
import tracemalloc
from dataclasses import replace
from datetime import UTC, datetime

from adplane.delivery.matching import IndexedMatcher
from adplane.delivery.model import (
    ALL_TRAFFIC,
    CampaignEntry,
    CreativeEntry,
    Features,
    FilterLink,
    FilterListEntry,
    ImpSpec,
    NativeAssetRequest,
    NativeContent,
    Snapshot,
    TargetingEntry,
    TrafficType,
)

NOW = datetime(2026, 12, 2, 14, 30, tzinfo=UTC)
COUNTRIES = ["US", "GB", "DE", "FR", "IT", "ES", "CA", "BR", "MX", "IN", "JP", "AU", "NL", "PL"]
COUNTRIES += ["SE", "TR", "RU", "UA", "ID", "TH", "VN", "PH", "AR", "CO", "ZA", "NG", "EG", "KR"]
OSES = ["android", "ios", "windows", "mac_os_x", "linux", "chrome_os"]
BROWSERS = ["chrome", "safari", "firefox", "edge", "samsung_internet", "opera"]
DEVICE_TYPES = ["1", "2", "3", "4", "5", "6", "7"]
LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "ja", "ru", "pl", "tr"]
CATEGORIES = [f"IAB{i}" for i in range(1, 27)] + [
    f"IAB{i}-{j}" for i in range(1, 27) for j in (1, 2)
]
ZONES = ["UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles"]
ZONES += ["Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney"]
SIZES = [(300, 250), (728, 90), (320, 50), (160, 600), (300, 600), (970, 250)]
TRAFFIC: list[TrafficType] = ["desktop_web", "mobile_web", "mobile_app", "ctv", "dooh"]
NATIVE = NativeContent(
    title="Title",
    text="Text",
    sponsor="Brand",
    image_url="https://cdn.example/i.png",
    image_size=(1200, 627),
    logo_url="https://cdn.example/l.png",
    logo_size=(100, 100),
)


def _pattern(rng: random.Random) -> str:
    # Business hours on weekdays, evenings, or weekends: what advertisers tend to pick.
    kind = rng.choice(["business", "evening", "weekend"])
    hours = []
    for day in range(7):
        for hour in range(24):
            on = {
                "business": day < 5 and 8 <= hour < 19,
                "evening": 17 <= hour <= 23,
                "weekend": day >= 5,
            }[kind]
            hours.append("1" if on else "0")
    return "".join(hours)


def _some(rng: random.Random, values: list[str], low: int, high: int) -> frozenset[str]:
    return frozenset(rng.sample(values, rng.randint(low, high)))


def _creatives(rng: random.Random, campaign_id: int) -> tuple[CreativeEntry, ...]:
    found = []
    for n in range(rng.randint(1, 3)):
        roll = rng.random()
        kind = "banner" if roll < 0.8 else "native" if roll < 0.9 else "video"
        size = rng.choice(SIZES) if kind == "banner" else None
        found.append(
            CreativeEntry(
                id=campaign_id * 10 + n,
                account_id=campaign_id % 500 + 1,
                kind=kind,  # type: ignore[arg-type]
                variant={"banner": "banner_tag", "native": "native", "video": "video_tag"}[kind],
                width=size[0] if size else None,
                height=size[1] if size else None,
                bid_price_micros=rng.choice([None, rng.randint(100_000, 5_000_000)]),
                categories=(rng.choice(CATEGORIES),),
                attributes=frozenset(),
                advertiser_domain=f"brand{campaign_id % 700}.example",
                markup="<a>ad</a>",
                click_url="https://brand.example/",
                native=NATIVE if kind == "native" else None,
                video_mimes=frozenset({"video/mp4"}) if kind == "video" else frozenset(),
                video_duration_seconds=rng.choice([15, 30]) if kind == "video" else None,
                video_protocols=frozenset({2, 3, 7}) if kind == "video" else frozenset(),
            )
        )
    return tuple(found)


def _filter_lists(rng: random.Random) -> list[FilterListEntry]:
    lists = []
    for i in range(1, 1001):
        if i <= 500:
            values = frozenset(f"site{rng.randint(1, 200_000)}.example" for _ in range(1000))
            kind = "domains"
        elif i <= 700:
            values = frozenset(f"com.app{rng.randint(1, 100_000)}" for _ in range(1000))
            kind = "bundles"
        elif i <= 800:
            nets = [f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0/24" for _ in range(100)]
            nets += [f"192.0.{rng.randint(0, 255)}.{rng.randint(1, 254)}" for _ in range(100)]
            values = frozenset(nets)
            kind = "ips"
        else:
            values = frozenset(f"pub-{rng.randint(1, 20_000)}" for _ in range(100))
            kind = "publishers"
        lists.append(FilterListEntry(i, kind, values))
    return lists


def campaigns(count: int, seed: int = 11) -> list[CampaignEntry]:
    """``count`` synthetic runnable campaigns."""
    rng = random.Random(seed)
    found = []
    for cid in range(1, count + 1):
        include: dict[str, frozenset[str]] = {}
        exclude: dict[str, frozenset[str]] = {}
        if rng.random() < 0.6:
            include["countries"] = _some(rng, COUNTRIES, 1, 5)
        elif rng.random() < 0.2:
            exclude["countries"] = _some(rng, COUNTRIES, 1, 3)
        if rng.random() < 0.1:
            include["regions"] = frozenset({"US-CA", "US-NY", "US-TX"}) & _some(
                rng, ["US-CA", "US-NY", "US-TX"], 1, 3
            )
        if rng.random() < 0.3:
            include["oses"] = _some(rng, OSES, 1, 2)
        if rng.random() < 0.2:
            include["device_types"] = _some(rng, DEVICE_TYPES, 1, 3)
        if rng.random() < 0.1:
            include["browsers"] = _some(rng, BROWSERS, 1, 2)
        if rng.random() < 0.15:
            include["languages"] = _some(rng, LANGUAGES, 1, 2)
        if rng.random() < 0.2:
            include["categories"] = _some(rng, CATEGORIES, 1, 4)
        if rng.random() < 0.1:
            exclude["categories"] = _some(rng, CATEGORIES, 1, 4)
        if rng.random() < 0.05:
            include["sites"] = frozenset(str(rng.randint(1, 1000)) for _ in range(5))
        if rng.random() < 0.05:
            include["keywords"] = frozenset(rng.sample(["shoes", "cars", "travel", "games"], 1))
        if rng.random() < 0.02:
            include["ip_ranges"] = frozenset({f"10.{rng.randint(0, 255)}.0.0/16"})
        traffic = ALL_TRAFFIC
        if rng.random() < 0.3:
            traffic = frozenset(rng.sample(TRAFFIC, rng.randint(1, 3)))
        links: tuple[FilterLink, ...] = ()
        if rng.random() < 0.33:
            links = tuple(
                FilterLink(rng.randint(1, 1000), rng.random() < 0.3)
                for _ in range(rng.randint(1, 3))
            )
        day_parting = _pattern(rng) if rng.random() < 0.3 else "1" * 168
        pricing = "cpc" if rng.random() < 0.2 else "cpm"
        found.append(
            CampaignEntry(
                id=cid,
                account_id=cid % 500 + 1,
                name=f"campaign {cid}",
                currency="USD",
                pricing_model=pricing,  # type: ignore[arg-type]
                bid_price_micros=rng.randint(100_000, 5_000_000),
                rtb_bid_price_micros=None,
                spot_prices_micros={str(rng.randint(1, 1000)): 2_000_000}
                if rng.random() < 0.05
                else {},
                daily_budget_micros=100_000_000,
                total_budget_micros=None,
                daily_impressions_cap=None,
                total_impressions_cap=None,
                daily_clicks_cap=None,
                total_clicks_cap=None,
                pacing="even",
                frequency=None,
                timezone=rng.choice(ZONES),
                day_parting=day_parting,
                start_at=None,
                end_at=None,
                destination_url="https://brand.example/",
                advertiser_domain=None,
                creatives=_creatives(rng, cid),
                targeting=TargetingEntry(include, exclude, traffic, links),
            )
        )
    return found


def requests(
    count: int, lists: list[FilterListEntry], seed: int = 7, profiles: int = 0
) -> list[tuple[Features, ImpSpec]]:
    """Typical requests: mostly banner, some native and video, sites and apps.

    With ``profiles``, the visitor (geo, device, language, connection, traffic type and the
    impression's shape) is one of that many, drawn with Zipf weights as real traffic repeats
    them; the placement (site, app, domain, bundle, publisher, IP, categories) stays drawn
    afresh for every request. Without, every field is drawn independently (the worst case).
    """
    rng = random.Random(seed)
    domains = sorted(next(iter(fl.values)) for fl in lists if fl.type == "domains")
    bundles = sorted(next(iter(fl.values)) for fl in lists if fl.type == "bundles")
    found = []
    weights = [1 / (rank + 1) for rank in range(profiles)]
    for n in range(count):
        visitor = rng
        if profiles:
            # The visitor's fields come from the profile's own generator, replayed afresh.
            visitor = random.Random(rng.choices(range(profiles), weights)[0] + seed * 1000)
        app = visitor.random() < 0.4
        os_ = visitor.choice(["android", "ios"] if app else OSES)
        features = Features(
            auction_id=f"a{n}",
            country=visitor.choice(COUNTRIES[:8])
            if visitor.random() < 0.8
            else visitor.choice(COUNTRIES),
            region=visitor.choice(["US-CA", "US-NY", None]),
            os=os_,
            browser=None if app else visitor.choice(BROWSERS),
            device_type=visitor.choice(["4", "5"]) if app else visitor.choice(["2", "4"]),
            language=visitor.choice(LANGUAGES),
            connection_type=visitor.choice(["2", "6"]),
            traffic_type="mobile_app" if app else visitor.choice(["desktop_web", "mobile_web"]),
            site_id=None if app else str(rng.randint(1, 1000)),
            app_id=str(rng.randint(1, 1000)) if app else None,
            publisher_id=f"pub-{rng.randint(1, 20_000)}",
            domain=None
            if app
            else (rng.choice(domains) if rng.random() < 0.3 else f"www.news{n}.example"),
            bundle=(rng.choice(bundles) if rng.random() < 0.3 else f"com.other{n}")
            if app
            else None,
            ip=f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            categories=(rng.choice(CATEGORIES),),
            keywords=("travel",) if rng.random() < 0.2 else (),
            bcat=frozenset({"IAB25", "IAB26"}),
        )
        roll = visitor.random()
        if roll < 0.8:
            imp = ImpSpec(
                "1",
                frozenset({"banner"}),
                spot=str(rng.randint(1, 1000)),
                sizes=tuple(visitor.sample(SIZES, visitor.randint(1, 2))),
                bidfloor_micros=visitor.choice([0, 100_000, 500_000]),
            )
        elif roll < 0.9:
            imp = ImpSpec(
                "1",
                frozenset({"native"}),
                native_assets=(
                    NativeAssetRequest(1, True, "title", len=90),
                    NativeAssetRequest(2, True, "img", type=3, wmin=600, hmin=300),
                ),
                bidfloor_micros=200_000,
            )
        else:
            imp = ImpSpec(
                "1",
                frozenset({"video"}),
                video_mimes=frozenset({"video/mp4"}),
                video_max_duration=30,
                video_protocols=frozenset({2, 3, 7}),
                bidfloor_micros=1_000_000,
            )
        found.append((features, imp))
    return found


def _rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run(count: int, lists: list[FilterListEntry], calls: int, profiles: int) -> dict[str, float]:
    entries = campaigns(count)
    snapshot = Snapshot(
        campaigns={c.id: c for c in entries},
        accounts={},
        built_at=NOW,
        filter_lists={fl.id: fl for fl in lists},
    )
    started = time.perf_counter()
    matcher = IndexedMatcher.build(snapshot)
    build = time.perf_counter() - started
    rss = _rss_mib()
    tracemalloc.start()
    traced = IndexedMatcher.build(snapshot)
    index_bytes, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del traced
    patch: dict[int, float] = {}
    for changed in (1, 100):
        ids = [c.id for c in entries[:changed]]
        campaigns_ = dict(snapshot.campaigns)
        for cid in ids:
            campaigns_[cid] = replace(campaigns_[cid], name="changed")
        new = replace(snapshot, campaigns=campaigns_, version=1)
        started = time.perf_counter()
        matcher.patched(new, ids)
        patch[changed] = time.perf_counter() - started
    sample = requests(calls, lists, profiles=profiles)
    for features, imp in sample[:200]:  # warm the day-parting cache and the allocator
        matcher.candidates(features, imp, NOW)
    # The snapshot is long-lived: frozen out of the collector's sight, as a server would do
    # after a build, so a full collection does not walk every entry during a request.
    gc.collect()
    gc.freeze()
    latencies = []
    counts = []
    cpu_started = time.thread_time_ns()
    for features, imp in sample:
        started_ns = time.perf_counter_ns()
        found = matcher.candidates(features, imp, NOW)
        latencies.append((time.perf_counter_ns() - started_ns) / 1000)
        counts.append(len(found))
    cpu_us = (time.thread_time_ns() - cpu_started) / 1000 / len(sample)
    # The same request again and again, best of five: what a call costs when the machine
    # lets it run (its visitor profile cached), the figure a busy machine hides least.
    floors = []
    for features, imp in sample[:200]:
        call = functools.partial(matcher.candidates, features, imp, NOW)
        runs = timeit.repeat(call, number=20, repeat=5)
        floors.append(min(runs) / 20 * 1e6)
    floors.sort()
    gc.unfreeze()
    latencies.sort()
    return {
        "campaigns": count,
        "build_s": build,
        "index_mib": index_bytes / 2**20,
        "rss_mib": rss,
        "patch_1_ms": patch[1] * 1000,
        "patch_100_ms": patch[100] * 1000,
        "p50_us": latencies[len(latencies) // 2],
        "p99_us": latencies[int(len(latencies) * 0.99)],
        "mean_us": statistics.fmean(latencies),
        "cpu_us": cpu_us,
        "repeat_us": floors[len(floors) // 2],
        "mean_candidates": statistics.fmean(counts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--campaigns", type=int, action="append", help="sizes (default 10k, 100k)")
    parser.add_argument("--calls", type=int, default=5000, help="candidates() calls per size")
    parser.add_argument(
        "--profiles",
        type=int,
        action="append",
        help="visitor profiles (Zipf); 0: every field independent (default 0 and 2000)",
    )
    args = parser.parse_args()
    lists = _filter_lists(random.Random(3))
    items = sum(len(fl.values) for fl in lists)
    print(f"{len(lists)} filter lists, {items:,} items")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        "| campaigns | profiles | build s | index MiB | RSS MiB | patch 1 / 100 ms "
        "| p50 us | p99 us | mean us | CPU us | repeat us | candidates |"
    )
    print("|" + "---|" * 12)
    for count in args.campaigns or [10_000, 100_000]:
        for profiles in args.profiles or [0, 2000]:
            r = run(count, lists, args.calls, profiles)
            shown = f"{profiles:,}" if profiles else "independent"
            print(
                f"| {count:,} | {shown} | {r['build_s']:.2f} | {r['index_mib']:.0f} | "
                f"{r['rss_mib']:.0f} | "
                f"{r['patch_1_ms']:.1f} / {r['patch_100_ms']:.1f} | {r['p50_us']:.0f} | "
                f"{r['p99_us']:.0f} | {r['mean_us']:.0f} | {r['cpu_us']:.0f} | "
                f"{r['repeat_us']:.0f} | "
                f"{r['mean_candidates']:.1f} |"
            )


if __name__ == "__main__":
    main()
