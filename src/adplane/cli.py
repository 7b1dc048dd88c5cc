"""The ``adplane`` command line.

Admin commands act as the local operator (whoever can read the configuration can already
open the database) and call the same services as the API.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import sys
from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from importlib.metadata import version as package_version
from typing import Annotated, Any, TypeVar

import typer
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from adplane import bootstrap
from adplane.bootstrap import StartupError
from adplane.events.cli import events_app
from adplane.jobs.cli import jobs_app
from adplane.kit.errors import AppError
from adplane.kit.observability import configure_logging
from adplane.settings import DEFAULT_SECRET_KEY, Settings

app = typer.Typer(help="adplane: a self-hosted advertising platform.", no_args_is_help=True)
users_app = typer.Typer(help="Manage users.", no_args_is_help=True)
accounts_app = typer.Typer(help="Manage accounts and their wallets.", no_args_is_help=True)
keys_app = typer.Typer(help="Manage API keys.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(accounts_app, name="accounts")
app.add_typer(keys_app, name="api-keys")
app.add_typer(events_app, name="events")
app.add_typer(jobs_app, name="jobs")

T = TypeVar("T")
# The demo's simulated traffic (adplane.demo has the why).
DEMO_SECONDS = 30.0
DEMO_QPS = 40.0
# The most common passwords that pass the length rule; refused by ``users create``.
COMMON_PASSWORDS = frozenset(
    {
        "password",
        "password1",
        "password123",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "qwerty123",
        "iloveyou",
        "sunshine",
        "football",
        "baseball",
        "welcome1",
        "letmein1",
        "admin123",
        "changeme",
        "abcd1234",
        "11111111",
        "00000000",
    }
)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr; raise the returned exit."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"adplane {package_version('adplane')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit"
        ),
    ] = False,
) -> None:
    """adplane: a self-hosted advertising platform."""


def migrate_database(settings: Settings) -> None:
    """Apply pending migrations to the configured database."""
    bootstrap.migrate(settings)


def run_in_session(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run one unit of work in its own transaction (for commands outside the server)."""
    return bootstrap.run_in_session(settings, work)


def _operate(work: Callable[[AsyncSession, Settings], Awaitable[T]]) -> T:
    """Migrate, run ``work`` in one transaction, and turn a refused request into a message."""
    settings = bootstrap.load_settings()
    bootstrap.migrate(settings)
    try:
        return bootstrap.run_in_session(settings, lambda session: work(session, settings))
    except AppError as exc:
        raise fail(exc.detail) from exc


def _operator() -> Any:
    from adplane.accounts.principal import Principal, Role

    # Reads and key management need an admin's view; nothing they do records the actor.
    return Principal(user_id=0, role=Role.ADMIN, account_id=None)


def _echo_rows(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(rows, default=str))
        return
    if not rows:
        typer.echo("(none)")
        return
    columns = list(rows[0])
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        typer.echo("  ".join(str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)))


JsonFlag = Annotated[bool, typer.Option("--json/--table", help="Print JSON or a table")]


@app.command()
def migrate() -> None:
    """Apply pending database migrations."""
    settings = bootstrap.load_settings()
    bootstrap.migrate(settings)
    typer.echo(f"database at head: {bootstrap.display_url(settings.resolved_database_url)}")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, opened here so a busy port is a message rather than a log line."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        raise StartupError(f"cannot listen on {host!r}: {exc.strerror}; pass --host") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise StartupError(
                f"port {port} on {host} is already in use (another adplane or another server)\n"
                f"stop that process, or pass --port with a free port"
            ) from None
        raise StartupError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def _serve(
    settings: Settings,
    host: str,
    port: int,
    *,
    alongside: Callable[[str, Any], Awaitable[None]] | None = None,
    stop_after: bool = False,
) -> None:
    """Serve until stopped; ``alongside(base_url, app)`` runs once the server answers (the
    demo's traffic), and with ``stop_after`` the server stops when it is done."""
    import asyncio

    import uvicorn

    from adplane.app import create_app

    sock = _bind(host, port)
    # One process: the embedded event log and DuckDB have a single writer per data directory.
    # Scaling out means several servers on PostgreSQL with the data plane moved to Kafka and
    # ClickHouse (ARCHITECTURE.md section 1), not forked workers sharing one directory.
    asgi = create_app(settings)
    config = uvicorn.Config(
        asgi,
        host=host,
        port=port,
        log_level=settings.log_level,
        # adplane writes its own structured request log (adplane.kit.observability).
        access_log=False,
    )
    # After uvicorn's own logging set-up, which leaves the adplane loggers alone.
    configure_logging(settings.log_level)
    server = uvicorn.Server(config)
    if alongside is None:
        server.run(sockets=[sock])
        return
    bound = sock.getsockname()
    shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
    base_url = f"http://{'127.0.0.1' if bound[0] in ('0.0.0.0', '::') else shown}:{bound[1]}"

    async def serve_with_work() -> None:
        serving = asyncio.ensure_future(server.serve(sockets=[sock]))
        while not server.started and not serving.done():
            await asyncio.sleep(0.02)
        if server.started:
            try:
                await alongside(base_url, asgi)
            finally:
                if stop_after:
                    server.should_exit = True
        await serving

    # The loop uvicorn itself would run (uvloop where installed).
    with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
        runner.run(serve_with_work())


def _check_secret(settings: Settings) -> None:
    try:
        settings.check_secret()
    except RuntimeError as exc:
        raise fail(str(exc), 2) from exc


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on", min=0, max=65535)] = 8000,
) -> None:
    """Apply pending migrations, then serve the HTTP API (one process per data directory)."""
    settings = bootstrap.load_settings()
    _check_secret(settings)
    bootstrap.migrate(settings)
    _banner(host, port, settings, demo=False)
    _serve(settings, host, port)


def _banner(host: str, port: int, settings: Settings, *, demo: bool) -> None:
    from adplane.app import SURFACES
    from adplane.demo import traffic_range

    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}"
    typer.echo("")
    typer.echo("adplane demo" if demo else "adplane")
    for surface in SURFACES:
        typer.echo(f"  {surface.name:<13} {base}{surface.prefix:<14} auth: {surface.auth}")
        typer.echo(f"  {'':<13} docs: {base}{surface.prefix}/docs")
    typer.echo(f"  {'metrics':<13} {base}/metrics")
    if demo:
        span = traffic_range(settings)
        if span is not None:
            typer.echo(f"  last traffic  {span[0]} to {span[1]} (UTC)")


def _password_problem(password: str, email: str) -> str | None:
    if len(password) < 8:
        return "the password is too short: use at least 8 characters"
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(password)) < 4:
        return "the password is too easy to guess: choose a longer, less common one"
    if lowered in {email.lower(), email.partition("@")[0].lower()}:
        return "the password must not be the email address"
    return None


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

    if role not in {r.value for r in Role}:
        raise fail(f"--role {role!r} is not one of: admin, advertiser", 2)
    problem = _password_problem(password, email)
    if problem is not None:
        raise fail(f"{problem} (--password)", 2)
    try:
        body = UserCreate(email=email, password=password, role=Role(role), account_id=account_id)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ()))
        raise fail(f"--{field.replace('_', '-')}: {first.get('msg')}", 2) from None

    async def work(session: AsyncSession, settings: Settings) -> dict[str, object]:
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

    typer.echo(json.dumps(_operate(work)))


@users_app.command("list")
def users_list(
    account_id: Annotated[int | None, typer.Option(help="Only this account's users")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List users."""
    from adplane.accounts import service
    from adplane.kit.pagination import PageParams

    async def work(session: AsyncSession, _settings: Settings) -> list[dict[str, Any]]:
        users, _ = await service.list_users(
            session, _operator(), PageParams(1, 10_000), account_id=account_id
        )
        return [
            {
                "id": u.id,
                "email": u.email,
                "role": u.role,
                "account_id": u.account_id,
                "active": u.is_active,
            }
            for u in users
        ]

    _echo_rows(_operate(work), as_json)


@users_app.command("disable")
def users_disable(
    user_id: Annotated[int, typer.Argument(help="The user's id")],
    enable: Annotated[bool, typer.Option("--enable", help="Enable the user again")] = False,
) -> None:
    """Disable a user: its API keys and sessions stop working (--enable undoes it)."""
    from adplane.accounts import service

    async def work(session: AsyncSession, _settings: Settings) -> str:
        user = await service.set_user_active(session, None, user_id, active=enable)
        return user.email

    email = _operate(work)
    typer.echo(f"user {user_id} ({email}) {'enabled' if enable else 'disabled'}")


@users_app.command("reset-password")
def users_reset_password(
    user_id: Annotated[int, typer.Argument(help="The user's id")],
    password: Annotated[
        str,
        typer.Option(
            prompt=True, hide_input=True, confirmation_prompt=True, help="The new password"
        ),
    ],
) -> None:
    """Set a new password; sessions opened with the old one end."""
    from adplane.accounts import service

    async def work(session: AsyncSession, _settings: Settings) -> str:
        user = await service.get_user(session, user_id)
        problem = _password_problem(password, user.email)
        if problem is not None:
            raise fail(f"{problem} (--password)", 2)
        await service.set_password(session, None, user_id, password)
        return user.email

    email = _operate(work)
    typer.echo(f"password of user {user_id} ({email}) changed")


@accounts_app.command("create")
def accounts_create(
    name: Annotated[str, typer.Option(help="The account's name")],
    currency: Annotated[str, typer.Option(help="ISO 4217 wallet currency")] = "USD",
    external_id: Annotated[str | None, typer.Option(help="Your own id for it")] = None,
) -> None:
    """Create an account with an empty wallet and print it as JSON."""
    from adplane.accounts import service
    from adplane.accounts.schemas import AccountCreate

    try:
        body = AccountCreate(name=name, currency=currency, external_id=external_id)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ()))
        raise fail(f"--{field.replace('_', '-')}: {first.get('msg')}", 2) from None

    async def work(session: AsyncSession, _settings: Settings) -> dict[str, Any]:
        account = await service.create_account(
            session, None, name=body.name, currency=body.currency, external_id=body.external_id
        )
        return {"account_id": account.id, "name": account.name, "currency": account.currency}

    typer.echo(json.dumps(_operate(work)))


@accounts_app.command("list")
def accounts_list(as_json: JsonFlag = False) -> None:
    """List accounts with their balances."""
    from adplane.accounts import service
    from adplane.kit.money import from_micros
    from adplane.kit.pagination import PageParams

    async def work(session: AsyncSession, _settings: Settings) -> list[dict[str, Any]]:
        accounts, _ = await service.list_accounts(session, _operator(), PageParams(1, 10_000))
        return [
            {
                "id": a.id,
                "name": a.name,
                "currency": a.currency,
                "balance": str(from_micros(a.balance_micros)),
            }
            for a in accounts
        ]

    _echo_rows(_operate(work), as_json)


@accounts_app.command("deposit")
def accounts_deposit(
    account_id: Annotated[int, typer.Argument(help="The account's id")],
    amount: Annotated[str, typer.Argument(help="Amount in the wallet's currency, e.g. 100.50")],
    reference: Annotated[str | None, typer.Option(help="A note kept with the deposit")] = None,
) -> None:
    """Credit an account's wallet."""
    from adplane.accounts import service
    from adplane.kit.money import from_micros

    try:
        value = Decimal(amount)
    except InvalidOperation:
        raise fail(f"AMOUNT {amount!r} is not a number", 2) from None
    if not value.is_finite() or value.as_tuple().exponent < -6:  # type: ignore[operator]
        raise fail("AMOUNT must be a finite number with at most 6 decimals", 2)

    async def work(session: AsyncSession, _settings: Settings) -> dict[str, Any]:
        tx = await service.deposit(session, None, account_id, value, reference)
        return {
            "account_id": account_id,
            "amount": str(from_micros(tx.amount_micros)),
            "balance": str(from_micros(tx.balance_after_micros)),
        }

    typer.echo(json.dumps(_operate(work)))


@keys_app.command("create")
def keys_create(
    user_id: Annotated[int, typer.Option(help="The user the key authenticates as")],
    name: Annotated[str, typer.Option(help="A label for the key")] = "cli",
) -> None:
    """Create an API key and print it (shown only this once) as JSON."""
    from adplane.accounts import service

    async def work(session: AsyncSession, _settings: Settings) -> dict[str, Any]:
        key, row = await service.create_api_key(session, _operator(), name=name, user_id=user_id)
        await session.flush()
        return {"id": row.id, "user_id": row.user_id, "name": row.name, "api_key": key}

    typer.echo(json.dumps(_operate(work)))


@keys_app.command("list")
def keys_list(
    revoked: Annotated[
        bool | None, typer.Option("--revoked/--active", help="Only revoked or only active keys")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List API keys (their prefixes; the keys themselves are never stored)."""
    from adplane.accounts import service
    from adplane.kit.pagination import PageParams

    async def work(session: AsyncSession, _settings: Settings) -> list[dict[str, Any]]:
        keys, _ = await service.list_api_keys(
            session, _operator(), PageParams(1, 10_000), revoked=revoked
        )
        return [
            {
                "id": k.id,
                "user_id": k.user_id,
                "name": k.name,
                "prefix": k.prefix,
                "revoked": k.revoked_at is not None,
            }
            for k in keys
        ]

    _echo_rows(_operate(work), as_json)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[int, typer.Argument(help="The key's id")]) -> None:
    """Revoke an API key; requests made with it are refused from now on."""
    from adplane.accounts import service

    async def work(session: AsyncSession, _settings: Settings) -> None:
        await service.revoke_api_key(session, _operator(), key_id)

    _operate(work)
    typer.echo(f"API key {key_id} revoked")


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on", min=0, max=65535)] = 8000,
    serve_after: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve after seeding")
    ] = True,
    traffic_seconds: Annotated[
        float | None,
        typer.Option(
            "--traffic-seconds",
            help=f"Seconds of simulated exchange traffic once serving (0: none; default "
            f"{DEMO_SECONDS:g}, or none with --no-serve)",
            min=0,
            max=3600,
        ),
    ] = None,
    traffic_qps: Annotated[
        float,
        typer.Option("--traffic-qps", help="Bid requests per second of that traffic", min=0.1),
    ] = DEMO_QPS,
) -> None:
    """Create demo accounts, users, campaigns and creatives if missing, print credentials, serve,
    and drive simulated exchange traffic at the server for a while.

    With --no-serve it only seeds; with --no-serve and --traffic-seconds it serves for the
    traffic's time, then stops.
    """
    from adplane.demo import seed_demo

    if traffic_seconds is None:
        traffic_seconds = DEMO_SECONDS if serve_after else 0.0
    settings = bootstrap.load_settings()
    serving = serve_after or traffic_seconds > 0
    if serving:
        _check_secret(settings)
    if serving and not _is_loopback(host) and settings.secret_key == DEFAULT_SECRET_KEY:
        raise fail(
            f"refusing to serve the demo on {host} with the built-in secret key: anyone who "
            "can reach it could forge tokens\nset ADPLANE_SECRET_KEY to a random value of "
            "32+ characters, or serve on --host 127.0.0.1",
            2,
        )
    bootstrap.migrate(settings)
    credentials = run_in_session(settings, lambda session: seed_demo(session, settings))
    if serve_after:
        _banner(host, port, settings, demo=True)
    else:
        typer.echo("")
        typer.echo("adplane demo (seeded; run `adplane serve` or `adplane demo` to serve it)")
    for line in credentials.describe():
        typer.echo(f"  {line}")
    if traffic_seconds:
        typer.echo(
            f"  demo traffic  {traffic_seconds:g} s at {traffic_qps:g} bid requests/s from the "
            "exchange simulator (`adplane simulate`), starting now"
        )
    typer.echo("")
    if not traffic_seconds:
        if serve_after:
            _serve(settings, host, port)
        return
    _serve(
        settings,
        host,
        port,
        alongside=lambda base_url, asgi: _demo_traffic(
            settings, base_url, asgi, traffic_seconds, traffic_qps
        ),
        stop_after=not serve_after,
    )


async def _demo_traffic(
    settings: Settings, base_url: str, asgi: Any, seconds: float, qps: float
) -> None:
    from adplane.demo import drive_traffic, post_traffic_spend
    from adplane.kit.money import from_micros

    result = await drive_traffic(settings, base_url, seconds=seconds, qps=qps)
    typer.echo("demo traffic done:")
    for line in result.describe():
        typer.echo(f"  {line}")
    events = getattr(asgi.state, "events", None)
    if events is None:
        return
    for wallet in await post_traffic_spend(settings, events.spend_reader):
        typer.echo(
            f"  wallet {wallet.email:<28} {from_micros(wallet.before_micros):.2f} -> "
            f"{from_micros(wallet.after_micros):.2f} (spend posted)"
        )


@app.command()
def simulate(
    qps: Annotated[float, typer.Option(help="Bid requests per second (open loop)")] = 50,
    duration: Annotated[float, typer.Option(help="Seconds to send for (at most 3600)")] = 10,
    url: Annotated[str, typer.Option(help="The bidder's base URL")] = "http://127.0.0.1:8000",
    seed: Annotated[
        int | None, typer.Option(help="Draw the same traffic and outcomes again (default random)")
    ] = None,
    exchange: Annotated[
        str | None, typer.Option(help="Exchange name: POST /rtb/NAME/bid instead of /rtb/bid")
    ] = None,
    concurrency: Annotated[
        int, typer.Option(help="Most requests in flight; more are dropped", min=1, max=10_000)
    ] = 64,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Allow a --url that is not loopback")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON")] = False,
) -> None:
    """Act as an exchange: send OpenRTB 2.6 requests to a bidder, run the auctions, fire notices."""
    import asyncio

    from adplane.delivery.simulate import (
        SimulationConfig,
        SimulationRefused,
        check,
        summary,
    )
    from adplane.delivery.simulate import simulate as run_simulation

    config = SimulationConfig(
        qps=qps,
        duration=duration,
        url=url,
        seed=seed,
        exchange=exchange,
        concurrency=concurrency,
        allow_remote=allow_remote,
    )
    try:
        check(config)
    except SimulationRefused as exc:
        raise fail(str(exc), 2) from None
    result = asyncio.run(run_simulation(config))
    if as_json:
        typer.echo(json.dumps(summary(result)))
    else:
        for line in result.describe():
            typer.echo(line)
    if result.requests and result.errors == result.requests:
        raise fail(
            f"no bid request to {url} was answered; is `adplane serve` running there?"
            + (f" ({result.error_samples[0]})" if result.error_samples else "")
        )


def main() -> None:
    try:
        app()
    except StartupError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
