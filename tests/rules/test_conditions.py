"""Condition evaluation: each operator, exact decimals, and how and/or combine."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adplane.rules.conditions import Condition, groups, matches, metrics_of


def c(metric: str, operator: str, value: str, join: str | None = None) -> Condition:
    return Condition(metric, operator, Decimal(value), join)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("operator", "actual", "expected"),
    [
        (">", 11, True),
        (">", 10, False),
        ("<", 9, True),
        ("<", 10, False),
        ("=", 10, True),
        ("=", 11, False),
    ],
)
def test_each_operator_compares_against_the_value(
    operator: str, actual: int, expected: bool
) -> None:
    assert matches([c("clicks", operator, "10")], {"clicks": actual}) is expected


def test_decimals_compare_exactly_without_rounding() -> None:
    rule = [c("ctr", "=", "1.5")]
    assert matches(rule, {"ctr": Decimal("1.500000")})
    assert not matches(rule, {"ctr": Decimal("1.500001")})
    assert matches([c("ctr", "<", "0.000002")], {"ctr": Decimal("0.000001")})
    assert not matches([c("ctr", ">", "0.1")], {"ctr": Decimal("0.100000")})
    assert matches([c("spend", ">", "0.1")], {"spend": Decimal("0.100001")})


def test_and_requires_every_condition() -> None:
    rule = [c("clicks", ">", "5"), c("ctr", "<", "1", "and")]
    assert matches(rule, {"clicks": 6, "ctr": Decimal("0.5")})
    assert not matches(rule, {"clicks": 6, "ctr": Decimal("2")})
    assert not matches(rule, {"clicks": 5, "ctr": Decimal("0.5")})


def test_or_requires_any_condition() -> None:
    rule = [c("clicks", ">", "5"), c("impressions", ">", "100", "or")]
    assert matches(rule, {"clicks": 6, "impressions": 0})
    assert matches(rule, {"clicks": 0, "impressions": 101})
    assert not matches(rule, {"clicks": 5, "impressions": 100})


def test_and_binds_tighter_than_or() -> None:
    # a and b or c == (a and b) or c, not a and (b or c)
    rule = [c("clicks", ">", "5"), c("wins", ">", "5", "and"), c("bids", ">", "5", "or")]
    assert groups(rule) == [rule[:2], rule[2:]]
    assert matches(rule, {"clicks": 0, "wins": 0, "bids": 6})
    assert matches(rule, {"clicks": 6, "wins": 6, "bids": 0})
    assert not matches(rule, {"clicks": 6, "wins": 0, "bids": 0})


def test_no_conditions_never_match() -> None:
    assert not matches([], {"clicks": 1})


def test_metrics_are_listed_once_in_order() -> None:
    rule = [c("ctr", "<", "1"), c("clicks", ">", "1", "and"), c("ctr", ">", "0", "or")]
    assert metrics_of(rule) == ("ctr", "clicks")
