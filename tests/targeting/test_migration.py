"""The migration that turns stored vendor vocabulary into canonical codes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from adplane.targeting.catalogue import builtin_catalogue

VERSIONS = Path(__file__).parents[2] / "src" / "adplane" / "migrations" / "versions"


@pytest.fixture(scope="module")
def migration() -> ModuleType:
    (path,) = VERSIONS.glob("*-canonical_targeting_codes.py")
    spec = importlib.util.spec_from_file_location("canonical_targeting_codes", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lists(include: list[Any], exclude: list[Any] | None = None) -> dict[str, list[Any]]:
    return {"include": include, "exclude": exclude or []}


def test_ids_names_and_cases_become_codes(migration: ModuleType) -> None:
    stored = {
        "oses": _lists([1, "3", "Android", "Mac OS X"], ["iOS"]),
        "browsers": _lists([1, 2, "Chrome Mobile"]),
        "countries": _lists(["us", "UK", "DE"], [840]),
        "regions": _lists(["US.4797", "UK.1515", "us-ny"]),
        "categories": _lists([1, 2], [3, "iab17-44"]),
        "device_types": _lists([7]),
        "languages": _lists([10, "EN"]),
        "carriers": _lists([11]),
        "keywords": _lists(["Key", 3]),
        "mobile_app": False,
    }
    converted = migration.canonical(stored, builtin_catalogue())
    assert converted["oses"] == _lists(["android", "windows", "macos"], ["ios"])
    assert converted["browsers"] == _lists(["chrome", "safari"])
    assert converted["countries"] == _lists(["US", "GB", "DE"], ["US"])
    assert converted["regions"] == _lists(["US-CA", "GB-ENG", "US-NY"])
    assert converted["categories"] == _lists(["IAB1", "IAB2"], ["IAB3", "IAB17-44"])
    assert converted["device_types"] == _lists(["set_top_box"])
    assert converted["languages"] == _lists(["av", "en"])
    assert converted["carriers"] == _lists(["airtel"])
    # Dimensions without a catalogue are left exactly as they were.
    assert converted["keywords"] == _lists(["Key", 3])
    assert converted["mobile_app"] is False


def test_values_without_a_meaning_are_dropped(migration: ModuleType) -> None:
    stored = {
        "oses": _lists([999, "BeOS", True, None]),
        "regions": _lists(["US.1222", "UK.4332", "XX"]),
        "countries": _lists(["XX", "JP"]),
    }
    converted = migration.canonical(stored, builtin_catalogue())
    assert converted["oses"] == _lists([])
    # US.1222 and UK.4332 (the document's examples) are regions of other countries.
    assert converted["regions"] == _lists([])
    assert converted["countries"] == _lists(["JP"])


def test_the_conversion_is_deterministic_and_idempotent(migration: ModuleType) -> None:
    stored = {"oses": _lists([3, "windows", "Windows 10"]), "countries": _lists(["fr"])}
    once = migration.canonical(stored, builtin_catalogue())
    assert once == migration.canonical(stored, builtin_catalogue())
    assert migration.canonical(once, builtin_catalogue()) == once
    assert once["oses"] == _lists(["windows"])
