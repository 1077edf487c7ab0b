"""Checking and storing photos with real, deliberately broken files made here.

Every case builds its file with Pillow (or by hand) so the bytes are what a camera,
a careless export or an attacker would produce, not a mock.
"""

import random
import struct
import zlib
from io import BytesIO

import pytest
from PIL import ExifTags, Image, ImageCms, features

from warta.newsroom import photos
from warta.newsroom.models import Photo
from warta.newsroom.photos import PhotoRejected, check_upload, photo_create, store_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def stored_files(media) -> list:
    return sorted(p for p in media.rglob("*") if p.is_file())


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def noise(size=(1000, 600)) -> Image.Image:
    """Random pixels: they compress badly, so cutting the file cuts real image data.
    Seeded, so every run damages the same picture (Pillow's effect_noise is not)."""
    width, height = size
    return Image.frombytes("RGB", size, random.Random(7).randbytes(width * height * 3))


def jpeg(size=(1000, 600), color="teal", **options) -> bytes:
    return encode(Image.new("RGB", size, color), "JPEG", **options)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` 1-bit pixels and carries almost none."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (6.0, 10.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (106.0, 49.0, 40.0)
    return exif


# --- what is accepted -------------------------------------------------------------------


def test_a_jpeg_is_stored_with_its_renditions(media):
    stored = store_image(jpeg(), "banjir-jakarta.jpg")

    assert stored.name.startswith("photos/") and stored.name.endswith("/banjir-jakarta.jpg")
    assert (stored.width, stored.height) == (1000, 600)
    assert [(r["width"], r["height"]) for r in stored.renditions] == [(480, 288), (800, 480)]
    assert stored_files(media) == sorted(media / path for path in stored.paths)
    for rendition in stored.renditions:
        with Image.open(media / rendition["path"]) as image:
            assert image.format == "WEBP"


def test_check_upload_reads_the_format_from_the_content():
    info = check_upload(encode(Image.new("RGB", (640, 480)), "PNG"), "foto.jpg")

    assert (info.format, info.extension, info.width, info.height) == ("PNG", ".png", 640, 480)


def test_a_png_named_jpg_is_stored_as_png(media):
    stored = store_image(encode(Image.new("RGBA", (600, 400), "red"), "PNG"), "foto.jpg")

    assert stored.name.endswith("/foto.png")
    with Image.open(media / stored.name) as image:
        assert image.format == "PNG"


def test_a_webp_is_accepted(media):
    stored = store_image(encode(Image.new("RGB", (900, 500), "navy"), "WEBP"), "x.webp")

    assert stored.name.endswith(".webp")
    assert [r["width"] for r in stored.renditions] == [480, 800]


@pytest.mark.skipif(not features.check("avif"), reason="this Pillow has no AVIF codec")
def test_an_avif_is_accepted(media):
    stored = store_image(encode(Image.new("RGB", (900, 500), "olive"), "AVIF"), "x.avif")

    assert stored.name.endswith(".avif")
    with Image.open(media / stored.name) as image:
        assert image.format == "AVIF"
    assert [r["width"] for r in stored.renditions] == [480, 800]


def test_a_small_picture_gets_one_rendition_at_its_own_width(media):
    stored = store_image(jpeg(size=(300, 200)), "kecil.jpg")

    assert [(r["width"], r["height"]) for r in stored.renditions] == [(300, 200)]


def test_a_transparent_palette_png_stays_transparent(media):
    image = Image.new("P", (600, 400), 0)
    image.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)

    stored = store_image(encode(image, "PNG", transparency=0), "logo.png")

    with Image.open(media / stored.name) as kept:
        assert kept.mode == "P" and kept.info["transparency"] == 0


def test_a_cmyk_jpeg_is_accepted(media):
    stored = store_image(encode(Image.new("CMYK", (900, 600), "cyan"), "JPEG"), "cetak.jpg")

    with Image.open(media / stored.name) as kept:
        assert kept.mode == "CMYK"
    assert [r["width"] for r in stored.renditions] == [480, 800]


# --- metadata and orientation ---------------------------------------------------------


def test_gps_exif_xmp_and_comments_never_reach_a_reader(media):
    data = jpeg(exif=gps_exif(), comment=b"rumah narasumber", xmp=b"<x:xmpmeta>Depok</x:xmpmeta>")
    assert Image.open(BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the premise

    stored = store_image(data, "narasumber.jpg")

    for path in stored.paths:
        raw = (media / path).read_bytes()
        assert b"Exif" not in raw and b"Canon" not in raw
        assert b"Depok" not in raw and b"narasumber" not in raw
        with Image.open(media / path) as image:
            assert not image.getexif()
            assert not {"exif", "xmp", "comment"} & set(image.info)


def test_the_colour_profile_is_kept(media):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()

    stored = store_image(jpeg(icc_profile=icc, exif=gps_exif()), "warna.jpg")

    with Image.open(media / stored.name) as image:
        assert image.info["icc_profile"] == icc


def test_an_exif_rotated_picture_comes_out_upright(media):
    # Stored sideways (red left, blue right) with "rotate 90° clockwise to view".
    sideways = Image.new("RGB", (300, 100), "blue")
    sideways.paste("red", (0, 0, 150, 100))

    stored = store_image(encode(sideways, "JPEG", exif=gps_exif(orientation=6)), "hp.jpg")

    assert (stored.width, stored.height) == (100, 300)
    with Image.open(media / stored.name) as image:
        assert image.size == (100, 300)
        assert 0x0112 not in image.getexif()  # no orientation left to apply twice
        red, _, blue = image.getpixel((50, 20))
        assert red > 200 and blue < 60, "the left edge became the top"
    assert stored.renditions[0]["width"] == 100


def test_check_upload_reports_the_upright_size():
    data = jpeg(size=(300, 100), exif=gps_exif(orientation=6))

    assert (check_upload(data).width, check_upload(data).height) == (100, 300)


# --- what is refused --------------------------------------------------------------------


def _refused(data: bytes, filename: str, media) -> str:
    with pytest.raises(PhotoRejected) as caught:
        store_image(data, filename)
    assert stored_files(media) == []
    return str(caught.value)


def test_photo_rejected_is_a_value_error():
    assert issubclass(PhotoRejected, ValueError)


def test_a_truncated_jpeg_is_refused(media):
    data = encode(noise(), "JPEG", quality=90)

    message = _refused(data[: len(data) // 2], "potong.jpg", media)

    assert message == "Berkas foto rusak atau terpotong; unggah ulang berkas aslinya."


def test_a_truncated_png_is_refused(media):
    data = encode(noise(), "PNG")

    assert "rusak atau terpotong" in _refused(data[: len(data) // 2], "potong.png", media)


def test_a_corrupt_jpeg_is_refused(media):
    data = bytearray(encode(noise(), "JPEG"))
    scan = data.index(b"\xff\xda") + 200  # inside the compressed pixels
    data[scan : scan + 3400] = b"\xff" * 3400

    assert "rusak" in _refused(bytes(data), "rusak.jpg", media)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("halaman.jpg", b"<!doctype html><html><body><h1>Halo</h1></body></html>"),
        ("teks.jpg", b"Ini bukan foto, hanya teks biasa."),
        (
            "gambar.jpg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(document.cookie)</script></svg>",
        ),
        ("animasi.jpg", encode(Image.new("P", (200, 200)), "GIF")),
        ("dokumen.jpg", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"),
        ("peta.jpg", encode(Image.new("RGB", (200, 200)), "BMP")),
        ("kosong.jpg", b""),
    ],
)
def test_what_is_not_a_photo_is_refused_whatever_its_name(media, name, data):
    message = _refused(data, name, media)

    assert message in (
        f"Berkas bukan foto {photos.format_list()}; jenisnya dibaca dari isi berkas, "
        "bukan dari namanya.",
        "Berkas kosong.",
    )


@pytest.mark.parametrize(
    "hide",
    [
        lambda data: data + b"<html><script>alert(1)</script></html>",
        lambda data: jpeg(comment=b"<script>alert(1)</script>"),
        lambda data: jpeg(comment=b'<svg onload="alert(1)">'),
    ],
    ids=["appended-html", "script-in-comment", "svg-handler-in-comment"],
)
def test_a_jpeg_html_polyglot_is_refused(media, hide):
    data = hide(jpeg())
    assert Image.open(BytesIO(data)).format == "JPEG"  # a valid picture, and a page

    assert "kode HTML/SVG/skrip" in _refused(data, "poliglot.jpg", media)


def test_a_decompression_bomb_is_refused_before_decoding(media):
    # 20000 × 20000 one-bit pixels: a few kilobytes on disk, 400 megapixels decoded.
    bomb = encode(Image.new("1", (20000, 20000)), "PNG")
    assert len(bomb) < 100_000

    message = _refused(bomb, "bom.png", media)

    assert message.startswith("Ukuran gambar") and "terlalu besar" in message


@pytest.mark.parametrize(
    ("width", "height"),
    [(60000, 60000), (10000, 9000), (8000, 7000), (100, 20000)],
    ids=["over-pillow-error", "over-pillow-warning", "over-our-limit", "too-tall"],
)
def test_huge_dimensions_are_refused(media, width, height):
    pixels_limit = Image.MAX_IMAGE_PIXELS

    message = _refused(png_header_only(width, height), "besar.png", media)

    assert "terlalu besar" in message and "megapiksel" in message
    assert pixels_limit == Image.MAX_IMAGE_PIXELS, "the process-wide limit is left alone"


def test_an_oversized_file_is_refused_before_it_is_decoded(media, settings):
    settings.MAX_UPLOAD_BYTES = 2048
    data = b"x" * 5000  # not even a picture: the size is checked first

    assert _refused(data, "besar.jpg", media) == "Berkas terlalu besar (5 KB); paling besar 2 KB."


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (10 * 1024 * 1024, "10 MB"),
        (2_621_440, "2,5 MB"),
        (11_000_000, "10,5 MB"),  # just over the 10 MB limit, and it says so
        (10 * 1024 * 1024 + 1, "10,1 MB"),
        (300 * 1024, "300 KB"),
        (1, "1 KB"),
    ],
)
def test_sizes_read_the_indonesian_way(size, text):
    assert photos.megabytes(size) == text


def test_the_size_limit_is_ten_megabytes_unless_configured(settings):
    del settings.MAX_UPLOAD_BYTES

    assert photos.max_upload_bytes() == 10 * 1024 * 1024


def test_read_upload_refuses_a_big_file_by_its_declared_size(settings):
    settings.MAX_UPLOAD_BYTES = 1024

    class Upload(BytesIO):
        size = 10_000_000

    with pytest.raises(PhotoRejected, match="terlalu besar"):
        photos.read_upload(Upload(b"\xff\xd8"))


# --- nothing half-saved -----------------------------------------------------------------


def test_a_storage_failure_removes_what_was_written(media, monkeypatch):
    from django.core.files.storage import default_storage

    real_save, calls = default_storage.save, []

    def failing_save(name, content, **kwargs):
        calls.append(name)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_save(name, content, **kwargs)

    monkeypatch.setattr(default_storage, "save", failing_save)

    with pytest.raises(OSError, match="disk full"):
        store_image(jpeg(), "penuh.jpg")

    assert stored_files(media) == []


def test_a_database_failure_removes_the_stored_files(media, monkeypatch):
    def failing_save(self, *args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Photo, "save", failing_save)

    with pytest.raises(RuntimeError):
        photo_create(image_bytes=jpeg(), filename="a.jpg", caption="Banjir", credit="Antara")

    assert stored_files(media) == []


def test_photo_create_keeps_the_caption_credit_and_alt_text(media):
    photo = photo_create(
        image_bytes=jpeg(), filename="a.jpg", caption="Banjir", credit="Antara", alt_text="Air"
    )

    photo.refresh_from_db()
    assert (photo.caption, photo.credit, photo.alt_text) == ("Banjir", "Antara", "Air")
    assert (photo.width, photo.height) == (1000, 600)
    assert (media / photo.image.name).is_file()


def test_a_hostile_file_name_is_stored_under_the_upload_path(media):
    stored = store_image(jpeg(), "../../etc/<passwd>.jpg")

    assert stored.name.startswith("photos/")
    assert ".." not in stored.name and "<" not in stored.name
    assert (media / stored.name).is_file()


# --- replacing a picture ----------------------------------------------------------------


def test_replacing_a_picture_removes_the_old_files_once_committed(
    media, django_capture_on_commit_callbacks
):
    photo = photo_create(image_bytes=jpeg(), filename="lama.jpg", caption="Lama", credit="A")
    old = [media / path for path in [photo.image.name, *(r["path"] for r in photo.renditions)]]

    with django_capture_on_commit_callbacks(execute=True):
        photos.photo_update(
            photo=photo,
            caption="Baru",
            credit="B",
            alt_text="",
            file=BytesIO(jpeg(color="red")),
        )

    assert not any(path.exists() for path in old)
    photo.refresh_from_db()
    assert photo.caption == "Baru" and (media / photo.image.name).is_file()


def test_replacing_a_shared_picture_keeps_the_files_another_photo_shows(
    media, django_capture_on_commit_callbacks
):
    photo = photo_create(image_bytes=jpeg(), filename="bersama.jpg", caption="A", credit="A")
    twin = Photo.objects.create(caption="B", credit="B", image=photo.image.name)

    with django_capture_on_commit_callbacks(execute=True):
        photos.photo_update(
            photo=photo, caption="A", credit="A", alt_text="", file=BytesIO(jpeg(color="red"))
        )

    assert (media / twin.image.name).is_file()


def test_a_rejected_replacement_leaves_the_photo_as_it_was(media):
    photo = photo_create(image_bytes=jpeg(), filename="tetap.jpg", caption="A", credit="A")
    before = stored_files(media)

    with pytest.raises(PhotoRejected):
        photos.photo_update(
            photo=photo, caption="A", credit="A", alt_text="", file=BytesIO(b"<html>")
        )

    photo.refresh_from_db()
    assert stored_files(media) == before
    assert photo.image.name.endswith("tetap.jpg")
