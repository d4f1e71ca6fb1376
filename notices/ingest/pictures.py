"""Untrusted picture bytes -> re-encoded, metadata-free JPEG + thumbnail, stored by content hash."""

from __future__ import annotations

import contextlib
import hashlib
import io
import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageCms, ImageOps

from notices.config import DEFAULTS

MB = 1024 * 1024
JPEG_QUALITY = 85
THUMB_QUALITY = 80
THUMB_MIN_SHARE = 0.75  # thumbnails are between 75 % and 100 % of the thumbnail side

# Content decides the format, never the file name; anything else is "not a picture".
ALLOWED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")

# What Pillow raises on malformed input. Warnings appear here because a plugin may warn about
# a bad file (DecompressionBombWarning, malformed MPO, corrupt EXIF), and where warnings are
# turned into errors (our tests, strict deployments) they arrive as exceptions.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    KeyError,
    struct.error,
    zlib.error,
    Image.DecompressionBombError,
    Warning,
)

_SRGB = ImageCms.createProfile("sRGB")


class PictureError(ValueError):
    """A picture that cannot be accepted; the message says why in plain words."""


@dataclass(frozen=True)
class ProcessedPicture:
    """A picture re-encoded as baseline JPEG, with its thumbnail and their content hashes."""

    jpeg: bytes
    thumbnail: bytes
    width: int
    height: int
    sha256: str
    thumb_sha256: str


def process_picture(
    raw: bytes,
    *,
    max_bytes: int = DEFAULTS["PICTURE_MAX_BYTES"],
    max_pixels: int = DEFAULTS["PICTURE_MAX_PIXELS"],
    max_side: int = DEFAULTS["PICTURE_MAX_SIDE"],
    thumb_side: int = DEFAULTS["THUMBNAIL_SIDE"],
) -> ProcessedPicture:
    """Decode untrusted bytes safely into a clean JPEG and thumbnail, or raise PictureError."""
    if len(raw) > max_bytes:
        raise PictureError(f"file over {_size_text(max_bytes)}")
    if not raw:
        raise PictureError("not a picture (empty file)")
    image = _decode(raw, max_pixels, max_side)
    try:
        image = _fit(_to_rgb(_orient(image)), max_side)
        thumb = _thumbnail(image, thumb_side)
        jpeg = _encode(image, JPEG_QUALITY)
        thumbnail = _encode(thumb, THUMB_QUALITY)
    except DECODE_ERRORS as error:  # an odd mode or profile that survived decoding
        raise PictureError(f"unusable picture ({error})") from error
    return ProcessedPicture(
        jpeg=jpeg,
        thumbnail=thumbnail,
        width=image.width,
        height=image.height,
        sha256=hashlib.sha256(jpeg).hexdigest(),
        thumb_sha256=hashlib.sha256(thumbnail).hexdigest(),
    )


def _size_text(max_bytes: int) -> str:
    if max_bytes >= MB and max_bytes % MB == 0:
        return f"{max_bytes // MB} MB"
    return f"{max_bytes} bytes"


def _decode(raw: bytes, max_pixels: int, max_side: int) -> Image.Image:
    """Open by content, check the pixel count from the header, then decode (scaled if JPEG)."""
    try:
        image = _open(raw, max_pixels)
        _check_pixels(image.size, max_pixels)
        # JPEG only (a no-op elsewhere): let libjpeg decode at 1/2, 1/4 or 1/8 scale when the
        # picture is much larger than we keep; saves most of the decoding time and memory.
        image.draft(None, _fitted_size(image.size, max_side))
        image.load()
    except PictureError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise PictureError(f"picture is over the {max_pixels}-pixel limit") from error
    except DECODE_ERRORS as error:
        raise PictureError(f"broken or truncated picture ({error})") from error
    return image


def _open(raw: bytes, max_pixels: int) -> Image.Image:
    """Image.open restricted to our formats, without its own size check and its warning.

    Image.open runs Pillow's decompression-bomb check, which warns (global warning state)
    or raises with no usable size; we check the header size ourselves, against a lower limit.
    """
    prefix = raw[:32]
    if prefix[:4] == b"RIFF" and (size := _webp_size(prefix)):
        _check_pixels(size, max_pixels)  # the WebP decoder allocates its canvas while opening
    Image.init()  # registers the WebP plugin; cheap after the first call
    for name in ALLOWED_FORMATS:
        factory, accept = Image.OPEN.get(name, (None, None))
        if factory is not None and accept is not None and accept(prefix) is True:
            return factory(io.BytesIO(raw), "")
    raise PictureError("not a picture (content is not JPEG, PNG, GIF or WebP)")


def _check_pixels(size: tuple[int, int], max_pixels: int) -> None:
    width, height = size
    if width * height > max_pixels:
        raise PictureError(f"picture is {width}×{height} pixels, over the {max_pixels}-pixel limit")


def _webp_size(head: bytes) -> tuple[int, int] | None:
    """Canvas size from a WebP header (VP8, VP8L or VP8X chunk), or None if unreadable."""
    if len(head) < 30 or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8X":
        return (
            int.from_bytes(head[24:27], "little") + 1,
            int.from_bytes(head[27:30], "little") + 1,
        )
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        return (
            int.from_bytes(head[26:28], "little") & 0x3FFF,
            int.from_bytes(head[28:30], "little") & 0x3FFF,
        )
    return None


def _orient(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation; a broken EXIF block only costs the orientation."""
    with contextlib.suppress(*DECODE_ERRORS):
        ImageOps.exif_transpose(image, in_place=True)
    return image


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB in sRGB: embedded colour profiles applied, transparency flattened onto white."""
    image = _to_srgb(image)
    if image.mode == "RGB":
        return image
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    if not has_alpha:
        if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
            # 16-bit and float greyscale: scale to 8 bits instead of clipping to white.
            image = image.point(lambda v: v / 256).convert("L")
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    canvas = Image.new("RGB", rgba.size, (255, 255, 255))
    canvas.paste(rgba, mask=rgba.getchannel("A"))
    return canvas


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert pixels from an embedded ICC profile to sRGB, since the output carries none."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    transform = _srgb_transform(icc, image.mode)
    if transform is None:
        return image  # sRGB already, or an unusable profile: keep the pixels as they are
    try:
        return ImageCms.applyTransform(image, transform) or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


@lru_cache(maxsize=32)
def _srgb_transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """The transform to sRGB, None if there is nothing (sRGB already) or nothing usable to do.

    Transforms are costly to build (~4 ms) and most pictures share a few profiles: cached.
    """
    output_mode = "RGBA" if mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return None
        return ImageCms.buildTransform(source, _SRGB, mode, output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


def _fitted_size(size: tuple[int, int], side: int) -> tuple[int, int]:
    """The size that fits within side×side keeping the aspect ratio (never enlarged)."""
    width, height = size
    scale = min(1.0, side / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _fit(image: Image.Image, side: int) -> Image.Image:
    """Shrink to fit within side×side: box-average by a whole factor, then resample the rest.

    The integer reduce() is several times faster than a convolution resize and is an exact
    area average; the remaining step is then by a factor under 2, where bilinear is enough.
    """
    size = _fitted_size(image.size, side)
    if size == image.size:
        return image
    factor = min(image.width // size[0], image.height // size[1])
    if factor >= 2:
        image = image.reduce(factor)
    if image.size != size:
        image = image.resize(size, Image.Resampling.BILINEAR)
    return image


def _thumbnail(image: Image.Image, side: int) -> Image.Image:
    """Shrink to at most side×side, by a whole factor alone when that keeps ≥ 75 % of side.

    A thumbnail a little under its box is fine, and skipping the resampling step halves the
    cost of a typical notice picture (300×400 → 150×200, 240×300 → 120×150).
    """
    longest = max(image.size)
    if longest <= side:
        return image
    factor = -(-longest // side)  # the smallest whole factor that fits
    if longest / factor >= THUMB_MIN_SHARE * side:
        return image.reduce(factor)
    return _fit(image, side)


def _encode(image: Image.Image, quality: int) -> bytes:
    """Baseline JPEG with no EXIF, ICC, XMP or comment (Pillow would copy info['comment'])."""
    image.info = {}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False, progressive=False)
    return out.getvalue()
