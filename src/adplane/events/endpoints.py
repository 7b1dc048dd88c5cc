"""Native event ingestion: ``POST /api/v1/events``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from adplane.accounts.auth import CurrentPrincipal
from adplane.events import schema, service
from adplane.events.runtime import EventRuntime, LogUnavailable
from adplane.kit.db import Session
from adplane.kit.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/events", tags=["events"])


class IngestResult(BaseModel):
    """``accepted`` events were taken; ``duplicates`` of them had been seen before (same
    account, same ``event_id``)."""

    accepted: int
    duplicates: int


def runtime_of(request: Request) -> EventRuntime:
    """The running data plane, started by the app's lifespan."""
    runtime: EventRuntime | None = getattr(request.app.state, "events", None)
    if runtime is None:
        raise LogUnavailable("the event log is not running in this process")
    return runtime


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
        return {key: _inline(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(value, definitions) for value in node]
    return node


def _body_schema() -> dict[str, Any]:
    # The body is documented here because it is validated from raw bytes, not by FastAPI;
    # references are inlined since they would point outside the OpenAPI components.
    document = schema.BATCH.json_schema()
    definitions = document.pop("$defs", {})
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _inline(document, definitions)}},
        }
    }


@router.post(
    "",
    status_code=202,
    responses=PROBLEM_RESPONSES,
    openapi_extra=_body_schema(),
)
async def ingest(request: Request, principal: CurrentPrincipal, session: Session) -> IngestResult:
    """Append up to 10,000 events to the durable log; answered once they are on it.

    One invalid event rejects the whole batch and the error names it. An ``event_id`` is
    unique per account (the campaign's), never across accounts: events whose id was seen
    before in the same account are accepted and counted in ``duplicates``, never twice in
    reports. Admins may post for any campaign, advertisers for their own.
    """
    # The body is validated straight from its bytes by pydantic-core, skipping json.loads.
    result = await service.ingest(session, principal, runtime_of(request), await request.body())
    return IngestResult(accepted=result.accepted, duplicates=result.duplicates)
