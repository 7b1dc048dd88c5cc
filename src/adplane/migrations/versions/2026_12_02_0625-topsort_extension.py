"""Flags only Topsort has leave the campaign row for its extension document.

Revision ID: 20261202_topsort_extension
Revises: 20261202_rules
Create Date: 2026-12-02 06:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from adplane.migrations.extension_moves import Moved, columns_to_document, document_to_columns

revision: str = "20261202_topsort_extension"
down_revision: str | None = "20261202_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIALECT = "topsort"
MOVED = [
    Moved("is_smart", "is_smart", sa.Boolean(), False, False),
    Moved("is_auto_trigger", "is_auto_trigger", sa.Boolean(), False, False),
]


def upgrade() -> None:
    columns_to_document(DIALECT, MOVED)


def downgrade() -> None:
    document_to_columns(DIALECT, MOVED)
