"""Seed the catalogues: TrafficStars reject reasons, ad formats, Instal restrictions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 14:05:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _seed_catalogues()


REJECT_REASONS = [
    "Forbidden creative and/or URL",
    "Broken image and/or lander",
    "Lack of consistency between targeting and creatives",
    "Malware detected",
    "Free site promotion is forbidden",
    "Deceptive ads (click trap / mimicking)",
    "More than 1 exit pop detected",
    "Please contact our support",
    "Other",
]

AD_FORMATS = [
    (1, "Banner", "banner", []),
    (2, "Popunder", "popunder", []),
    (3, "Native", "native", []),
    (4, "Interstitial", "interstitial", []),
    (63, "Video", "video", ["pre-roll", "im-slider", "outstream"]),
    (104, "Push", "push", ["web_push", "in_page_push"]),
]

RESTRICTIONS = [
    (1, "Incentivized traffic", "Users may not be rewarded for installing or clicking."),
    (2, "Email traffic", "No traffic from e-mail campaigns."),
    (3, "SMS traffic", "No traffic from SMS campaigns."),
    (4, "Social media traffic", "No traffic from posts or ads on social networks."),
    (5, "Brand bidding", "No search ads bidding on the advertiser's brand."),
    (6, "Pop traffic", "No pop-up or pop-under traffic."),
    (7, "Push traffic", "No push-notification traffic."),
    (8, "Fraudulent traffic", "No bots, click injection, click spamming or faked installs."),
    (
        9,
        "Adult traffic",
        "Any type of traffic related to adult, porn or sexy contents is not allowed.",
    ),
]


def _seed_catalogues() -> None:
    now = datetime(2026, 11, 22, tzinfo=UTC)
    reject_reasons = sa.table(
        "reject_reasons",
        sa.column("id", sa.Integer),
        sa.column("code", sa.Integer),
        sa.column("title", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    op.execute(
        reject_reasons.insert().values(
            [
                {"id": code + 1, "code": code, "title": title, "created_at": now, "updated_at": now}
                for code, title in enumerate(REJECT_REASONS)
            ]
        )
    )
    ad_formats = sa.table(
        "ad_formats",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("options", sa.JSON),
        sa.column("is_active", sa.Boolean),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(
        ad_formats,
        [
            {
                "id": i,
                "name": n,
                "kind": k,
                "options": o,
                "is_active": True,
                "created_at": now,
                "updated_at": now,
            }
            for i, n, k, o in AD_FORMATS
        ],
    )
    restrictions = sa.table(
        "restrictions",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("description", sa.Text),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(
        restrictions,
        [
            {"id": i, "name": n, "description": d, "created_at": now, "updated_at": now}
            for i, n, d in RESTRICTIONS
        ],
    )
    if op.get_bind().dialect.name == "postgresql":
        # Explicit ids leave the sequences behind; move them past the seeded rows.
        for table in ("reject_reasons", "ad_formats", "restrictions"):
            op.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )


def downgrade() -> None:
    for table in ("restrictions", "ad_formats", "reject_reasons"):
        op.execute(sa.text(f"DELETE FROM {table}"))
