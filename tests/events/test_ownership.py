"""The campaign-owner memory of the ingestion path."""

from __future__ import annotations

from adplane.events.ownership import CampaignAccountCache


def test_remembered_owners_are_split_from_the_ones_to_look_up_in_order() -> None:
    cache = CampaignAccountCache()
    cache.put({1: 10, 3: 30})
    assert cache.split([3, 2, 1, 4]) == ({3: 30, 1: 10}, [2, 4])


def test_owners_are_forgotten_after_their_time() -> None:
    cache = CampaignAccountCache(ttl=-1)
    cache.put({1: 10})
    assert cache.get(1) is None


def test_a_full_memory_starts_again_rather_than_growing() -> None:
    cache = CampaignAccountCache(size=2)
    cache.put({1: 10, 2: 20})
    cache.put({3: 30})
    assert cache.split([1, 2, 3]) == ({3: 30}, [1, 2])
