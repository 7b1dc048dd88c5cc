"""A report's time zone: its date range in UTC, and its UTC offsets over that range.

Events are stored in UTC. Rather than asking the database to convert every row through a
time-zone library, the engine computes here, once per report, the few instants where the
zone's offset changes within the range; the SQL then shifts each timestamp by a constant
per interval, which any backend evaluates at full speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# Events exist only in this window (the event schema refuses others), so offsets are only
# worked out inside it.
_FIRST = datetime(2000, 1, 1)
_LAST = datetime(2100, 1, 1)


@dataclass(frozen=True)
class OffsetSpan:
    """From ``start`` (naive UTC) until the next span, local time is UTC + ``seconds``."""

    start: datetime
    seconds: int


def _zone(name: str) -> ZoneInfo:
    return ZoneInfo("UTC" if name in {"UTC", "Etc/UTC"} else name)


def utc_range(first: date, last: date, timezone: str) -> tuple[datetime, datetime]:
    """The UTC instants (naive) where local day ``first`` starts and day ``last`` ends."""
    zone = _zone(timezone)
    start = datetime.combine(first, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return start.replace(tzinfo=None), end.replace(tzinfo=None)


def _offset(zone: ZoneInfo, utc: datetime) -> int:
    delta = utc.replace(tzinfo=UTC).astimezone(zone).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def offset_spans(timezone: str, start: datetime, end: datetime) -> list[OffsetSpan]:
    """The zone's UTC offsets between naive UTC ``start`` and ``end``, one span per change."""
    zone = _zone(timezone)
    start = min(max(start, _FIRST), _LAST)
    end = min(max(end, start), _LAST)
    spans = [OffsetSpan(start, _offset(zone, start))]
    # Offsets change at most a few times a year and never twice within a day.
    cursor = start
    while cursor < end:
        following = min(cursor + timedelta(days=1), end)
        if _offset(zone, following) != spans[-1].seconds:
            # Transitions fall on whole seconds: find the first second with the new offset.
            low, high = 0, int((following - cursor).total_seconds())
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(zone, cursor + timedelta(seconds=middle)) == spans[-1].seconds:
                    low = middle
                else:
                    high = middle
            changed = cursor + timedelta(seconds=high)
            spans.append(OffsetSpan(changed, _offset(zone, changed)))
        cursor = following
    return spans
