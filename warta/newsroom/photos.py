"""Storing photos: the original plus WebP renditions, made once at upload.

Readers get ``srcset`` of these renditions; nothing resizes an image per request.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

from .models import Photo

RENDITION_WIDTHS = (480, 800, 1200)
WEBP_QUALITY = 78


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


def store_image(image_bytes: bytes, filename: str) -> StoredImage:
    """Store an original under Photo's upload path and make its renditions.

    Raises ``PIL.UnidentifiedImageError`` (or ``OSError``) for data that is not a picture.
    """
    with Image.open(BytesIO(image_bytes)) as probe:
        probe.verify()
    field = Photo._meta.get_field("image")
    name = default_storage.save(field.generate_filename(None, filename), ContentFile(image_bytes))
    with Image.open(BytesIO(image_bytes)) as image:
        image = ImageOps.exif_transpose(image)
        width, height = image.size
        renditions = _make_renditions(image, name)
    return StoredImage(name=name, width=width, height=height, renditions=renditions)


def photo_create(*, image_bytes: bytes, filename: str, caption: str, credit: str = "") -> Photo:
    """A new Photo with its stored original and renditions."""
    stored = store_image(image_bytes, filename)
    photo = Photo(
        caption=caption,
        credit=credit,
        width=stored.width,
        height=stored.height,
        renditions=stored.renditions,
    )
    photo.image.name = stored.name
    photo.save()
    return photo


def _make_renditions(image: Image.Image, original_name: str) -> list[dict]:
    stem = PurePosixPath(original_name).with_suffix("")
    source = image.convert("RGB")
    renditions = []
    widths = [w for w in RENDITION_WIDTHS if w <= source.width] or [source.width]
    for width in widths:
        height = round(source.height * width / source.width)
        resized = source if width == source.width else source.resize((width, height), Image.LANCZOS)
        buffer = BytesIO()
        resized.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
        path = default_storage.save(f"{stem}-{width}w.webp", ContentFile(buffer.getvalue()))
        renditions.append({"width": width, "height": height, "path": path})
    return renditions
