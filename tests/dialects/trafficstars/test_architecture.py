"""The dialect stays an adapter: it parses, calls services and renders (ARCHITECTURE.md 2)."""

from __future__ import annotations

import ast
from pathlib import Path

import adplane.dialects.trafficstars as package

SOURCES = sorted(Path(package.__file__).parent.glob("*.py"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_dialect_never_touches_the_database_directly() -> None:
    assert SOURCES
    for path in SOURCES:
        imports = _imports(path)
        assert not {m for m in imports if m == "adplane.models" or m.startswith("adplane.models.")}
        assert not {m for m in imports if m.startswith("sqlalchemy")}, path.name
        text = path.read_text()
        for forbidden in ("select(", "AsyncSession", "sessionmaker"):
            assert forbidden not in text, (path.name, forbidden)
