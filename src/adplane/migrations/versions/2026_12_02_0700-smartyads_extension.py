"""The analytics tracking code, which only SmartyAds has, leaves the campaign row for its
extension document.

Revision ID: 20261202_smartyads_extension
Revises: 20261202_creatives
Create Date: 2026-12-02 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from adplane.migrations.extension_moves import Moved, columns_to_document, document_to_columns

revision: str = "20261202_smartyads_extension"
down_revision: str | None = "20261202_creatives"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIALECT = "smartyads"
MOVED = [
    Moved("analytics_tracking_code", "analytics_tracking_code", sa.String(length=255), True),
]


def upgrade() -> None:
    columns_to_document(DIALECT, MOVED)


def downgrade() -> None:
    document_to_columns(DIALECT, MOVED)
