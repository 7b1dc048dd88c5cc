"""Targeting values admins added to a catalogue (the built-in values live in code)."""

from __future__ import annotations

from sqlalchemy import BigInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from adplane.models.base import Base, BigId, TimestampMixin


class TargetingValue(TimestampMixin, Base):
    """One added value of a catalogued dimension; ``value_id`` is its id in that dimension.

    The built-in catalogues (thousands of ISO regions) are data in ``adplane.targeting``, not
    rows: they change with a release, never at run time, so the table holds only what an
    admin added and stays empty on most installations.
    """

    __tablename__ = "targeting_values"
    __table_args__ = (
        UniqueConstraint("dimension", "value_id", name="uq_targeting_values_dimension_value_id"),
        UniqueConstraint("dimension", "code", name="uq_targeting_values_dimension_code"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dimension: Mapped[str] = mapped_column(String(32))
    value_id: Mapped[int] = mapped_column(BigInteger)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
