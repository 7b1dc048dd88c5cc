"""What an uploaded file is: its kind, type and dimensions, read from its bytes alone.

Pure functions over a local file; they block (parsing, decoding, unpacking), so the service
runs them off the event loop. A file that is not what it claims, or is truncated, raises
``Refused`` with a message the client can act on.

- Images: Pillow identifies the format and decodes the whole image, so a truncated file is
  caught; pixels beyond ``MAX_IMAGE_PIXELS`` are refused before decoding (decompression bombs).
- Videos: hachoir (pure Python, no ffmpeg) reads the container's duration and frame size.
  hachoir tolerates truncated files, so the container's top level is also walked here (ISO
  media boxes for MP4 and MOV, EBML elements for WebM): an element that runs past the end
  of the file means the upload was cut short.
- HTML5 bundles: a zip with ``index.html`` at its root (or inside its single top-level
  folder, as "compress folder" tools write it). Every entry is checked before anything is
  written: no absolute path, no ``..``, no symbolic link, no encryption, at most so many
  files and so many bytes once unpacked. Unpacking counts the bytes really written, since
  an entry's declared size can lie.
"""

from __future__ import annotations

import mimetypes
import stat
import struct
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Literal

import hachoir.core.config as hachoir_config
from hachoir.metadata import extractMetadata
from hachoir.parser import createParser
from PIL import Image, UnidentifiedImageError

Kind = Literal["image", "video", "html"]

# Pillow's own bomb threshold warns at 89 megapixels; an ad image is far below this.
MAX_IMAGE_PIXELS = 50_000_000
IMAGE_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
# The hachoir parsers of the containers adplane takes (ISO media: MP4, MOV; Matroska: WebM).
VIDEO_PARSERS = frozenset({"MP4File", "MkvFile"})
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
INDEX = "index.html"
# Written by macOS beside a zipped folder; never part of the bundle.
IGNORED_PREFIXES = ("__MACOSX/",)
MAX_PATH = 1024
CHUNK = 1 << 16

hachoir_config.quiet = True  # hachoir logs every parser it tries to stderr otherwise


class Refused(ValueError):
    """The file is not an acceptable asset; ``too_large`` asks for a 413."""

    def __init__(self, message: str, *, too_large: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.too_large = too_large


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_html_bytes: int
    max_unpacked_bytes: int
    max_bundle_files: int


@dataclass(frozen=True)
class Probed:
    """What was read from a file."""

    kind: Kind
    mime_type: str
    extension: str
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None
    bitrate: int | None = None
    # HTML5 bundles: the entry file's path inside the bundle, the files that make it up.
    entry: str | None = None
    files: tuple[str, ...] = field(default=())
    unpacked_bytes: int | None = None


def sniff(path: Path) -> Kind | None:
    """The kind a file looks like from its first bytes (None: nothing adplane takes)."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(ZIP_MAGIC):
        return "html"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return "image"
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide") or head.startswith(
        b"\x1a\x45\xdf\xa3"
    ):
        return "video"
    return None


def probe(path: Path, *, expected: Kind | None, limits: Limits, unpack_to: Path) -> Probed:
    """Identify ``path``; a bundle is unpacked into ``unpack_to`` (which must be empty)."""
    size = path.stat().st_size
    if size == 0:
        raise Refused("the file is empty")
    kind = sniff(path) or expected
    if kind is None:
        raise Refused("not an image (PNG, JPEG, GIF, WebP), a video (MP4, MOV, WebM) or a zip")
    if expected is not None and kind != expected:
        raise Refused(f"expected {_a(expected)}, but the file is {_a(kind)}")
    if kind == "html":
        if size > limits.max_html_bytes:
            raise Refused(
                f"a zip bundle may have at most {limits.max_html_bytes} bytes", too_large=True
            )
        return unpack_bundle(path, unpack_to, limits)
    if size > limits.max_bytes:
        raise Refused(f"a file may have at most {limits.max_bytes} bytes", too_large=True)
    if kind == "image":
        return probe_image(path)
    return probe_video(path, size)


def _a(kind: Kind) -> str:
    return {"image": "an image", "video": "a video", "html": "an HTML5 zip bundle"}[kind]


# images


def probe_image(path: Path) -> Probed:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt = image.format or ""
                if fmt not in IMAGE_FORMATS:
                    raise Refused(f"image format {fmt or 'unknown'} is not accepted")
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise Refused(f"an image may have at most {MAX_IMAGE_PIXELS} pixels")
                image.load()  # decodes everything: a truncated file fails here
    except Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Refused(f"an image may have at most {MAX_IMAGE_PIXELS} pixels") from exc
    except UnidentifiedImageError as exc:
        raise Refused("not a readable image (PNG, JPEG, GIF or WebP)") from exc
    except (OSError, SyntaxError, ValueError, struct.error) as exc:
        raise Refused(f"the image is damaged or truncated ({exc})") from exc
    mime = IMAGE_FORMATS[fmt]
    extension = "jpg" if fmt == "JPEG" else fmt.lower()
    return Probed("image", mime, extension, width=width, height=height)


# videos


def _iso_boxes_complete(handle: BinaryIO, size: int) -> bool:
    """Whether every top-level box of an ISO media file fits inside the file."""
    offset = 0
    while offset < size:
        handle.seek(offset)
        header = handle.read(8)
        if len(header) < 8:
            return False
        length = struct.unpack(">I", header[:4])[0]
        if length == 1:
            large = handle.read(8)
            if len(large) < 8:
                return False
            length = struct.unpack(">Q", large)[0]
            if length < 16:
                return False
        elif length == 0:
            return True  # the last box runs to the end of the file
        elif length < 8:
            return False
        offset += length
    return offset == size


def probe_video(path: Path, size: int) -> Probed:
    try:
        parser = createParser(str(path))
    except Exception as exc:  # hachoir raises anything on hostile input
        raise Refused("not a readable video") from exc
    if parser is None:
        raise Refused("not a readable video (MP4, MOV or WebM)")
    with parser:
        name = type(parser).__name__
        if name not in VIDEO_PARSERS:
            raise Refused("not a video container adplane reads (MP4, MOV or WebM)")
        mime = str(parser.mime_type or "")
        try:
            metadata = extractMetadata(parser)
        except Exception as exc:
            raise Refused("the video's headers cannot be read") from exc
    if metadata is None:
        raise Refused("the video's headers cannot be read")
    with path.open("rb") as handle:
        complete = (_iso_boxes_complete if name == "MP4File" else _ebml_complete)(handle, size)
    if not complete:
        raise Refused("the video is truncated: a part of it runs past the end of the file")
    duration = _value(metadata, "duration")
    width = _value(metadata, "width")
    height = _value(metadata, "height")
    if duration is None or duration.total_seconds() <= 0:
        raise Refused("the video has no duration (truncated, or not a video)")
    if not width or not height:
        raise Refused("the video has no picture (no video track with a frame size)")
    duration_ms = round(duration.total_seconds() * 1000)
    bitrate = _value(metadata, "bit_rate")
    if not bitrate:
        # Containers that do not record it (MP4): the average over the whole file.
        bitrate = size * 8 * 1000 // duration_ms
    if name == "MkvFile":
        mime = "video/webm" if _is_webm(path) else "video/x-matroska"
    extension = {"video/quicktime": "mov", "video/webm": "webm", "video/x-matroska": "mkv"}
    return Probed(
        "video",
        mime or "video/mp4",
        extension.get(mime, "mp4"),
        width=int(width),
        height=int(height),
        duration_ms=duration_ms,
        bitrate=int(bitrate),
    )


def _value(metadata: Any, key: str) -> Any:
    """A metadata value, from the file's own or else its first stream's (Matroska keeps the
    frame size per track); None when no one has it."""
    # hachoir's ``get`` raises for a missing value unless given a default other than None.
    if metadata.has(key):
        return metadata.get(key)
    for group in metadata.iterGroups() if hasattr(metadata, "iterGroups") else ():
        if group.has(key):
            return group.get(key)
    return None


def _vint(handle: BinaryIO, *, keep_marker: bool) -> tuple[int, int] | None:
    """An EBML variable-length integer: (value, its length in bytes), or None at the end."""
    first = handle.read(1)
    if not first:
        return None
    length = 8 - first[0].bit_length() + 1
    if length > 8:
        return None
    rest = handle.read(length - 1)
    if len(rest) < length - 1:
        return None
    value = first[0] if keep_marker else first[0] & (0xFF >> length)
    for byte in rest:
        value = value << 8 | byte
    return value, length


def _ebml_complete(handle: BinaryIO, size: int) -> bool:
    """Whether a Matroska file's top-level elements (EBML header, Segment) fit in the file."""
    offset = 0
    while offset < size:
        handle.seek(offset)
        element = _vint(handle, keep_marker=True)
        length = _vint(handle, keep_marker=False) if element is not None else None
        if element is None or length is None:
            return False
        value, width = length
        if value == (1 << (7 * width)) - 1:
            return True  # "unknown size" (a live stream): runs to the end of the file
        offset = handle.tell() + value
    return offset == size


def _is_webm(path: Path) -> bool:
    with path.open("rb") as handle:
        return b"webm" in handle.read(64)


# HTML5 bundles


def _entry_name(info: zipfile.ZipInfo) -> str:
    """The entry's path, checked: refuses anything that could land outside the bundle."""
    raw = info.filename
    if "\x00" in raw or "\\" in raw:
        raise Refused(f"zip entry {raw!r}: backslashes and NUL characters are not allowed")
    if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":"):
        raise Refused(f"zip entry {raw!r}: absolute paths are not allowed")
    parts = PurePosixPath(raw).parts
    if any(part == ".." for part in parts):
        raise Refused(f"zip entry {raw!r}: '..' is not allowed in a path")
    if len(raw) > MAX_PATH or any(len(part) > 255 for part in parts):
        raise Refused(f"zip entry {raw[:64]!r}...: the path is too long")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise Refused(f"zip entry {raw!r}: symbolic links are not allowed")
    if info.flag_bits & 0x1:
        raise Refused(f"zip entry {raw!r}: encrypted entries are not allowed")
    return "/".join(part for part in parts if part != ".")


def _bundle_root(names: list[str]) -> str:
    """The folder that holds ``index.html``: the archive's root, or its one top-level folder."""
    if INDEX in names:
        return ""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1 and all("/" in name for name in names):
        top = next(iter(tops))
        if f"{top}/{INDEX}" in names:
            return top + "/"
    raise Refused("the zip has no index.html at its root")


def unpack_bundle(path: Path, target: Path, limits: Limits) -> Probed:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Refused("not a readable zip archive") from exc
    with archive:
        members: list[tuple[zipfile.ZipInfo, str]] = []
        seen: set[str] = set()
        declared = 0
        for info in archive.infolist():
            name = _entry_name(info)
            if info.is_dir() or not name or name.startswith(IGNORED_PREFIXES):
                continue
            if name.casefold() in seen:
                raise Refused(f"zip entry {name!r} appears twice")
            seen.add(name.casefold())
            members.append((info, name))
            declared += info.file_size
            if len(members) > limits.max_bundle_files:
                raise Refused(f"a bundle may hold at most {limits.max_bundle_files} files")
        if declared > limits.max_unpacked_bytes:
            raise Refused(
                f"the bundle unpacks to {declared} bytes; at most "
                f"{limits.max_unpacked_bytes} are allowed",
                too_large=True,
            )
        names = [name for _, name in members]
        if not names:
            raise Refused("the zip is empty")
        root = _bundle_root(names)
        written = 0
        for info, name in members:
            written = _extract(archive, info, target / name, written, limits)
    return Probed(
        "html",
        "text/html",
        "zip",
        entry=root + INDEX,
        files=tuple(names),
        unpacked_bytes=written,
    )


def _extract(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, destination: Path, written: int, limits: Limits
) -> int:
    destination.parent.mkdir(parents=True, exist_ok=True)
    if destination.exists():
        raise Refused(f"zip entry {info.filename!r} clashes with a folder of the same name")
    try:
        with archive.open(info) as source, destination.open("xb") as out:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                if written > limits.max_unpacked_bytes:
                    raise Refused(
                        f"the bundle unpacks to more than {limits.max_unpacked_bytes} bytes",
                        too_large=True,
                    )
                out.write(chunk)
    except Refused:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
        raise Refused(f"zip entry {info.filename!r} cannot be unpacked ({exc})") from exc
    return written


def content_type(path: str) -> str:
    """The Content-Type a bundle file is served with."""
    guessed, _ = mimetypes.guess_type(path, strict=False)
    if guessed is None:
        return "application/octet-stream"
    if guessed.startswith("text/") or guessed in ("application/javascript", "image/svg+xml"):
        return f"{guessed}; charset=utf-8" if "charset" not in guessed else guessed
    return guessed


def copy_into(source: BinaryIO, destination: Path, max_bytes: int) -> int:
    """Copy a stream to a new file, refusing (413) past ``max_bytes``; the bytes copied."""
    copied = 0
    with destination.open("xb") as out:
        while chunk := source.read(CHUNK):
            copied += len(chunk)
            if copied > max_bytes:
                raise Refused(f"a file may have at most {max_bytes} bytes", too_large=True)
            out.write(chunk)
    return copied


__all__ = ["Kind", "Limits", "Probed", "Refused", "content_type", "copy_into", "probe"]
