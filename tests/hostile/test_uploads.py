"""Pictures uploaded to the desk's media library: broken, disguised and hostile files
are refused with an Indonesian message next to the field, and nothing is stored: no
Photo row, no file under MEDIA_ROOT. (warta/newsroom/photos.py checks them; the
import reads files through the same check, see test_import.py.)

tests/newsroom/test_photos.py and tests/desk/test_media.py hold the hand-picked cases
(truncated JPEG and PNG, HTML and SVG named .jpg, JPEG+HTML polyglots, bombs); here
are the ones they leave out, and random damage to real pictures.
"""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.desk.people import make_user
from warta.desk.roles import EDITOR
from warta.newsroom.models import Photo

from .database import differences, snapshot
from .profiles import examples
from .strategies import nasty, text
from .tally import attempt, no_server_error

pytestmark = pytest.mark.django_db

ADD = "/redaksi/newsroom/photo/add/"
# The beginnings of every refusal the library gives (warta/newsroom/photos.py).
REFUSALS = (
    "Berkas foto rusak atau terpotong",
    "Berkas bukan foto",
    "Berkas gambar ini menyimpan kode HTML/SVG/skrip",
    "Ukuran gambar",
    "Berkas terlalu besar",
    "Berkas kosong",
    "Pilih berkas foto",
    "Berkas yang dikirimkan kosong",  # Django's own, for a file of zero bytes
)


def encode(fmt: str, size=(320, 200), mode: str = "RGB", **options) -> bytes:
    buffer = BytesIO()
    Image.effect_noise(size, 64).convert(mode).save(buffer, fmt, **options)
    return buffer.getvalue()


JPEG, PNG, WEBP = encode("JPEG"), encode("PNG"), encode("WEBP")
GIF = encode("GIF", mode="P")


def blank_png(width: int, height: int) -> bytes:
    """Real pixels, all white: 144 megapixels in a few kilobytes."""
    buffer = BytesIO()
    Image.new("1", (width, height), 1).save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def desk(client, db, media):
    client.force_login(make_user(EDITOR, "redaktur-foto"))
    return client


def stored(media) -> list:
    return sorted(p for p in media.rglob("*") if p.is_file())


def form(data: bytes, name: str, content_type: str = "image/jpeg", **fields) -> dict:
    return {
        "caption": "Warga menyeberangi genangan di Kampung Melayu.",
        "credit": "Antara",
        "alt_text": "",
        "upload": SimpleUploadedFile(name, data, content_type=content_type),
        **fields,
    }


BOUNDARY = "----batas-berkas-uji"


def multipart(fields: dict, name: str, data: bytes, content_type: str) -> bytes:
    """The form as a browser sends it, file name and type exactly as given (Django's
    test client would refuse to build some of the names a crafted request carries)."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    quoted = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="upload"; filename="{quoted}"'
        f"\r\nContent-Type: {content_type}\r\n\r\n".encode("utf-8", "surrogatepass")
        + data
        + b"\r\n"
    )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def upload_errors(response) -> list[str]:
    return list(response.context["adminform"].form.errors.get("upload", []))


GAPS = {
    "truncated WebP": (WEBP[: len(WEBP) // 2], "foto.webp", "rusak atau terpotong"),
    "WebP with a script after it": (WEBP + b"<script>alert(1)</script>", "foto.webp", "kode HTML"),
    "PNG with HTML after it": (PNG + b"<html><body onload=alert(1)>", "foto.png", "kode HTML"),
    "GIF and HTML in one file": (GIF + b"<script>alert(1)</script>", "foto.gif", "bukan foto"),
    "GIFAR-style HTML named .jpg": (
        b"GIF89a<html><script>alert(1)</script>",
        "foto.jpg",
        "bukan foto",
    ),
    "SVG named .png": (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "foto.png",
        "bukan foto",
    ),
    "HTML named .webp": (b"<!doctype html><script>alert(1)</script>", "foto.webp", "bukan foto"),
    "zero bytes": (b"", "kosong.jpg", "kosong"),
    "PNG claiming 100000 x 100000": (png_claiming(100_000, 100_000), "bom.png", "Ukuran gambar"),
    "PNG claiming 16384 x 1": (png_claiming(16_384, 1), "garis.png", "Ukuran gambar"),
    "decompression bomb": (blank_png(12_000, 12_000), "bom.png", "Ukuran gambar"),
    "JPEG header only": (JPEG[:200], "awal.jpg", "rusak atau terpotong"),
}


@pytest.mark.parametrize("case", GAPS)
def test_a_hostile_file_is_refused_in_indonesian_and_nothing_is_stored(desk, media, case):
    data, name, message = GAPS[case]
    before = snapshot()

    with attempt("uploads: known hostile files"):
        response = desk.post(ADD, form(data, name))

        assert response.status_code == 200
        [error] = upload_errors(response)
        assert message in error and error.startswith(REFUSALS), error
        assert differences(before, snapshot()) == []
        assert stored(media) == []


def damaged(data: bytes) -> st.SearchStrategy[bytes]:
    """A real picture cut, overwritten, or with bytes added before or after."""
    at = st.integers(0, len(data) - 1)
    junk = st.one_of(st.binary(min_size=1, max_size=64), nasty.map(str.encode))
    return st.one_of(
        at.map(lambda i: data[:i]),
        st.tuples(at, junk).map(lambda c: data[: c[0]] + c[1] + data[c[0] + len(c[1]) :]),
        junk.map(lambda extra: extra + data),
        junk.map(lambda extra: data + extra),
        st.just(data),
    )


@settings(max_examples=examples(25))
@given(
    data=st.sampled_from([JPEG, PNG, WEBP, GIF]).flatmap(damaged),
    name=st.one_of(
        st.sampled_from(["foto.jpg", "foto.png", "foto.webp", "foto", ".jpg", "", "..", "/"]),
        st.sampled_from(["../../etc/passwd.jpg", "a\x00.jpg.html", "C:\\foto.jpg"]),
        text,
    ),
    content_type=st.sampled_from(["image/jpeg", "image/png", "text/html", "", "a/b;c"]),
    caption=st.one_of(st.just("Keterangan foto."), text),
)
def test_a_damaged_picture_is_stored_whole_or_refused_in_indonesian(
    desk, media, data, name, content_type, caption
):
    before = snapshot()

    with attempt("uploads: damaged pictures"):
        try:
            with transaction.atomic():
                fields = {"caption": caption, "credit": "Antara", "alt_text": ""}
                response = desk.generic(
                    "POST",
                    ADD,
                    multipart(fields, name, data, content_type),
                    f"multipart/form-data; boundary={BOUNDARY}",
                )

                no_server_error(response, f"upload of {len(data)} bytes named {name!r:.60}")
                if response.status_code == 302:
                    photo = Photo.objects.latest("pk")
                    with Image.open(media / photo.image.name) as picture:
                        picture.load()  # what readers get decodes whole
                    transaction.set_rollback(True)
                else:
                    # 400: a request Django's parser refuses (a file name of kilobytes).
                    assert response.status_code in {200, 400}
                    if response.status_code == 200:
                        for error in upload_errors(response):
                            assert error.startswith(REFUSALS), error
                    assert differences(before, snapshot()) == []
                    assert stored(media) == []
        finally:
            for path in stored(media):
                path.unlink()
