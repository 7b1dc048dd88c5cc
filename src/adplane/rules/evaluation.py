"""Running rules: live statistics per source -> conditions -> the target list -> history.

One watch (an active rule and one campaign it watches) is evaluated at a time, each in its
own transaction, so a failing rule rolls back only itself. The statistics come from the
report engine, grouped by the source dimension, filtered by the campaign and scoped to the
rule's account, over the look-back window that ends now; the backend runs the query on the
analytics store's bounded read pool, off the event loop. The query runs before anything is
written, so on SQLite the write lock is taken only when a source is actually added.

Idempotent: the filter list adds a value only once and says how many values were new, and a
firing is recorded only for a source that was new to the list. A source already in the list
(added by an earlier tick, by hand, or by another rule) is neither added nor recorded again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal, Role
from adplane.filterlists import service as filterlist_service
from adplane.kit.errors import AppError, NotFound
from adplane.kit.time import as_utc
from adplane.models import RuleFiring
from adplane.reports.backends import Backend
from adplane.reports.catalog import DIMENSIONS, METRICS
from adplane.reports.engine import Filter, ReportQuery, run_report
from adplane.rules.conditions import Condition, matches, metrics_of
from adplane.rules.repository import FiringRepository, RuleRepository, Watch
from adplane.rules.targets import source_dimension

log = logging.getLogger("adplane.jobs.rules")

# Sources per report page; a campaign with more sources than this is read page by page.
PAGE_SIZE = 10_000


@dataclass
class WatchResult:
    rule_id: int
    campaign_id: int
    matched: int = 0
    fired: list[str] = field(default_factory=list)


def conditions_of(stored: list[dict[str, object]]) -> list[Condition]:
    return [
        Condition(
            metric=str(c["metric"]),
            operator=c["operator"],  # type: ignore[arg-type]
            value=Decimal(str(c["value"])),
            join=c.get("join"),  # type: ignore[arg-type]
        )
        for c in stored
    ]


async def watches(session: AsyncSession) -> list[Watch]:
    """Every active rule and each campaign it watches."""
    return await RuleRepository.from_session(session).watches()


class _Partly(Exception):
    """Some but not all of a batch were new: undo it and find out which, one by one."""


Candidate = tuple[str, dict[str, int | Decimal]]


async def _add_whole_batch(session: AsyncSession, list_id: int, values: list[str]) -> int | None:
    """How many values were new when the batch went in whole; None when it must go one by one.

    It goes one by one when only some values were new (which ones the count cannot say) or when
    the list refuses a value (an AppError), so that the others still go in.
    """
    try:
        async with session.begin_nested():
            added = await filterlist_service.add_items(session, list_id, values)
            if 0 < added < len(values):
                raise _Partly
    except (_Partly, AppError):
        return None
    return added


async def _new_sources(
    session: AsyncSession, list_id: int, candidates: list[Candidate], rule_id: int
) -> list[Candidate]:
    """Add the candidates to the list; the ones that were not in it yet.

    The list only says how many values were new. Most ticks add nothing (every matching
    source is already in the list) or only new sources, so the whole batch goes in one call
    first; only when some but not all were new is it undone and retried value by value.
    """
    added = await _add_whole_batch(session, list_id, [s for s, _ in candidates])
    if added is not None:
        return candidates if added else []
    new: list[Candidate] = []
    for source, found in candidates:
        try:
            async with session.begin_nested():
                one = await filterlist_service.add_items(session, list_id, [source])
        except AppError as exc:
            # A value the list's type refuses (a malformed domain in the events) is skipped.
            log.info("rule %d: %r not added to list %d: %s", rule_id, source, list_id, exc)
            continue
        if one:
            new.append((source, found))
    return new


def _number(value: object) -> int | Decimal:
    if isinstance(value, int | Decimal):
        return value
    raise TypeError(f"a metric value should be a number, not {value!r}")


def _naive(moment: datetime) -> datetime:
    return as_utc(moment).replace(tzinfo=None)


async def evaluate(
    session: AsyncSession, backend: Backend, watch: Watch, now: datetime
) -> WatchResult:
    """Evaluate one watch and apply its action; the caller commits."""
    rule = watch.rule
    result = WatchResult(rule.id, watch.campaign_id)
    owner = Principal(user_id=0, role=Role.ADVERTISER, account_id=rule.account_id)
    try:
        target = await filterlist_service.get(session, owner, rule.target_list_id)
    except NotFound:
        log.warning("rule %d: its target list %d is gone", rule.id, rule.target_list_id)
        return result
    dimension_name = source_dimension(target.type.value)
    if dimension_name is None:
        log.warning("rule %d: a list of %s collects no event dimension", rule.id, target.type)
        return result
    conditions = conditions_of(rule.conditions)
    metrics = tuple(METRICS[name] for name in metrics_of(conditions))
    end = _naive(now)
    start = end - timedelta(days=rule.lookback_days)
    candidates: list[Candidate] = []
    page = 1
    while True:
        query = ReportQuery(
            start=start,
            end=end,
            timezone="UTC",
            dimensions=(DIMENSIONS[dimension_name],),
            metrics=metrics,
            filters=(Filter(DIMENSIONS["campaign_id"], (watch.campaign_id,)),),
            account_id=rule.account_id,
            page=page,
            page_size=PAGE_SIZE,
        )
        report = await run_report(query, backend)
        for row in report.rows:
            source = row.get(dimension_name)
            if source is None or source == "":
                continue
            values = {m.name: _number(row[m.name]) for m in metrics}
            if matches(conditions, values):
                candidates.append((str(source), values))
        if len(report.rows) < PAGE_SIZE:
            break
        page += 1
    result.matched = len(candidates)
    if not candidates:
        return result
    firings = FiringRepository.from_session(session)
    for source, found in await _new_sources(session, target.id, candidates, rule.id):
        await firings.create(
            RuleFiring(
                rule_id=rule.id,
                campaign_id=watch.campaign_id,
                account_id=rule.account_id,
                list_id=target.id,
                dimension=dimension_name,
                source=source,
                metrics={k: v if isinstance(v, int) else str(v) for k, v in found.items()},
                window_start=as_utc(start),
                window_end=as_utc(end),
                fired_at=now,
            )
        )
        result.fired.append(source)
    return result
