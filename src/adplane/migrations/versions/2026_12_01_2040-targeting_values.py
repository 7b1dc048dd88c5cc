"""Targeting catalogues: the table of values admins add (built-in values live in code).

Revision ID: 20261201_targeting_values
Revises: 0002
Create Date: 2026-12-01 20:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261201_targeting_values"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "targeting_values",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("dimension", sa.String(length=32), nullable=False),
        sa.Column("value_id", sa.BigInteger(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targeting_values")),
        sa.UniqueConstraint("dimension", "code", name=op.f("uq_targeting_values_dimension_code")),
        sa.UniqueConstraint(
            "dimension", "value_id", name=op.f("uq_targeting_values_dimension_value_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("targeting_values")
