"""Fields only Instal has leave the campaign row for its extension document.

Revision ID: 20261203_instal_extension
Revises: 20261202_spend_postings
Create Date: 2026-12-03 06:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from adplane.migrations.extension_moves import Moved, columns_to_document, document_to_columns

revision: str = "20261203_instal_extension"
down_revision: str | None = "20261202_spend_postings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIALECT = "instal"
MOVED = [
    Moved("application_name", "application_name", sa.String(length=255), True),
    Moved("is_incentivized", "is_incentivized", sa.Boolean(), False, False),
]


def upgrade() -> None:
    columns_to_document(DIALECT, MOVED)


def downgrade() -> None:
    document_to_columns(DIALECT, MOVED)
