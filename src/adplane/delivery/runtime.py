"""What the app's lifespan starts for delivery: the snapshot, its refresher, the bidder.

The snapshot is built once at start, then kept current by change notices: a notice marks the
snapshot dirty and wakes the refresher, which waits a moment for the rest of a burst
(``COALESCE_SECONDS``), reads the changed campaigns again through the services and swaps in a
new matcher; a full rebuild every ``full_refresh_seconds`` takes in what changes with time
alone (a schedule's start or end, the day-parting hour, a new day). Refreshing runs in its own
task, the index build in a worker thread, so bids are never waiting on it; a bid reads
whichever matcher is current when it starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from typing import Final, Literal, Protocol

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from adplane.campaigns.spend import SpendReader
from adplane.delivery import changes, features, matching, tracking
from adplane.delivery import snapshot as snapshot_module
from adplane.delivery.bidder import Bidder, BidderConfig, OpenRtbReader, RequestReader
from adplane.delivery.guard import BudgetGuard
from adplane.delivery.model import (
    Candidate,
    Change,
    Features,
    Guard,
    ImpSpec,
    Matcher,
    Reservation,
    Snapshot,
)
from adplane.events.runtime import AppendResult, EventRuntime
from adplane.events.store import EventKey
from adplane.kit.apart import run_apart
from adplane.kit.db import Database
from adplane.settings import Settings

log = logging.getLogger("adplane.delivery")

COALESCE_SECONDS: Final = 0.1
# Click destinations kept for campaigns that left the snapshot (paused, ended): a click on an
# ad shown before the pause still lands where the ad promised.
MAX_DESTINATIONS: Final = 200_000

Build = Callable[[datetime], Awaitable[Snapshot]]
Refresh = Callable[[Snapshot, list[Change], datetime], Awaitable[Snapshot]]
# (the new snapshot, the matcher and snapshot it replaces) -> the new matcher.
MatcherFactory = Callable[[Snapshot, Matcher, Snapshot], Matcher]


class EventLog(Protocol):
    """The part of ``events.runtime.EventRuntime`` delivery writes to."""

    async def append(
        self,
        keys: list[EventKey],
        lines: list[bytes],
        span: tuple[datetime, datetime] | None = None,
    ) -> AppendResult: ...


class NoCandidates:
    """The matcher of an empty snapshot."""

    def candidates(self, features: Features, imp: ImpSpec, now: datetime) -> list[Candidate]:
        return []


def empty_snapshot(now: datetime) -> Snapshot:
    return Snapshot(campaigns={}, accounts={}, built_at=now)


@dataclass
class DeliveryRuntime:
    """The live snapshot, matcher, guard and bidder, and the task that refreshes them."""

    settings: Settings
    events: EventLog
    bidder: Bidder = field(init=False)
    signer: tracking.Signer = field(init=False)
    guard: Guard = field(init=False)
    reader: RequestReader = field(init=False)
    build: Build = field(init=False)
    refresh: Refresh | None = field(init=False, default=None)
    make_matcher: MatcherFactory = field(init=False)
    snapshot: Snapshot = field(init=False)
    matcher: Matcher = field(init=False)
    full_refresh_seconds: float = 600.0
    destinations: dict[tuple[int, int], str] = field(default_factory=dict)
    _pending: list[Change] = field(default_factory=list)
    _wakeup: asyncio.Event = field(default_factory=asyncio.Event)
    _rebuilding: asyncio.Lock = field(default_factory=asyncio.Lock)
    _task: asyncio.Task[None] | None = None
    _stopping: bool = False
    _stops: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    refreshes: int = 0
    last_full_seconds: float = 0.0
    pinned: bool = False
    last_refresh_seconds: float = 0.0

    def configure(
        self,
        *,
        reader: RequestReader,
        guard: Guard,
        build: Build,
        make_matcher: MatcherFactory,
        refresh: Refresh | None = None,
    ) -> None:
        """Set the parts (the app's lifespan passes the real ones, tests their own)."""
        self.signer = tracking.Signer(tracking_key(self.settings))
        self.reader = reader
        self.guard = guard
        self.build = build
        self.refresh = refresh
        self.make_matcher = make_matcher
        self.snapshot = empty_snapshot(datetime.now(UTC))
        self.matcher = NoCandidates()
        self.bidder = Bidder(
            reader,
            lambda: self.matcher,
            lambda: self.guard,
            self.signer,
            BidderConfig(
                seat=self.settings.delivery_seat,
                currency=self.settings.delivery_currency,
                notice_ttl_seconds=self.settings.delivery_notice_ttl_seconds,
                click_ttl_seconds=self.settings.delivery_click_ttl_seconds,
                margin_ms=self.settings.delivery_tmax_margin_ms,
            ),
        )

    async def start(self) -> None:
        """Build the first snapshot and start the refresher."""
        # The GeoIP database and the user agent rules load in ~0.1 s: before the first bid,
        # which would otherwise miss its tmax, and off the loop.
        await asyncio.to_thread(features.warm_up)
        try:
            await self._rebuild(None)
        except Exception:
            # No bids rather than no server: the refresher tries again.
            log.exception("building the delivery snapshot failed; serving no bids for now")
            self._pending.append(Change("all"))
            self._wakeup.set()
        self._task = asyncio.create_task(self._run(), name="adplane-delivery-refresh")

    def on_stop(self, stop: Callable[[], Awaitable[None]]) -> None:
        """Run ``stop`` when the runtime stops (a change feed, say)."""
        self._stops.append(stop)

    def install(
        self, snapshot: Snapshot, matcher: Matcher | None = None, *, pin: bool = False
    ) -> None:
        """Serve ``snapshot`` from now on (with its own matcher, or one built for it);
        ``pin`` keeps it there, refreshes aside (tests of hand-built snapshots)."""
        self.pinned = self.pinned or pin
        self.guard.refresh(snapshot)
        self.matcher = matcher or self.make_matcher(snapshot, self.matcher, self.snapshot)
        self.snapshot = snapshot
        self._remember_destinations(snapshot)

    def notice(self, changes: Iterable[Change]) -> None:
        """A ``ChangeListener``: note the changes and wake the refresher (never blocks)."""
        self._pending.extend(changes)
        self._wakeup.set()

    def destination(self, campaign_id: int, creative_id: int) -> str | None:
        """Where a click on this creative of this campaign goes."""
        return self.destinations.get((campaign_id, creative_id))

    async def refresh_now(self) -> None:
        """Take every pending change in now (tests; the refresher does it within a second)."""
        changes, self._pending = self._pending, []
        await self._rebuild(changes or None)

    async def _run(self) -> None:
        last_full = time.monotonic()
        last_day = datetime.now(UTC).date()
        while not self._stopping:
            timeout = max(0.0, last_full + self._full_period() - time.monotonic())
            # A new UTC day rebuilds at once: yesterday's daily budgets (and the week's or
            # month's, on their first day) no longer hold campaigns out.
            timeout = min(timeout, seconds_to_midnight(datetime.now(UTC)))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wakeup.wait()
            if self._stopping:
                return
            self._wakeup.clear()
            today = datetime.now(UTC).date()
            full = time.monotonic() - last_full >= self._full_period() or today != last_day
            if not full:
                # The rest of a burst (a bulk edit is many commits) joins this refresh.
                await asyncio.sleep(COALESCE_SECONDS)
            self._wakeup.clear()
            changes, self._pending = self._pending, []
            try:
                await self._rebuild(None if full else changes)
            except Exception:
                log.exception("refreshing the delivery snapshot failed; retrying")
                self._pending = changes + self._pending
                await asyncio.sleep(1.0)
                self._wakeup.set()
                continue
            if full:
                last_full = time.monotonic()
                last_day = today

    def _full_period(self) -> float:
        # Reading every campaign runs partly on the event loop: however slow the database,
        # the full rebuild takes at most a twentieth of the loop's time.
        return max(self.full_refresh_seconds, 20 * self.last_full_seconds)

    async def _rebuild(self, changes: list[Change] | None) -> None:
        # One at a time: a refresh started earlier must not install its older snapshot last.
        async with self._rebuilding:
            await self._rebuild_now(changes)

    async def _rebuild_now(self, changes: list[Change] | None) -> None:
        if self.pinned:
            return
        started = time.perf_counter()
        now = datetime.now(UTC)
        if changes is None or self.refresh is None or any(c.kind == "all" for c in changes):
            snapshot = await self.build(now)
            snapshot.version = self.snapshot.version + 1
        else:
            snapshot = await self.refresh(self.snapshot, changes, now)
        # The index build is CPU work of its own: off the event loop, so bids keep flowing.
        matcher = await asyncio.to_thread(self.make_matcher, snapshot, self.matcher, self.snapshot)
        self.install(snapshot, matcher)
        self.refreshes += 1
        self.last_refresh_seconds = time.perf_counter() - started
        if changes is None:
            self.last_full_seconds = self.last_refresh_seconds

    def _remember_destinations(self, snapshot: Snapshot) -> None:
        if len(self.destinations) > MAX_DESTINATIONS:
            self.destinations.clear()
        for campaign in snapshot.campaigns.values():
            for creative in campaign.creatives:
                url = creative.click_url or campaign.destination_url
                if url:
                    self.destinations[(campaign.id, creative.id)] = url

    async def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()
        try:
            for stop in self._stops:
                await stop()
        finally:
            if self._task is not None:
                self._task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task


def seconds_to_midnight(now: datetime) -> float:
    """Seconds from ``now`` (aware, UTC) to the next UTC midnight, plus a second of margin."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), dt_time(0), tzinfo=UTC)
    return (tomorrow - now).total_seconds() + 1.0


def tracking_key(settings: Settings) -> bytes:
    """The tracking key: its own secret when configured, else derived from the app's."""
    return tracking.derive_key(settings.tracking_secret or settings.secret_key)


class Unguarded:
    """Admits every candidate with a reservation of one CPM bid: no budgets (benchmarks)."""

    def admit(
        self, candidate: Candidate, features: Features, imp: ImpSpec, now: datetime
    ) -> Reservation | None:
        return Reservation(
            key=(features.auction_id, imp.imp_id),
            campaign_id=candidate.campaign.id,
            account_id=candidate.campaign.account_id,
            creative_id=candidate.creative.id,
            amount_micros=candidate.price_micros // 1000,
            pricing_model=candidate.campaign.pricing_model,
            expires_at=now,
        )

    def settle(self, key: tuple[str, str], amount_micros: int, now: datetime) -> bool:
        return True

    def release(self, key: tuple[str, str]) -> None:
        return None

    def record(self, campaign_id: int, kind: Literal["impression", "click"], now: datetime) -> None:
        return None

    def charge(self, campaign_id: int, amount_micros: int, now: datetime) -> None:
        return None

    def refresh(self, snapshot: Snapshot) -> None:
        return None


async def build_apart(database: Database, spend: SpendReader, now: datetime) -> Snapshot:
    """Read a whole snapshot in a worker thread, on an event loop and engine of its own.

    Reading every campaign through the services is mostly Python work between queries; on
    the server's loop it stalled bids for over half a second at 2,000 campaigns. Apart
    (``kit.apart``) the interpreter hands the loop its turn every few milliseconds instead;
    an in-memory SQLite database, which only the app's engine sees, is read on the loop.
    """

    async def read(apart_database: Database) -> Snapshot:
        return await snapshot_module.build(apart_database, spend, now)

    return await run_apart(database, read, name="adplane-snapshot")


def indexed_matcher(snapshot: Snapshot, previous: Matcher, before: Snapshot) -> Matcher:
    """The matcher of ``snapshot``: the previous index patched where campaigns changed."""
    if isinstance(previous, matching.IndexedMatcher) and before.version:
        changed = snapshot_module.changed_campaign_ids(before, snapshot)
        if len(changed) * 4 < max(len(snapshot.campaigns), 1):
            return previous.patched(snapshot, changed)
    return matching.IndexedMatcher.build(snapshot)


async def start(settings: Settings, database: Database, events: EventRuntime) -> DeliveryRuntime:
    """The runtime the app's lifespan starts (after the event log, which it writes to)."""
    spend = events.spend_reader
    runtime = DeliveryRuntime(
        settings, events, full_refresh_seconds=settings.delivery_full_refresh_seconds
    )

    async def build(now: datetime) -> Snapshot:
        return await build_apart(database, spend, now)

    async def refresh(snapshot: Snapshot, found: list[Change], now: datetime) -> Snapshot:
        return await snapshot_module.refresh(database, spend, snapshot, found, now)

    runtime.configure(
        reader=OpenRtbReader(settings.currency_rates, settings.delivery_seat),
        guard=BudgetGuard(),
        build=build,
        refresh=refresh,
        make_matcher=indexed_matcher,
    )
    await runtime.start()
    bus = changes.ChangeBus()
    bus.subscribe(runtime.notice)
    feed = await changes.start(database, bus)
    runtime.on_stop(feed.stop)
    return runtime


class DeliveryCollector(Collector):
    """``/metrics``: the snapshot's size, age and refresh times, and the bids made."""

    def __init__(self, runtime: Callable[[], DeliveryRuntime | None]) -> None:
        self.runtime = runtime

    def collect(self) -> Iterator[Metric]:
        runtime = self.runtime()
        if runtime is None:
            return
        snapshot = runtime.snapshot
        gauges = (
            ("snapshot_version", "Snapshots installed since the server started", snapshot.version),
            ("snapshot_campaigns", "Runnable campaigns in the snapshot", len(snapshot.campaigns)),
            (
                "snapshot_age_seconds",
                "Time since the snapshot in use was read",
                (datetime.now(UTC) - snapshot.built_at).total_seconds(),
            ),
            ("refresh_seconds", "How long the last refresh took", runtime.last_refresh_seconds),
            (
                "full_refresh_seconds",
                "How long the last full rebuild took",
                runtime.last_full_seconds,
            ),
        )
        for name, help_text, value in gauges:
            yield GaugeMetricFamily(f"adplane_delivery_{name}", help_text, value=float(value))
        yield CounterMetricFamily(
            "adplane_delivery_bids", "Bids made by this process", value=runtime.bidder.bids_made
        )
