"""Exact money: Decimal amounts and integer micros."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adplane.kit.money import (
    from_micros,
    is_currency,
    optional_decimal,
    optional_micros,
    to_micros,
)


def test_decimal_tenths_add_up_exactly_in_micros() -> None:
    assert to_micros(Decimal("0.1")) + to_micros(Decimal("0.2")) == to_micros(Decimal("0.3"))


def test_micros_round_trip_to_the_same_decimal() -> None:
    amount = Decimal("123456789012.123456")
    assert from_micros(to_micros(amount)) == amount


def test_six_decimal_places_are_kept() -> None:
    assert to_micros("0.000001") == 1


def test_trailing_zeros_beyond_six_places_are_not_extra_precision() -> None:
    assert to_micros("1.50000000") == 1_500_000


def test_more_than_six_decimal_places_are_refused() -> None:
    with pytest.raises(ValueError, match="6 decimal places"):
        to_micros(Decimal("0.0000001"))


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_amounts_are_refused(amount: str) -> None:
    with pytest.raises(ValueError, match="finite"):
        to_micros(amount)


def test_text_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="not a number"):
        to_micros("ten dollars")


def test_negative_amounts_convert_exactly() -> None:
    assert to_micros(Decimal("-2.5")) == -2_500_000


def test_from_micros_always_has_six_places() -> None:
    assert str(from_micros(300_000)) == "0.300000"


def test_optional_helpers_pass_none_through() -> None:
    assert optional_micros(None) is None
    assert optional_decimal(None) is None
    assert optional_decimal(optional_micros(Decimal("7.25"))) == Decimal("7.25")


@pytest.mark.parametrize(
    ("code", "known"),
    [("USD", True), ("EUR", True), ("XYZ", False), ("usd", False), ("EURO", False)],
)
def test_currency_codes_are_iso_4217(code: str, known: bool) -> None:
    assert is_currency(code) is known
