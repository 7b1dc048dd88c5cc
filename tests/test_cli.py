"""The ``adplane`` command line, run as real subprocesses."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.server import BIN, LiveServer, cli, server_env


def sqlite_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    data = tmp_path / "data"
    return server_env(data, f"sqlite+aiosqlite:///{data / 'adplane.sqlite3'}", **extra)


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``adplane`` and return the result whatever its exit status."""
    return subprocess.run(
        [str(BIN), *args], env=env, capture_output=True, text=True, check=False, timeout=120
    )


def create_user(env: dict[str, str], email: str, *extra: str) -> dict[str, Any]:
    out = cli(env, "users", "create", "--email", email, "--password", "long-password", *extra)
    created: dict[str, Any] = json.loads(out.stdout)
    return created


def query(env: dict[str, str], sql: str) -> list[tuple[Any, ...]]:
    path = env["ADPLANE_DATABASE_URL"].removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_migrate_creates_the_schema(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    out = cli(env, "migrate")
    assert "database at head" in out.stdout
    tables = {name for (name,) in query(env, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"accounts", "users", "api_keys", "campaigns", "alembic_version"} <= tables


def test_migrate_is_idempotent(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    cli(env, "migrate")
    cli(env, "migrate")
    assert query(env, "SELECT count(*) FROM reject_reasons") == [(9,)]


def test_a_new_advertiser_gets_a_new_account(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    first = create_user(env, "one@cli.test", "--role", "advertiser")
    second = create_user(env, "two@cli.test", "--role", "advertiser")
    assert {"user_id", "account_id", "api_key"} <= first.keys()
    assert first["account_id"] != second["account_id"]
    assert first["api_key"].startswith("adp_")


def test_an_advertiser_joins_an_existing_account(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    owner = create_user(env, "owner@cli.test", "--role", "advertiser")
    colleague = create_user(
        env, "colleague@cli.test", "--role", "advertiser", "--account-id", str(owner["account_id"])
    )
    assert colleague["account_id"] == owner["account_id"]
    assert query(env, "SELECT count(*) FROM accounts") == [(1,)]


def test_an_admin_has_no_account(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    admin = create_user(env, "root@cli.test", "--role", "admin")
    assert admin["account_id"] is None


def test_the_key_is_stored_only_as_a_hash(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    created = create_user(env, "hash@cli.test")
    rows = query(env, "SELECT key_hash, prefix FROM api_keys")
    assert len(rows) == 1
    assert created["api_key"] not in repr(rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "owner"], "owner"),
        (["--account-id", "4242"], "account 4242 not found"),
        (["--password", "short"], "password"),
        (["--password", "password123"], "too easy to guess"),
        (["--password", "aaaaaaaaaaaa"], "too easy to guess"),
    ],
)
def test_users_create_refuses_bad_input_with_a_message(
    tmp_path: Path, args: list[str], message: str
) -> None:
    env = sqlite_env(tmp_path)
    base = ["users", "create", "--email", "x@cli.test", "--password", "long-password"]
    result = run(env, *base, *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_users_create_refuses_a_duplicate_email(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    create_user(env, "dup@cli.test")
    result = run(env, "users", "create", "--email", "DUP@cli.test", "--password", "long-password")
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert query(env, "SELECT count(*) FROM users") == [(1,)]


def test_a_cli_key_works_against_the_running_server(live_server: LiveServer) -> None:
    email = f"cli-{id(live_server)}-{live_server.port}@cli.test"
    created = create_user(live_server.env, email, "--role", "advertiser")
    me = httpx.get(
        f"{live_server.base_url}/api/v1/me",
        headers={"Authorization": f"Bearer {created['api_key']}"},
    )
    assert me.status_code == 200
    assert me.json()["user_id"] == created["user_id"]
    assert me.json()["account_id"] == created["account_id"]


def test_serve_refuses_the_default_secret_in_production(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path, ADPLANE_ENV="production")
    del env["ADPLANE_SECRET_KEY"]
    result = run(env, "serve", "--port", "1")
    assert result.returncode != 0
    assert "ADPLANE_SECRET_KEY" in result.stderr
    assert not (tmp_path / "data" / "adplane.sqlite3").exists()


def test_serve_applies_migrations_and_answers_healthz(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    (tmp_path / "data").mkdir()
    server = LiveServer(env)
    server.start()
    try:
        health = httpx.get(f"{server.base_url}/healthz")
        assert health.status_code == 200
        assert query(env, "SELECT count(*) FROM reject_reasons") == [(9,)]
    finally:
        server.stop()


def demo_keys(stdout: str) -> list[str]:
    return [word for word in stdout.split() if word.startswith("adp_")]


def test_demo_seeds_once_and_prints_working_credentials(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    first = cli(env, "demo", "--no-serve")
    state = tmp_path / "data" / "demo.json"
    assert state.stat().st_mode & 0o077 == 0
    counts_sql = (
        "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM accounts), "
        "(SELECT count(*) FROM campaigns), (SELECT count(*) FROM sites), "
        "(SELECT count(*) FROM spots), (SELECT count(*) FROM transactions), "
        "(SELECT count(*) FROM api_keys)"
    )
    after_first = query(env, counts_sql)
    second = cli(env, "demo", "--no-serve")
    assert query(env, counts_sql) == after_first
    users, accounts, campaigns, *_ = after_first[0]
    assert (users, accounts) == (3, 2)
    assert campaigns >= 6
    for out in (first.stdout, second.stdout):
        assert "admin@demo.adplane.local" in out
        assert "/api/v1" in out
        assert len(demo_keys(out)) == 3
    assert demo_keys(first.stdout) == demo_keys(second.stdout)
    # --no-serve serves nothing, so it shows no URL to open and sends no traffic.
    assert "http://" not in first.stdout
    assert "demo traffic" not in first.stdout


def test_demo_credentials_are_random_per_data_directory(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = cli(sqlite_env(tmp_path / "one"), "demo", "--no-serve")
    # Same secret key, another data directory: nothing in common.
    second = cli(sqlite_env(tmp_path / "two"), "demo", "--no-serve")
    assert set(demo_keys(first.stdout)).isdisjoint(demo_keys(second.stdout))
    passwords = [
        line.split("password ")[1].split()[0]
        for out in (first.stdout, second.stdout)
        for line in out.splitlines()
        if "@demo.adplane.local" in line
    ]
    assert len(passwords) == 6
    assert len(set(passwords)) == 6


def test_demo_refuses_a_public_host_with_the_default_secret(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path, ADPLANE_ENV="development")
    del env["ADPLANE_SECRET_KEY"]
    result = run(env, "demo", "--host", "0.0.0.0", "--port", "1")
    assert result.returncode == 2
    assert "ADPLANE_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "adplane.sqlite3").exists()


def test_version() -> None:
    result = subprocess.run([str(BIN), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("adplane ")
    assert result.stdout.split()[1][0].isdigit()


def test_boolean_options_are_flags() -> None:
    result = subprocess.run(
        [str(BIN), "demo", "--help"], capture_output=True, text=True, check=True
    )
    assert "--no-serve" in result.stdout
    assert "--serve" in result.stdout


def test_admin_commands_manage_users_accounts_and_keys(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    account = json.loads(cli(env, "accounts", "create", "--name", "Acme").stdout)
    deposit = json.loads(cli(env, "accounts", "deposit", str(account["account_id"]), "12.5").stdout)
    assert deposit["balance"] == "12.500000" or Decimal(deposit["balance"]) == Decimal("12.5")
    listed = json.loads(cli(env, "accounts", "list", "--json").stdout)
    assert [(a["name"], Decimal(a["balance"])) for a in listed] == [("Acme", Decimal("12.5"))]
    user = create_user(env, "ops@cli.test", "--account-id", str(account["account_id"]))
    users = json.loads(cli(env, "users", "list", "--json").stdout)
    assert [(u["email"], u["active"]) for u in users] == [("ops@cli.test", True)]

    key = json.loads(cli(env, "api-keys", "create", "--user-id", str(user["user_id"])).stdout)
    assert key["api_key"].startswith("adp_")
    keys = json.loads(cli(env, "api-keys", "list", "--json").stdout)
    assert {k["id"] for k in keys} >= {key["id"]}
    cli(env, "api-keys", "revoke", str(key["id"]))
    revoked = json.loads(cli(env, "api-keys", "list", "--revoked", "--json").stdout)
    assert [k["id"] for k in revoked] == [key["id"]]

    cli(env, "users", "reset-password", str(user["user_id"]), "--password", "a-new-long-secret")
    hashes = query(env, f"SELECT password_hash FROM users WHERE id = {user['user_id']}")
    assert hashes[0][0].startswith("$argon2id$")
    cli(env, "users", "disable", str(user["user_id"]))
    users = json.loads(cli(env, "users", "list", "--json").stdout)
    assert [u["active"] for u in users] == [False]
    table = cli(env, "users", "list").stdout
    assert "ops@cli.test" in table


def test_a_disabled_user_cannot_authenticate(live_server: LiveServer) -> None:
    created = create_user(live_server.env, f"gone-{live_server.port}@cli.test")
    headers = {"Authorization": f"Bearer {created['api_key']}"}
    assert httpx.get(f"{live_server.base_url}/api/v1/me", headers=headers).status_code == 200
    cli(live_server.env, "users", "disable", str(created["user_id"]))
    assert httpx.get(f"{live_server.base_url}/api/v1/me", headers=headers).status_code == 401


@pytest.mark.parametrize(
    "args",
    [
        ["accounts", "deposit", "999", "10"],
        ["api-keys", "revoke", "999"],
        ["users", "disable", "999"],
        ["accounts", "deposit", "1", "ten"],
    ],
)
def test_admin_commands_refuse_bad_input_with_a_message(tmp_path: Path, args: list[str]) -> None:
    result = run(sqlite_env(tmp_path), *args)
    assert result.returncode != 0
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_demo_keys_authenticate(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path)
    keys = demo_keys(cli(env, "demo", "--no-serve").stdout)
    (tmp_path / "data").mkdir(exist_ok=True)
    server = LiveServer(env)
    server.start()
    try:
        roles = [
            httpx.get(
                f"{server.base_url}/api/v1/me", headers={"Authorization": f"Bearer {key}"}
            ).json()["role"]
            for key in keys
        ]
        campaigns = httpx.get(
            f"{server.base_url}/api/v1/campaigns",
            params={"status": ["active", "paused", "pending", "rejected", "draft"]},
            headers={"Authorization": f"Bearer {keys[1]}"},
        ).json()
    finally:
        server.stop()
    assert roles == ["admin", "advertiser", "advertiser"]
    statuses = {c["status"] for c in campaigns["items"]}
    assert statuses == {"active", "paused", "pending", "rejected", "draft"}
