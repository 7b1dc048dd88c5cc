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
import importlib
import inspect
import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from starlette.routing import Mount

import adplane
from adplane.app import create_app
from adplane.kit.routing import ExactJSONRoute
from adplane.settings import Settings

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


# --- issue 8 guard rails --------------------------------------------------------------------

# Packages that are not domains: shared blocks, the ORM, migrations and the adapters.
NOT_DOMAINS = {"kit", "models", "migrations", "dialects"}


def domain_of(name: str) -> str | None:
    """``adplane.<domain>.<module>`` -> the domain; None for top-level modules and non-domains."""
    parts = name.split(".")
    if len(parts) < 3 or parts[1] in NOT_DOMAINS:
        return None
    return parts[1]


DOMAIN_MODULES = [m for m in MODULES if domain_of(m.name) is not None]

# Temporary, explicit and shrinking: code that breaks a rule below and is being changed under
# issue 8 ("Canonical core and dialect contract"). Remove an entry with the fix; add none.
KNOWN_ORM_SIGNATURES: set[str] = set()
KNOWN_VENDOR_NAMES: set[str] = set()


@pytest.mark.parametrize("module", DOMAIN_MODULES, ids=lambda m: m.relative)
def test_a_domain_never_imports_another_domains_repository(module: Module) -> None:
    own = domain_of(module.name)
    foreign = sorted(
        {
            imported
            for imported, _ in module.imports()
            if imported.startswith("adplane.")
            and imported.split(".")[-1] == "repository"
            and imported.split(".")[1] not in {own, *NOT_DOMAINS}
        }
    )
    assert foreign == [], f"call the other domain's service instead of {foreign}"


def _orm_types(annotation: Any) -> set[str]:
    from adplane.models import Base

    found: set[str] = set()
    if isinstance(annotation, type) and issubclass(annotation, Base):
        found.add(annotation.__name__)
    for inner in typing.get_args(annotation):
        found |= _orm_types(inner)
    return found


SERVICE_MODULES = [m for m in MODULES if m.path.name == "service.py"]


def orm_in_signatures(module_name: str) -> list[str]:
    """Public functions of a service module whose parameters or result name an ORM model."""
    module = importlib.import_module(module_name)
    offending = []
    for name, function in vars(module).items():
        if name.startswith("_") or not inspect.isfunction(function):
            continue
        if function.__module__ != module_name:
            continue
        hints = typing.get_type_hints(function)
        types = set().union(*(_orm_types(hint) for hint in hints.values())) if hints else set()
        if types:
            offending.append(f"{name}: {', '.join(sorted(types))}")
    return offending


@pytest.mark.parametrize("module", SERVICE_MODULES, ids=lambda m: m.relative)
def test_a_service_signature_exposes_no_orm_type(module: Module) -> None:
    if module.relative in KNOWN_ORM_SIGNATURES:
        return
    assert orm_in_signatures(module.name) == [], "return a schema, take a plain query object"


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        inner = getattr(route, "original_router", None)  # an included router
        if inner is not None:
            found.extend(_api_routes(list(inner.routes)))
    return found


def surface_routes() -> list[tuple[str, APIRoute]]:
    settings = Settings(
        env="test",
        secret_key="architecture-test-secret-key-0123456789",
        database_url="sqlite+aiosqlite:///:memory:",
    )
    app = create_app(settings)
    found = []
    for mount in app.routes:
        if isinstance(mount, Mount) and isinstance(mount.app, FastAPI):
            found.extend((mount.path, r) for r in _api_routes(list(mount.app.router.routes)))
    return found


SURFACE_ROUTES = surface_routes()


def test_the_surfaces_are_found() -> None:
    assert {mount for mount, _ in SURFACE_ROUTES} >= {"/api/v1", "/trafficstars", "/topsort"}


@pytest.mark.parametrize(
    ("mount", "route"),
    SURFACE_ROUTES,
    ids=[f"{mount}{route.path} {sorted(route.methods or ())}" for mount, route in SURFACE_ROUTES],
)
def test_every_route_of_every_surface_is_exact(mount: str, route: APIRoute) -> None:
    # Exact decimals (money keeps six places) and the NUL refusal live in ExactJSONRoute.
    assert isinstance(route, ExactJSONRoute), f"{mount}{route.path} is a {type(route).__name__}"


VENDORS = re.compile(r"trafficstars|smartyads|keitaro|topsort|(?<![a-z])instal(?!l)", re.I)


def _core(module: Module) -> bool:
    return not module.relative.startswith(("dialects/", "migrations/")) and module.relative != (
        "app.py"
    )


@pytest.mark.parametrize("module", [m for m in MODULES if _core(m)], ids=lambda m: m.relative)
def test_a_core_module_never_names_a_vendor(module: Module) -> None:
    if module.relative in KNOWN_VENDOR_NAMES:
        return
    assert vendor_lines(module.path.read_text()) == [], "vendor words belong in a dialect"


def vendor_lines(source: str) -> list[str]:
    lines = source.splitlines()
    return [f"line {n}: {line.strip()}" for n, line in enumerate(lines, 1) if VENDORS.search(line)]


def test_the_guard_rails_see_their_violations() -> None:
    with pytest.raises(AssertionError):
        test_a_domain_never_imports_another_domains_repository(
            fake("reports/service.py", "from adplane.inventory.repository import X\n")
        )
    assert vendor_lines("# Keitaro streams\nx = 'installed'\n") == ["line 1: # Keitaro streams"]
    plain = APIRouter()

    @plain.get("/x")
    async def x() -> None: ...

    with pytest.raises(AssertionError):
        test_every_route_of_every_surface_is_exact("/t", plain.routes[0])  # type: ignore[arg-type]
    assert _orm_types(list[Any] | None) == set()


def test_every_allowed_violation_is_still_one() -> None:
    # An entry whose module was fixed must go, or the list only ever grows.
    by_relative = {m.relative: m for m in MODULES}
    for relative in KNOWN_ORM_SIGNATURES:
        assert orm_in_signatures(by_relative[relative].name), f"{relative} is fixed: remove it"
    for relative in KNOWN_VENDOR_NAMES:
        source = by_relative[relative].path.read_text()
        assert vendor_lines(source), f"{relative} is fixed: remove it"
