"""Picture processing: untrusted bytes in, clean metadata-free JPEGs out, stored by content hash."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms

from notices.ingest.picture_store import store_picture
from notices.ingest.pictures import PictureError, process_picture
from notices.media import picture_path

RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 200, 20)


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def noisy(size: tuple[int, int]) -> Image.Image:
    """A photo-like image (noise), so that JPEG files are not trivially small."""
    return Image.effect_noise(size, 50).convert("RGB")


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def jpeg_markers(data: bytes) -> list[int]:
    """Marker codes of a JPEG file up to the start of the scan."""
    assert data[:2] == b"\xff\xd8"
    markers, pos = [], 2
    while pos < len(data):
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]
    return markers


def close_to(pixel, colour, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_jpeg_is_reencoded_with_hashes_and_thumbnail():
    result = process_picture(encode(noisy((300, 400)), "JPEG", quality=95))
    picture = decoded(result.jpeg)
    assert picture.format == "JPEG" and picture.mode == "RGB"
    assert picture.size == (result.width, result.height) == (300, 400)
    assert result.sha256 == hashlib.sha256(result.jpeg).hexdigest()
    assert result.thumb_sha256 == hashlib.sha256(result.thumbnail).hexdigest()
    assert decoded(result.thumbnail).size == (150, 200)


def test_same_input_gives_same_output():
    raw = encode(noisy((120, 90)), "PNG")
    assert process_picture(raw) == process_picture(raw)


def assert_thumbnail_fits(thumbnail: bytes, side: int, aspect: float) -> None:
    """Thumbnails fill 75-100 % of their box (whole-factor shrinking), keeping the aspect."""
    width, height = decoded(thumbnail).size
    assert 0.75 * side <= max(width, height) <= side
    assert width / height == pytest.approx(aspect, rel=0.05)


def test_large_picture_is_scaled_down_keeping_aspect_ratio():
    result = process_picture(encode(noisy((2000, 1000)), "JPEG"))
    assert (result.width, result.height) == (1024, 512)
    assert_thumbnail_fits(result.thumbnail, 200, 2.0)


@pytest.mark.parametrize("size", [(240, 300), (260, 260), (640, 480), (201, 50)])
def test_thumbnails_fit_their_box(size):
    result = process_picture(encode(noisy(size), "PNG"))
    assert (result.width, result.height) == size
    assert_thumbnail_fits(result.thumbnail, 200, size[0] / size[1])


def test_small_picture_keeps_its_size_in_the_thumbnail():
    result = process_picture(encode(noisy((120, 90)), "PNG"))
    assert decoded(result.thumbnail).size == (120, 90)


def test_sides_are_configurable():
    result = process_picture(encode(noisy((400, 300)), "PNG"), max_side=100, thumb_side=40)
    assert (result.width, result.height) == (100, 75)
    assert_thumbnail_fits(result.thumbnail, 40, 4 / 3)


@pytest.mark.parametrize("with_icc", [False, True])
def test_metadata_is_stripped(with_icc):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "DemoCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 24.0)
    extra = {}
    if with_icc:
        extra["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    raw = encode(noisy((64, 48)), "JPEG", exif=exif, comment=b"taken at home", **extra)
    source = decoded(raw)
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input really carries GPS data
    assert "comment" in source.info

    result = process_picture(raw)
    for data in (result.jpeg, result.thumbnail):
        picture = decoded(data)
        assert not picture.getexif()
        assert not {"exif", "comment", "icc_profile", "xmp"} & set(picture.info)
        markers = jpeg_markers(data)
        assert not {0xE1, 0xE2, 0xFE} & set(markers)  # no APP1 (EXIF/XMP), APP2 (ICC), COM
        assert 0xC0 in markers and 0xC2 not in markers  # baseline, not progressive


def test_exif_orientation_is_applied():
    image = Image.new("RGB", (60, 30), BLUE)
    image.paste(RED, (0, 0, 30, 30))  # left half red
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: rotate 90° clockwise to display
    result = process_picture(encode(image, "JPEG", exif=exif, quality=95))
    picture = decoded(result.jpeg)
    assert picture.size == (30, 60)
    assert close_to(picture.getpixel((15, 10)), RED)  # the left half is now on top
    assert close_to(picture.getpixel((15, 50)), BLUE)


def test_png_transparency_is_flattened_on_white():
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((*GREEN, 255), (0, 0, 20, 40))
    picture = decoded(process_picture(encode(image, "PNG")).jpeg)
    assert close_to(picture.getpixel((10, 20)), GREEN)
    assert close_to(picture.getpixel((30, 20)), (255, 255, 255))


def test_gif_first_frame_is_used():
    frames = [Image.new("RGB", (32, 32), colour).convert("P") for colour in (RED, BLUE)]
    raw = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    picture = decoded(process_picture(raw).jpeg)
    assert close_to(picture.getpixel((16, 16)), RED)


def test_webp_is_accepted():
    picture = decoded(process_picture(encode(Image.new("RGB", (50, 30), BLUE), "WEBP")).jpeg)
    assert picture.size == (50, 30)
    assert close_to(picture.getpixel((25, 15)), BLUE)


@pytest.mark.parametrize("mode", ["L", "CMYK", "P", "LA"])
def test_other_colour_modes_become_rgb(mode):
    image = Image.new("RGB", (20, 20), GREEN).convert(mode)
    fmt = "JPEG" if mode in ("L", "CMYK") else "PNG"
    assert decoded(process_picture(encode(image, fmt)).jpeg).mode == "RGB"


def test_sixteen_bit_greyscale_keeps_its_brightness():
    raw = encode(Image.new("I;16", (20, 20), 32768), "PNG")
    red, green, blue = decoded(process_picture(raw).jpeg).getpixel((10, 10))
    assert 110 < red < 146 and red == green == blue


def test_an_unusable_colour_profile_does_not_stop_the_picture():
    lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    raw = encode(Image.new("RGB", (30, 20), GREEN), "JPEG", icc_profile=lab)
    assert process_picture(raw).width == 30


def test_content_decides_the_format_not_the_file_name(tmp_path):
    misnamed = tmp_path / "photo.jpg"
    misnamed.write_bytes(encode(Image.new("RGB", (30, 30), RED), "PNG"))
    assert process_picture(misnamed.read_bytes()).width == 30


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"hello, this is plain text",
        b"<!DOCTYPE html><html><body><img src='x.jpg'></body></html>",
        b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
        b"BM" + bytes(100),  # BMP is a picture, but not one we accept
    ],
)
def test_files_that_are_not_pictures_are_rejected(tmp_path, content):
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(content)
    with pytest.raises(PictureError, match="not a picture"):
        process_picture(fake.read_bytes())


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_pictures_are_rejected(fmt):
    raw = encode(noisy((300, 400)), fmt)
    with pytest.raises(PictureError, match="broken or truncated"):
        process_picture(raw[: len(raw) // 2])


def test_file_over_the_size_limit_is_rejected_before_decoding():
    with pytest.raises(PictureError, match="file over 10 MB"):
        process_picture(b"\xff\xd8\xff" + bytes(10 * 1024 * 1024))
    with pytest.raises(PictureError, match="file over 1000 bytes"):
        process_picture(encode(noisy((100, 100)), "PNG"), max_bytes=1000)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny real PNG whose header claims another size (a decompression bomb's header)."""
    data = bytearray(encode(Image.new("RGB", (1, 1), RED), "PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def test_pixel_bomb_is_rejected_from_its_header():
    limit_before = Image.MAX_IMAGE_PIXELS
    with pytest.raises(PictureError) as error:
        process_picture(png_claiming(40_000, 40_000))
    assert "40000×40000 pixels" in str(error.value)
    assert "40000000-pixel limit" in str(error.value)
    assert limit_before == Image.MAX_IMAGE_PIXELS  # no global state changed on the way


def test_pixel_limit_is_configurable():
    with pytest.raises(PictureError, match="100×100 pixels, over the 5000-pixel limit"):
        process_picture(encode(noisy((100, 100)), "PNG"), max_pixels=5000)


def test_webp_bomb_is_rejected_before_the_decoder_allocates_its_canvas():
    data = bytearray(encode(Image.new("RGBA", (2, 2), (*RED, 128)), "WEBP", lossless=True))
    assert data[12:16] == b"VP8L"
    bits = int.from_bytes(data[21:25], "little")
    bits = (bits & ~0x0FFFFFFF) | 16383 | (16383 << 14)  # 16384×16384, keep alpha/version bits
    data[21:25] = bits.to_bytes(4, "little")
    with pytest.raises(PictureError, match="16384×16384 pixels"):
        process_picture(bytes(data))


def test_picture_path_is_content_addressed(tmp_path):
    sha = "ab" + "cd" + "0" * 60
    assert picture_path(tmp_path, sha) == tmp_path / "ab" / f"{sha}.jpg"


@pytest.mark.parametrize(
    "bad",
    [
        "../../etc/passwd",
        "A" * 64,
        "ab" * 31 + "a",
        "g" * 64,
        "0" * 64 + "/x",
        "0" * 64 + "\n",
        None,
    ],
)
def test_picture_path_refuses_anything_but_a_hash(tmp_path, bad):
    with pytest.raises(ValueError, match="64 lower-case hex"):
        picture_path(tmp_path, bad)


def test_store_writes_picture_and_thumbnail_once(tmp_path):
    result = process_picture(encode(noisy((300, 400)), "JPEG"))
    store_picture(tmp_path, result)
    main, thumb = picture_path(tmp_path, result.sha256), picture_path(tmp_path, result.thumb_sha256)
    assert main.read_bytes() == result.jpeg
    assert thumb.read_bytes() == result.thumbnail
    stamps = (main.stat().st_mtime_ns, thumb.stat().st_mtime_ns)

    store_picture(tmp_path, result)  # already there: nothing is rewritten
    assert (main.stat().st_mtime_ns, thumb.stat().st_mtime_ns) == stamps
    files = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert files == sorted([main.name, thumb.name])  # no temporary files left behind


def test_store_repairs_a_damaged_file(tmp_path):
    result = process_picture(encode(noisy((80, 80)), "PNG"))
    store_picture(tmp_path, result)
    main = picture_path(tmp_path, result.sha256)
    main.write_bytes(result.jpeg[:100])  # e.g. a disk that filled up in an earlier run
    store_picture(tmp_path, result)
    assert main.read_bytes() == result.jpeg
