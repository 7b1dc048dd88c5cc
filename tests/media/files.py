"""Real files for media tests, made here: images with Pillow, an MP4, HTML5 zip bundles."""

from __future__ import annotations

import io
import stat
import struct
import zipfile

from PIL import Image


def image(width: int = 120, height: int = 80, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 60)).save(buffer, format=fmt)
    return buffer.getvalue()


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _full_box(kind: bytes, payload: bytes, flags: int = 0) -> bytes:
    return _box(kind, bytes([0]) + flags.to_bytes(3, "big") + payload)


def mp4(
    width: int = 320, height: int = 240, duration_ms: int = 5000, payload_bytes: int = 20_000
) -> bytes:
    """An ISO media file as an encoder lays it out: ftyp, moov (movie and track headers with
    the duration and frame size), then the media data."""
    scale = 1000
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    mvhd = _full_box(
        b"mvhd",
        struct.pack(">IIII", 0, 0, scale, duration_ms)
        + struct.pack(">IH", 0x10000, 0x100)
        + b"\0" * 10
        + matrix
        + b"\0" * 24
        + struct.pack(">I", 2),
    )
    tkhd = _full_box(
        b"tkhd",
        struct.pack(">IIIII", 0, 0, 1, 0, duration_ms)
        + b"\0" * 8
        + struct.pack(">hhhh", 0, 0, 0, 0)
        + matrix
        + struct.pack(">II", width << 16, height << 16),
        flags=7,
    )
    mdhd = _full_box(b"mdhd", struct.pack(">IIIIHH", 0, 0, scale, duration_ms, 0x55C4, 0))
    hdlr = _full_box(b"hdlr", struct.pack(">I", 0) + b"vide" + b"\0" * 12 + b"VideoHandler\0")
    trak = _box(b"trak", tkhd + _box(b"mdia", mdhd + hdlr))
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 0x200) + b"isomiso2avc1mp41")
    return ftyp + _box(b"moov", mvhd + trak) + _box(b"mdat", bytes(payload_bytes))


INDEX_HTML = (
    b"<!doctype html><html><body><img src='img/logo.png'>"
    b"<script src='app.js'></script></body></html>"
)


def bundle(entries: dict[str, bytes] | None = None) -> bytes:
    """A zip of ``entries`` (path -> bytes); by default a small valid HTML5 ad."""
    entries = (
        entries
        if entries is not None
        else {
            "index.html": INDEX_HTML,
            "app.js": b"console.log('ad');",
            "img/logo.png": image(8, 8),
        }
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def bundle_with_symlink() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", INDEX_HTML)
        link = zipfile.ZipInfo("secret")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def bomb(unpacked_bytes: int) -> bytes:
    """A zip whose one entry inflates from a few kilobytes to ``unpacked_bytes``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("index.html", INDEX_HTML)
        archive.writestr("padding.bin", bytes(unpacked_bytes))
    return buffer.getvalue()


def lying_bomb(unpacked_bytes: int) -> bytes:
    """As ``bomb``, but the entry's header declares it tiny: only counting bytes catches it."""
    data = bytearray(bomb(unpacked_bytes))
    # Rewrite the declared uncompressed size (local header offset 22, central header 24).
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (found := data.find(signature, start)) != -1:
            name_len = struct.unpack("<H", data[found + (26 if offset == 22 else 28) :][:2])[0]
            name_at = found + (30 if offset == 22 else 46)
            if bytes(data[name_at : name_at + name_len]) == b"padding.bin":
                data[found + offset : found + offset + 4] = struct.pack("<I", 10)
            start = found + 4
    return bytes(data)


def encoded_mp4(
    width: int = 64,
    height: int = 48,
    frames: int = 20,
    fps: int = 10,
    *,
    container_format: str = "mp4",
    codec: str = "mpeg4",
) -> bytes:
    """A video encoded by FFmpeg (through PyAV): ``frames / fps`` seconds, MPEG-4 in MP4 by
    default (``container_format="webm", codec="libvpx"`` for WebM)."""
    import av

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container_format) as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        for index in range(frames):
            frame = av.VideoFrame(width, height, "yuv420p")
            for plane in frame.planes:
                plane.update(bytes([index * 10 % 256]) * plane.buffer_size)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()
