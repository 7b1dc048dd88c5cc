"""Public serving of stored media at ``/media/<key>/<path>``, outside the authenticated API.

Ad markup, VAST documents and browsers fetch these URLs without credentials, so the key (128
random bits) is the only thing that names an asset. No database is read: the store answers.
Paths are resolved inside the asset's own directory only (``storage._inside``), so no
``..``, absolute path or symbolic link reaches another file. A bundle's HTML is served with
a sandboxing Content-Security-Policy: it runs as an opaque origin, never as adplane's.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse, Response, StreamingResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from adplane.media import storage as media_storage
from adplane.media.probe import CHUNK, content_type

router = APIRouter()

# Stored files never change under their key: caches may keep them for good.
_CACHE = "public, max-age=31536000, immutable"
_SANDBOX = "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-forms"


def _headers(media_type: str) -> dict[str, str]:
    headers = {"Cache-Control": _CACHE, "X-Content-Type-Options": "nosniff"}
    if media_type.startswith(("text/html", "image/svg+xml")):
        headers["Content-Security-Policy"] = _SANDBOX
    return headers


def _chunks(store: media_storage.Storage, key: str, path: str) -> Iterator[bytes]:
    with store.open(key, path) as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


@router.api_route(
    media_storage.PUBLIC_PREFIX + "/{key}/{path:path}",
    methods=["GET", "HEAD"],
    include_in_schema=False,
)
async def serve(key: str, path: str) -> Response:
    store = media_storage.current()
    media_type = content_type(path)
    local = await run_in_threadpool(store.local_path, key, path)
    if local is not None:
        return FileResponse(local, media_type=media_type, headers=_headers(media_type))
    try:
        # Stores without local files: the first read tells whether the file exists.
        handle = await run_in_threadpool(store.open, key, path)
    except (FileNotFoundError, ValueError):
        return PlainTextResponse("not found", status_code=404)
    handle.close()
    return StreamingResponse(
        iterate_in_threadpool(_chunks(store, key, path)),
        media_type=media_type,
        headers=_headers(media_type),
    )
