"""The budget guard: reservations at bid time, settled at the notices; caps, pacing, frequency.

Everything is in memory and exact for one process; ``admit`` takes one lock, does O(1) work
and never awaits, so the bidder may call it from the event loop or from threads.

**Spend.** Each campaign's spend today is ``baseline + settled + outstanding``:

- the *baseline* is ``CampaignEntry.spend_today_micros`` / ``spend_total_micros`` (and the
  counts) of the first snapshot that shows the campaign, taken ONCE; a later snapshot's
  counters are never taken again, because they may or may not already hold spend this guard
  settled (the event store loads with a lag), and taking them would count it twice. Only the
  limits (budgets, caps, pacing, schedule) come from each new snapshot;
- *settled* is what ``settle`` and ``charge`` added since the baseline;
- *outstanding* is what open reservations hold.

At the campaign's midnight (in its timezone) "today" starts again at zero; totals go on.

**Overspend.** ``admit`` refuses a bid whose cost would take ``spend today`` past the daily
budget (and the same for the total budget). A CPM reservation holds one impression's cost at
the bid price (``price / 1000`` rounded up); the clearing price of a second-price auction is at
most that, and a clearing price above it is charged anyway, which overshoots by at most one
bid. A reservation with no notice expires after ``reservation_ttl``; its spend, if the notice
arrives later, is still counted (``settle`` charges it). CPC/CPA bids reserve nothing: they
are charged at the click or conversion (``charge``) and admitted while budget remains.

**Funds.** ``AccountEntry.available_micros`` is the wallet's posted balance less spend
recorded but not yet posted; ``AccountEntry.credits_micros`` is the sum of every credit the
wallet ever took (deposits, refunds: every transaction but spend). The guard takes
``available`` once, like the campaigns' baseline, and then only the *growth of credits* from
later snapshots, so a deposit is live at the next refresh and spend is never counted twice:
``funds = available(first) + credits(now) - credits(first) - settled - outstanding``. A bid is
admitted while ``funds > cost``.

**Even pacing.** A campaign paced ``even`` may have spent, at instant ``t`` of its day, at
most ``daily * (t - t0) / (day_end - t0) + burst``, where ``t0`` is its local midnight (or its
start, when it starts later that day) and ``burst`` is ``burst_seconds`` of the day's budget
(15 minutes by default), never less than the bid itself. So a campaign never burns its budget
in the first minute, and a quiet morning leaves the rest for the afternoon.

**Frequency.** The campaign's and the creative's ``FrequencyRule`` count bids admitted per
user key (``Features.user_key``; the IP when ``per="ip"`` or when the request has no user key)
within a sliding period; a lost auction (``release``) gives its count back, a billed one keeps
it. Each rule keeps at most ``count`` timestamps per key and forgets keys whose last bid left
the period (and the oldest keys past ``max_frequency_keys``), so memory stays bounded.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from adplane.delivery.model import (
    AccountEntry,
    CampaignEntry,
    Candidate,
    Features,
    FrequencyRule,
    ImpSpec,
    Reservation,
    Snapshot,
)

DEFAULT_TTL = timedelta(minutes=5)
_MICROSECOND = timedelta(microseconds=1)
_ZONES: dict[str, ZoneInfo] = {}


def _zone(name: str) -> ZoneInfo:
    zone = _ZONES.get(name)
    if zone is None:
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        _ZONES[name] = zone
    return zone


def day_bounds(now: datetime, timezone: str) -> tuple[datetime, datetime]:
    """The UTC instants the local day of ``now`` in ``timezone`` starts and ends."""
    zone = _zone(timezone)
    local = now.astimezone(zone)
    start = datetime(local.year, local.month, local.day, tzinfo=zone)
    nxt = (start + timedelta(days=1, hours=3)).replace(hour=0)  # safe across DST changes
    end = datetime(nxt.year, nxt.month, nxt.day, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def impression_cost(price_micros: int) -> int:
    """One impression's cost of a CPM price, rounded up to the micro."""
    return -(-price_micros // 1000)


@dataclass(slots=True)
class _Window:
    """Bids per key of one frequency rule, oldest key first."""

    rule: FrequencyRule
    keys: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict)


@dataclass(slots=True)
class _CampaignState:
    entry: CampaignEntry
    day_start: datetime
    day_end: datetime
    spend_today: int  # baseline + settled today
    spend_total: int
    impressions_today: int
    impressions_total: int
    clicks_today: int
    clicks_total: int
    outstanding: int = 0
    open_reservations: int = 0


@dataclass(slots=True)
class _AccountState:
    funds: int  # available at the baseline + credits since - settled since
    credits: int
    outstanding: int = 0


@dataclass(slots=True)
class _Held:
    reservation: Reservation
    counted: list[tuple[_Window, str, float]]


class BudgetGuard:
    """``model.Guard``: budgets, caps, pacing and frequency for one bidder process."""

    def __init__(
        self,
        snapshot: Snapshot | None = None,
        *,
        reservation_ttl: timedelta = DEFAULT_TTL,
        burst_seconds: int = 900,
        max_frequency_keys: int = 200_000,
    ) -> None:
        self.reservation_ttl = reservation_ttl
        self.burst_seconds = burst_seconds
        self.max_frequency_keys = max_frequency_keys
        self._lock = threading.Lock()
        self._campaigns: dict[int, _CampaignState] = {}
        self._accounts: dict[int, _AccountState] = {}
        self._held: OrderedDict[tuple[str, str], _Held] = OrderedDict()
        # Expired reservations, so a late notice still charges its campaign: key -> campaign.
        self._expired: OrderedDict[tuple[str, str], tuple[int, datetime]] = OrderedDict()
        self._windows: dict[tuple[str, int], _Window] = {}
        if snapshot is not None:
            self.refresh(snapshot)

    # the snapshot

    def refresh(self, snapshot: Snapshot) -> None:
        """Take the new limits; baselines of campaigns and accounts already seen stay."""
        with self._lock:
            for entry in snapshot.campaigns.values():
                state = self._campaigns.get(entry.id)
                if state is None:
                    self._campaigns[entry.id] = self._baseline(entry, snapshot.built_at)
                else:
                    state.entry = entry
            for account in snapshot.accounts.values():
                self._take_account(account)

    def _take_account(self, account: AccountEntry) -> None:
        known = self._accounts.get(account.id)
        if known is None:
            self._accounts[account.id] = _AccountState(
                account.available_micros, account.credits_micros
            )
        elif account.credits_micros != known.credits:
            known.funds += account.credits_micros - known.credits
            known.credits = account.credits_micros

    def _baseline(self, entry: CampaignEntry, built_at: datetime) -> _CampaignState:
        start, end = day_bounds(built_at, entry.timezone)
        return _CampaignState(
            entry,
            start,
            end,
            entry.spend_today_micros,
            entry.spend_total_micros,
            entry.impressions_today,
            entry.impressions_total,
            entry.clicks_today,
            entry.clicks_total,
        )

    def _current(self, entry: CampaignEntry, now: datetime) -> _CampaignState:
        state = self._campaigns.get(entry.id)
        if state is None:
            state = self._campaigns[entry.id] = self._baseline(entry, now)
        if now >= state.day_end:
            # The campaign's midnight: today starts again; totals and reservations go on.
            state.day_start, state.day_end = day_bounds(now, state.entry.timezone)
            state.spend_today = state.impressions_today = state.clicks_today = 0
        return state

    # bidding

    def admit(
        self, candidate: Candidate, features: Features, imp: ImpSpec, now: datetime
    ) -> Reservation | None:
        """A reservation for the candidate's bid, or None when a budget, cap or rule refuses."""
        entry = candidate.campaign
        cost = impression_cost(candidate.price_micros) if entry.pricing_model == "cpm" else 0
        with self._lock:
            self._expire(now)
            if entry.start_at is not None and now < entry.start_at:
                return None
            if entry.end_at is not None and now >= entry.end_at:
                return None
            account = self._accounts.get(entry.account_id)
            if account is None or account.funds - account.outstanding <= cost:
                return None
            state = self._current(entry, now)
            if not self._within_budgets(entry, state, cost, now):
                return None
            counted = self._frequency(candidate, features, now)
            if counted is None:
                return None
            reservation = Reservation(
                key=(features.auction_id, imp.imp_id),
                campaign_id=entry.id,
                account_id=entry.account_id,
                creative_id=candidate.creative.id,
                amount_micros=cost,
                pricing_model=entry.pricing_model,
                expires_at=now + self.reservation_ttl,
            )
            previous = self._held.pop(reservation.key, None)
            if previous is not None:
                # The same (auction, imp) bid again: the new reservation replaces the old one.
                self._drop(previous, give_back_frequency=True)
            self._held[reservation.key] = _Held(reservation, counted)
            state.outstanding += cost
            state.open_reservations += 1
            account.outstanding += cost
            return reservation

    def _within_budgets(
        self, entry: CampaignEntry, state: _CampaignState, cost: int, now: datetime
    ) -> bool:
        today = state.spend_today + state.outstanding + cost
        daily = entry.daily_budget_micros
        if daily is not None:
            # CPC/CPA bids cost nothing now: they need budget left, not room for a bid.
            if today > daily or (cost == 0 and today >= daily):
                return False
            if entry.pacing == "even" and today > self._paced(entry, state, daily, cost, now):
                return False
        total = entry.total_budget_micros
        if total is not None:
            spent = state.spend_total + state.outstanding + cost
            if spent > total or (cost == 0 and spent >= total):
                return False
        impressions = state.open_reservations + 1
        if _over(entry.daily_impressions_cap, state.impressions_today + impressions):
            return False
        if _over(entry.total_impressions_cap, state.impressions_total + impressions):
            return False
        if _over(entry.daily_clicks_cap, state.clicks_today + 1):
            return False
        return not _over(entry.total_clicks_cap, state.clicks_total + 1)

    def _paced(
        self, entry: CampaignEntry, state: _CampaignState, daily: int, cost: int, now: datetime
    ) -> int:
        """What an ``even`` campaign may have spent by ``now`` (see the module docstring)."""
        t0 = state.day_start
        if entry.start_at is not None and entry.start_at > t0:
            t0 = entry.start_at
        span = (state.day_end - t0) // _MICROSECOND
        elapsed = (now - t0) // _MICROSECOND
        share = daily * elapsed // span if span > 0 else daily
        burst = max(daily * self.burst_seconds // 86_400, cost)
        return share + burst

    def _frequency(
        self, candidate: Candidate, features: Features, now: datetime
    ) -> list[tuple[_Window, str, float]] | None:
        """Count the bid under every rule that applies, or None (nothing counted) if one refuses."""
        rules: list[tuple[str, int, FrequencyRule]] = []
        if candidate.campaign.frequency is not None:
            rules.append(("campaign", candidate.campaign.id, candidate.campaign.frequency))
        if candidate.creative.frequency is not None:
            rules.append(("creative", candidate.creative.id, candidate.creative.frequency))
        if not rules:
            return []
        stamp = now.timestamp()
        chosen: list[tuple[_Window, str]] = []
        for scope, owner, rule in rules:
            key = features.ip if rule.per == "ip" else (features.user_key or features.ip)
            if key is None or rule.count <= 0:
                # Nobody to count: the rule cannot tell this visitor from another.
                continue
            window = self._window(scope, owner, rule, stamp)
            seen = window.keys.get(key)
            if seen is not None:
                horizon = stamp - rule.period_seconds
                while seen and seen[0] <= horizon:
                    seen.popleft()
                if len(seen) >= rule.count:
                    return None
            chosen.append((window, key))
        counted: list[tuple[_Window, str, float]] = []
        for window, key in chosen:
            seen = window.keys.get(key)
            if seen is None:
                seen = window.keys[key] = deque(maxlen=window.rule.count)
                if len(window.keys) > self.max_frequency_keys:
                    window.keys.popitem(last=False)
            else:
                window.keys.move_to_end(key)
            seen.append(stamp)
            counted.append((window, key, stamp))
        return counted

    def _window(self, scope: str, owner: int, rule: FrequencyRule, stamp: float) -> _Window:
        window = self._windows.get((scope, owner))
        if window is None or window.rule != rule:
            window = self._windows[(scope, owner)] = _Window(rule)
        # Forget a few keys whose last bid left the period: amortised O(1) per bid.
        horizon = stamp - rule.period_seconds
        for _ in range(2):
            if not window.keys:
                break
            oldest_key, oldest = next(iter(window.keys.items()))
            if oldest and oldest[-1] > horizon:
                break
            del window.keys[oldest_key]
        return window

    # notices

    def settle(self, key: tuple[str, str], amount_micros: int, now: datetime) -> bool:
        """Replace a reservation by the spend it cleared at; False if unknown or settled.

        A CPC/CPA reservation is settled with 0 at its billing notice (it keeps its
        frequency count; the spend comes with ``charge``). A reservation that expired is
        still charged.
        """
        with self._lock:
            held = self._held.pop(key, None)
            if held is None:
                late = self._expired.pop(key, None)
                if late is None:
                    return False
                self._add_spend(late[0], amount_micros, now)
                return True
            self._drop(held, give_back_frequency=False)
            self._add_spend(held.reservation.campaign_id, amount_micros, now)
            return True

    def release(self, key: tuple[str, str]) -> None:
        """A lost auction: the reservation and its frequency count are given back."""
        with self._lock:
            held = self._held.pop(key, None)
            if held is not None:
                self._drop(held, give_back_frequency=True)
            self._expired.pop(key, None)

    def record(self, campaign_id: int, kind: Literal["impression", "click"], now: datetime) -> None:
        """Count an impression or a click against the campaign's caps."""
        with self._lock:
            state = self._campaigns.get(campaign_id)
            if state is None:
                return
            state = self._current(state.entry, now)
            if kind == "impression":
                state.impressions_today += 1
                state.impressions_total += 1
            else:
                state.clicks_today += 1
                state.clicks_total += 1

    def charge(self, campaign_id: int, amount_micros: int, now: datetime) -> None:
        """Spend with no reservation: a click (CPC), a conversion (CPA), a late notice."""
        with self._lock:
            self._add_spend(campaign_id, amount_micros, now)

    # inside the lock

    def _add_spend(self, campaign_id: int, amount: int, now: datetime) -> None:
        state = self._campaigns.get(campaign_id)
        if state is None or amount <= 0:
            return
        state = self._current(state.entry, now)
        state.spend_today += amount
        state.spend_total += amount
        account = self._accounts.get(state.entry.account_id)
        if account is not None:
            account.funds -= amount

    def _drop(self, held: _Held, *, give_back_frequency: bool) -> None:
        r = held.reservation
        state = self._campaigns.get(r.campaign_id)
        if state is not None:
            state.outstanding -= r.amount_micros
            state.open_reservations -= 1
        account = self._accounts.get(r.account_id)
        if account is not None:
            account.outstanding -= r.amount_micros
        if give_back_frequency:
            for window, key, stamp in held.counted:
                seen = window.keys.get(key)
                if seen is not None and stamp in seen:
                    seen.remove(stamp)

    def _expire(self, now: datetime) -> None:
        # Reservations are held in the order they were made, and all live as long: the
        # expired ones are at the front.
        while self._held:
            key, held = next(iter(self._held.items()))
            if held.reservation.expires_at > now:
                break
            del self._held[key]
            self._drop(held, give_back_frequency=False)
            self._expired[key] = (held.reservation.campaign_id, now)
        while self._expired:
            key, (_, when) = next(iter(self._expired.items()))
            if when + self.reservation_ttl * 12 > now and len(self._expired) < 1_000_000:
                break
            del self._expired[key]

    # reading (tests, the bidder's stats)

    def spend_today(self, campaign_id: int, now: datetime) -> int:
        """Spend today of one campaign, settled and held, in micros."""
        with self._lock:
            state = self._campaigns.get(campaign_id)
            if state is None:
                return 0
            state = self._current(state.entry, now)
            return state.spend_today + state.outstanding

    def funds(self, account_id: int) -> int:
        """An account's funds less what open reservations hold, in micros."""
        with self._lock:
            account = self._accounts.get(account_id)
            return 0 if account is None else account.funds - account.outstanding


def _over(cap: int | None, used: int) -> bool:
    return cap is not None and cap > 0 and used > cap
