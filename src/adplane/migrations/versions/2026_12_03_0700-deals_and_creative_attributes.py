"""Campaigns name the PMP deals they buy; creatives declare their AdCOM creative attributes.

Revision ID: 20261203_deals_attributes
Revises: 20261203_creative_media
Create Date: 2026-12-03 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261203_deals_attributes"
down_revision: str | None = "20261203_creative_media"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (("campaigns", "deal_ids"), ("creatives", "attributes"))


def upgrade() -> None:
    for table, name in COLUMNS:
        # Existing rows start with an empty list; the models give the default from then on,
        # so the server default is dropped again (the schema matches the models).
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column(name, sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
            )
        with op.batch_alter_table(table) as batch:
            batch.alter_column(name, server_default=None)


def downgrade() -> None:
    for table, name in COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.drop_column(name)
