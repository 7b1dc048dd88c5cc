"""The budget guard: no overspend under concurrent bids, caps, pacing, frequency and funds."""

from __future__ import annotations

import asyncio
import random
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from adplane.delivery.guard import BudgetGuard, day_bounds
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
from tests.delivery.entries import campaign, creative

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
IMP = ImpSpec("1", frozenset({"banner"}), sizes=((300, 250),))
BID = 2_000_000  # CPM 2.00: one impression reserves 2,000 micros


def snap(*entries: CampaignEntry, funds: int = 10**12, credits: int = 0) -> Snapshot:
    accounts = {e.account_id: AccountEntry(e.account_id, "USD", funds, credits) for e in entries}
    return Snapshot({e.id: e for e in entries}, accounts, NOW)


def candidate(entry: CampaignEntry, price: int = BID) -> Candidate:
    return Candidate(entry, entry.creatives[0], price)


def features(auction: str, user: str | None = None, ip: str | None = None) -> Features:
    return Features(auction_id=auction, user_key=user, ip=ip)


def overspend_bound(budget: int, bid: int) -> int:
    return budget + max(budget * 5 // 1000, bid // 1000)


def test_concurrent_threads_with_late_random_settlements_never_overspend() -> None:
    budget = 1_000_000  # 1.00 a day: 500 impressions at the bid
    entry = campaign(daily_budget_micros=budget)
    guard = BudgetGuard(snap(entry))
    rng = random.Random(7)
    pending: list[tuple[tuple[str, str], int]] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        local = random.Random(n)
        for i in range(600):
            r = guard.admit(candidate(entry), features(f"{n}-{i}"), IMP, NOW)
            if r is None:
                continue
            with lock:
                pending.append((r.key, local.randint(1, r.amount_micros)))
            # Settle some now, others later, out of order.
            if local.random() < 0.5:
                with lock:
                    if pending:
                        key, price = pending.pop(local.randrange(len(pending)))
                    else:
                        continue
                guard.settle(key, price, NOW)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rng.shuffle(pending)
    for key, price in pending:
        assert guard.settle(key, price, NOW)
    assert 0 < guard.spend_today(entry.id, NOW) <= overspend_bound(budget, BID)


def test_concurrent_asyncio_tasks_with_delayed_settlements_never_overspend() -> None:
    budget = 500_000
    entry = campaign(daily_budget_micros=budget)
    guard = BudgetGuard(snap(entry))

    async def bidder(n: int) -> int:
        rng = random.Random(n)
        won = 0
        for i in range(500):
            r = guard.admit(candidate(entry), features(f"a{n}-{i}"), IMP, NOW)
            if r is None:
                await asyncio.sleep(0)
                continue
            won += 1
            await asyncio.sleep(rng.random() / 1000)
            if rng.random() < 0.3:
                guard.release(r.key)  # lost the auction
            else:
                guard.settle(r.key, rng.randint(r.amount_micros // 2, r.amount_micros), NOW)
        return won

    async def run() -> list[int]:
        return await asyncio.gather(*(bidder(n) for n in range(16)))

    won = asyncio.run(run())
    assert sum(won) > 250
    assert guard.spend_today(entry.id, NOW) <= overspend_bound(budget, BID)


def test_without_settlements_reservations_never_exceed_the_budget() -> None:
    budget = 100_000
    entry = campaign(daily_budget_micros=budget)
    guard = BudgetGuard(snap(entry))
    admitted: list[Reservation] = []

    def worker(n: int) -> None:
        for i in range(1000):
            r = guard.admit(candidate(entry), features(f"{n}-{i}"), IMP, NOW)
            if r is not None:
                admitted.append(r)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.amount_micros for r in admitted) <= budget
    assert len(admitted) == budget // (BID // 1000)


def test_a_clearing_price_above_the_reservation_overshoots_by_at_most_one_bid() -> None:
    budget = 10_000
    entry = campaign(daily_budget_micros=budget)
    guard = BudgetGuard(snap(entry))
    keys: list[tuple[str, str]] = []
    while (r := guard.admit(candidate(entry), features(f"x{len(keys)}"), IMP, NOW)) is not None:
        keys.append(r.key)
    for key in keys[:-1]:
        guard.settle(key, 2_000, NOW)
    guard.settle(keys[-1], 3_999, NOW)
    assert guard.spend_today(entry.id, NOW) <= budget + BID // 1000


def test_a_replayed_settlement_counts_once() -> None:
    entry = campaign(daily_budget_micros=1_000_000)
    guard = BudgetGuard(snap(entry))
    r = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert r is not None
    assert guard.settle(r.key, 1_500, NOW)
    assert not guard.settle(r.key, 1_500, NOW)
    assert guard.spend_today(entry.id, NOW) == 1_500


def test_an_expired_reservation_frees_its_budget_and_a_late_notice_still_counts() -> None:
    entry = campaign(daily_budget_micros=2_000)
    guard = BudgetGuard(snap(entry), reservation_ttl=timedelta(minutes=5))
    r = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert r is not None
    assert guard.admit(candidate(entry), features("b"), IMP, NOW) is None
    later = NOW + timedelta(minutes=6)
    second = guard.admit(candidate(entry), features("c"), IMP, later)
    assert second is not None
    assert guard.settle(r.key, 2_000, later)  # the late billing notice
    assert guard.spend_today(entry.id, later) == 4_000
    assert guard.admit(candidate(entry), features("d"), IMP, later) is None


def test_a_loss_gives_the_reservation_back() -> None:
    entry = campaign(daily_budget_micros=2_000)
    guard = BudgetGuard(snap(entry))
    r = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert r is not None
    guard.release(r.key)
    assert guard.admit(candidate(entry), features("b"), IMP, NOW) is not None


def test_a_cpc_bid_reserves_nothing_and_stops_when_the_budget_is_spent() -> None:
    entry = campaign(pricing_model="cpc", daily_budget_micros=1_000_000)
    guard = BudgetGuard(snap(entry))
    r = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert r is not None
    assert r.amount_micros == 0
    assert guard.settle(r.key, 0, NOW)
    guard.charge(entry.id, 1_000_000, NOW)  # the click
    assert guard.admit(candidate(entry), features("b"), IMP, NOW) is None


def test_the_total_budget_counts_the_baseline() -> None:
    entry = campaign(total_budget_micros=10_000, spend_total_micros=9_000)
    guard = BudgetGuard(snap(entry))
    assert guard.admit(candidate(entry), features("a"), IMP, NOW) is None
    assert guard.admit(candidate(entry, price=1_000_000), features("b"), IMP, NOW) is not None


def test_a_later_snapshot_changes_limits_but_not_the_baseline() -> None:
    entry = campaign(daily_budget_micros=10_000, spend_today_micros=4_000)
    guard = BudgetGuard(snap(entry))
    r = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert r is not None
    guard.settle(r.key, 2_000, NOW)
    # The store caught up: the new snapshot's counter holds the 2,000 settled here.
    guard.refresh(snap(replace(entry, spend_today_micros=6_000, daily_budget_micros=12_000)))
    assert guard.spend_today(entry.id, NOW) == 6_000


def test_the_day_starts_again_at_the_campaigns_midnight() -> None:
    entry = campaign(daily_budget_micros=2_000, timezone="America/New_York")
    guard = BudgetGuard(snap(entry))
    r = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert r is not None
    guard.settle(r.key, 2_000, NOW)
    assert guard.admit(candidate(entry), features("b"), IMP, NOW) is None
    # 05:00 UTC is midnight in New York in December.
    next_day = datetime(2026, 12, 3, 5, 0, 1, tzinfo=UTC)
    assert guard.admit(candidate(entry), features("c"), IMP, next_day) is not None


def test_funds_exhaustion_stops_admits_at_once() -> None:
    a = campaign(1, daily_budget_micros=10**9)
    b = campaign(2, daily_budget_micros=10**9, creatives=(creative(12),))
    guard = BudgetGuard(snap(a, b, funds=5_000))
    r = guard.admit(candidate(a), features("a"), IMP, NOW)
    assert r is not None
    guard.settle(r.key, 2_000, NOW)
    r = guard.admit(candidate(b), features("b"), IMP, NOW)
    assert r is not None
    # 1,000 left with 2,000 held: nothing more for either campaign of the account.
    assert guard.admit(candidate(a), features("c"), IMP, NOW) is None
    assert guard.admit(candidate(b), features("d"), IMP, NOW) is None


def test_a_deposit_in_a_later_snapshot_adds_funds_without_recounting_spend() -> None:
    entry = campaign()
    guard = BudgetGuard(snap(entry, funds=3_000, credits=3_000))
    r = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert r is not None
    guard.settle(r.key, 2_000, NOW)
    assert guard.admit(candidate(entry), features("b"), IMP, NOW) is None
    # 10.00 deposited; the store has also taken in the 2,000 spent, lowering "available".
    guard.refresh(snap(entry, funds=10_001_000, credits=10_003_000))
    assert guard.funds(entry.account_id) == 10_001_000


def test_the_impression_cap_counts_open_reservations() -> None:
    entry = campaign(daily_impressions_cap=3, impressions_today=1)
    guard = BudgetGuard(snap(entry))
    first = guard.admit(candidate(entry), features("a"), IMP, NOW)
    assert first is not None
    assert guard.admit(candidate(entry), features("b"), IMP, NOW) is not None
    assert guard.admit(candidate(entry), features("c"), IMP, NOW) is None
    guard.settle(first.key, 2_000, NOW)
    guard.record(entry.id, "impression", NOW)
    assert guard.admit(candidate(entry), features("d"), IMP, NOW) is None


def test_the_click_cap_stops_bids_once_reached() -> None:
    entry = campaign(total_clicks_cap=2)
    guard = BudgetGuard(snap(entry))
    guard.record(entry.id, "click", NOW)
    assert guard.admit(candidate(entry), features("a"), IMP, NOW) is not None
    guard.record(entry.id, "click", NOW)
    assert guard.admit(candidate(entry), features("b"), IMP, NOW) is None


def test_a_campaign_outside_its_schedule_is_refused() -> None:
    early = campaign(start_at=NOW + timedelta(hours=1))
    late = campaign(2, end_at=NOW)
    guard = BudgetGuard(snap(early, late))
    assert guard.admit(candidate(early), features("a"), IMP, NOW) is None
    assert guard.admit(candidate(late), features("b"), IMP, NOW) is None


def test_the_frequency_cap_counts_per_user_within_the_period() -> None:
    entry = campaign(frequency=FrequencyRule(2, 3600))
    guard = BudgetGuard(snap(entry))
    for n in range(2):
        assert guard.admit(candidate(entry), features(f"u{n}", user="u"), IMP, NOW) is not None
    assert guard.admit(candidate(entry), features("u3", user="u"), IMP, NOW) is None
    assert guard.admit(candidate(entry), features("v1", user="v"), IMP, NOW) is not None
    later = NOW + timedelta(seconds=3601)
    assert guard.admit(candidate(entry), features("u4", user="u"), IMP, later) is not None


def test_a_lost_auction_gives_its_frequency_count_back() -> None:
    entry = campaign(frequency=FrequencyRule(1, 3600))
    guard = BudgetGuard(snap(entry))
    r = guard.admit(candidate(entry), features("a", user="u"), IMP, NOW)
    assert r is not None
    guard.release(r.key)
    won = guard.admit(candidate(entry), features("b", user="u"), IMP, NOW)
    assert won is not None
    guard.settle(won.key, 2_000, NOW)
    assert guard.admit(candidate(entry), features("c", user="u"), IMP, NOW) is None


def test_the_creative_frequency_cap_per_ip() -> None:
    entry = campaign(creatives=(creative(frequency=FrequencyRule(1, 60, per="ip")),))
    guard = BudgetGuard(snap(entry))
    assert guard.admit(candidate(entry), features("a", ip="1.2.3.4"), IMP, NOW) is not None
    assert guard.admit(candidate(entry), features("b", ip="1.2.3.4"), IMP, NOW) is None
    assert guard.admit(candidate(entry), features("c", ip="5.6.7.8"), IMP, NOW) is not None


def test_frequency_memory_stays_bounded() -> None:
    entry = campaign(frequency=FrequencyRule(1, 60))
    guard = BudgetGuard(snap(entry), max_frequency_keys=100)
    for n in range(1000):
        guard.admit(candidate(entry), features(f"a{n}", user=f"u{n}"), IMP, NOW)
    assert all(len(w.keys) <= 100 for w in guard._windows.values())
    later = NOW + timedelta(minutes=5)
    for n in range(50):
        guard.admit(candidate(entry), features(f"b{n}", user=f"w{n}"), IMP, later)
    assert all(len(w.keys) <= 100 for w in guard._windows.values())


def _spendable(guard: BudgetGuard, entry: CampaignEntry, at: datetime) -> int:
    """Bid until refused at one instant and settle each bid at its price: what pacing allowed."""
    n = 0
    while (r := guard.admit(candidate(entry), features(f"{at}-{n}"), IMP, at)) is not None:
        guard.settle(r.key, r.amount_micros, at)
        n += 1
    return guard.spend_today(entry.id, at)


def test_even_pacing_spreads_the_budget_over_the_campaigns_day() -> None:
    budget = 9_600_000  # 96 quarter hours of 100,000
    zone = ZoneInfo("Asia/Tokyo")
    entry = campaign(daily_budget_micros=budget, pacing="even", timezone="Asia/Tokyo")
    guard = BudgetGuard(snap(entry), burst_seconds=900)
    midnight = datetime(2026, 12, 3, tzinfo=zone).astimezone(UTC)
    burst = budget // 96
    for hours in (0, 6, 12, 18):
        at = midnight + timedelta(hours=hours)
        spent = _spendable(guard, entry, at)
        allowed = budget * hours // 24 + burst
        assert allowed - BID // 1000 < spent <= allowed, hours
    assert _spendable(guard, entry, midnight + timedelta(hours=23, minutes=59)) <= budget


def test_asap_pacing_spends_the_whole_budget_at_once() -> None:
    entry = campaign(daily_budget_micros=100_000, pacing="asap", timezone="Asia/Tokyo")
    guard = BudgetGuard(snap(entry))
    assert _spendable(guard, entry, NOW) == 100_000


def test_day_bounds_follow_the_timezone_across_daylight_saving() -> None:
    start, end = day_bounds(datetime(2026, 3, 8, 12, tzinfo=UTC), "America/New_York")
    assert (start, end) == (
        datetime(2026, 3, 8, 5, tzinfo=UTC),
        datetime(2026, 3, 9, 4, tzinfo=UTC),
    )
