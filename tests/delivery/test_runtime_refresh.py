"""The refresher's clock: a full rebuild is due at the next UTC midnight, whatever the period."""

from __future__ import annotations

from datetime import UTC, datetime

from adplane.delivery.runtime import seconds_to_midnight
from adplane.settings import Settings


def test_the_next_midnight_is_counted_from_now_with_a_second_of_margin() -> None:
    assert seconds_to_midnight(datetime(2026, 12, 3, 23, 59, 30, tzinfo=UTC)) == 31.0
    assert seconds_to_midnight(datetime(2026, 12, 3, 0, 0, 0, tzinfo=UTC)) == 86_401.0


def test_the_full_refresh_is_a_rare_safety_net_by_default() -> None:
    # Changes come through the change feed; a full rebuild every 30 s stalled bids for nothing.
    assert Settings.model_fields["delivery_full_refresh_seconds"].default >= 600
