"""Settings come from ADPLANE_* variables; the built-in secret is refused outside development."""

from __future__ import annotations

from pathlib import Path

import pytest

from adplane.settings import DEFAULT_SECRET_KEY, Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ADPLANE_ENV", "ADPLANE_DATA_DIR", "ADPLANE_DATABASE_URL", "ADPLANE_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)


def test_the_data_directory_defaults_to_adplane_data() -> None:
    assert Settings().data_dir == Path("./adplane-data")


def test_the_database_defaults_to_sqlite_inside_the_data_directory(tmp_path: Path) -> None:
    url = Settings(data_dir=tmp_path).resolved_database_url
    assert url == f"sqlite+aiosqlite:///{(tmp_path / 'adplane.sqlite3').resolve()}"


def test_settings_are_read_from_adplane_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ADPLANE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ADPLANE_DATABASE_URL", "postgresql+asyncpg://u@db/adplane")
    monkeypatch.setenv("ADPLANE_SECRET_KEY", "a-real-secret-from-the-environment")
    monkeypatch.setenv("ADPLANE_ENV", "production")
    settings = Settings()
    assert settings.data_dir == tmp_path
    assert settings.resolved_database_url == "postgresql+asyncpg://u@db/adplane"
    assert settings.secret_key == "a-real-secret-from-the-environment"
    assert settings.env == "production"


def test_the_default_secret_is_allowed_in_development() -> None:
    Settings(env="development").check_secret()


@pytest.mark.parametrize("env", ["production", "test"])
def test_the_default_secret_is_refused_outside_development(env: str) -> None:
    settings = Settings.model_validate({"env": env, "secret_key": DEFAULT_SECRET_KEY})
    with pytest.raises(RuntimeError, match="ADPLANE_SECRET_KEY"):
        settings.check_secret()


@pytest.mark.parametrize("secret", ["", "   ", "short"])
def test_an_empty_or_short_secret_is_refused_in_production(secret: str) -> None:
    with pytest.raises(RuntimeError, match="ADPLANE_SECRET_KEY"):
        Settings(env="production", secret_key=secret).check_secret()


def test_a_real_secret_is_accepted_in_production() -> None:
    Settings(env="production", secret_key="k3y-of-thirty-two-characters-long").check_secret()


def test_an_unknown_environment_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADPLANE_ENV", "staging")
    with pytest.raises(ValueError, match="env"):
        Settings()
