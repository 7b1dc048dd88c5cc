"""``adplane events import`` and ``adplane events generate``."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from sqlalchemy.ext.asyncio import AsyncSession

from adplane import bootstrap
from adplane.events import importer, producers
from adplane.kit.errors import AppError
from adplane.settings import Settings


class FileFormat(StrEnum):
    NDJSON = "ndjson"
    CSV = "csv"


events_app = typer.Typer(help="The event log: import and generate events.", no_args_is_help=True)
console = Console(stderr=True)
T = TypeVar("T")


def _prepare(settings: Settings) -> None:
    bootstrap.migrate(settings)


def _in_session(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    # No outer transaction: the importer and the generator commit in steps of their own.
    return bootstrap.run_in_session(settings, work, transaction=False)


def _rate(events: int, seconds: float) -> str:
    return f"{events / seconds:,.0f} events/s" if seconds > 0 else "-"


def _deliver(settings: Settings, segment_ids: list[str]) -> producers.Delivery:
    with Progress(
        TextColumn("[bold]loading into DuckDB"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("segments"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("load", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return producers.deliver(settings, segment_ids, on_progress=advance)


def _report(delivery: producers.Delivery) -> None:
    where = "the running server" if delivery.by_server else "this command"
    if not delivery.complete:
        console.print(
            "[yellow]the server has not loaded every segment yet; it will, and so will the "
            "next server start[/yellow]"
        )
        return
    console.print(
        f"loaded by {where}: {delivery.events:,} new events, "
        f"{delivery.duplicates:,} duplicates skipped"
    )


@events_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="NDJSON or CSV")],
    fmt: Annotated[
        FileFormat | None,
        typer.Option("--format", help="The file's format (default: from its name)"),
    ] = None,
) -> None:
    """Import events from an NDJSON or CSV file (all or nothing), then load them."""
    file_format: importer.Format | None = None
    if fmt is not None:
        file_format = "csv" if fmt is FileFormat.CSV else "ndjson"
    settings = bootstrap.load_settings()
    _prepare(settings)
    size = file.stat().st_size
    with Progress(
        TextColumn("[bold]importing {task.fields[name]}"),
        BarColumn(),
        DownloadColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[events]:,} events"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("import", total=size, name=file.name, events=0)

        def advance(done: int, events: int) -> None:
            progress.update(task, completed=done, events=events)

        try:
            result = _in_session(
                settings,
                lambda session: importer.import_file(
                    session,
                    settings,
                    file,
                    fmt=file_format,
                    on_progress=advance,
                ),
            )
        except AppError as exc:
            progress.stop()
            console.print(f"[red]error:[/red] {exc.detail}; nothing was imported")
            raise typer.Exit(1) from exc
        progress.update(task, completed=size)
    console.print(
        f"read {result.events:,} events in {result.seconds:.1f}s "
        f"({_rate(result.events, result.seconds)}), {len(result.segment_ids)} segments"
    )
    _report(_deliver(settings, result.segment_ids))


@events_app.command("generate")
def generate_command(
    count: Annotated[int, typer.Option("--count", min=1, help="How many events")],
    days: Annotated[int, typer.Option("--days", min=1, max=3650, help="Over how many days")] = 30,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Random seed (default: random)")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", dir_okay=False, help="Write an NDJSON file instead"),
    ] = None,
) -> None:
    """Generate realistic events for the existing campaigns (same seed, same events)."""
    settings = bootstrap.load_settings()
    _prepare(settings)
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 2**31)
    with Progress(
        TextColumn("[bold]generating"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("generate", total=count)
        result = _in_session(
            settings,
            lambda session: producers.generate_events(
                session,
                settings,
                count=count,
                days=days,
                seed=seed,
                output=output,
                on_progress=lambda n: progress.advance(task, n),
            ),
        )
    if result.campaigns == 0:
        console.print("[yellow]no campaigns to generate events for; create some first[/yellow]")
        return
    target = str(output) if output else "the event log"
    console.print(
        f"generated {result.events:,} events for {result.campaigns} campaigns "
        f"over {days} days (seed {seed}) into {target}"
    )
    if output is None:
        _report(_deliver(settings, result.segment_ids))
