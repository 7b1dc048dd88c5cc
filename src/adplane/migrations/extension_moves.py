"""Moving campaign columns into a dialect's extension document (and back on downgrade).

Revisions that take vendor-only fields off ``campaigns`` share this, so every move keeps
data the same way: a document is written only for a campaign whose moved values differ from
the defaults (a campaign the dialect never touched gets none, as a new one would), money
micros become the exact decimal string the dialect's model stores, and a downgrade puts
every value back before it removes the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

MICROS = Decimal(1_000_000)
BATCH = 1000


@dataclass(frozen=True)
class Moved:
    """One column that becomes one key of a document."""

    key: str
    column: str
    kind: sa.types.TypeEngine[Any]
    nullable: bool
    # The value of an unset field (the column's ORM default).
    default: Any = None
    money: bool = False


def _to_document(moved: Moved, value: Any) -> Any:
    if value is None:
        return None
    if moved.money:
        return str(Decimal(int(value)) / MICROS)
    if isinstance(moved.kind, sa.Boolean):
        return bool(value)
    return value


def _to_column(moved: Moved, value: Any) -> Any:
    if value is None:
        return None if moved.nullable else moved.default
    if moved.money:
        return int(Decimal(str(value)) * MICROS)
    return value


def _tables(moved: Sequence[Moved]) -> tuple[sa.TableClause, sa.TableClause]:
    campaigns = sa.table(
        "campaigns", sa.column("id", sa.Integer()), *(sa.column(m.column, m.kind) for m in moved)
    )
    extensions = sa.table(
        "campaign_extensions",
        sa.column("campaign_id", sa.Integer()),
        sa.column("dialect", sa.String()),
        sa.column("document", sa.JSON()),
    )
    return campaigns, extensions


def _existing(extensions: sa.TableClause, dialect: str) -> dict[int, dict[str, Any]]:
    rows = op.get_bind().execute(
        sa.select(extensions.c.campaign_id, extensions.c.document).where(
            extensions.c.dialect == dialect
        )
    )
    return {int(cid): dict(doc or {}) for cid, doc in rows.all()}


def columns_to_document(dialect: str, moved: Sequence[Moved]) -> None:
    """Copy the columns into ``dialect``'s documents, then drop them."""
    bind = op.get_bind()
    campaigns, extensions = _tables(moved)
    existing = _existing(extensions, dialect)
    inserts: list[dict[str, Any]] = []
    for row in bind.execute(sa.select(campaigns).order_by(campaigns.c.id)).mappings():
        values = {m.key: _to_document(m, row[m.column]) for m in moved}
        if all(values[m.key] == _to_document(m, m.default) for m in moved):
            continue
        cid = int(row["id"])
        if cid in existing:
            bind.execute(
                extensions.update()
                .where(extensions.c.campaign_id == cid, extensions.c.dialect == dialect)
                .values(document={**existing[cid], **values})
            )
        else:
            inserts.append({"campaign_id": cid, "dialect": dialect, "document": values})
        if len(inserts) >= BATCH:
            bind.execute(extensions.insert(), inserts)
            inserts = []
    if inserts:
        bind.execute(extensions.insert(), inserts)
    with op.batch_alter_table("campaigns") as batch:
        for m in moved:
            batch.drop_column(m.column)


def _server_default(moved: Moved) -> sa.TextClause | None:
    if moved.nullable:
        return None
    if isinstance(moved.kind, sa.Boolean):
        truth = "true" if moved.default else "false"
        if op.get_bind().dialect.name != "postgresql":
            truth = "1" if moved.default else "0"
        return sa.text(truth)
    return sa.text(str(moved.default))


def document_to_columns(dialect: str, moved: Sequence[Moved]) -> None:
    """Add the columns back, fill them from ``dialect``'s documents, remove those keys."""
    with op.batch_alter_table("campaigns") as batch:
        for m in moved:
            batch.add_column(
                sa.Column(m.column, m.kind, nullable=m.nullable, server_default=_server_default(m))
            )
    bind = op.get_bind()
    campaigns, extensions = _tables(moved)
    keys = {m.key for m in moved}
    for cid, document in _existing(extensions, dialect).items():
        values = {m.column: _to_column(m, document[m.key]) for m in moved if m.key in document}
        if values:
            bind.execute(campaigns.update().where(campaigns.c.id == cid).values(**values))
        rest = {k: v for k, v in document.items() if k not in keys}
        where = sa.and_(extensions.c.campaign_id == cid, extensions.c.dialect == dialect)
        if rest:
            bind.execute(extensions.update().where(where).values(document=rest))
        else:
            bind.execute(extensions.delete().where(where))
