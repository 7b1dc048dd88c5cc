"""Reading an error body as its surface's wire format defines it."""

from __future__ import annotations

from typing import Any

import httpx


def wire_body(response: httpx.Response) -> Any:
    """The JSON body without adplane's ``request_id`` member (``adplane.kit.observability``).

    Every error body of every surface carries the request's id on top of the vendor's own
    members; it must match the ``X-Request-Id`` header. The rest is the vendor's shape, which
    the dialect tests compare exactly.
    """
    body = response.json()
    if isinstance(body, dict) and "request_id" in body:
        assert body["request_id"] == response.headers["x-request-id"]
        body = {key: value for key, value in body.items() if key != "request_id"}
    return body
