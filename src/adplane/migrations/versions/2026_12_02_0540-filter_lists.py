"""Filter lists, their items, and the campaigns that include or exclude them.

Revision ID: 20261202_filter_lists
Revises: 20261202_campaign_extensions
Create Date: 2026-12-02 05:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_filter_lists"
down_revision: str | None = "20261202_campaign_extensions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "filter_lists",
        sa.Column("id", ID, nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("item_type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_filter_lists_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filter_lists")),
    )
    op.create_index(op.f("ix_filter_lists_account_id"), "filter_lists", ["account_id"])
    op.create_table(
        "filter_list_items",
        sa.Column("list_id", ID, nullable=False),
        sa.Column("value", sa.String(length=2048), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["filter_lists.id"],
            name=op.f("fk_filter_list_items_list_id_filter_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("list_id", "value", name=op.f("pk_filter_list_items")),
    )
    op.create_table(
        "campaign_filter_lists",
        sa.Column("campaign_id", ID, nullable=False),
        sa.Column("filter_list_id", ID, nullable=False),
        sa.Column("include", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_filter_lists_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["filter_list_id"],
            ["filter_lists.id"],
            name=op.f("fk_campaign_filter_lists_filter_list_id_filter_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "campaign_id", "filter_list_id", name=op.f("pk_campaign_filter_lists")
        ),
    )
    op.create_index(
        "ix_campaign_filter_lists_filter_list", "campaign_filter_lists", ["filter_list_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_campaign_filter_lists_filter_list", table_name="campaign_filter_lists")
    op.drop_table("campaign_filter_lists")
    op.drop_table("filter_list_items")
    op.drop_index(op.f("ix_filter_lists_account_id"), table_name="filter_lists")
    op.drop_table("filter_lists")
