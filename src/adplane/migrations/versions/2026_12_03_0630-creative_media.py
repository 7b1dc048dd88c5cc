"""Which media each live creative shows, as foreign keys: a used asset cannot be deleted.

Revision ID: 20261203_creative_media
Revises: 20261203_instal_extension
Create Date: 2026-12-03 06:30:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "20261203_creative_media"
down_revision: str | None = "20261203_instal_extension"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "creative_media",
        sa.Column("creative_id", ID, nullable=False),
        sa.Column("media_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["creative_id"],
            ["creatives.id"],
            name=op.f("fk_creative_media_creative_id_creatives"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["media_id"], ["media_assets.id"], name=op.f("fk_creative_media_media_id_media_assets")
        ),
        sa.PrimaryKeyConstraint("creative_id", "media_id", name=op.f("pk_creative_media")),
    )
    op.create_index("ix_creative_media_media", "creative_media", ["media_id"])
    # The live creatives' snapshots name the media they show; a deleted creative shows none.
    creatives = sa.table(
        "creatives",
        sa.column("id", sa.Integer()),
        sa.column("media", sa.JSON()),
        sa.column("deleted_at", sa.DateTime()),
    )
    media = sa.table("media_assets", sa.column("id", sa.Integer()))
    bind = op.get_bind()
    existing = {int(i) for i in bind.execute(sa.select(media.c.id)).scalars()}
    rows: list[dict[str, Any]] = []
    for cid, snapshot in bind.execute(
        sa.select(creatives.c.id, creatives.c.media).where(creatives.c.deleted_at.is_(None))
    ).all():
        ids = {int(m["media_id"]) for m in snapshot or [] if m.get("media_id") is not None}
        rows.extend({"creative_id": cid, "media_id": mid} for mid in sorted(ids & existing))
    if rows:
        op.bulk_insert(
            sa.table(
                "creative_media",
                sa.column("creative_id", sa.Integer()),
                sa.column("media_id", sa.Integer()),
            ),
            rows,
        )


def downgrade() -> None:
    op.drop_index("ix_creative_media_media", table_name="creative_media")
    op.drop_table("creative_media")
