"""Campaign extension documents: one JSON document per campaign and dialect.

Revision ID: 20261202_campaign_extensions
Revises: 20261201_canonical_targeting
Create Date: 2026-12-02 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_campaign_extensions"
down_revision: str | None = "20261201_canonical_targeting"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "campaign_extensions",
        sa.Column("campaign_id", ID, nullable=False),
        sa.Column("dialect", sa.String(length=32), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_extensions_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "dialect", name=op.f("pk_campaign_extensions")),
    )


def downgrade() -> None:
    op.drop_table("campaign_extensions")
