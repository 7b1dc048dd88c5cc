"""Exact money: ``Decimal`` in the core, integer micro-units in storage and counters."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

import pycountry

MICROS = 1_000_000
_QUANTUM = Decimal("0.000001")


def to_micros(amount: Decimal | int | str) -> int:
    """Convert an exact amount to integer micros; more than 6 decimals is an error."""
    try:
        value = Decimal(amount)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError("amount must be finite")
    if value != value.quantize(_QUANTUM, rounding=ROUND_HALF_EVEN):
        raise ValueError("amount has more than 6 decimal places")
    return int(value * MICROS)


def from_micros(micros: int) -> Decimal:
    """Convert integer micros to an exact ``Decimal`` with six places."""
    return (Decimal(micros) / MICROS).quantize(_QUANTUM)


def optional_micros(amount: Decimal | None) -> int | None:
    return None if amount is None else to_micros(amount)


def optional_decimal(micros: int | None) -> Decimal | None:
    return None if micros is None else from_micros(micros)


def is_currency(code: str) -> bool:
    """Whether ``code`` is an ISO 4217 alphabetic currency code."""
    return len(code) == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code) is not None
