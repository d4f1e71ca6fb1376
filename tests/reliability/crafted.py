"""Hostile picture files, crafted byte by byte (a 40000×40000 header costs a few bytes)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

HUGE = 40_000


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header(width: int = HUGE, height: int = HUGE) -> bytes:
    """A PNG that declares width×height RGB pixels and holds one tiny compressed row."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_header(width: int = HUGE, height: int = HUGE) -> bytes:
    """A baseline JPEG frame header of width×height, then scan start and end: no pixel data."""
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x11\x00\x02\x11\x00\x03\x11\x00"
    sos = b"\x03\x01\x00\x02\x00\x03\x00\x00\x3f\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xc0"
        + struct.pack(">H", len(sof) + 2)
        + sof
        + b"\xff\xda"
        + struct.pack(">H", len(sos) + 2)
        + sos
        + b"\xff\xd9"
    )


def gif_header(width: int = HUGE, height: int = HUGE) -> bytes:
    """A GIF whose screen and only frame are width×height, with a two-byte image body."""
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff"
    frame = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00"
    return b"GIF89a" + screen + frame + b";"


def webp_header(width: int = HUGE, height: int = HUGE) -> bytes:
    """An extended WebP (VP8X) header announcing a width×height canvas."""
    vp8x = b"\0\0\0\0" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    body = b"WEBP" + b"VP8X" + struct.pack("<I", len(vp8x)) + vp8x
    return b"RIFF" + struct.pack("<I", len(body)) + body


def encoded(fmt: str, size=(40, 50), colour=(90, 120, 150)) -> bytes:
    """A real small picture in `fmt` (PNG, BMP, TIFF, JPEG...)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


def noisy_jpeg(size=(160, 160)) -> bytes:
    """A JPEG whose entropy-coded data is long enough to cut in the middle."""
    pixels = bytes((i * 7919) % 251 for i in range(size[0] * size[1] * 3))
    image = Image.frombytes("RGB", size, pixels)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="40000" '
    b'height="40000"><script>alert(1)</script></svg>'
)
