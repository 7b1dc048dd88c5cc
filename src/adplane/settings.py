"""Runtime settings, read from ``ADPLANE_*`` environment variables."""

from __future__ import annotations

import uuid
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "change-me-adplane-development-secret"


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

    @property
    def resolved_database_url(self) -> str:
        """The configured database URL, or SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'adplane.sqlite3').resolve()}"

    def check_secret(self) -> None:
        """Refuse the built-in secret anywhere but development."""
        if self.env != "development" and self.secret_key == DEFAULT_SECRET_KEY:
            raise RuntimeError(
                "ADPLANE_SECRET_KEY is the built-in default; set a real secret "
                f"before running with ADPLANE_ENV={self.env}"
            )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return Settings()
