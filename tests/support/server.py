"""A real ``adplane serve`` process for end-to-end tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.postgres import PORT_ATTEMPTS, free_port

BIN = Path(sys.executable).with_name("adplane")


def server_env(data_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ADPLANE_ENV="test",
        ADPLANE_SECRET_KEY="test-secret-key-for-the-live-server",
        ADPLANE_DATA_DIR=str(data_dir),
        ADPLANE_DATABASE_URL=database_url,
        # Every test client comes from 127.0.0.1: the per-address login budget would be shared
        # by the whole session. The per-account limit stays at its default.
        ADPLANE_LOGIN_ATTEMPTS_PER_ADDRESS="100000",
    )
    env.update(extra)
    return env


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``adplane`` command with ``env``; raises on a non-zero exit."""
    return subprocess.run(
        [str(BIN), *args], env=env, capture_output=True, text=True, check=True, timeout=120
    )


@dataclass
class LiveServer:
    """One server process on a loopback port, with an admin created through the CLI."""

    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    admin_key: str = ""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        # The port is free when chosen but not reserved: another test process (an xdist worker,
        # a client socket) can take it first. Only that failure is retried, on a new port.
        for _ in range(PORT_ATTEMPTS):
            if self._start(timeout):
                return
            self.port = free_port()
        raise RuntimeError(f"adplane serve found no free port in {PORT_ATTEMPTS} attempts")

    def _start(self, timeout: float) -> bool:
        """Start and wait until healthy; False if the port was taken, raises otherwise."""
        path = Path(self.env["ADPLANE_DATA_DIR"]) / f"server-{self.port}.log"
        with open(path, "ab") as log:
            offset = log.tell()
            self.process = subprocess.Popen(
                [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                with open(path, "rb") as log:
                    log.seek(offset)
                    if b"already in use" in log.read():
                        return False
                raise RuntimeError(f"adplane serve exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("adplane serve did not become healthy")

    def create_admin(self, email: str = "admin@live.test") -> str:
        out = cli(
            self.env,
            "users",
            "create",
            "--email",
            email,
            "--password",
            "admin-password",
            "--role",
            "admin",
        )
        self.admin_key = json.loads(out.stdout)["api_key"]
        return self.admin_key

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks run."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@dataclass
class LiveUser:
    user_id: int
    account_id: int | None
    api_key: str
    email: str
    password: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


def new_user(
    server: LiveServer, role: str = "advertiser", deposit: str | None = "1000"
) -> LiveUser:
    """Create a user (and, for an advertiser, a funded account) through the native admin API."""
    import uuid

    email = f"{role}-{uuid.uuid4().hex[:12]}@live.test"
    admin = {"Authorization": f"Bearer {server.admin_key}"}
    with httpx.Client(base_url=server.base_url, headers=admin, timeout=30) as http:
        created = http.post(
            "/api/v1/users", json={"email": email, "password": "live-password", "role": role}
        )
        created.raise_for_status()
        body = created.json()
        if deposit and body["account_id"]:
            http.post(
                f"/api/v1/accounts/{body['account_id']}/deposit", json={"amount": deposit}
            ).raise_for_status()
    return LiveUser(body["id"], body["account_id"], body["api_key"], email, "live-password")
