"""Media use cases: upload (check, store, record), read, list, delete; tenancy on every one.

An upload is staged, probed and moved into the store off the event loop, and only then
recorded. Files and rows stay in step whatever fails:

- a refused file never leaves the staging directory, which is removed;
- when the row cannot be inserted, the stored files are removed at once;
- when the request's transaction is rolled back later (another error, a failed commit), the
  stored files of the uploads it recorded are removed then;
- a deleted asset's files go only once the deletion is committed, so a rolled-back delete
  keeps them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import partial
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.concurrency import run_in_threadpool

from adplane.accounts.principal import Principal
from adplane.kit.errors import AppError, Conflict, NotFound, ValidationFailed
from adplane.kit.pagination import PageParams
from adplane.media import probe
from adplane.media import storage as media_storage
from adplane.media.repository import MediaFilter, MediaRepository
from adplane.media.schemas import MediaAsset, MediaKind
from adplane.media.storage import Storage
from adplane.models import MediaAsset as MediaRow
from adplane.settings import Settings

__all__ = [
    "MediaAsset",
    "MediaKind",
    "TooLarge",
    "delete",
    "get",
    "get_many",
    "list_media",
    "upload",
]

UPLOAD_NAME = "upload.bin"
ASSET_DIR = "asset"
MAX_FILENAME = 255
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class TooLarge(AppError):
    status_code = 413
    title = "Payload too large"


def _view(row: MediaRow, storage: Storage) -> MediaAsset:
    return MediaAsset(
        id=row.id,
        account_id=row.account_id,
        user_id=row.user_id,
        kind=MediaKind(row.kind),
        filename=row.filename,
        path=row.path,
        mime_type=row.mime_type,
        size_bytes=row.size_bytes,
        width=row.width,
        height=row.height,
        duration_ms=row.duration_ms,
        bitrate=row.bitrate,
        file_count=row.file_count,
        unpacked_bytes=row.unpacked_bytes,
        url=storage.url(row.key, row.path),
        created_at=row.created_at,
    )


# reads


async def _load(session: AsyncSession, principal: Principal, media_id: int) -> MediaRow:
    row = await MediaRepository.from_session(session).get(media_id)
    if row is None or not principal.can_access(row.account_id):
        # Another account's asset is indistinguishable from a missing one.
        raise NotFound(f"media {media_id} not found")
    return row


async def get(
    session: AsyncSession, principal: Principal, media_id: int, *, storage: Storage | None = None
) -> MediaAsset:
    """One asset the principal may see (``NotFound`` for another account's)."""
    row = await _load(session, principal, media_id)
    return _view(row, storage or media_storage.current())


async def get_many(
    session: AsyncSession,
    principal: Principal,
    media_ids: Collection[int],
    *,
    storage: Storage | None = None,
) -> dict[int, MediaAsset]:
    """The assets among ``media_ids`` that exist and the principal may see, by id."""
    if not media_ids:
        return {}
    repo = MediaRepository.from_session(session)
    rows = await repo.list(
        clauses=[repo.column("id").in_(list(set(media_ids)))], account_id=principal.scope()
    )
    store = storage or media_storage.current()
    return {row.id: _view(row, store) for row in rows if principal.can_access(row.account_id)}


async def list_media(
    session: AsyncSession,
    principal: Principal,
    filters: MediaFilter,
    page: PageParams,
    *,
    storage: Storage | None = None,
) -> tuple[list[MediaAsset], int]:
    """The principal's assets (an admin's: everyone's, or one account's), by id."""
    scope = principal.scope()
    if filters.account_id is not None and scope not in (None, filters.account_id):
        return [], 0  # another account's list is as empty as a missing account's
    rows, total = await MediaRepository.from_session(session).paginate(
        page, {"kind": filters.kind, "account_id": filters.account_id}, account_id=scope
    )
    store = storage or media_storage.current()
    return [_view(row, store) for row in rows], total


# upload


def safe_filename(name: str | None) -> str:
    """The client's file name without folders or control characters (kept for display)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    return base[:MAX_FILENAME]


def _stored_name(filename: str, extension: str) -> str:
    """The stored file's name: ASCII, and the extension of what the file really is."""
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", ascii_stem).strip(".-")[:100] or "file"
    return f"{cleaned}.{extension}"


def _stage(
    content: bytes | BinaryIO,
    filename: str,
    expected: probe.Kind | None,
    store: Storage,
    key: str,
    lim: probe.Limits,
) -> tuple[probe.Probed, int, str]:
    """Blocking: copy, probe, lay out and store the asset; (probe, size, stored path)."""
    with store.staging() as staging:
        upload = staging / UPLOAD_NAME
        ceiling = max(lim.max_bytes, lim.max_html_bytes)
        if isinstance(content, bytes):
            if len(content) > ceiling:
                raise probe.Refused(f"a file may have at most {ceiling} bytes", too_large=True)
            upload.write_bytes(content)
            size = len(content)
        else:
            size = probe.copy_into(content, upload, ceiling)
        asset = staging / ASSET_DIR
        asset.mkdir()
        found = probe.probe(upload, expected=expected, limits=lim, unpack_to=asset)
        if found.kind == "html":
            assert found.entry is not None
            path = found.entry
        else:
            path = _stored_name(filename, found.extension)
            upload.rename(asset / path)
        store.put(key, asset)
    return found, size, path


def _discard(store: Storage, keys: list[str]) -> None:
    for key in keys:
        store.delete(key)


async def upload(
    session: AsyncSession,
    principal: Principal,
    *,
    content: bytes | BinaryIO,
    filename: str | None,
    kind: MediaKind | None = None,
    account_id: int | None = None,
    storage: Storage | None = None,
    settings: Settings | None = None,
) -> MediaAsset:
    """Check, store and record one file; ``kind`` (when given) is what the file must be.

    A file that is not an image, a video or an HTML5 bundle, or not the ``kind`` asked for,
    or damaged, is a 422 naming ``file``; one over the size limits is a 413.
    """
    owner = principal.account_for_write(account_id)
    store = storage or media_storage.current()
    lim = media_storage.limits_from(settings) if settings else media_storage.current_limits()
    name = safe_filename(filename)
    key = media_storage.new_key()
    expected: probe.Kind | None = None if kind is None else kind.value
    try:
        found, size, path = await run_in_threadpool(
            _stage, content, name, expected, store, key, lim
        )
    except probe.Refused as exc:
        if exc.too_large:
            raise TooLarge(exc.message) from exc
        raise ValidationFailed.field("file", exc.message) from exc
    row = MediaRow(
        account_id=owner,
        user_id=principal.user_id,
        kind=found.kind,
        key=key,
        filename=name or Path(path).name,
        path=path,
        mime_type=found.mime_type,
        size_bytes=size,
        width=found.width,
        height=found.height,
        duration_ms=found.duration_ms,
        bitrate=found.bitrate,
        file_count=len(found.files) if found.kind == "html" else None,
        unpacked_bytes=found.unpacked_bytes,
    )
    try:
        async with session.begin_nested():
            await MediaRepository.from_session(session).create(row)
    except IntegrityError as exc:
        await run_in_threadpool(_discard, store, [key])
        raise NotFound(f"account {owner} not found") from exc
    except BaseException:
        await run_in_threadpool(_discard, store, [key])
        raise
    # Stored before the row: if the request's transaction is rolled back, the files go too.
    MediaRepository.from_session(session).on_outcome(rolled_back=partial(store.delete, key))
    return _view(row, store)


# delete


async def delete(
    session: AsyncSession, principal: Principal, media_id: int, *, storage: Storage | None = None
) -> None:
    """Delete an asset; its files go once the deletion is committed."""
    row = await _load(session, principal, media_id)
    store = storage or media_storage.current()
    key = row.key
    try:
        async with session.begin_nested():
            await MediaRepository.from_session(session).delete(row)
    except IntegrityError as exc:
        raise Conflict(f"media {media_id} is in use and cannot be deleted") from exc
    MediaRepository.from_session(session).on_outcome(committed=partial(store.delete, key))
