"""Migrations that move data keep it: associations and tracker settings from old campaign rows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from adplane.migrations.runner import alembic_config
from tests.support.postgres import PostgresCluster

BEFORE = "20261201_targeting_values"


@pytest.fixture
def fresh_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.create_database(f"fresh_{uuid.uuid4().hex[:12]}")


def _sync(url: str) -> str:
    return url.replace("+aiosqlite", "").replace("+asyncpg", "+psycopg")


def _filler(column: dict[str, Any]) -> Any:
    kind = column["type"]
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 0
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 1, 1, tzinfo=UTC)
    if isinstance(kind, sa.JSON):
        return []
    if isinstance(kind, sa.Uuid):
        return uuid.uuid4()
    return "x"


def _insert(conn: sa.Connection, table: str, values: dict[str, Any]) -> None:
    """Insert a row, filling every other required column with a plain value of its type."""
    columns = sa.inspect(conn).get_columns(table)
    row = {
        c["name"]: _filler(c)
        for c in columns
        if not c["nullable"] and c["name"] not in values and c.get("autoincrement") is not True
    }
    row.update(values)
    meta = sa.Table(table, sa.MetaData(), autoload_with=conn)
    conn.execute(meta.insert().values(**row))


def test_old_campaign_rows_keep_their_lists_and_tracker_settings(fresh_url: str) -> None:
    config = alembic_config(fresh_url)
    command.upgrade(config, BEFORE)
    engine = sa.create_engine(_sync(fresh_url))
    try:
        with engine.begin() as conn:
            _insert(conn, "accounts", {"id": 7, "name": "Old", "currency": "USD"})
            _insert(conn, "segments", {"id": 5, "name": "Buyers", "account_id": None})
            _insert(
                conn,
                "campaigns",
                {
                    "id": 3,
                    "account_id": 7,
                    "name": "Old campaign",
                    "approval": "pending",
                    "restriction_ids": [1, 2],
                    "segments": {
                        "targeting": {"is_active": True, "items": [{"segment_id": 5}]},
                        "exclusion": {"is_active": False, "items": []},
                        "multipliers": {"is_active": False, "items": []},
                    },
                    "alias": "old-alias",
                    "cost_value_micros": 1_500_000,
                    "cookies_ttl_hours": 12,
                    "tracker_parameters": {"k": "v"},
                    "postbacks": [],
                },
            )
        command.upgrade(config, "heads")
        with engine.connect() as conn:
            restrictions = conn.execute(
                sa.text("SELECT restriction_id FROM campaign_restrictions WHERE campaign_id = 3")
            ).scalars()
            assert sorted(restrictions) == [1, 2]
            segments = conn.execute(
                sa.text("SELECT segment_id FROM campaign_segments WHERE campaign_id = 3")
            ).scalars()
            assert list(segments) == [5]
            tracker = conn.execute(
                sa.text(
                    "SELECT alias, cost_value_micros, cookies_ttl_hours FROM tracker_settings"
                    " WHERE campaign_id = 3"
                )
            ).one()
            assert tuple(tracker) == ("old-alias", 1_500_000, 12)
            columns = {c["name"] for c in sa.inspect(conn).get_columns("campaigns")}
            assert "alias" not in columns
        command.downgrade(config, BEFORE)
        with engine.connect() as conn:
            alias = conn.execute(sa.text("SELECT alias FROM campaigns WHERE id = 3")).scalar_one()
            assert alias == "old-alias"
    finally:
        engine.dispose()
