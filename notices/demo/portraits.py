"""Clearly synthetic demo portraits: a neutral head-and-shoulders silhouette on a coloured ground.

Speed matters (100k notices carry some 30k pictures), so each shape is drawn once as a palette
image whose index encodes (background shade, body coverage, hair coverage), and each colour
choice once as a 256-colour palette; a picture is then a palette swap, a conversion to RGB, its
label (the notice id, which also makes every picture's bytes unique) and the JPEG encoding.
"""

from __future__ import annotations

import io
import random
from functools import cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

SIZE = (240, 300)
QUALITY = 82
BACKGROUNDS = (
    (176, 196, 222),
    (200, 214, 190),
    (222, 206, 178),
    (190, 190, 214),
    (214, 190, 196),
    (186, 212, 212),
    (226, 222, 196),
    (204, 204, 204),
)
SHADOW = (40, 40, 48)
FIGURES = ((96, 104, 116), (120, 120, 128), (84, 92, 100), (136, 132, 124), (108, 116, 108))
HAIR = ((48, 48, 52), (72, 64, 56), (110, 104, 96), (160, 156, 150), (40, 44, 56))
HEADS = ((70, 88, 176), (62, 84, 160), (76, 92, 196), (66, 90, 168))  # width, height, shoulders
HAIR_STYLES = ("short", "long", "none")
WHITE = (250, 250, 250)

# Palette index = shade * 16 + body * 4 + hair: 15 shades of the background towards SHADOW,
# 4 coverage levels each for body and hair (anti-aliased edges). Index 255 is the white caption.
SHADES, LEVELS, CAPTION = 15, 4, 255
MAX_SHADOW = 90 / 255


def portrait_jpeg(rng: random.Random, label: str) -> bytes:
    """One synthetic portrait as JPEG bytes; shape and colours vary with rng, the label with it."""
    shape = _shape(rng.randrange(len(HEADS)), rng.choice(HAIR_STYLES)).copy()
    shape.putpalette(
        _palette(
            rng.randrange(len(BACKGROUNDS)), rng.randrange(len(FIGURES)), rng.randrange(len(HAIR))
        )
    )
    x = 8
    for char in label:  # glyphs rendered once and stamped: a font render per picture is slow
        glyph, pad, advance = _glyph(char)
        box = (x - pad, SIZE[1] - 17, x - pad + glyph.width, SIZE[1] - 17 + glyph.height)
        shape.paste(CAPTION, box, glyph)
        x += advance
    image = shape.convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY)
    return out.getvalue()


@cache
def _palette(background: int, figure: int, hair: int) -> tuple[int, ...]:
    """The 256 colours of the index scheme as a flat RGB tuple, for these colour choices."""
    colours = (BACKGROUNDS[background], SHADOW, FIGURES[figure], HAIR[hair], WHITE)
    columns = _weights()
    channels = []
    for channel in range(3):
        bg, shadow, figure_c, hair_c, caption = (colour[channel] for colour in colours)
        channels.append(
            [
                round(b * bg + s * shadow + f * figure_c + h * hair_c + c * caption)
                for b, s, f, h, c in zip(*columns, strict=True)
            ]
        )
    return tuple(value for rgb in zip(*channels, strict=True) for value in rgb)


@cache
def _weights() -> tuple[tuple[float, ...], ...]:
    """Colour weights per palette index, as columns: background, shadow, figure, hair, caption."""
    rows = []
    for index in range(256):
        if index == CAPTION:
            rows.append((0.0, 0.0, 0.0, 0.0, 1.0))
            continue
        shade, body, hair = index // 16, index // 4 % 4, index % 4
        dark = min(shade, SHADES - 1) / (SHADES - 1) * MAX_SHADOW
        body_cover, hair_cover = body / (LEVELS - 1), hair / (LEVELS - 1)
        keep = (1 - body_cover) * (1 - hair_cover)  # share of the background left visible
        rows.append(
            (keep * (1 - dark), keep * dark, body_cover * (1 - hair_cover), hair_cover, 0.0)
        )
    return tuple(zip(*rows, strict=True))


@cache
def _glyph(char: str) -> tuple[Image.Image, int, int]:
    """A one-character caption mask, its left overhang and the character's advance."""
    font = _font()
    left, _, right, _ = font.getbbox(char)
    pad = max(0, -left)
    mask = Image.new("L", (max(1, right + pad), font.getbbox("/0")[3] + 2), 0)
    draw = ImageDraw.Draw(mask)
    draw.fontmode = "1"
    draw.text((pad, 0), char, fill=255, font=font)
    return mask, pad, round(font.getlength(char))


@cache
def _font() -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=11)


@cache
def _shape(head: int, hair_style: str) -> Image.Image:
    """The palette-index image of one head shape and hair style, with the fixed caption."""
    body, hair = _masks(head, hair_style)
    shade = Image.linear_gradient("L").resize(SIZE)
    index = ImageChops.add(
        ImageChops.add(
            shade.point(lambda v: v * (SHADES - 1) // 255 * 16),
            body.point(lambda v: round(v * (LEVELS - 1) / 255) * 4),
        ),
        hair.point(lambda v: round(v * (LEVELS - 1) / 255)),
    )
    draw = ImageDraw.Draw(index)
    draw.fontmode = "1"  # no anti-aliasing: every caption pixel is exactly the caption index
    draw.text((8, SIZE[1] - 30), "DEMO - FICTITIOUS", fill=CAPTION, font=_font())
    return Image.frombytes("P", SIZE, index.tobytes())  # same bytes, read as palette indexes


@cache
def _masks(head: int, hair_style: str) -> tuple[Image.Image, Image.Image]:
    """(body mask, hair mask) for one head shape and hair style, drawn at 4x for smooth edges."""
    k = 4
    body = Image.new("L", (SIZE[0] * k, SIZE[1] * k), 0)
    hair = Image.new("L", body.size, 0)
    width, height, shoulders = HEADS[head]
    cx, top = 120 * k, 62 * k
    left, right, bottom = cx - width * k // 2, cx + width * k // 2, top + height * k
    draw = ImageDraw.Draw(body)
    draw.ellipse((left, top, right, bottom), fill=255)
    draw.rectangle((cx - 16 * k, bottom - 12 * k, cx + 16 * k, bottom + 30 * k), fill=255)
    draw.rounded_rectangle(
        (cx - shoulders * k // 2, bottom + 18 * k, cx + shoulders * k // 2, bottom + 220 * k),
        radius=48 * k,
        fill=255,
    )
    if hair_style != "none":
        draw = ImageDraw.Draw(hair)
        cap = (left - 3 * k, top - 5 * k, right + 3 * k, top + height * k * 3 // 4)
        draw.chord(cap, 180, 360, fill=255)
        if hair_style == "long":
            strand = (bottom - top) * 2 // 3
            draw.rectangle((left - 3 * k, top + 28 * k, left + 9 * k, top + strand), fill=255)
            draw.rectangle((right - 9 * k, top + 28 * k, right + 3 * k, top + strand), fill=255)
    return tuple(mask.resize(SIZE, Image.Resampling.LANCZOS) for mask in (body, hair))
