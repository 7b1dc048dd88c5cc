"""Rules the architecture depends on (ARCHITECTURE.md sections 2 and 5), checked on the source.

- Dialects are adapters: they never touch the ORM models, repositories or SQLAlchemy, and
  receive the request's session (``adplane.kit.db.Session``) only to pass it to services.
- Nothing imports a dialect except the app factory that mounts them.
- Relational queries live in ``repository.py`` modules. Migrations, the ORM declarations and
  the engine set-up in ``kit/db.py`` are the honest exceptions; the analytics SQL of
  ``events``/``reports`` is text sent to DuckDB or ClickHouse, not SQLAlchemy, and the checks
  below (SQLAlchemy statement builders, calls on a ``session``) leave it alone.
- Services only flush: the request (or a command's unit of work) commits.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import adplane

SRC = Path(adplane.__file__).parent
# SQLAlchemy's statement builders: a module using one is writing a query.
SQL_BUILDERS = {
    "select",
    "insert",
    "update",
    "delete",
    "text",
    "union",
    "union_all",
    "exists",
    "func",
    "and_",
    "or_",
    "not_",
}
SESSION_QUERIES = {
    "execute",
    "scalars",
    "scalar",
    "stream",
    "get",
    "add",
    "add_all",
    "delete",
    "merge",
}


@dataclass(frozen=True)
class Module:
    path: Path
    tree: ast.Module

    @property
    def name(self) -> str:
        parts = self.path.relative_to(SRC.parent).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    @property
    def relative(self) -> str:
        return self.path.relative_to(SRC).as_posix()

    def imports(self) -> list[tuple[str, list[str]]]:
        """(module, names) for every import; ``import x.y`` gives ("x.y", [])."""
        found: list[tuple[str, list[str]]] = []
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                found.extend((alias.name, []) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = self._resolve(node)
                found.append((base, [alias.name for alias in node.names]))
                found.extend((f"{base}.{alias.name}", []) for alias in node.names)
        return found

    def _resolve(self, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        package = self.name.split(".")
        if self.path.name != "__init__.py":
            package = package[:-1]
        base = package[: len(package) - node.level + 1]
        return ".".join([*base, node.module] if node.module else base)

    def session_calls(self) -> list[str]:
        """Query methods called on something named like a session (``session.execute``...)."""
        calls = []
        for node in ast.walk(self.tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SESSION_QUERIES
            ):
                receiver = node.func.value
                name = getattr(receiver, "id", None) or getattr(receiver, "attr", None) or ""
                if "session" in name.lower():
                    calls.append(f"{name}.{node.func.attr}() line {node.lineno}")
        return calls

    def calls_named(self, names: set[str]) -> list[str]:
        return [
            f"{node.func.attr}() line {node.lineno}"
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in names
        ]


def modules() -> list[Module]:
    return [
        Module(path, ast.parse(path.read_text(), filename=str(path)))
        for path in sorted(SRC.rglob("*.py"))
    ]


MODULES = modules()
DIALECTS = [m for m in MODULES if m.name.startswith("adplane.dialects.")]


def test_the_source_tree_is_found() -> None:
    assert any(m.name == "adplane.campaigns.service" for m in MODULES)


@pytest.mark.parametrize("module", DIALECTS, ids=lambda m: m.relative)
def test_a_dialect_touches_no_model_repository_or_sqlalchemy(module: Module) -> None:
    offending = []
    for imported, names in module.imports():
        if (
            imported == "adplane.models"
            or imported.startswith("adplane.models.")
            or imported.split(".")[-1] == "repository"
            or imported.split(".")[0] == "sqlalchemy"
        ):
            offending.append(imported)
        if imported == "adplane.kit.db" and set(names) - {"Session"}:
            offending.append(f"adplane.kit.db: {sorted(set(names) - {'Session'})}")
    assert offending == []


@pytest.mark.parametrize("module", DIALECTS, ids=lambda m: m.relative)
def test_a_dialect_runs_no_query(module: Module) -> None:
    assert module.session_calls() == []


@pytest.mark.parametrize(
    "module",
    [m for m in MODULES if not m.name.startswith("adplane.dialects")],
    ids=lambda m: m.relative,
)
def test_nothing_but_the_app_factory_imports_a_dialect(module: Module) -> None:
    imported = [
        name
        for name, _ in module.imports()
        if name == "adplane.dialects" or name.startswith("adplane.dialects.")
    ]
    if module.name == "adplane.app":
        return
    assert imported == []


def _query_exempt(module: Module) -> bool:
    return (
        module.path.name == "repository.py"
        or module.relative.startswith(("migrations/", "models/"))
        or module.relative == "kit/db.py"
    )


QUERY_CHECKED = [m for m in MODULES if not _query_exempt(m)]


@pytest.mark.parametrize("module", QUERY_CHECKED, ids=lambda m: m.relative)
def test_sql_statements_are_built_only_in_repositories(module: Module) -> None:
    builders = [
        f"{imported}: {sorted(set(names) & SQL_BUILDERS)}"
        for imported, names in module.imports()
        if imported.split(".")[0] == "sqlalchemy" and set(names) & SQL_BUILDERS
    ]
    builders += [name for name, _ in module.imports() if name in {"sqlalchemy", "sqlalchemy.sql"}]
    assert builders == []


@pytest.mark.parametrize("module", QUERY_CHECKED, ids=lambda m: m.relative)
def test_sessions_are_queried_only_in_repositories(module: Module) -> None:
    assert module.session_calls() == []


@pytest.mark.parametrize(
    "module", [m for m in MODULES if m.path.name == "service.py"], ids=lambda m: m.relative
)
def test_services_flush_but_never_commit(module: Module) -> None:
    assert module.calls_named({"commit", "rollback", "begin", "sessionmaker"}) == []


def fake(relative: str, source: str) -> Module:
    return Module(SRC / relative, ast.parse(source))


def test_the_checks_see_a_dialect_reaching_for_the_database() -> None:
    module = fake(
        "dialects/example/router.py",
        "from adplane.models import Campaign\n"
        "from adplane.campaigns.repository import CampaignRepository\n"
        "from adplane.kit.db import create_database\n"
        "async def f(session):\n    await session.execute(None)\n",
    )
    with pytest.raises(AssertionError):
        test_a_dialect_touches_no_model_repository_or_sqlalchemy(module)
    with pytest.raises(AssertionError):
        test_a_dialect_runs_no_query(module)


def test_the_checks_see_a_query_outside_a_repository() -> None:
    module = fake("campaigns/service.py", "from sqlalchemy import select\n")
    with pytest.raises(AssertionError):
        test_sql_statements_are_built_only_in_repositories(module)


def test_the_checks_see_a_core_module_importing_a_dialect() -> None:
    module = fake("campaigns/service.py", "from ..dialects.keitaro import mapping\n")
    with pytest.raises(AssertionError):
        test_nothing_but_the_app_factory_imports_a_dialect(module)


def test_the_checks_see_a_service_committing() -> None:
    module = fake("campaigns/service.py", "async def f(session):\n    await session.commit()\n")
    with pytest.raises(AssertionError):
        test_services_flush_but_never_commit(module)
