"""Migrations that move vendor-only columns into extension documents keep the data, both ways."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from alembic import command

from adplane.migrations.runner import alembic_config
from tests.models.test_data_migrations import _insert, _sync, fresh_url  # noqa: F401

BEFORE = "20261202_media_assets"
OLD_VALUES: dict[str, Any] = {
    "price_mode": "fixed",
    "allow_any_price": True,
    "flat_rate_amount_micros": 3_000_000,
    "postback_payout_percent_micros": 80_500_000,
    "test_period_budget_micros": 25_123_456,
    "native_creatives_limit": 4,
    "is_traced": True,
}


def _documents(conn: sa.Connection) -> dict[tuple[int, str], Any]:
    rows = conn.execute(sa.text("SELECT campaign_id, dialect, document FROM campaign_extensions"))
    # PostgreSQL's driver decodes JSON; SQLite's text comes back as it was stored.
    return {
        (cid, dialect): document if isinstance(document, dict) else json.loads(document)
        for cid, dialect, document in rows.all()
    }


def test_vendor_columns_become_documents_and_come_back(fresh_url: str) -> None:  # noqa: F811
    config = alembic_config(fresh_url)
    command.upgrade(config, BEFORE)
    engine = sa.create_engine(_sync(fresh_url))
    try:
        with engine.begin() as conn:
            _insert(conn, "accounts", {"id": 7, "name": "Old", "currency": "USD"})
            base = {"account_id": 7, "approval": "pending", "targeting": {}, "segments": {}}
            _insert(
                conn,
                "campaigns",
                {"id": 3, "uuid": uuid.uuid4().hex, "name": "Vendor", **base, **OLD_VALUES},
            )
            _insert(conn, "campaigns", {"id": 4, "uuid": uuid.uuid4().hex, "name": "Plain", **base})
            smart = {"id": 5, "uuid": uuid.uuid4().hex, "name": "Smart", "is_smart": True}
            _insert(conn, "campaigns", {**smart, **base})
        command.upgrade(config, "heads")
        with engine.connect() as conn:
            documents = _documents(conn)
            columns = {c["name"] for c in sa.inspect(conn).get_columns("campaigns")}
        assert documents[(3, "trafficstars")] == {
            "price_mode": "fixed",
            "allow_any_price": True,
            "flat_rate_amount": "3",
            "postback_payout_modifier": False,
            "postback_payout_percent": "80.5",
            "test_period_budget": "25.123456",
            "native_creatives_limit": 4,
            "is_exclusive": False,
            "is_backup": False,
            "is_traced": True,
        }
        # A campaign that only has defaults gets no document, as a new one would not.
        assert not [key for key in documents if key[0] == 4]
        assert documents[(5, "topsort")] == {"is_smart": True, "is_auto_trigger": False}
        assert columns.isdisjoint({*OLD_VALUES, "is_smart", "is_auto_trigger"})

        command.downgrade(config, BEFORE)
        with engine.connect() as conn:
            names = ", ".join(OLD_VALUES)
            restored = conn.execute(sa.text(f"SELECT {names} FROM campaigns WHERE id = 3")).one()
            plain = conn.execute(
                sa.text("SELECT allow_any_price, is_traced, price_mode FROM campaigns WHERE id = 4")
            ).one()
            smart_back = conn.execute(sa.text("SELECT is_smart FROM campaigns WHERE id = 5")).one()
            left = conn.execute(sa.text("SELECT count(*) FROM campaign_extensions")).scalar_one()
        assert dict(zip(OLD_VALUES, restored, strict=True)) == OLD_VALUES
        assert (bool(plain[0]), bool(plain[1]), plain[2]) == (False, False, None)
        assert bool(smart_back[0]) is True
        assert left == 0
    finally:
        engine.dispose()


def test_instal_columns_become_its_document_and_come_back(fresh_url: str) -> None:  # noqa: F811
    config = alembic_config(fresh_url)
    before = "20261202_spend_postings"
    command.upgrade(config, before)
    engine = sa.create_engine(_sync(fresh_url))
    try:
        with engine.begin() as conn:
            _insert(conn, "accounts", {"id": 7, "name": "Old", "currency": "USD"})
            base = {"account_id": 7, "approval": "pending", "targeting": {}, "segments": {}}
            app = {"application_name": "Game", "is_incentivized": True}
            for cid, values in ((3, app), (4, {}), (5, {"is_incentivized": True})):
                row = {"id": cid, "uuid": uuid.uuid4().hex, "name": "C", **base, **values}
                _insert(conn, "campaigns", row)
        command.upgrade(config, "heads")
        with engine.connect() as conn:
            documents = _documents(conn)
            columns = {c["name"] for c in sa.inspect(conn).get_columns("campaigns")}
        assert documents == {
            (3, "instal"): app,
            (5, "instal"): {"application_name": None, "is_incentivized": True},
        }
        assert columns.isdisjoint(app)

        command.downgrade(config, before)
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT id, application_name, is_incentivized FROM campaigns ORDER BY id")
            ).all()
            left = conn.execute(sa.text("SELECT count(*) FROM campaign_extensions")).scalar_one()
        assert [(r[0], r[1], bool(r[2])) for r in rows] == [
            (3, "Game", True),
            (4, None, False),
            (5, None, True),
        ]
        assert left == 0
    finally:
        engine.dispose()
