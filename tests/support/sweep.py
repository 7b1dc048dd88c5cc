"""Every operation of every API surface, read from the surfaces' own OpenAPI documents.

The sweeps (tenancy, malformed input) are built from this at collection time, so a new surface
or a new route joins them without anyone listing it. ``example`` builds a small request body
from an operation's schema: the required fields with plain values, which is what a sweep needs
to get past validation to the rule it checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from adplane.app import create_app
from adplane.settings import Settings
from tests.support.surfaces import surfaces

METHODS = ("get", "post", "put", "patch", "delete")
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class Operation:
    """One method on one path of one surface (``mount`` + ``path`` is the URL template)."""

    mount: str
    method: str
    path: str
    document: dict[str, Any] = field(repr=False, compare=False, hash=False)
    spec: dict[str, Any] = field(repr=False, compare=False, hash=False)

    @property
    def id(self) -> str:
        return f"{self.method} {self.mount}{self.path}"

    @property
    def url(self) -> str:
        return self.mount + self.path

    def parameters(self, where: str) -> list[dict[str, Any]]:
        return [p for p in self.spec.get("parameters", []) if p.get("in") == where]

    def body_schema(self) -> dict[str, Any] | None:
        content = self.spec.get("requestBody", {}).get("content", {})
        for media, entry in content.items():
            if "json" in media:
                return self.resolve(entry.get("schema", {}))
        return None

    @property
    def body_required(self) -> bool:
        return bool(self.spec.get("requestBody", {}).get("required"))

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """A schema with its top-level ``$ref`` (and a lone ``allOf``) followed."""
        seen = 0
        while seen < 20:
            seen += 1
            if "$ref" in schema:
                name = schema["$ref"].rsplit("/", 1)[-1]
                schema = self.document.get("components", {}).get("schemas", {})[name]
            elif len(schema.get("allOf", [])) == 1:
                schema = schema["allOf"][0]
            else:
                return schema
        return schema

    def properties(self) -> dict[str, dict[str, Any]]:
        schema = self.body_schema() or {}
        return {k: self.resolve(v) for k, v in schema.get("properties", {}).items()}

    def example(self, overrides: dict[str, Any] | None = None) -> Any:
        """A small body: every required field with a plain value, then ``overrides``."""
        schema = self.body_schema()
        if schema is None:
            return None
        body = example(self, schema)
        if body == {} and not overrides:
            # An update with nothing in it is refused before anything is looked up; send the
            # name (or the first plain field) so the request reaches the rule under test.
            props = self.properties()
            plain = [n for n, s in props.items() if _choices(self, s)[0].get("type") == "string"]
            chosen = "name" if "name" in props else next(iter(plain), None)
            if chosen is not None:
                body[chosen] = example(self, props[chosen])
        if isinstance(body, dict) and overrides:
            body.update(overrides)
        return body


# The collection a path parameter follows -> the resource it names; None: platform-wide, the
# same for every account (inventory, catalogues of the platform, targeting vocabularies).
RESOURCES: dict[str, str | None] = {
    "accounts": "account",
    "api-keys": "key",
    "campaigns": "campaign",
    "filterlists": "filterlist",
    "filterlist": "filterlist",
    "rules": "rule",
    "creatives": "creative",
    "optimization-rule": "rule",
    "segments": "segment",
    "users": "user",
    "spot-prices": "spot",
    "spot": "spot",
    "restrictions": None,
    "formats": None,
    "sites": None,
    "spots": None,
    "targeting": None,
    "media": "media",
}
# Surfaces that serve one kind of resource name it by a bare id (Instal's ``/{id}``).
SURFACE_RESOURCE = {
    "/instal": "campaign",
    "/trafficstars": "campaign",
    "/topsort": "campaign",
    "/smartyads": "campaign",
}
# Resources another account may not see (a spot is platform-wide; its price is the campaign's).
TENANT = frozenset(
    {"account", "key", "campaign", "creative", "segment", "user", "filterlist", "media", "rule"}
)
# List filters and top-level body fields that name an account-owned resource.
NAMED_FIELDS = {"account_id": "account", "user_id": "user", "campaign_id": "campaign"}
ID_LISTS = {"ids": "campaign"}


def auth(mount: str, key: str) -> dict[str, str]:
    scheme = "Token" if mount == "/instal" else "Bearer"
    return {"Authorization": f"{scheme} {key}"}


def path_resource(op: Operation, param: dict[str, Any]) -> str | None:
    """The resource a path parameter names, None for a platform-wide one, "" for a word."""
    schema = op.resolve(param.get("schema", {}))
    if schema.get("enum") or any(s.get("enum") for s in schema.get("anyOf", [])):
        return ""  # an action or a dimension: a word of the API, not a resource
    segments = op.path.split("/")
    before = segments[segments.index("{" + param["name"] + "}") - 1]
    if param["name"].endswith("spot_id"):
        return "spot"
    if before in RESOURCES:
        return RESOURCES[before]
    if op.mount in SURFACE_RESOURCE and param["name"] in {"id", "campaign_id"}:
        return SURFACE_RESOURCE[op.mount]
    if schema.get("type") == "string" and "format" not in schema:
        return ""  # a free word (a catalogue's dimension)
    raise LookupError(f"{op.id}: cannot tell what {{{param['name']}}} names; add it to RESOURCES")


def url_for(op: Operation, ids: dict[str, Any], **words: Any) -> str:
    """The operation's URL with each path parameter filled: resources from ``ids`` (a
    campaign named by UUID from ``ids["campaign_uuid"]``), words from ``words`` or the schema."""
    url = op.url
    for param in op.parameters("path"):
        resource = path_resource(op, param)
        schema = op.resolve(param.get("schema", {}))
        if param["name"] in words:
            value = words[param["name"]]
        elif resource == "campaign" and schema.get("format") == "uuid":
            value = ids["campaign_uuid"]
        elif resource:
            value = ids[resource]
        else:
            value = example(op, schema)
        url = url.replace("{" + param["name"] + "}", str(value))
    return url


def _choices(op: Operation, schema: dict[str, Any]) -> list[dict[str, Any]]:
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [op.resolve(s) for s in schema[key]]
            return [s for s in options if s.get("type") != "null"] or options
    return [schema]


def example(op: Operation, schema: dict[str, Any], depth: int = 0) -> Any:
    """A plain value that fits ``schema`` as far as a small generator can tell."""
    schema = _choices(op, op.resolve(schema))[0]
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 4:
            return {}
        props = schema.get("properties", {})
        return {
            name: example(op, props[name], depth + 1)
            for name in schema.get("required", [])
            if name in props
        }
    if kind == "array":
        least = int(schema.get("minItems", 0))
        item = schema.get("items", {})
        return [example(op, item, depth + 1) for _ in range(least)]
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "number":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "boolean":
        return False
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date-time":
            return "2030-01-01T00:00:00Z"
        if fmt == "date":
            return "2030-01-01"
        if fmt == "uuid":
            return "00000000-0000-4000-8000-000000000000"
        if fmt == "email":
            return "someone@example.test"
        return "x" * max(1, int(schema.get("minLength", 1)))
    return None


@cache
def operations() -> tuple[Operation, ...]:
    """Every documented operation of every mounted surface, in document order."""
    settings = Settings(
        env="test",
        secret_key="collection-only-secret-key-0123456789",
        database_url="sqlite+aiosqlite:///:memory:",
    )
    found: list[Operation] = []
    for surface in surfaces(create_app(settings)):
        document = surface.document
        for path, item in document.get("paths", {}).items():
            for method in METHODS:
                if method in item:
                    found.append(
                        Operation(surface.prefix, method.upper(), path, document, item[method])
                    )
    return tuple(found)
