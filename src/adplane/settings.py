"""Runtime settings, read from ``ADPLANE_*`` environment variables."""

from __future__ import annotations

import ipaddress
import uuid
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "change-me-adplane-development-secret"
# RFC 7518 section 3.2: an HS256 key must be at least 256 bits.
MIN_SECRET_LENGTH = 32
MIB = 1 << 20
# The database drivers adplane ships; any other scheme fails later with a driver error.
DATABASE_SCHEMES = ("sqlite+aiosqlite", "postgresql+asyncpg")


class Settings(BaseSettings):
    """Every knob adplane reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="ADPLANE_", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("./adplane-data")
    database_url: str | None = None
    secret_key: str = DEFAULT_SECRET_KEY
    access_token_ttl_seconds: int = Field(default=36000, gt=0)
    # Dialects with a marketplace notion report this id; one installation is one marketplace.
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
    # Reports run at once (the rest queue); by default the cores, whatever duckdb_threads is.
    analytics_readers: int | None = Field(default=None, gt=0)
    # Operability (README, Configuration): request logs, body limits, login throttling, CORS.
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    max_body_bytes: int = Field(default=10 * MIB, gt=0)
    # A batch of 10,000 events is about 5 MB of JSON; ingestion gets room above the default.
    max_events_body_bytes: int = Field(default=64 * MIB, gt=0)
    # Filter list uploads: a million domains in a CSV file is about 20 MB.
    max_filterlist_body_bytes: int = Field(default=64 * MIB, gt=0)
    login_attempts_per_account: int = Field(default=5, gt=0)
    login_attempts_per_address: int = Field(default=20, gt=0)
    login_window_seconds: float = Field(default=300.0, gt=0)
    # Comma-separated origins allowed to call the API from a browser; empty means CORS is off.
    cors_origins: str = ""
    # Media (docs/media.md): the base of public media URLs (``https://cdn.example``; empty:
    # the scheme and host each request came in on), the largest upload (the request body
    # limit of the upload routes too), and the limits an HTML5 zip bundle must keep: its own
    # size, its size once unpacked (zip bombs) and its number of files.
    public_url: str = ""
    media_max_bytes: int = Field(default=100 * MIB, gt=0)
    media_max_html_bytes: int = Field(default=10 * MIB, gt=0)
    media_max_unpacked_bytes: int = Field(default=50 * MIB, gt=0)
    media_max_bundle_files: int = Field(default=1000, gt=0)
    # The jobs plane (docs/rules.md): seconds between ticks of rule evaluation and campaign
    # state sweeps inside the server; 0 turns the scheduler off (``adplane jobs run-once``
    # still runs one tick).
    jobs_interval_seconds: float = Field(default=60.0, ge=0)
    # Delivery (docs/delivery.md). Tracking and notice URLs are signed with their own key,
    # derived from ``secret_key`` unless ``tracking_secret`` is set (rotating it voids the
    # URLs in flight); they start with ``public_url`` (empty: the scheme and host the bid
    # request came in on, which only suits an exchange that is also the ad's audience).
    tracking_secret: str = ""
    delivery_seat: str = "adplane"
    delivery_currency: str = "USD"
    # ``EUR=1.08,GBP=1.27``: how many units of the bidder's currency one unit of each is
    # worth; a floor in a currency not listed gets no bid.
    delivery_currency_rates: str = ""
    delivery_notice_ttl_seconds: int = Field(default=3600, gt=0)
    delivery_click_ttl_seconds: int = Field(default=86_400, gt=0)
    delivery_conversion_ttl_seconds: int = Field(default=30 * 86_400, gt=0)
    delivery_tmax_margin_ms: int = Field(default=10, ge=0)
    # Where a click whose URL is forged or expired is sent (empty: the public URL's root).
    delivery_fallback_url: str = ""
    # Peers whose X-Forwarded-For / X-Real-IP the tracker believes (comma-separated addresses
    # or CIDR ranges); any other peer is the visitor itself. Loopback by default, where a
    # reverse proxy on the same host forwards.
    trusted_proxies: str = "127.0.0.0/8,::1/128"
    delivery_max_bid_bytes: int = Field(default=256 * 1024, gt=0)
    # The full snapshot rebuild is a safety net (changes come through the change feed, and a
    # new UTC day rebuilds at once), and it stalls bids for a moment: every 10 minutes.
    delivery_full_refresh_seconds: float = Field(default=600.0, gt=0)
    # Exchanges that fire no billing notice (``burl``): their win notice bills the
    # impression instead (comma-separated exchange names as in ``/rtb/<name>/bid``, or ``*``).
    delivery_bill_on_win: str = ""

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower_level(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("delivery_currency_rates")
    @classmethod
    def _rates(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            code, sep, rate = part.partition("=")
            try:
                valid = bool(sep) and len(code.strip()) == 3 and Decimal(rate.strip()) > 0
            except ArithmeticError:
                valid = False
            if not valid:
                raise ValueError(f"{part!r} is not CODE=rate (EUR=1.08)")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            try:
                ipaddress.ip_network(part, strict=False)
            except ValueError:
                raise ValueError(f"{part!r} is not an address or CIDR range") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if not value:
            return None
        scheme = value.partition("://")[0]
        if scheme in DATABASE_SCHEMES:
            return value
        hint = (
            "postgresql+asyncpg://user:password@host:5432/database"
            if scheme.startswith("postgres")
            else "sqlite+aiosqlite:////absolute/path/adplane.sqlite3"
            if scheme.startswith("sqlite")
            else "sqlite+aiosqlite:///... or postgresql+asyncpg://..."
        )
        raise ValueError(f"the scheme {scheme!r} is not supported; use {hint}")

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def bill_on_win(self) -> frozenset[str]:
        """``delivery_bill_on_win`` as a set of lower-case exchange names (``*``: every one)."""
        return frozenset(
            p.strip().lower() for p in self.delivery_bill_on_win.split(",") if p.strip()
        )

    @property
    def currency_rates(self) -> dict[str, Decimal]:
        """``delivery_currency_rates`` as currency -> rate."""
        rates: dict[str, Decimal] = {self.delivery_currency.upper(): Decimal(1)}
        for part in self.delivery_currency_rates.split(","):
            code, _, rate = part.partition("=")
            if code.strip() and rate.strip():
                rates[code.strip().upper()] = Decimal(rate.strip())
        return rates

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
