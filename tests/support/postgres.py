"""A throwaway PostgreSQL cluster for the test run, started and stopped by the harness."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PORT_ATTEMPTS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; the machine image has a postgres user for this.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class PostgresCluster:
    root: Path
    port: int

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str, driver: str = "asyncpg") -> str:
        return f"postgresql+{driver}://postgres@127.0.0.1:{self.port}/{database}"

    @classmethod
    def start(cls) -> PostgresCluster:
        missing = [b for b in ("initdb", "pg_ctl", "postgres") if shutil.which(b) is None]
        if missing:
            raise RuntimeError(
                f"the PostgreSQL server binaries are not on PATH: {', '.join(missing)}; install "
                "the PostgreSQL 15 server (Debian/Ubuntu: apt-get install postgresql-15) and put "
                "its bin directory (e.g. /usr/lib/postgresql/15/bin) on PATH"
            )
        root = Path(tempfile.mkdtemp(prefix="adplane-pg-"))
        os.chmod(root, 0o777)
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        cluster = cls(root, free_port())
        subprocess.run(
            _as_postgres(
                [
                    "initdb",
                    "-D",
                    str(cluster.data_dir),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        # The port is free when chosen but not reserved: another test process (an xdist
        # worker, a client socket) can take it before the server binds. Retry on a new one.
        for _ in range(PORT_ATTEMPTS):
            if cluster._start_server():
                return cluster
            cluster.port = free_port()
        raise RuntimeError("PostgreSQL did not start; see " + str(root / "log"))

    def _start_server(self) -> bool:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        started = subprocess.run(
            _as_postgres(
                [
                    "pg_ctl",
                    "-D",
                    str(self.data_dir),
                    "-o",
                    options,
                    "-l",
                    str(self.root / "log"),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            check=False,
            capture_output=True,
        )
        if started.returncode != 0:
            return False
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def create_database(self, name: str) -> str:
        """An empty database ``name``, dropped first if it exists.

        A module-scoped fixture is set up again when a worker's tests switch backends more than
        once (an ``xdist_group`` runs together), and asks for the same name again.
        """
        # Two -c options: psql runs each on its own, outside a transaction, as both need.
        subprocess.run(
            _as_postgres(
                [
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "-U",
                    "postgres",
                    "-c",
                    f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
                    "-c",
                    f"CREATE DATABASE {name}",
                ]
            ),
            check=True,
            capture_output=True,
        )
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(["pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)
