"""UTC helpers and time-zone names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from adplane.kit.time import as_utc, is_timezone, optional_utc, utcnow


def test_utcnow_is_timezone_aware_utc() -> None:
    assert utcnow().utcoffset() == timedelta(0)


def test_a_naive_datetime_is_read_as_utc() -> None:
    assert as_utc(datetime(2026, 1, 1, 12, 0)) == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def test_an_aware_datetime_is_converted_to_utc() -> None:
    paris_noon = datetime(2026, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    converted = as_utc(paris_noon)
    assert converted.tzinfo is UTC
    assert converted.hour == 11


def test_optional_utc_passes_none_through() -> None:
    assert optional_utc(None) is None


@pytest.mark.parametrize("name", ["UTC", "Etc/UTC", "Europe/Paris", "America/New_York"])
def test_iana_time_zones_are_known(name: str) -> None:
    assert is_timezone(name)


@pytest.mark.parametrize("name", ["", "Mars/Olympus", "europe/paris", "../etc/passwd", "+02:00"])
def test_other_names_are_not_time_zones(name: str) -> None:
    assert not is_timezone(name)
