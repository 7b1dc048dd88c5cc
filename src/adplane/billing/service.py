"""Spend posted to the wallets, exactly once per campaign and hour, and the funds shown.

**Posting.** The event store (DuckDB) is where spend is recorded: every charged impression,
click or conversion carries its ``cost_micros``. ``post_spend`` takes each campaign's spend of
every *closed* UTC hour (the hour ended at least ``grace`` ago, so the loader has taken in
its segments) and posts it to the account's wallet as one ``spend`` transaction (a negative
amount), with a ``spend_postings`` row unique per (campaign, hour), in the same database
transaction. A second run finds the row and posts nothing; two posters at once collide on the
unique key and the loser rolls back whole. Spend that reaches the store after its hour was
posted (a late segment) is posted by a later run as the difference, within ``lookback`` of
the newest posted hour; the row's amount is raised with a compare-and-set, so that too
happens once.

**Funds.** The wallet lags the store by up to an hour and the grace, so what is shown is
``available = balance - (recorded spend - posted spend)``: the posted balance less the spend
recorded but not yet posted. It equals ``credits - recorded spend`` at every instant, so the
balance every surface shows and the spend every report shows always add up; ``no_funds`` is
``available <= 0``. ``credits`` (every deposit, all transactions but spend) is
``balance + posted spend``; the budget guard takes its growth as new funds.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts_service
from adplane.billing.repository import BillingRepository
from adplane.kit.errors import Conflict
from adplane.models import SpendPosting

GRACE = timedelta(minutes=5)
LOOKBACK = timedelta(hours=48)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@runtime_checkable
class BillingReader(Protocol):
    """The event store as billing reads it (``events.runtime.DuckDBSpendReader``)."""

    async def hourly_spend(
        self, since: datetime, until: datetime
    ) -> list[tuple[int, int, datetime, int]]:
        """(account, campaign, UTC hour start, spend micros) of each hour in [since, until)."""
        ...

    async def account_spend(self, account_ids: Sequence[int]) -> dict[int, int]:
        """Every spend ever recorded per account, in micros."""
        ...


@dataclass(frozen=True)
class Posting:
    account_id: int
    campaign_id: int
    hour_start: datetime
    amount_micros: int
    transaction_id: int


@dataclass(frozen=True)
class PostingReport:
    """What one ``post_spend`` run posted."""

    postings: list[Posting]
    closed_until: datetime

    @property
    def amount_micros(self) -> int:
        return sum(p.amount_micros for p in self.postings)


@dataclass(frozen=True)
class Funds:
    """An account's funds as the bidder starts from them (``delivery.model.AccountEntry``)."""

    available_micros: int
    credits_micros: int


def hour_floor(instant: datetime) -> datetime:
    return instant.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


async def post_spend(
    session: AsyncSession,
    reader: BillingReader,
    now: datetime,
    *,
    grace: timedelta = GRACE,
    lookback: timedelta = LOOKBACK,
) -> PostingReport:
    """Post every closed hour's spend not posted yet; the caller's transaction holds it all."""
    closed_until = hour_floor(now - grace)
    repo = BillingRepository.from_session(session)
    latest = await repo.latest_hour()
    since = EPOCH if latest is None else hour_floor(latest - lookback)
    recorded = await reader.hourly_spend(since, closed_until)
    posted = await repo.postings_between(since, closed_until)
    done: list[Posting] = []
    for account_id, campaign_id, hour, amount in sorted(recorded, key=lambda r: (r[2], r[1])):
        known = posted.get((campaign_id, hour))
        was = 0 if known is None else known.amount_micros
        if amount == was:
            continue
        reference = f"spend campaign {campaign_id} {hour:%Y-%m-%dT%H:00Z}"
        tx = await accounts_service.record_transaction(
            session, account_id, "spend", was - amount, reference, None
        )
        if known is None:
            await repo.add(
                SpendPosting(
                    account_id=account_id,
                    campaign_id=campaign_id,
                    hour_start=hour,
                    amount_micros=amount,
                    transaction_id=tx.id,
                )
            )
        elif not await repo.grow(known.id, was, amount, tx.id):
            raise Conflict(f"campaign {campaign_id}'s hour {hour} was posted meanwhile")
        done.append(Posting(account_id, campaign_id, hour, amount - was, tx.id))
    return PostingReport(done, closed_until)


async def _unposted(
    session: AsyncSession, reader: object, account_ids: Collection[int]
) -> tuple[dict[int, int], dict[int, int]]:
    """Per account: spend posted, and spend recorded but not posted yet."""
    posted = await BillingRepository.from_session(session).posted_by_account(account_ids)
    if not isinstance(reader, BillingReader):
        # No event store (the CLI, a test on the database alone): nothing recorded unposted.
        return posted, {}
    recorded = await reader.account_spend(sorted(account_ids))
    return posted, {
        aid: recorded.get(aid, 0) - posted.get(aid, 0)
        for aid in account_ids
        if recorded.get(aid, 0) != posted.get(aid, 0)
    }


async def account_funds(
    session: AsyncSession, reader: object, account_ids: Collection[int]
) -> dict[int, Funds]:
    """Each account's available funds and credits (see the module docstring)."""
    ids = set(account_ids)
    if not ids:
        return {}
    accounts = await accounts_service.accounts_by_ids(session, sorted(ids))
    posted, unposted = await _unposted(session, reader, ids)
    return {
        aid: Funds(
            account.balance_micros - unposted.get(aid, 0),
            account.balance_micros + posted.get(aid, 0),
        )
        for aid, account in accounts.items()
    }


async def available_funds(
    session: AsyncSession, reader: object, account_ids: Collection[int]
) -> dict[int, int]:
    """Each account's posted balance less the spend recorded but not posted yet, in micros."""
    funds = await account_funds(session, reader, account_ids)
    return {aid: f.available_micros for aid, f in funds.items()}
