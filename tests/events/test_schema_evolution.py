"""Stores and segments written before a column existed keep working after it is added."""

from __future__ import annotations

from pathlib import Path

import duckdb
import orjson

from adplane.accounts.principal import Principal, Role
from adplane.events import schema
from adplane.events.store import AnalyticsStore
from adplane.reports import service
from adplane.reports.backends import DuckDBBackend
from adplane.reports.schemas import ReportRequest

# The columns this change added; everything else is what a store of the previous release has.
ADDED = ("ssp", "source", "app_name", "traffic_type", "request_type", "is_pmp")
OLD_COLUMNS = [(name, kind) for name, kind in schema.COLUMNS if name not in ADDED]
ADMIN = Principal(1, Role.ADMIN, None)


def _old_store(path: Path) -> None:
    """A DuckDB file exactly as the previous release created it, holding one event."""
    con = duckdb.connect(str(path))
    kinds = ", ".join(f"'{t}'" for t in schema.EVENT_TYPES)
    con.execute(f"CREATE TYPE event_type AS ENUM ({kinds})")
    columns = ", ".join(f"{name} {kind}" for name, kind in OLD_COLUMNS)
    con.execute(f"CREATE TABLE events ({columns}, event_hash UBIGINT)")
    con.execute(
        "CREATE TABLE loaded_segments (segment_id VARCHAR PRIMARY KEY, events BIGINT NOT NULL,"
        " duplicates BIGINT NOT NULL, loaded_at TIMESTAMP NOT NULL)"
    )
    con.execute("CREATE TABLE store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO store_meta VALUES ('schema_version', '2')")
    con.execute(
        "INSERT INTO events (event_id, type, ts, account_id, campaign_id, cost_micros,"
        " revenue_micros, event_hash) VALUES ('old-1', 'impression', TIMESTAMP '2026-03-10"
        " 09:00:00', 9, 5, 100000, 0, md5_number_lower('9:old-1'))"
    )
    con.close()


def _lines(*events: dict[str, object]) -> bytes:
    return b"".join(orjson.dumps({"account_id": 9, **e}) + b"\n" for e in events)


def _event(event_id: str, **fields: object) -> dict[str, object]:
    return {
        "event_id": event_id,
        "type": "impression",
        "ts": "2026-03-10T10:00:00Z",
        "campaign_id": 5,
        **fields,
    }


async def _by(store: AnalyticsStore, dimension: str) -> dict[object, object]:
    request = ReportRequest.model_validate(
        {
            "from": "2026-03-10",
            "to": "2026-03-10",
            "dimensions": [dimension],
            "metrics": ["impressions"],
        }
    )
    result = await service.run(DuckDBBackend(store), ADMIN, request)
    return {row[dimension]: row["impressions"] for row in result.rows}


async def test_an_old_store_gains_the_new_columns_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "analytics.duckdb"
    _old_store(path)
    store = AnalyticsStore(path)
    try:
        names = {
            row[0]
            for row in store.fetch(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events'"
            )
        }
        assert set(ADDED) <= names
        assert store.fetch(f"SELECT event_id, {', '.join(ADDED)} FROM events") == [
            ("old-1", None, None, None, None, None, None)
        ]
        for dimension in ADDED:
            assert await _by(store, dimension) == {None: 1}
        # The old row is still found as a duplicate by its key.
        assert store.known_keys([(9, "old-1"), (9, "new")]) == {(9, "old-1")}
    finally:
        store.close()
    # Opening it again changes nothing.
    AnalyticsStore(path).close()


async def test_a_segment_written_before_the_new_fields_loads_with_nulls(tmp_path: Path) -> None:
    path = tmp_path / "analytics.duckdb"
    _old_store(path)
    store = AnalyticsStore(path)
    try:
        old = tmp_path / "old.ndjson"
        # What the previous release's log holds: none of the new fields.
        old.write_bytes(_lines(_event("a", exchange="x", country="US")))
        new = tmp_path / "new.ndjson"
        new.write_bytes(
            _lines(
                _event("b", ssp="north", source="src-1", app_name="Chess Pro",
                       traffic_type="ctv", request_type="video", is_pmp=True),
                _event("c", traffic_type="mobile_web", request_type="banner", is_pmp=False),
            )
        )  # fmt: skip
        assert store.load_segment(old, "old").events == 1
        assert store.load_segment(new, "new").events == 2
        assert await _by(store, "traffic_type") == {"ctv": 1, "mobile_web": 1, None: 2}
        assert await _by(store, "is_pmp") == {False: 1, True: 1, None: 2}
        assert await _by(store, "app_name") == {"Chess Pro": 1, None: 3}
        assert await _by(store, "ssp") == {"north": 1, None: 3}
    finally:
        store.close()
