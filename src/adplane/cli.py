"""The ``adplane`` command line."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.events.cli import events_app
from adplane.kit.db import Database, create_database
from adplane.kit.errors import AppError
from adplane.settings import Settings, get_settings

app = typer.Typer(help="adplane: a self-hosted advertising platform.", no_args_is_help=True)
users_app = typer.Typer(help="Manage users.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(events_app, name="events")

T = TypeVar("T")
DEMO_EVENTS = 50_000


def _prepare(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)


def migrate_database(settings: Settings) -> None:
    """Apply pending migrations to the configured database."""
    from adplane.migrations.runner import upgrade

    _prepare(settings)
    upgrade(settings.resolved_database_url)


async def _in_session(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    db: Database = create_database(settings.resolved_database_url)
    try:
        async with db.sessionmaker() as session, session.begin():
            return await work(session)
    finally:
        await db.dispose()


def run_in_session(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run one unit of work in its own transaction (for commands outside the server)."""
    return asyncio.run(_in_session(settings, work))


@app.command()
def migrate() -> None:
    """Apply pending database migrations."""
    settings = get_settings()
    migrate_database(settings)
    typer.echo(f"database at head: {settings.resolved_database_url}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Apply pending migrations, then serve the HTTP API (one process per data directory)."""
    import uvicorn

    from adplane.app import create_app

    settings = get_settings()
    try:
        settings.check_secret()
    except RuntimeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    migrate_database(settings)
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info",
        "access_log": False,
    }
    # One process: the embedded event log and DuckDB have a single writer per data directory.
    # Scaling out means several servers on PostgreSQL with the data plane moved to Kafka and
    # ClickHouse (ARCHITECTURE.md section 1), not forked workers sharing one directory.
    uvicorn.run(create_app(settings), **options)


@users_app.command("create")
def users_create(
    email: Annotated[str, typer.Option(help="Login email")],
    password: Annotated[str, typer.Option(help="Password (8 characters or more)")],
    role: Annotated[str, typer.Option(help="admin or advertiser")] = "advertiser",
    account_id: Annotated[int | None, typer.Option(help="Existing account to join")] = None,
) -> None:
    """Create a user and print its ids and API key (shown only this once) as JSON."""
    from adplane.accounts import service
    from adplane.accounts.principal import Role
    from adplane.accounts.schemas import UserCreate

    try:
        body = UserCreate(email=email, password=password, role=Role(role), account_id=account_id)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    settings = get_settings()
    migrate_database(settings)

    async def work(session: AsyncSession) -> dict[str, object]:
        created = await service.create_user(
            session,
            None,
            email=body.email,
            password=body.password,
            role=body.role,
            account_id=body.account_id,
            currency=settings.default_currency,
        )
        return {
            "user_id": created.user.id,
            "account_id": created.user.account_id,
            "role": created.user.role,
            "email": created.user.email,
            "api_key": created.api_key,
        }

    try:
        result = run_in_session(settings, work)
    except AppError as exc:
        typer.echo(f"error: {exc.detail}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(json.dumps(result))


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Seed only, do not serve")] = False,
) -> None:
    """Create demo accounts, users and campaigns if missing, print credentials, and serve."""
    from adplane.demo import seed_demo

    settings = get_settings()
    migrate_database(settings)
    credentials = run_in_session(settings, lambda session: seed_demo(session, settings))
    if credentials.created_campaigns:
        from adplane.events.cli import generate_command

        # Two weeks of traffic, so reports and spend figures are not empty on first look.
        generate_command(count=DEMO_EVENTS, days=14, seed=2026, output=None)
    base = f"http://{host}:{port}"
    typer.echo("")
    typer.echo("adplane demo")
    typer.echo(f"  native API      {base}/api/v1        (docs: {base}/api/v1/docs)")
    for line in credentials.describe():
        typer.echo(f"  {line}")
    typer.echo("")
    if not no_serve:
        serve(host=host, port=port)


def main() -> None:
    app()
