"""Generated requests against every operation of every surface's OpenAPI document.

Schemathesis reads each mounted surface's ``openapi.json`` from a real server (both backends)
and, for every operation, sends a few requests it generates from the document, as an
advertiser and as an admin. Every answer must be no 5xx and conform to the document: a
documented status code, the documented content type, a body matching the response schema.

The number of examples is bounded and generation is derandomized (the same requests on every
run, no shrinking): the point is a regression net that fits in CI, not a search. A larger run
is one environment variable away: ``ADPLANE_GENERATED_EXAMPLES=100``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from adplane.app import create_app
from adplane.settings import Settings
from tests.conftest import TEST_SECRET
from tests.support.server import LiveServer, LiveUser, new_user
from tests.support.surfaces import surfaces

EXAMPLES = int(os.environ.get("ADPLANE_GENERATED_EXAMPLES", "4"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
PREFIXES = [
    s.prefix
    for s in surfaces(
        create_app(Settings(env="test", secret_key=TEST_SECRET, database_url="sqlite+aiosqlite://"))
    )
]
ROLES = ("advertiser", "admin")


def credential(document: dict[str, Any], key: str) -> dict[str, str]:
    """The ``Authorization`` header the document's security scheme asks for.

    A bearer scheme takes ``Bearer <key>``; an API-key scheme in ``Authorization`` takes the
    scheme's name as the word before the key (Instal's ``Token <key>``).
    """
    schemes: dict[str, Any] = document.get("components", {}).get("securitySchemes", {})
    for name, scheme in schemes.items():
        if scheme["type"] == "apiKey" and scheme.get("name") == "Authorization":
            return {"Authorization": f"{name} {key}"}
    return {"Authorization": f"Bearer {key}"}


@dataclass
class Findings:
    """Failures gathered over every operation, so one run reports all of them."""

    seen: dict[str, str] = field(default_factory=dict)
    requests: int = 0

    def add(self, label: str, error: BaseException) -> None:
        errors = error.exceptions if isinstance(error, BaseExceptionGroup) else (error,)
        for one in errors:
            kind = str(one).strip().splitlines()[0] if str(one).strip() else type(one).__name__
            self.seen.setdefault(f"{label}: {kind}", str(error).strip()[:3000])


def _run_operation(
    operation: Any, base_url: str, headers: dict[str, str], http: requests.Session, out: Findings
) -> None:
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        out.requests += 1
        try:
            response = case.call(base_url=base_url, headers=headers, session=http, timeout=30)
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as error:  # recorded; the test fails at the end
            out.add(operation.label, error)

    run()


def _ensure_admin(server: LiveServer) -> None:
    """Give the server a working admin key again if a generated request revoked it.

    Generated admin requests revoke keys and disable users by id, the server's own admin
    among them; every later test (in this file or another) needs that admin to set up users.
    """
    me = httpx.get(
        f"{server.base_url}/api/v1/me",
        headers={"Authorization": f"Bearer {server.admin_key}"},
        timeout=30,
    )
    if me.status_code != 200:
        server.create_admin(email=f"admin-{uuid.uuid4().hex[:12]}@live.test")


@pytest.fixture
def user(live_server: LiveServer, role: str) -> Iterator[LiveUser]:
    """A user of its own for each surface and role: a generated request may revoke its key."""
    _ensure_admin(live_server)
    yield new_user(live_server, role, deposit="1000" if role == "advertiser" else None)
    _ensure_admin(live_server)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("role", ROLES)
def test_generated_requests_get_documented_answers(
    live_server: LiveServer, user: LiveUser, prefix: str, role: str
) -> None:
    base_url = f"{live_server.base_url}{prefix}"
    document = httpx.get(f"{base_url}/openapi.json", timeout=30).json()
    schema = schemathesis.openapi.from_dict(document)
    headers = credential(document, user.api_key)
    findings = Findings()
    with requests.Session() as http:
        for result in schema.get_all_operations():
            _run_operation(result.ok(), base_url, headers, http, findings)
    assert findings.requests > 0
    report = "\n\n".join(f"{key}\n{detail}" for key, detail in sorted(findings.seen.items()))
    assert not findings.seen, f"{len(findings.seen)} kinds of failure:\n\n{report}"
