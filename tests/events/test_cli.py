"""``adplane events generate`` and ``adplane events import`` as a user runs them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.server import BIN, cli, server_env

pytestmark = pytest.mark.e2e


def test_generate_then_import_through_the_command_line(tmp_path: Path) -> None:
    env = server_env(tmp_path / "data", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    cli(env, "demo", "--no-serve")

    generated = cli(env, "events", "generate", "--count", "3000", "--days", "5", "--seed", "1")
    assert "generated 3,000 events" in generated.stderr
    assert "loaded by this command: 3,000 new events" in generated.stderr

    target = tmp_path / "events.ndjson"
    cli(
        env,
        "events",
        "generate",
        "--count",
        "3000",
        "--days",
        "5",
        "--seed",
        "1",
        "--output",
        str(target),
    )
    imported = cli(env, "events", "import", str(target))
    assert "read 3,000 events" in imported.stderr
    # The same seed gives the same event ids: nothing is counted twice.
    assert "0 new events, 3,000 duplicates skipped" in imported.stderr


def test_an_invalid_file_is_refused_with_its_line_and_a_failing_exit_code(tmp_path: Path) -> None:
    env = server_env(tmp_path / "data", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    bad = tmp_path / "bad.ndjson"
    bad.write_text(
        '{"event_id": "a", "type": "bid", "ts": "2026-03-10", "campaign_id": 1, "x": 1}\n'
    )
    result = subprocess.run(
        [str(BIN), "events", "import", str(bad)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "line 1 is invalid: unknown field 'x'" in result.stderr
    assert "nothing was imported" in result.stderr
