"""Run Alembic programmatically, so an installed package can migrate its own database."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

HERE = Path(__file__).parent


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at this package's scripts and the given database."""
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("sqlalchemy.url", url)
    config.set_main_option(
        "file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(slug)s"
    )
    return config


def _upgrade(connection: Connection, url: str) -> None:
    config = alembic_config(url)
    config.attributes["connection"] = connection
    # "heads": parallel branches (merged later) must not stop a deployment.
    command.upgrade(config, "heads")


async def upgrade_async(url: str) -> None:
    """Apply every pending migration."""
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, url)
    await engine.dispose()


def upgrade(url: str) -> None:
    """Apply every pending migration (blocking)."""
    asyncio.run(upgrade_async(url))
