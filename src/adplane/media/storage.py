"""Where uploaded files live: a seam, so an object store can replace the local directory.

An asset's files sit under its ``key`` (random, unique): one file for an image or a video,
the unpacked tree of an HTML5 bundle. The service stages every file of an upload first
(``staging``), probes them there, and only then hands the whole directory to ``put``; so a
refused upload never reaches the store, and a reader never sees half an asset.

Every method blocks (file IO); callers run them off the event loop.

Which storage serves a request is a context (``use``): the app installs its own per request
(``StorageMiddleware``), so URLs name the host the request came in on unless
``ADPLANE_PUBLIC_URL`` says otherwise, and two apps in one process (the tests) never share
a directory.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import quote

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from adplane.media.probe import Limits
from adplane.settings import Settings, get_settings

# Public URLs live outside the authenticated API: ``<base>/media/<key>/<path>``.
PUBLIC_PREFIX = "/media"
KEY = re.compile(r"^[0-9a-f]{32}$")


def new_key() -> str:
    return uuid.uuid4().hex


class Storage(Protocol):
    """The operations the media service needs from a file store."""

    @contextmanager
    def staging(self) -> Iterator[Path]:
        """A fresh local directory to build an asset in; removed when the block ends."""
        ...

    def put(self, key: str, source: Path) -> None:
        """Store every file under the directory ``source`` as asset ``key`` (all or nothing)."""
        ...

    def open(self, key: str, path: str) -> BinaryIO:
        """One stored file for reading; ``FileNotFoundError`` when there is none."""
        ...

    def local_path(self, key: str, path: str) -> Path | None:
        """The stored file as a local path, when the store has one (for ranged responses)."""
        ...

    def delete(self, key: str) -> None:
        """Remove every file of asset ``key``; nothing happens when there is none."""
        ...

    def exists(self, key: str) -> bool: ...

    def url(self, key: str, path: str) -> str:
        """The absolute public URL of one stored file."""
        ...


def _inside(root: Path, relative: str) -> Path | None:
    """``root / relative`` when it stays inside ``root`` (no ``..``, no absolute path)."""
    if not relative or "\x00" in relative or "\\" in relative or relative.startswith("/"):
        return None
    parts = relative.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    return root.joinpath(*parts)


@dataclass(frozen=True)
class LocalStorage:
    """Files under a local directory (``ADPLANE_DATA_DIR/media`` by default).

    ``<root>/<key>/...`` holds an asset; ``<root>/.staging`` holds uploads being checked, on
    the same file system, so ``put`` is one atomic rename.
    """

    root: Path
    base_url: str = "http://localhost"

    @classmethod
    def from_settings(cls, settings: Settings, base_url: str | None = None) -> LocalStorage:
        base = settings.public_url or base_url or "http://localhost"
        return cls(settings.data_dir / "media", base.rstrip("/"))

    def with_base_url(self, base_url: str) -> LocalStorage:
        return replace(self, base_url=base_url.rstrip("/"))

    @property
    def _staging_root(self) -> Path:
        return self.root / ".staging"

    @contextmanager
    def staging(self) -> Iterator[Path]:
        self._staging_root.mkdir(parents=True, exist_ok=True)
        directory = Path(tempfile.mkdtemp(dir=self._staging_root))
        try:
            yield directory
        finally:
            shutil.rmtree(directory, ignore_errors=True)

    def _asset(self, key: str) -> Path:
        if not KEY.match(key):
            raise ValueError(f"not a media key: {key!r}")
        return self.root / key

    def put(self, key: str, source: Path) -> None:
        target = self._asset(key)
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(source, target)
        except OSError:
            # Another file system (a staging directory handed in from elsewhere): copy to a
            # sibling first, so the asset still appears in one rename.
            partial = self._staging_root / f"{key}.partial"
            shutil.rmtree(partial, ignore_errors=True)
            shutil.copytree(source, partial, symlinks=False)
            os.rename(partial, target)

    def _file(self, key: str, path: str) -> Path | None:
        if not KEY.match(key):
            return None
        asset = self.root / key
        candidate = _inside(asset, path)
        if candidate is None or candidate.is_symlink() or not candidate.is_file():
            return None
        return candidate

    def open(self, key: str, path: str) -> BinaryIO:
        found = self._file(key, path)
        if found is None:
            raise FileNotFoundError(f"{key}/{path}")
        return found.open("rb")

    def local_path(self, key: str, path: str) -> Path | None:
        return self._file(key, path)

    def delete(self, key: str) -> None:
        shutil.rmtree(self._asset(key), ignore_errors=True)

    def exists(self, key: str) -> bool:
        return KEY.match(key) is not None and (self.root / key).is_dir()

    def url(self, key: str, path: str) -> str:
        return f"{self.base_url}{PUBLIC_PREFIX}/{key}/{quote(path)}"


_current: ContextVar[Storage | None] = ContextVar("adplane.media.storage", default=None)
_limits: ContextVar[Limits | None] = ContextVar("adplane.media.limits", default=None)


def limits_from(settings: Settings) -> Limits:
    return Limits(
        max_bytes=settings.media_max_bytes,
        max_html_bytes=settings.media_max_html_bytes,
        max_unpacked_bytes=settings.media_max_unpacked_bytes,
        max_bundle_files=settings.media_max_bundle_files,
    )


def current_limits() -> Limits:
    """The size limits of the app serving the request, or the ones the settings describe."""
    found = _limits.get()
    return found if found is not None else limits_from(get_settings())


def current() -> Storage:
    """The storage of the request being served, or the one the settings describe."""
    storage = _current.get()
    return storage if storage is not None else LocalStorage.from_settings(get_settings())


@contextmanager
def use(storage: Storage) -> Iterator[Storage]:
    """Make ``storage`` the current one inside the block (a request, a job, a test)."""
    token = _current.set(storage)
    try:
        yield storage
    finally:
        _current.reset(token)


class StorageMiddleware:
    """Installs the app's storage and limits for each request, URLs on the request's host."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.storage = LocalStorage.from_settings(settings)
        self.fixed_base = bool(settings.public_url)
        self.limits = limits_from(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        storage = self.storage
        if not self.fixed_base:
            storage = storage.with_base_url(str(Request(scope).base_url))
        token = _current.set(storage)
        limits_token = _limits.set(self.limits)
        try:
            await self.app(scope, receive, send)
        finally:
            _limits.reset(limits_token)
            _current.reset(token)


# Room for a multipart body's boundaries and part headers around the largest file.
MULTIPART_OVERHEAD = 1 << 20


def media_body_limit(settings: Settings) -> int:
    """The request body limit of an upload route: the largest file, plus multipart framing."""
    return max(settings.media_max_bytes, settings.media_max_html_bytes) + MULTIPART_OVERHEAD
