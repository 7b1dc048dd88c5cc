"""Every query for media assets, on the kit's generic repository (scoped by account)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session as SyncSession

from adplane.kit.repository import RepositoryBase
from adplane.models import MediaAsset

# session.info keys: what to run when the session's outermost transaction commits or rolls back.
_ON_COMMIT = "adplane.media.on_commit"
_ON_ROLLBACK = "adplane.media.on_rollback"


@dataclass(frozen=True)
class MediaFilter:
    """List filters; None means no filter on that field."""

    kind: str | None = None
    account_id: int | None = None


class MediaRepository(RepositoryBase[MediaAsset]):
    model = MediaAsset

    async def delete(self, row: MediaAsset) -> None:
        await self.session.delete(row)
        await self.session.flush()

    def on_outcome(
        self,
        *,
        committed: Callable[[], None] | None = None,
        rolled_back: Callable[[], None] | None = None,
    ) -> None:
        """Run blocking file work once the unit of work commits, or once it rolls back.

        Files live outside the database, so they follow its outcome: a stored upload whose
        row is rolled back is removed, a deleted asset's files go only once the deletion is
        committed. The work runs on a thread; savepoints do not count.
        """
        on_outcome(self.session, committed=committed, rolled_back=rolled_back)


def on_outcome(
    session: AsyncSession,
    *,
    committed: Callable[[], None] | None = None,
    rolled_back: Callable[[], None] | None = None,
) -> None:
    sync = session.sync_session
    if _ON_COMMIT not in sync.info:
        sync.info[_ON_COMMIT] = []
        sync.info[_ON_ROLLBACK] = []
        event.listen(sync, "after_commit", _after_commit)
        event.listen(sync, "after_rollback", _after_rollback)
    if committed is not None:
        sync.info[_ON_COMMIT].append(committed)
    if rolled_back is not None:
        sync.info[_ON_ROLLBACK].append(rolled_back)


def _settle(sync: SyncSession, which: str) -> None:
    if sync.in_nested_transaction():
        return  # a savepoint: what counts is the outermost transaction's outcome
    due: list[Callable[[], None]] = sync.info.get(which, [])
    sync.info[_ON_COMMIT] = []
    sync.info[_ON_ROLLBACK] = []
    if not due:
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # a synchronous caller: nothing to keep responsive
        _run_all(due)
        return
    # Called inside the commit or the rollback, on the event loop: the work goes to a thread.
    loop.run_in_executor(None, _run_all, due)


def _run_all(due: list[Callable[[], None]]) -> None:
    for work in due:
        work()


def _after_commit(sync: SyncSession) -> None:
    _settle(sync, _ON_COMMIT)


def _after_rollback(sync: SyncSession) -> None:
    _settle(sync, _ON_ROLLBACK)
