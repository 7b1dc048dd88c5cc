"""In-process rate limits (the embedded mode: one server process per data directory).

Password login is throttled by failures, per account (the email tried) and per client
address: guessing one user's password and trying one password on many users are both slowed.
A successful login clears its account's failures; the address keeps its count, so a client
cannot reset its budget by logging in to an account of its own between guesses.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from adplane.kit.errors import AppError

# Keys are dropped oldest first past this many, so a flood of random emails cannot grow
# memory without bound; a dropped key has had no failure for the longest time.
MAX_KEYS = 100_000


class TooManyRequests(AppError):
    status_code = 429
    title = "Too many requests"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class SlidingWindow:
    """At most ``limit`` events per key in any ``window`` seconds."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, key: str, now: float) -> deque[float] | None:
        events = self._events.get(key)
        if events is None:
            return None
        while events and events[0] <= now - self.window:
            events.popleft()
        if not events:
            del self._events[key]
            return None
        return events

    def retry_after(self, key: str) -> float | None:
        """Seconds until ``key`` may act again, or None if it may act now."""
        now = self.clock()
        events = self._recent(key, now)
        if events is None or len(events) < self.limit:
            return None
        return events[len(events) - self.limit] + self.window - now

    def used(self, key: str) -> int:
        """How many events ``key`` has in the current window."""
        events = self._recent(key, self.clock())
        return 0 if events is None else len(events)

    def hit(self, key: str) -> None:
        now = self.clock()
        events = self._recent(key, now)
        if events is None:
            events = self._events[key] = deque()
        events.append(now)
        self._events.move_to_end(key)
        while len(self._events) > MAX_KEYS:
            self._events.popitem(last=False)

    def clear(self, key: str) -> None:
        self._events.pop(key, None)


@dataclass
class LoginGuard:
    """Failed password logins, per account and per client address."""

    per_account: SlidingWindow
    per_address: SlidingWindow

    @classmethod
    def create(
        cls,
        *,
        account_limit: int,
        address_limit: int,
        window: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> LoginGuard:
        return cls(
            SlidingWindow(account_limit, window, clock), SlidingWindow(address_limit, window, clock)
        )

    def check(self, email: str, address: str | None) -> None:
        """Refuse with 429 (and ``Retry-After``) while either budget is spent."""
        waits = [self.per_account.retry_after(email.strip().lower())]
        if address:
            waits.append(self.per_address.retry_after(address))
        wait = max((w for w in waits if w is not None), default=None)
        if wait is not None:
            raise TooManyRequests(
                "too many failed logins; try again later", retry_after=max(1, math.ceil(wait))
            )

    def failed(self, email: str, address: str | None) -> None:
        self.per_account.hit(email.strip().lower())
        if address:
            self.per_address.hit(address)

    def succeeded(self, email: str) -> None:
        self.per_account.clear(email.strip().lower())
