"""Broken configurations end with one or two lines saying what is wrong and what to do.

Each case runs the real ``adplane`` command (or ``make``) in a subprocess and checks the exit
status, that stderr is short and has no traceback, and that it names the fix.
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from tests.support.postgres import free_port
from tests.support.server import BIN
from tests.test_cli import run, sqlite_env

ROOT = Path(__file__).resolve().parent.parent


def assert_actionable(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2, result.stderr
    assert lines[0].startswith("error: ")
    for word in words:
        assert word in result.stderr


def test_an_unreachable_database(tmp_path: Path) -> None:
    url = f"postgresql+asyncpg://adplane:s3cret-pw@127.0.0.1:{free_port()}/adplane"
    result = run(sqlite_env(tmp_path, ADPLANE_DATABASE_URL=url), "migrate")
    assert_actionable(result, "cannot reach the database", "ADPLANE_DATABASE_URL")
    # The password is never echoed back.
    assert "s3cret-pw" not in result.stderr


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("postgres://u:pw@db.example/adplane", "postgresql+asyncpg://"),
        ("postgresql://u:pw@db.example/adplane", "postgresql+asyncpg://"),
        ("sqlite:////tmp/x.sqlite3", "sqlite+aiosqlite://"),
        ("mysql://db.example/adplane", "postgresql+asyncpg://"),
    ],
)
def test_a_wrong_url_scheme(tmp_path: Path, url: str, hint: str) -> None:
    result = run(sqlite_env(tmp_path, ADPLANE_DATABASE_URL=url), "migrate")
    assert_actionable(result, "ADPLANE_DATABASE_URL", hint)
    assert ":pw@" not in result.stderr


def test_an_unknown_environment(tmp_path: Path) -> None:
    result = run(sqlite_env(tmp_path, ADPLANE_ENV="prod"), "serve")
    assert_actionable(result, "ADPLANE_ENV", "'prod'", "production")


def test_a_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(sqlite_env(tmp_path), "serve", "--port", str(port))
    assert_actionable(result, f"port {port}", "already in use", "--port")


def test_a_weak_password(tmp_path: Path) -> None:
    result = run(
        sqlite_env(tmp_path), "users", "create", "--email", "w@ops.test", "--password", "12345678"
    )
    assert_actionable(result, "password")


def test_make_test_without_the_postgresql_binaries() -> None:
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    if any((Path(d) / "initdb").exists() for d in ("/usr/bin", "/bin")):
        pytest.fail("initdb is in /usr/bin here; this test needs a PATH without it")
    result = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "postgres-binaries"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "PostgreSQL server binaries are not on PATH" in result.stderr
    assert "initdb" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_command_is_where_the_readme_says() -> None:
    readme = (ROOT / "README.md").read_text()
    assert ".venv/bin/adplane" in readme
    assert BIN.name == "adplane"
