"""Creatives and their campaign assignments.

Revision ID: 20261202_creatives
Revises: 20261202_topsort_extension
Create Date: 2026-12-02 06:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_creatives"
down_revision: str | None = "20261202_topsort_extension"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "creatives",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("created_by_user_id", ID, nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("variant", sa.String(length=32), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("bid_price_micros", sa.BigInteger(), nullable=True),
        sa.Column("frequency_cap", sa.Integer(), nullable=True),
        sa.Column("frequency_period_hours", sa.Integer(), nullable=True),
        sa.Column("frequency_per", sa.String(length=8), nullable=True),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("advertiser_domain", sa.String(length=255), nullable=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("media", sa.JSON(), nullable=False),
        sa.Column("extensions", sa.JSON(), nullable=False),
        sa.Column("approval", sa.String(length=16), nullable=False),
        sa.Column("pending_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reject_reason_codes", sa.JSON(), nullable=False),
        sa.Column("reject_comment", sa.Text(), nullable=True),
        sa.Column("decline_reason", sa.String(length=255), nullable=True),
        sa.Column("reviewed_by_user_id", ID, nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_creatives_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_creatives_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_user_id"],
            ["users.id"],
            name=op.f("fk_creatives_reviewed_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_creatives")),
    )
    op.create_index(
        "ix_creatives_account_deleted", "creatives", ["account_id", "deleted_at"], unique=False
    )
    op.create_table(
        "campaign_creatives",
        sa.Column("campaign_id", ID, nullable=False),
        sa.Column("creative_id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_creatives_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["creative_id"],
            ["creatives.id"],
            name=op.f("fk_campaign_creatives_creative_id_creatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "creative_id", name=op.f("pk_campaign_creatives")),
    )
    op.create_index(
        "ix_campaign_creatives_creative", "campaign_creatives", ["creative_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_campaign_creatives_creative", table_name="campaign_creatives")
    op.drop_table("campaign_creatives")
    op.drop_index("ix_creatives_account_deleted", table_name="creatives")
    op.drop_table("creatives")
