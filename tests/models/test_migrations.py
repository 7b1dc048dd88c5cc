"""The migrations build exactly the schema the models describe, and can be undone."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection

from adplane.kit.db import Database
from adplane.migrations.runner import alembic_config
from adplane.models import Base
from tests.support.postgres import PostgresCluster


def schema_diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return list(compare_metadata(context, Base.metadata))


async def test_the_migrated_schema_matches_the_models(database: Database) -> None:
    async with database.engine.connect() as conn:
        diff = await conn.run_sync(schema_diff)
    assert diff == []


def test_migration_revisions_are_date_prefixed() -> None:
    config = alembic_config("sqlite://")
    script = ScriptDirectory.from_config(config)
    for revision in script.walk_revisions():
        assert revision.path is not None
        name = Path(revision.path).name
        assert name[:11].replace("_", "").isdigit(), name
        assert name[4] == name[7] == name[10] == "_", name


@pytest.fixture
def fresh_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """An empty database of the backend under test, for migrating up and down."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.create_database(f"fresh_{uuid.uuid4().hex[:12]}")


def sync_url(url: str) -> str:
    return url.replace("+aiosqlite", "").replace("+asyncpg", "+psycopg")


def table_names(url: str) -> set[str]:
    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def count_rows(url: str, table: str) -> int:
    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def test_migrations_go_down_to_nothing_and_up_again(fresh_url: str) -> None:
    config = alembic_config(fresh_url)
    command.upgrade(config, "heads")
    assert {t.name for t in Base.metadata.sorted_tables} <= table_names(fresh_url)
    command.downgrade(config, "base")
    assert table_names(fresh_url) <= {"alembic_version"}
    command.upgrade(config, "heads")
    assert count_rows(fresh_url, "reject_reasons") == 9


def test_upgrading_twice_changes_nothing(fresh_url: str) -> None:
    config = alembic_config(fresh_url)
    command.upgrade(config, "heads")
    command.upgrade(config, "heads")
    assert count_rows(fresh_url, "reject_reasons") == 9
