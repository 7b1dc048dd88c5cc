"""What a rule collects: the event dimension whose values fill a filter list of each type.

A rule adds "the source" to its target list, and the source is whatever the list holds: a
domain list collects the events' ``domain``, an app or bundle list their ``bundle``, a
publisher list their ``publisher_id``. A list type with no event dimension (IP addresses,
device ids, tags: reports cannot group by them) cannot be a rule's target.
"""

from __future__ import annotations

from typing import Final

from adplane.reports.catalog import DIMENSIONS

# List item type -> the report dimensions that carry its values, preferred first (an SSP is
# the events' ``ssp`` dimension where the events have one, else the exchange they name).
_CANDIDATES: Final[dict[str, tuple[str, ...]]] = {
    "domains": ("domain",),
    "apps": ("bundle",),
    "bundles": ("bundle",),
    "publishers": ("publisher_id",),
    "site_ids": ("site_id",),
    "ssps": ("ssp", "ssp_id", "exchange"),
    "urls": ("page",),
    # No report dimension carries these yet; they join when the events get one.
    "ips": ("ip",),
    "device_ifas": ("device_ifa",),
    "tags": ("tag_id",),
}


def source_dimension(item_type: str) -> str | None:
    """The report dimension a list of ``item_type`` collects, or None when events lack one."""
    for name in _CANDIDATES.get(item_type, ()):
        if name in DIMENSIONS:
            return name
    return None


def collectable_types() -> list[str]:
    """The list types a rule may target, for error messages."""
    return sorted(t for t in _CANDIDATES if source_dimension(t) is not None)
