"""The test harness: both database backends, a clean database per test, real servers.

Every test that uses the ``database`` fixture (directly or through ``client``) runs once on
SQLite and once on a throwaway PostgreSQL cluster that this harness starts itself. After each
test every table is emptied and the migrations' seed rows are put back.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, insert, select, text

from adplane.accounts import service as accounts
from adplane.accounts.principal import Principal, Role
from adplane.accounts.security import hash_password
from adplane.app import create_app
from adplane.kit.db import Database, create_database
from adplane.migrations.runner import upgrade_async
from adplane.models import Base
from adplane.settings import Settings
from tests.support.postgres import PostgresCluster
from tests.support.server import LiveServer, server_env

BACKENDS = ("sqlite", "postgresql")
TEST_SECRET = "test-secret-key-not-the-default-32b"


@dataclass
class Seeds:
    rows: dict[str, list[dict[str, Any]]]


def _database_url(backend: str, tmp: Path, cluster_factory: Any, name: str) -> str:
    """A new, empty database ``name`` of ``backend``: a file under ``tmp``, or one in the
    cluster (created again if a fixture set up earlier in this worker left one of that name)."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp / (name + '.sqlite3')}"
    cluster: PostgresCluster = cluster_factory()
    return cluster.create_database(name)


class Harness:
    """This process's databases, built at most once each, whatever order the tests run in.

    Under pytest-xdist every worker is its own process with its own harness: its own
    PostgreSQL cluster (own data directory and port), its own SQLite files under the worker's
    base temporary directory, its own servers. Nothing is shared between workers.

    The cache is what keeps the parametrized ``backend`` fixture cheap: when the order of the
    tests a worker receives (an ``xdist_group`` runs its tests together) switches between the
    backends more than once, pytest tears down and sets up the backend's fixtures again, and
    they take what was built here instead of creating a database that already exists.
    """

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self._cluster: PostgresCluster | None = None
        self._urls: dict[tuple[str, str], str] = {}
        self._migrated: dict[str, tuple[Database, Seeds]] = {}
        self._servers: dict[str, LiveServer] = {}

    def cluster(self) -> PostgresCluster:
        """The PostgreSQL server, started on first use; failing to start fails the test."""
        if self._cluster is None:
            self._cluster = PostgresCluster.start()
        return self._cluster

    def database_url(self, backend: str, name: str) -> str:
        key = (backend, name)
        if key not in self._urls:
            tmp = self.tmp_path_factory.mktemp(f"db-{backend}-{name}")
            self._urls[key] = _database_url(backend, tmp, self.cluster, name)
        return self._urls[key]

    async def migrated(self, backend: str) -> tuple[Database, Seeds]:
        if backend not in self._migrated:
            url = self.database_url(backend, "adplane_test")
            await upgrade_async(url)
            db = create_database(url)
            seeds: dict[str, list[dict[str, Any]]] = {}
            async with db.engine.connect() as conn:
                for table in Base.metadata.sorted_tables:
                    rows = (await conn.execute(select(table))).mappings().all()
                    if rows:
                        seeds[table.name] = [dict(r) for r in rows]
            self._migrated[backend] = (db, Seeds(seeds))
        return self._migrated[backend]

    def live_server(self, backend: str) -> LiveServer:
        if backend not in self._servers:
            tmp = self.tmp_path_factory.mktemp(f"live-{backend}")
            url = self.database_url(backend, "adplane_live")
            (tmp / "data").mkdir(exist_ok=True)
            server = LiveServer(server_env(tmp / "data", url))
            server.create_admin()
            server.start()
            self._servers[backend] = server
        return self._servers[backend]

    async def close(self) -> None:
        try:
            for server in self._servers.values():
                server.stop()
            for db, _ in self._migrated.values():
                await db.dispose()
        finally:
            if self._cluster is not None:
                self._cluster.stop()


@pytest.fixture(scope="session")
async def harness(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    built = Harness(tmp_path_factory)
    try:
        yield built
    finally:
        await built.close()


@pytest.fixture(scope="session")
def postgres_cluster(harness: Harness) -> PostgresCluster:
    """The run's PostgreSQL server; failing to start it fails the run (it is not optional)."""
    return harness.cluster()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def database_url(backend: str, harness: Harness) -> str:
    return harness.database_url(backend, "adplane_test")


@pytest.fixture(scope="session")
async def migrated(backend: str, harness: Harness) -> tuple[Database, Seeds]:
    return await harness.migrated(backend)


async def reset(db: Database, seeds: Seeds) -> None:
    """Empty every table, restore the migrations' seed rows and restart the id sequences."""
    tables = Base.metadata.sorted_tables
    async with db.engine.begin() as conn:
        # DELETE rather than TRUNCATE: on a test's handful of rows PostgreSQL deletes some
        # thirty times faster than it truncates fifteen tables.
        for table in reversed(tables):
            await conn.execute(delete(table))
        for table in tables:
            if table.name in seeds.rows:
                await conn.execute(insert(table), seeds.rows[table.name])
        if conn.dialect.name == "postgresql":
            quote = conn.dialect.identifier_preparer.quote
            restarts = [
                f"setval(pg_get_serial_sequence('{quote(t.name)}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {quote(t.name)}), 0) + 1, false)"
                for t in tables
                if "id" in t.c
            ]
            await conn.execute(text("SELECT " + ", ".join(restarts)))
        else:
            has_sequences = await conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")
            )
            if has_sequences.first() is not None:
                await conn.execute(text("DELETE FROM sqlite_sequence"))


@pytest.fixture
async def database(migrated: tuple[Database, Seeds]) -> AsyncIterator[Database]:
    db, seeds = migrated
    try:
        yield db
    finally:
        await reset(db, seeds)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        env="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        database_url=database_url,
    )


@pytest.fixture
async def app(settings: Settings, database: Database) -> AsyncIterator[Any]:
    application = create_app(settings, database=database)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@dataclass
class Actor:
    """A user with a live API key, and the headers that authenticate as it."""

    user_id: int
    account_id: int | None
    api_key: str
    email: str
    password: str
    principal: Principal

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


# Every factory user shares this password and so one argon2id hash: hashing costs a tenth of a
# second, which would otherwise dominate the suite's run time.
FACTORY_PASSWORD = "correct-horse-battery"
FACTORY_PASSWORD_HASH = hash_password(FACTORY_PASSWORD)


class Factory:
    """Creates users and accounts straight through the services (not under test here)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def user(
        self, role: Role, *, balance: Decimal = Decimal("1000"), account_id: int | None = None
    ) -> Actor:
        email = f"{role.value}-{uuid.uuid4().hex[:10]}@example.test"
        password = FACTORY_PASSWORD
        async with self.db.sessionmaker() as session, session.begin():
            created = await accounts.create_user(
                session,
                None,
                email=email,
                password=password,
                role=role,
                account_id=account_id,
                password_hash=FACTORY_PASSWORD_HASH,
            )
            principal = Principal(created.user.id, role, created.user.account_id)
            if created.user.account_id is not None and balance and account_id is None:
                await accounts.record_transaction(
                    session,
                    created.user.account_id,
                    "deposit",
                    int(balance * 1_000_000),
                    "test",
                    None,
                )
        return Actor(
            created.user.id, created.user.account_id, created.api_key, email, password, principal
        )

    async def admin(self) -> Actor:
        return await self.user(Role.ADMIN)

    async def advertiser(self, balance: Decimal = Decimal("1000")) -> Actor:
        return await self.user(Role.ADVERTISER, balance=balance)


@pytest.fixture
def factory(database: Database) -> Factory:
    return Factory(database)


@pytest.fixture
async def admin(factory: Factory) -> Actor:
    return await factory.admin()


@pytest.fixture
async def advertiser(factory: Factory) -> Actor:
    return await factory.advertiser()


@pytest.fixture
async def other_advertiser(factory: Factory) -> Actor:
    return await factory.advertiser()


@pytest.fixture(scope="session")
def live_server(backend: str, harness: Harness) -> LiveServer:
    """A real ``adplane serve`` process per backend, on its own database, for the session."""
    return harness.live_server(backend)


def pytest_report_header(config: pytest.Config) -> str:
    return f"adplane test harness: backends {', '.join(BACKENDS)}; CI={os.environ.get('CI', '')}"
