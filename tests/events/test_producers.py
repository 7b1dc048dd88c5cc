"""``events import`` and ``events generate`` as functions: validation, hand-over, loading."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from adplane.events import importer, producers
from adplane.events.segments import LogPaths
from adplane.events.store import AnalyticsStore
from adplane.kit.db import Database
from adplane.kit.errors import ValidationFailed
from adplane.settings import Settings
from tests.conftest import Actor
from tests.events.helpers import event, report
from tests.support.native import create_campaign


def offline(settings: Settings, tmp_path: Path) -> Settings:
    """The same database, but a data directory no server is running on."""
    return settings.model_copy(update={"data_dir": tmp_path / "offline"})


def write_ndjson(path: Path, events: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events))
    return path


async def run_import(
    database: Database, settings: Settings, path: Path, **options: Any
) -> importer.ImportResult:
    async with database.sessionmaker() as session:
        return await importer.import_file(session, settings, path, **options)


def stored_count(settings: Settings) -> int:
    store = AnalyticsStore(settings.data_dir / "analytics.duckdb")
    try:
        return store.event_count()
    finally:
        store.close()


async def test_an_import_without_a_server_is_loaded_by_the_command(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    here = offline(settings, tmp_path)
    source = write_ndjson(tmp_path / "in.ndjson", [event(campaign["id"]) for _ in range(30)])
    result = await run_import(database, here, source)
    assert result.events == 30
    delivery = producers.deliver(here, result.segment_ids)
    assert (delivery.by_server, delivery.events, delivery.duplicates) == (False, 30, 0)
    assert stored_count(here) == 30
    again = producers.deliver(here, (await run_import(database, here, source)).segment_ids)
    assert (again.events, again.duplicates) == (0, 30)
    assert stored_count(here) == 30


async def test_an_import_while_the_server_runs_is_loaded_by_the_server(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    source = write_ndjson(
        tmp_path / "in.ndjson", [event(campaign["id"], "click") for _ in range(12)]
    )
    result = await run_import(database, settings, source)
    # The server runs on this event loop, so wait for it from a thread, as another process would.
    delivery = await asyncio.to_thread(producers.deliver, settings, result.segment_ids)
    assert (delivery.by_server, delivery.complete, delivery.events) == (True, True, 12)
    body = await report(client, advertiser.headers, metrics=["clicks"])
    assert body["totals"]["clicks"] == 12


async def test_a_bad_line_is_named_and_nothing_is_imported(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    here = offline(settings, tmp_path)
    source = tmp_path / "in.ndjson"
    good = orjson.dumps(event(campaign["id"]))
    source.write_bytes(good + b"\n\n" + good.replace(b"evt-", b"x-") + b"\n" + b'{"event_id": 1}\n')
    with pytest.raises(ValidationFailed, match=r"^line 4 is invalid: event_id"):
        await run_import(database, here, source)
    assert LogPaths.under(here.data_dir).sealed() == []
    assert list(LogPaths.under(here.data_dir).staging.iterdir()) == []


async def test_a_line_for_an_unknown_campaign_is_named(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    source = write_ndjson(tmp_path / "in.ndjson", [event(424242)])
    with pytest.raises(ValidationFailed, match=r"^line 1 is invalid: campaign 424242 not found"):
        await run_import(database, offline(settings, tmp_path), source)


async def test_a_csv_file_is_imported_with_empty_cells_as_missing(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    cid = campaign["id"]
    source = tmp_path / "in.csv"
    source.write_text(
        "event_id,type,ts,campaign_id,country,cost,sub_id_1\n"
        f"c1,impression,2026-03-10T10:00:00Z,{cid},US,0.5,\n"
        f'c2,click,1773144000000,{cid},,,"a,b"\n'
    )
    result = await run_import(database, settings, source)
    await asyncio.to_thread(producers.deliver, settings, result.segment_ids)
    body = await report(
        client,
        advertiser.headers,
        dimensions=["country", "sub_id_1"],
        metrics=["impressions", "clicks", "spend"],
    )
    assert body["rows"] == [
        {"country": "US", "sub_id_1": None, "impressions": 1, "clicks": 0, "spend": 0.5},
        {"country": None, "sub_id_1": "a,b", "impressions": 0, "clicks": 1, "spend": 0},
    ]


async def test_a_csv_file_carries_the_new_dimensions_as_text(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    cid = campaign["id"]
    source = tmp_path / "in.csv"
    source.write_text(
        "event_id,type,ts,campaign_id,ssp,source,app_name,traffic_type,request_type,is_pmp\n"
        f"n1,impression,2026-03-10T10:00:00Z,{cid},North,src-1,Chess Pro,ctv,video,true\n"
        f"n2,impression,2026-03-10T10:00:00Z,{cid},,,,mobile_web,banner,0\n"
    )
    result = await run_import(database, settings, source)
    await asyncio.to_thread(producers.deliver, settings, result.segment_ids)
    dimensions = ["ssp", "source", "app_name", "traffic_type", "request_type", "is_pmp"]
    body = await report(client, advertiser.headers, dimensions=dimensions, metrics=["impressions"])
    assert body["rows"] == [
        {"ssp": "north", "source": "src-1", "app_name": "Chess Pro", "traffic_type": "ctv",
         "request_type": "video", "is_pmp": True, "impressions": 1},
        {"ssp": None, "source": None, "app_name": None, "traffic_type": "mobile_web",
         "request_type": "banner", "is_pmp": False, "impressions": 1},
    ]  # fmt: skip


async def test_a_csv_value_outside_a_vocabulary_names_line_and_field(
    database: Database, settings: Settings, client: httpx.AsyncClient, advertiser: Actor,
    tmp_path: Path,
) -> None:  # fmt: skip
    campaign = await create_campaign(client, advertiser.headers)
    source = tmp_path / "in.csv"
    source.write_text(
        "event_id,type,ts,campaign_id,traffic_type\n"
        f"c1,bid,2026-03-10T10:00:00Z,{campaign['id']},site\n"
    )
    with pytest.raises(ValidationFailed, match=r"^line 2 is invalid: traffic_type"):
        await run_import(database, offline(settings, tmp_path), source)


async def test_a_csv_file_with_an_unknown_column_is_refused(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("event_id,type,ts,campaign_id,colour\ne1,bid,2026-03-10,1,red\n")
    with pytest.raises(ValidationFailed, match="unknown columns: colour"):
        await run_import(database, offline(settings, tmp_path), source)


async def test_a_csv_error_names_the_file_line(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    source = tmp_path / "in.csv"
    source.write_text(
        "event_id,type,ts,campaign_id\n"
        f"c1,bid,2026-03-10T10:00:00Z,{campaign['id']}\n"
        f"c2,bidd,2026-03-10T10:00:00Z,{campaign['id']}\n"
    )
    with pytest.raises(ValidationFailed, match=r"^line 3 is invalid: type"):
        await run_import(database, offline(settings, tmp_path), source)


async def test_worker_processes_import_large_files_and_name_lines_across_ranges(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    monkeypatch.setattr(importer, "RANGE_BYTES", 8_192)
    monkeypatch.setattr(importer, "PARALLEL_FROM_BYTES", 0)
    events = [event(campaign["id"]) for _ in range(600)]
    here = offline(settings, tmp_path)
    result = await run_import(
        database, here, write_ndjson(tmp_path / "ok.ndjson", events), workers=2
    )
    assert result.events == 600
    assert len(result.segment_ids) > 2
    producers.deliver(here, result.segment_ids)
    assert stored_count(here) == 600
    events[517]["cost"] = "-1"
    with pytest.raises(ValidationFailed, match=r"^line 518 is invalid: cost"):
        await run_import(database, here, write_ndjson(tmp_path / "bad.ndjson", events), workers=2)


async def test_generated_events_land_in_the_log_and_repeat_as_duplicates(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    for pricing in ("cpm", "cpc"):
        await create_campaign(client, advertiser.headers, pricing_model=pricing, bid_price="1")
    here = offline(settings, tmp_path)
    async with database.sessionmaker() as session:
        result = await producers.generate_events(session, here, count=2_000, days=3, seed=4)
    assert (result.events, result.campaigns) == (2_000, 2)
    assert producers.deliver(here, result.segment_ids).events == 2_000
    async with database.sessionmaker() as session:
        again = await producers.generate_events(session, here, count=2_000, days=3, seed=4)
    assert producers.deliver(here, again.segment_ids).duplicates == 2_000
    assert stored_count(here) == 2_000


async def test_generated_events_can_be_written_as_an_importable_file(
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    advertiser: Actor,
    tmp_path: Path,
) -> None:
    await create_campaign(client, advertiser.headers)
    target = tmp_path / "generated.ndjson"
    async with database.sessionmaker() as session:
        result = await producers.generate_events(
            session, settings, count=300, seed=1, output=target
        )
    assert result.segment_ids == []
    assert len(target.read_bytes().splitlines()) == 300
    imported = await run_import(database, offline(settings, tmp_path), target)
    assert imported.events == 300
