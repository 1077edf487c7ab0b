"""Storing photos: a clean original plus WebP renditions, made once at upload.

Readers get ``srcset`` of these renditions; nothing resizes an image per request.

Every picture, from the desk or an import, passes ``check_upload`` first: the size
limit before anything is decoded, the format from the content (never the file
name), a pixel limit against decompression bombs, a full decode so truncated files
fail here and not in a reader's browser. The stored original is re-encoded from the
decoded pixels, so EXIF (with GPS), XMP, comments and anything hidden in the file
never reach a reader.
"""

import re
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError, features

from .models import Photo

RENDITION_WIDTHS = (480, 800, 1200)
WEBP_QUALITY = 78
# Re-encoding a lossy original costs a little quality; 90 keeps it invisible.
ORIGINAL_QUALITY = 90

# A 50-megapixel picture is already more than any news camera delivers; decoded it
# takes 150 MB of memory. Pillow's own bomb guard (MAX_IMAGE_PIXELS, ~89 MP) is a
# process-wide setting we leave alone and back with this stricter limit.
MAX_PIXELS = 50_000_000
# The largest side a WebP rendition can have; a taller (or wider) picture could be
# stored but never rendered.
MAX_SIDE = 16_383
DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# Pillow format name -> stored extension. AVIF only when this Pillow can decode it.
_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
if features.check("avif"):
    _EXTENSIONS["AVIF"] = ".avif"
ACCEPTED_FORMATS = tuple(_EXTENSIONS)
ACCEPTED_MIME_TYPES = ",".join(f"image/{f.lower()}" for f in ACCEPTED_FORMATS)

# A polyglot is a file that is a valid picture and also a valid HTML/SVG page: served
# from our domain with a sniffed or wrong content type it runs script as us (stored
# XSS). Re-encoding already drops the payload, so this check is defence in depth: a
# desk upload carrying markup is refused rather than silently cleaned. The patterns
# are long enough (or need an event handler) that compressed pixel data practically
# never matches them by chance; a bare "<svg" would, in about one photo in ten
# thousand.
_MARKUP = re.compile(
    rb"<(?:script|html|body|iframe|object|embed)[\s/>]"
    rb"|<svg[\s/][^<>]{0,500}?(?:xmlns|\bon[a-z]+\s*=)"
    rb"|<!doctype\s+html|<\?php\s",
    re.IGNORECASE,
)


class PhotoRejected(ValueError):
    """The upload is not a picture we store; the message (Indonesian) says why."""


@dataclass(frozen=True)
class ImageInfo:
    """What the content says a checked upload is (size as a reader will see it)."""

    format: str
    extension: str
    width: int
    height: int


@dataclass(frozen=True)
class StoredImage:
    """An original in storage and its renditions, ready for one or more Photo rows."""

    name: str
    width: int
    height: int
    renditions: list[dict]

    @property
    def paths(self) -> list[str]:
        return [self.name, *(r["path"] for r in self.renditions)]


def max_upload_bytes() -> int:
    return getattr(settings, "MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def check_upload(data: bytes, filename: str = "") -> ImageInfo:
    """What the picture in ``data`` is; raises PhotoRejected for anything we do not store.

    ``filename`` is not trusted: the format is read from the content.
    """
    with _decoded(data, filename) as (_, info):
        return info


def store_image(image_bytes: bytes, filename: str) -> StoredImage:
    """Check a picture, store a clean original under Photo's upload path, make renditions.

    The original keeps the name's stem but gets the extension of its real format.
    Raises PhotoRejected (a ValueError) for data that is not a picture we accept;
    nothing is left in storage when anything fails.
    """
    with _decoded(image_bytes, filename) as (image, info):
        try:
            upright = ImageOps.exif_transpose(image)
            original = _encode_original(upright, image, info.format)
            rendition_bytes = _encode_renditions(
                upright if upright.mode == "RGB" else upright.convert("RGB")
            )
        except (OSError, ValueError) as exc:  # an exotic mode or profile the encoders refuse
            raise PhotoRejected(
                "Foto ini tidak dapat diolah; simpan ulang sebagai JPEG lalu unggah lagi."
            ) from exc
    stem = _safe_stem(filename)
    field = Photo._meta.get_field("image")
    written: list[str] = []
    try:
        name = default_storage.save(
            field.generate_filename(None, f"{stem}{info.extension}"), ContentFile(original)
        )
        written.append(name)
        renditions = []
        base = PurePosixPath(name).with_suffix("")
        for width, height, data in rendition_bytes:
            path = default_storage.save(f"{base}-{width}w.webp", ContentFile(data))
            written.append(path)
            renditions.append({"width": width, "height": height, "path": path})
    except BaseException:
        _delete(written)
        raise
    width, height = upright.size
    return StoredImage(name=name, width=width, height=height, renditions=renditions)


def photo_create(
    *,
    image_bytes: bytes,
    filename: str,
    caption: str,
    credit: str = "",
    alt_text: str = "",
    uploaded_by=None,
) -> Photo:
    """A new Photo with its stored original and renditions; no files left if it fails."""
    stored = store_image(image_bytes, filename)
    photo = Photo(caption=caption, credit=credit, alt_text=alt_text, uploaded_by=uploaded_by)
    _attach(photo, stored)
    try:
        with transaction.atomic():
            photo.save()
    except BaseException:
        _delete(stored.paths)
        raise
    return photo


def photo_upload(*, file, caption: str, credit: str, alt_text: str = "", uploaded_by=None) -> Photo:
    """A new Photo from a desk upload (a Django ``UploadedFile`` or any binary file)."""
    return photo_create(
        image_bytes=read_upload(file),
        filename=getattr(file, "name", "") or "",
        caption=caption,
        credit=credit,
        alt_text=alt_text,
        uploaded_by=uploaded_by,
    )


def photo_update(*, photo: Photo, caption: str, credit: str, alt_text: str, file=None) -> Photo:
    """Change a photo's text and, given ``file``, its picture.

    The files of a replaced picture are removed once the change is committed, unless
    another Photo still shows them (imports share one file between many photos).
    """
    photo.caption, photo.credit, photo.alt_text = caption, credit, alt_text
    if file is None:
        photo.save(update_fields=["caption", "credit", "alt_text"])
        return photo
    old = _paths_of(photo)
    stored = store_image(read_upload(file), getattr(file, "name", "") or "")
    _attach(photo, stored)
    try:
        with transaction.atomic():
            photo.save()
            if old and not Photo.objects.filter(image=old[0]).exclude(pk=photo.pk).exists():
                transaction.on_commit(lambda: _delete(old))
    except BaseException:
        _delete(stored.paths)
        raise
    return photo


def read_upload(file) -> bytes:
    """The bytes of an uploaded file, refused without reading when over the limit."""
    limit = max_upload_bytes()
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise PhotoRejected(_too_big(size, limit))
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    if len(data) > limit:
        raise PhotoRejected(_too_big(len(data), limit))
    return data


# --- checking -------------------------------------------------------------------------


@contextmanager
def _decoded(data: bytes, filename: str) -> Iterator[tuple[Image.Image, ImageInfo]]:
    """``with _decoded(data, name) as (image, info)``: a fully decoded, checked picture."""
    limit = max_upload_bytes()
    if len(data) > limit:
        raise PhotoRejected(_too_big(len(data), limit))
    if not data:
        raise PhotoRejected("Berkas kosong.")
    image = None
    try:
        # Bomb warnings (over MAX_IMAGE_PIXELS) become errors, like the over-2x error.
        with warnings.catch_warnings(action="error", category=Image.DecompressionBombWarning):
            image = Image.open(BytesIO(data), formats=ACCEPTED_FORMATS)
            _check_size(image)
            if _MARKUP.search(data):
                raise PhotoRejected(
                    "Berkas gambar ini menyimpan kode HTML/SVG/skrip; unggah foto yang bersih."
                )
            # A full decode: truncated or corrupt data fails here, not in a browser.
            image.load()
            info = _info(image)  # after load: a PNG may keep its EXIF after the pixels
    except PhotoRejected:
        _close(image)
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _close(image)
        raise PhotoRejected(_too_many_pixels()) from None
    except UnidentifiedImageError:
        _close(image)
        raise PhotoRejected(
            f"Berkas bukan foto {format_list()}; jenisnya dibaca dari isi berkas, "
            "bukan dari namanya."
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error) as exc:
        _close(image)
        raise PhotoRejected(
            "Berkas foto rusak atau terpotong; unggah ulang berkas aslinya."
        ) from exc
    try:
        yield image, info
    finally:
        image.close()


def _close(image: Image.Image | None) -> None:
    if image is not None:
        image.close()


def _check_size(image: Image.Image) -> None:
    width, height = image.size
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise PhotoRejected(_too_many_pixels(width, height))


def _info(image: Image.Image) -> ImageInfo:
    width, height = image.size
    if _orientation(image) in (5, 6, 7, 8):  # a quarter turn: readers see it upright
        width, height = height, width
    return ImageInfo(image.format, _EXTENSIONS[image.format], width, height)


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(0x0112, 1))
    except (TypeError, ValueError):
        return 1


# --- encoding -------------------------------------------------------------------------


def _encode_original(upright: Image.Image, image: Image.Image, fmt: str) -> bytes:
    """``upright`` in the format of ``image``, with no metadata but its colour profile."""
    clean = upright  # exif_transpose made it: a copy of ours to change
    clean.info = {}  # some encoders copy metadata from info (JPEG comments, PNG ICC)
    options: dict = {"exif": b""}
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    if fmt == "JPEG":
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        # The original's quantization tables keep re-encoding close to lossless.
        quantization = getattr(image, "quantization", None)
        if quantization and clean.mode == image.mode:
            options["qtables"] = quantization
            sampling = JpegImagePlugin.get_sampling(image)
            if sampling != -1:
                options["subsampling"] = sampling
        else:
            options["quality"] = ORIGINAL_QUALITY
        options["optimize"] = True
    elif fmt == "PNG":
        if "transparency" in image.info:
            options["transparency"] = image.info["transparency"]
    else:  # WEBP, AVIF
        if clean.mode not in ("RGB", "RGBA"):
            clean = clean.convert("RGBA" if "A" in clean.getbands() else "RGB")
        options["quality"] = ORIGINAL_QUALITY
    buffer = BytesIO()
    clean.save(buffer, fmt, **options)
    return buffer.getvalue()


def _encode_renditions(source: Image.Image) -> list[tuple[int, int, bytes]]:
    """(width, height, WebP bytes) of each rendition, widest not over the original."""
    result = []
    widths = [w for w in RENDITION_WIDTHS if w <= source.width] or [source.width]
    for width in widths:
        height = max(1, round(source.height * width / source.width))
        resized = (
            source
            if width == source.width
            else source.resize((width, height), Image.LANCZOS, reducing_gap=3.0)
        )
        buffer = BytesIO()
        resized.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
        result.append((width, height, buffer.getvalue()))
    return result


# --- storage --------------------------------------------------------------------------


def _attach(photo: Photo, stored: StoredImage) -> None:
    photo.image.name = stored.name
    photo.width, photo.height = stored.width, stored.height
    photo.renditions = stored.renditions


def _paths_of(photo: Photo) -> list[str]:
    if not photo.image:
        return []
    return [photo.image.name, *(r["path"] for r in photo.renditions or [])]


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _safe_stem(filename: str) -> str:
    """A storable stem from a client's file name (which may carry a path or be empty)."""
    stem = PurePosixPath(filename.replace("\\", "/")).name.rsplit(".", 1)[0]
    stem = default_storage.get_valid_name(stem) if stem.strip(" ._") else "foto"
    # Photo.image holds 100 characters: photos/YYYY/MM/ + stem + suffix + extension.
    return stem[:60]


# --- messages -------------------------------------------------------------------------


def megabytes(size: int) -> str:
    """``10 MB``, ``2,5 MB``, ``300 KB``: a file size as the desk reads it.

    Rounded up, as kilobytes are: a file just over the limit never reads as the limit
    itself ("10,5 MB; paling besar 10 MB", not "10 MB; paling besar 10 MB")."""
    mebibyte = 1024 * 1024
    if size < mebibyte:
        return f"{-(-size // 1024)} KB"
    if size % mebibyte == 0:
        return f"{size // mebibyte} MB"
    tenths = -(-size * 10 // mebibyte)
    return f"{tenths // 10},{tenths % 10} MB"


def _too_big(size: int, limit: int) -> str:
    return f"Berkas terlalu besar ({megabytes(size)}); paling besar {megabytes(limit)}."


def _too_many_pixels(width: int | None = None, height: int | None = None) -> str:
    limit = f"paling besar {MAX_PIXELS // 1_000_000} megapiksel, sisi terpanjang {MAX_SIDE} px"
    if width and height:
        return f"Ukuran gambar {width} × {height} px terlalu besar; {limit}."
    return f"Ukuran gambar terlalu besar; {limit}."


def format_list() -> str:
    names = [{"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "AVIF": "AVIF"}[f] for f in _EXTENSIONS]
    return ", ".join(names[:-1]) + " atau " + names[-1]
