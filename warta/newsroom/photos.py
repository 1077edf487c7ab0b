"""Storing photos: the original plus WebP renditions, made once at upload.

Readers get ``srcset`` of these renditions; nothing resizes an image per request.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

from .models import Photo

RENDITION_WIDTHS = (480, 800, 1200)
WEBP_QUALITY = 78


def photo_create(*, image_bytes: bytes, filename: str, caption: str, credit: str = "") -> Photo:
    """Store a photo and its renditions. Raises ``PIL.UnidentifiedImageError`` for non-images."""
    with Image.open(BytesIO(image_bytes)) as probe:
        probe.verify()
    photo = Photo(caption=caption, credit=credit)
    photo.image.save(filename, ContentFile(image_bytes), save=False)
    with Image.open(BytesIO(image_bytes)) as image:
        image = ImageOps.exif_transpose(image)
        photo.width, photo.height = image.size
        photo.renditions = _make_renditions(image, photo.image.name)
    photo.save()
    return photo


def _make_renditions(image: Image.Image, original_name: str) -> list[dict]:
    stem = PurePosixPath(original_name).with_suffix("")
    source = image.convert("RGB")
    renditions = []
    widths = [w for w in RENDITION_WIDTHS if w < source.width] or [source.width]
    for width in widths:
        height = round(source.height * width / source.width)
        resized = source if width == source.width else source.resize((width, height), Image.LANCZOS)
        buffer = BytesIO()
        resized.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
        path = default_storage.save(f"{stem}-{width}w.webp", ContentFile(buffer.getvalue()))
        renditions.append({"width": width, "height": height, "path": path})
    return renditions
