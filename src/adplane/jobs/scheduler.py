"""The scheduler: runs the tick every ``ADPLANE_JOBS_INTERVAL_SECONDS`` inside the server.

Only one tick runs at a time: the loop waits for a tick to end before it sleeps again, and
``run_once`` (the same work on demand) takes the same lock. A tick that raises is logged and
the loop goes on; stopping cancels the sleep or the tick in progress (whose open transaction
then rolls back).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from adplane.jobs.tick import TickReport

log = logging.getLogger("adplane.jobs")


class Scheduler:
    def __init__(self, interval: float, work: Callable[[], Awaitable[TickReport]]) -> None:
        self.interval = interval
        self._work = work
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self.ticks = 0
        self.last: TickReport | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="adplane-jobs")

    async def run_once(self) -> TickReport:
        async with self._lock:
            report = await self._work()
            self.ticks += 1
            self.last = report
            return report

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("a jobs tick failed")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
