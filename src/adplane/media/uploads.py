"""Reading the files of an upload request, however the client sent them.

Three shapes reach adplane's upload routes, and every surface gets all of them from here:

- ``multipart/form-data`` with file parts (what browsers and ``curl -F`` send);
- a multipart body under another content type: clients that set ``Content-Type:
  application/json`` on every request (one vendor document shows its uploads that way) send
  the multipart body with its boundary lost from the header; the boundary is read from the
  body's first line instead;
- the raw file as the body (any content type, JSON included), named by a ``filename`` query
  parameter or a ``Content-Disposition`` header.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, AsyncIterator, Collection
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import BinaryIO

from starlette.datastructures import FormData, Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from adplane.kit.errors import BadRequest
from adplane.kit.routing import is_declared_multipart, parsed_form

# RFC 2046: a boundary is 1 to 70 of these characters (the last not a space).
_BOUNDARY = re.compile(rb"^--([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])\r?\n")
_DISPOSITION_NAME = re.compile(r"""filename\*?=(?:UTF-8'')?"?([^";]+)"?""", re.IGNORECASE)
MAX_FILES = 20


@dataclass(frozen=True)
class ReceivedFile:
    """One file of the request: the form field it came in (None for a raw body)."""

    field: str | None
    filename: str | None
    content: bytes | BinaryIO


def _multipart_boundary(body: bytes) -> bytes | None:
    """The boundary of a multipart body sent under another content type, from its first line."""
    found = _BOUNDARY.match(body[:80])
    return found.group(1) if found else None


async def _replay(body: bytes) -> AsyncGenerator[bytes, None]:
    yield body


async def _parse(headers: Headers, body: bytes) -> FormData:
    parser = MultiPartParser(headers, _replay(body), max_files=MAX_FILES, max_fields=MAX_FILES)
    try:
        return await parser.parse()
    except MultiPartException as exc:
        raise BadRequest(f"the multipart body cannot be read: {exc.message}") from exc


def _disposition_filename(request: Request) -> str | None:
    found = _DISPOSITION_NAME.search(request.headers.get("content-disposition", ""))
    return found.group(1).strip() if found else None


@asynccontextmanager
async def receive(
    request: Request, *, fields: Collection[str] | None = None, filename: str | None = None
) -> AsyncIterator[list[ReceivedFile]]:
    """The request's files, in order; ``fields`` keeps only file parts of those names.

    A raw body is one file named ``filename`` (or by ``Content-Disposition``). Files spooled
    to disk by the multipart parser are closed when the block ends.
    """
    content_type = request.headers.get("content-type", "")
    if is_declared_multipart(content_type):
        # Parsed (streamed, files spooled to disk) when the route checked it for NUL.
        form = await parsed_form(request)
        if sum(isinstance(v, UploadFile) for _, v in form.multi_items()) > MAX_FILES:
            raise BadRequest(
                "the multipart body cannot be read: "
                f"Too many files. Maximum number of files is {MAX_FILES}."
            )
    else:
        body = await request.body()
        boundary = _multipart_boundary(body)
        if boundary is None:
            name = filename or _disposition_filename(request)
            yield [ReceivedFile(None, name, body)] if body else []
            return
        headers = Headers({"content-type": f"multipart/form-data; boundary={boundary.decode()}"})
        form = await _parse(headers, body)
    for _, value in form.multi_items():
        if isinstance(value, UploadFile):
            await value.seek(0)
    try:
        yield [
            ReceivedFile(name, value.filename, value.file)
            for name, value in form.multi_items()
            if isinstance(value, UploadFile) and (fields is None or name in fields)
        ]
    finally:
        await form.close()
