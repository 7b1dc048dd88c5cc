"""A report's days in UTC, and the offsets the engine shifts timestamps by."""

from __future__ import annotations

from datetime import date, datetime

from adplane.reports.timezones import OffsetSpan, offset_spans, utc_range


def test_etc_gmt_plus_ten_is_ten_hours_behind_utc() -> None:
    start, end = utc_range(date(2026, 3, 1), date(2026, 3, 2), "Etc/GMT+10")
    assert (start, end) == (datetime(2026, 3, 1, 10), datetime(2026, 3, 3, 10))
    assert offset_spans("Etc/GMT+10", start, end) == [OffsetSpan(start, -36_000)]


def test_a_daylight_saving_change_splits_the_range_at_the_exact_second() -> None:
    start, end = utc_range(date(2026, 3, 1), date(2026, 3, 31), "America/New_York")
    assert offset_spans("America/New_York", start, end) == [
        OffsetSpan(datetime(2026, 3, 1, 5), -5 * 3600),
        OffsetSpan(datetime(2026, 3, 8, 7), -4 * 3600),
    ]


def test_a_day_that_lasts_23_hours_ends_where_the_next_begins() -> None:
    start, end = utc_range(date(2026, 3, 29), date(2026, 3, 29), "Europe/Berlin")
    assert end - start == (datetime(2026, 3, 29, 22) - datetime(2026, 3, 28, 23))
    assert (end - start).total_seconds() == 23 * 3600


def test_zones_with_quarter_hour_offsets_are_exact() -> None:
    start, end = utc_range(date(2026, 1, 1), date(2026, 1, 1), "Asia/Kathmandu")
    assert start == datetime(2025, 12, 31, 18, 15)
    assert offset_spans("Asia/Kathmandu", start, end) == [OffsetSpan(start, 5 * 3600 + 45 * 60)]
