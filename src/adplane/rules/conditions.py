"""How a rule's conditions are read: pure functions, no I/O.

Conditions are an ordered list; each after the first is joined to the one before by ``and``
or ``or``. ``and`` binds tighter than ``or``, as in SQL and most languages: ``a and b or c``
is ``(a and b) or c``. So the list splits at each ``or`` into groups, and a source matches
when every condition of at least one group holds.

Values are compared exactly: the report engine computes every metric as an integer or a
six-place ``Decimal`` from sums, and ``Decimal`` compares with both without rounding, so
``ctr = 1.5`` holds for a CTR of exactly 1.500000 and for nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Operator = Literal[">", "<", "="]
Join = Literal["and", "or"]
MetricValue = int | Decimal


@dataclass(frozen=True)
class Condition:
    metric: str
    operator: Operator
    value: Decimal
    join: Join | None = None

    def holds(self, values: Mapping[str, MetricValue]) -> bool:
        actual = values[self.metric]
        if self.operator == ">":
            return actual > self.value
        if self.operator == "<":
            return actual < self.value
        return actual == self.value


def groups(conditions: Sequence[Condition]) -> list[list[Condition]]:
    """The ``and`` groups the ``or`` joins separate (the first condition's join is ignored)."""
    out: list[list[Condition]] = []
    for index, condition in enumerate(conditions):
        if index == 0 or condition.join == "or":
            out.append([condition])
        else:
            out[-1].append(condition)
    return out


def matches(conditions: Sequence[Condition], values: Mapping[str, MetricValue]) -> bool:
    """Whether ``values`` (metric -> value) meet the conditions; no condition never matches."""
    return any(all(c.holds(values) for c in group) for group in groups(conditions))


def metrics_of(conditions: Sequence[Condition]) -> tuple[str, ...]:
    """The metrics the conditions read, each once, in order of appearance."""
    return tuple(dict.fromkeys(c.metric for c in conditions))
