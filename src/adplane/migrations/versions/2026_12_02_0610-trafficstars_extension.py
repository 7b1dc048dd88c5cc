"""Fields only TrafficStars has leave the campaign row for its extension document.

Revision ID: 20261202_trafficstars_extension
Revises: 20261202_media_assets
Create Date: 2026-12-02 06:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from adplane.migrations.extension_moves import Moved, columns_to_document, document_to_columns

revision: str = "20261202_trafficstars_extension"
down_revision: str | None = "20261202_media_assets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIALECT = "trafficstars"
MOVED = [
    Moved("price_mode", "price_mode", sa.String(length=32), True),
    Moved("allow_any_price", "allow_any_price", sa.Boolean(), False, False),
    Moved("flat_rate_amount", "flat_rate_amount_micros", sa.BigInteger(), True, money=True),
    Moved("postback_payout_modifier", "postback_payout_modifier", sa.Boolean(), False, False),
    Moved(
        "postback_payout_percent",
        "postback_payout_percent_micros",
        sa.BigInteger(),
        True,
        money=True,
    ),
    Moved("test_period_budget", "test_period_budget_micros", sa.BigInteger(), True, money=True),
    Moved("native_creatives_limit", "native_creatives_limit", sa.Integer(), True),
    Moved("is_exclusive", "is_exclusive", sa.Boolean(), False, False),
    Moved("is_backup", "is_backup", sa.Boolean(), False, False),
    Moved("is_traced", "is_traced", sa.Boolean(), False, False),
]


def upgrade() -> None:
    columns_to_document(DIALECT, MOVED)


def downgrade() -> None:
    document_to_columns(DIALECT, MOVED)
