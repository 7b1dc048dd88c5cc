"""Start-up steps every entry point shares: settings, database, migrations, the data plane.

The command line (``adplane.cli``, ``adplane.events.cli``) and the app factory import this
module and nothing imports them back, which keeps the import graph free of cycles.

Failures a person can fix (a malformed setting, an unreachable database) are raised as
:class:`StartupError`, whose message says what is wrong and what to do; the command line
prints it in one or two lines instead of a traceback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar
from urllib.parse import urlsplit

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, InterfaceError, NoSuchModuleError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.events.runtime import EventRuntime
from adplane.kit.db import Database, create_database
from adplane.settings import Settings, get_settings

T = TypeVar("T")


class StartupError(Exception):
    """A configuration or environment problem, with what to do about it."""


def load_settings() -> Settings:
    """The process settings, or a :class:`StartupError` naming the variable that is wrong."""
    try:
        return get_settings()
    except ValidationError as exc:
        raise StartupError(describe_settings_error(exc)) from None


def describe_settings_error(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        name = "ADPLANE_" + "_".join(str(p) for p in error.get("loc", ())).upper()
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        value = error.get("input")
        if name == "ADPLANE_DATABASE_URL" and isinstance(value, str):
            value = display_url(value)
        shown = "" if name == "ADPLANE_SECRET_KEY" or value is None else f"={value!r}"
        lines.append(f"{name}{shown} is not valid: {message}")
    return "\n".join(lines) + "\nfix the environment variable (see README, Configuration)"


def display_url(url: str) -> str:
    """A database URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


def _database_problem(url: str, exc: BaseException) -> StartupError:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] or type(exc).__name__
    return StartupError(
        f"cannot reach the database at {display_url(url)}: {reason}\n"
        "check that the server is running and that ADPLANE_DATABASE_URL is right"
    )


def prepare_data_dir(settings: Settings) -> None:
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StartupError(
            f"cannot create the data directory {settings.data_dir}: {exc.strerror}\n"
            "set ADPLANE_DATA_DIR to a writable directory"
        ) from None


def migrate(settings: Settings) -> None:
    """Create the data directory and apply every pending migration."""
    from adplane.migrations.runner import upgrade

    prepare_data_dir(settings)
    url = settings.resolved_database_url
    try:
        upgrade(url)
    except (OSError, DBAPIError, NoSuchModuleError) as exc:
        raise _database_problem(url, exc) from None


def open_database(settings: Settings) -> Database:
    return create_database(settings.resolved_database_url)


async def _in_session(
    settings: Settings, work: Callable[[AsyncSession], Awaitable[T]], *, transaction: bool
) -> T:
    db = open_database(settings)
    try:
        async with db.sessionmaker() as session:
            if not transaction:
                return await work(session)
            async with session.begin():
                return await work(session)
    # Only failures to connect: any other database error inside the work is a real bug.
    except (OSError, OperationalError, InterfaceError) as exc:
        raise _database_problem(settings.resolved_database_url, exc) from None
    finally:
        await db.dispose()


def run_in_session(
    settings: Settings, work: Callable[[AsyncSession], Awaitable[T]], *, transaction: bool = True
) -> T:
    """Run one unit of work outside the server: committed if it returns, else rolled back.

    ``transaction=False`` hands over a session without an outer transaction, for work that
    commits in steps of its own (the event importer).
    """
    return asyncio.run(_in_session(settings, work, transaction=transaction))


async def start_runtime(settings: Settings) -> EventRuntime:
    """Start the data plane (event log writer and loader) for a server process."""
    return await EventRuntime.start(settings)
