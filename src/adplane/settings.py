"""Runtime settings, read from ``ADPLANE_*`` environment variables."""

from __future__ import annotations

import uuid
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "change-me-adplane-development-secret"
# RFC 7518 section 3.2: an HS256 key must be at least 256 bits.
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    """Every knob adplane reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="ADPLANE_", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("./adplane-data")
    database_url: str | None = None
    secret_key: str = DEFAULT_SECRET_KEY
    access_token_ttl_seconds: int = Field(default=36000, gt=0)
    # The Topsort dialect reports this as marketplaceId; one installation is one marketplace.
    marketplace_id: uuid.UUID = uuid.UUID("6b1f1f8e-3c2a-4d7e-9a51-0a6d2c1e8f00")
    default_currency: str = "USD"
    events_fsync: Literal["always", "interval", "never"] = "interval"
    # Data plane (docs/events.md): how often the log is fsynced with "interval", how soon a
    # segment is sealed for loading, how long a starting server waits for the loader lock.
    events_fsync_interval_seconds: float = Field(default=1.0, gt=0)
    events_seal_seconds: float = Field(default=0.5, gt=0)
    events_lock_timeout_seconds: float = Field(default=120.0, ge=0)
    duckdb_memory_limit: str = "1GB"
    duckdb_threads: int | None = Field(default=None, gt=0)

    @property
    def resolved_database_url(self) -> str:
        """The configured database URL, or SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'adplane.sqlite3').resolve()}"

    def check_secret(self) -> None:
        """Refuse the built-in secret, or an empty or short one, anywhere but development."""
        if self.env == "development":
            return
        if self.secret_key == DEFAULT_SECRET_KEY:
            raise RuntimeError(
                "ADPLANE_SECRET_KEY is the built-in default; set a real secret "
                f"before running with ADPLANE_ENV={self.env}"
            )
        # An empty variable is as guessable as the default; tokens are signed with this key.
        if len(self.secret_key.strip()) < MIN_SECRET_LENGTH:
            raise RuntimeError(
                f"ADPLANE_SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters "
                f"with ADPLANE_ENV={self.env}"
            )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return Settings()
