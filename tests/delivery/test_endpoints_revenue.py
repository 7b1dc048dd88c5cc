"""The postback's revenue: an exact decimal to micros, or none (``endpoints._revenue``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adplane.delivery import endpoints


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.5", Decimal("12.5")),
        (" 0.000001 ", Decimal("0.000001")),
        ("0.0000015", Decimal("0.000002")),  # to micros, half to even
        ("0.0000025", Decimal("0.000002")),
        ("3.", Decimal(3)),
        (".5", Decimal("0.5")),
        ("0", Decimal(0)),
        ("999999999999.999999", Decimal("999999999999.999999")),
    ],
)
def test_a_postback_amount_is_read_exactly_to_micros(text: str, expected: Decimal) -> None:
    amount = endpoints._revenue(text)
    assert amount == expected
    assert amount is not None
    assert amount.as_tuple().exponent == -6


@pytest.mark.parametrize(
    "text",
    [
        "",
        "NaN",
        "nan",
        "sNaN",
        "Infinity",
        "-inf",
        "-1",
        "-0",
        "+1",
        "1e3",
        "1E-2",
        "1_000",
        "1,5",
        "0x10",
        "1.2.3",
        ".",
        "1000000000000",
        "\uff11\uff12",  # Decimal() reads full-width digits
        "12 5",
        "12\x00",
    ],
)
def test_a_postback_amount_that_is_no_plain_decimal_is_no_revenue(text: str) -> None:
    assert endpoints._revenue(text) is None
