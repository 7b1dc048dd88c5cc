"""The first path segments the app answers itself, for what must never shadow them.

The app registers each mount here as it mounts it, so a core rule (a campaign alias that
would be unreachable) knows every mount without naming a dialect.
"""

from __future__ import annotations

_mounted: set[str] = set()


def register_mount(prefix: str) -> None:
    """Note that ``prefix`` (``/rtb``) is one of the app's own mounts."""
    first = prefix.strip("/").split("/", 1)[0].casefold()
    if first:
        _mounted.add(first)


def mounted() -> frozenset[str]:
    return frozenset(_mounted)
