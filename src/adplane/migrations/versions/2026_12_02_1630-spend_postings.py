"""Spend postings: each campaign's closed hour of spend, posted once to its account's wallet.

Revision ID: 20261202_spend_postings
Revises: 20261202_smartyads_extension
Create Date: 2026-12-02 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_spend_postings"
down_revision: str | None = "20261202_smartyads_extension"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "spend_postings",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("campaign_id", sa.BigInteger(), nullable=False),
        sa.Column("hour_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("amount_micros", sa.BigInteger(), nullable=False),
        sa.Column("transaction_id", ID, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_spend_postings_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["transaction_id"],
            ["transactions.id"],
            name=op.f("fk_spend_postings_transaction_id_transactions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spend_postings")),
        sa.UniqueConstraint("campaign_id", "hour_start", name="uq_spend_postings_campaign_hour"),
    )
    op.create_index("ix_spend_postings_account", "spend_postings", ["account_id"], unique=False)
    op.create_index("ix_spend_postings_hour", "spend_postings", ["hour_start"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_spend_postings_hour", table_name="spend_postings")
    op.drop_index("ix_spend_postings_account", table_name="spend_postings")
    op.drop_table("spend_postings")
