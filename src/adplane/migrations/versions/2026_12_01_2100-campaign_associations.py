"""Campaign -> restriction and campaign -> segment association tables, filled from the
campaigns' own lists, so "which campaigns use this" is an indexed lookup, not a text scan.

Revision ID: 20261201_campaign_associations
Revises: 20261201_targeting_values
Create Date: 2026-12-01 21:00:00
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "20261201_campaign_associations"
down_revision: str | None = "20261201_targeting_values"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _loaded(document: Any) -> Any:
    return json.loads(document) if isinstance(document, str) else document


def _segment_ids(document: Any) -> set[int]:
    doc = _loaded(document) or {}
    ids: set[int] = set()
    for part in ("targeting", "exclusion", "multipliers"):
        for item in (doc.get(part) or {}).get("items") or []:
            if isinstance(item, dict) and isinstance(item.get("segment_id"), int):
                ids.add(item["segment_id"])
    return ids


def upgrade() -> None:
    op.create_table(
        "campaign_restrictions",
        sa.Column("campaign_id", ID, nullable=False),
        sa.Column("restriction_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_restrictions_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["restriction_id"],
            ["restrictions.id"],
            name=op.f("fk_campaign_restrictions_restriction_id_restrictions"),
        ),
        sa.PrimaryKeyConstraint(
            "campaign_id", "restriction_id", name=op.f("pk_campaign_restrictions")
        ),
    )
    op.create_index(
        "ix_campaign_restrictions_restriction", "campaign_restrictions", ["restriction_id"]
    )
    op.create_table(
        "campaign_segments",
        sa.Column("campaign_id", ID, nullable=False),
        sa.Column("segment_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_segments_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"], ["segments.id"], name=op.f("fk_campaign_segments_segment_id_segments")
        ),
        sa.PrimaryKeyConstraint("campaign_id", "segment_id", name=op.f("pk_campaign_segments")),
    )
    op.create_index("ix_campaign_segments_segment", "campaign_segments", ["segment_id"])

    bind = op.get_bind()
    campaigns = sa.table(
        "campaigns",
        sa.column("id", sa.Integer),
        sa.column("restriction_ids", sa.JSON),
        sa.column("segments", sa.JSON),
    )
    restrictions = {r for (r,) in bind.execute(sa.text("SELECT id FROM restrictions"))}
    segments = {s for (s,) in bind.execute(sa.text("SELECT id FROM segments"))}
    restriction_rows: list[dict[str, int]] = []
    segment_rows: list[dict[str, int]] = []
    for cid, restriction_ids, segment_doc in bind.execute(
        sa.select(campaigns.c.id, campaigns.c.restriction_ids, campaigns.c.segments)
    ):
        for rid in sorted(set(_loaded(restriction_ids) or []) & restrictions):
            restriction_rows.append({"campaign_id": cid, "restriction_id": rid})
        for sid in sorted(_segment_ids(segment_doc) & segments):
            segment_rows.append({"campaign_id": cid, "segment_id": sid})
    if restriction_rows:
        op.bulk_insert(
            sa.table(
                "campaign_restrictions",
                sa.column("campaign_id", sa.Integer),
                sa.column("restriction_id", sa.Integer),
            ),
            restriction_rows,
        )
    if segment_rows:
        op.bulk_insert(
            sa.table(
                "campaign_segments",
                sa.column("campaign_id", sa.Integer),
                sa.column("segment_id", sa.Integer),
            ),
            segment_rows,
        )


def downgrade() -> None:
    op.drop_index("ix_campaign_segments_segment", table_name="campaign_segments")
    op.drop_table("campaign_segments")
    op.drop_index("ix_campaign_restrictions_restriction", table_name="campaign_restrictions")
    op.drop_table("campaign_restrictions")
