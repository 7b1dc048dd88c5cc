"""Tracker settings leave the campaign row for their own table, one row per campaign.

Revision ID: 20261201_tracker_settings
Revises: 20261201_campaign_associations
Create Date: 2026-12-01 21:10:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "20261201_tracker_settings"
down_revision: str | None = "20261201_campaign_associations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# (column, type, nullable, server default used only while the columns come back on downgrade)
COLUMNS: list[tuple[str, sa.types.TypeEngine[Any], bool, str | None]] = [
    ("alias", sa.String(length=255), True, None),
    ("rotation_type", sa.String(length=16), False, "position"),
    ("cookies_ttl_hours", sa.Integer(), False, "24"),
    ("cost_model", sa.String(length=16), False, "CPC"),
    ("cost_value_micros", sa.BigInteger(), False, "0"),
    ("cost_currency", sa.String(length=3), True, None),
    ("cost_auto", sa.Boolean(), False, "0"),
    ("bind_visitors", sa.String(length=8), True, None),
    ("traffic_source_id", sa.Integer(), True, None),
    ("tracker_token", sa.String(length=255), True, None),
    ("domain_id", sa.Integer(), True, None),
    ("tracker_parameters", sa.JSON(), False, "{}"),
    ("postbacks", sa.JSON(), False, "[]"),
]
NAMES = ", ".join(name for name, *_ in COLUMNS)


def upgrade() -> None:
    op.create_table(
        "tracker_settings",
        sa.Column("campaign_id", ID, nullable=False),
        *(sa.Column(name, kind, nullable=nullable) for name, kind, nullable, _ in COLUMNS),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_tracker_settings_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_tracker_settings")),
        sa.UniqueConstraint("alias", name=op.f("uq_tracker_settings_alias")),
    )
    op.execute(
        f"INSERT INTO tracker_settings (campaign_id, {NAMES}) SELECT id, {NAMES} FROM campaigns"
    )
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_constraint("uq_campaigns_alias", type_="unique")
        for name, *_ in COLUMNS:
            batch.drop_column(name)


def _default(kind: sa.types.TypeEngine[Any], value: str | None) -> sa.TextClause | None:
    if value is None:
        return None
    if isinstance(kind, sa.Boolean):
        return sa.text("false") if op.get_bind().dialect.name == "postgresql" else sa.text("0")
    if isinstance(kind, sa.String | sa.JSON):
        return sa.text(f"'{value}'")
    return sa.text(value)


def downgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        for name, kind, nullable, default in COLUMNS:
            batch.add_column(
                sa.Column(name, kind, nullable=nullable, server_default=_default(kind, default))
            )
        batch.create_unique_constraint("uq_campaigns_alias", ["alias"])
    for name, *_ in COLUMNS:
        op.execute(
            f"UPDATE campaigns SET {name} = (SELECT t.{name} FROM tracker_settings t"
            f" WHERE t.campaign_id = campaigns.id)"
            f" WHERE id IN (SELECT campaign_id FROM tracker_settings)"
        )
    op.drop_table("tracker_settings")
