"""Where a lead photo lives, as machines outside the site must be told: an absolute
URL of its default WebP rendition and, for RSS enclosures, its size in bytes."""

from dataclasses import dataclass

from django.core.files.storage import default_storage

from warta.newsroom.models import Photo

RENDITION_TYPE = "image/webp"


@dataclass(frozen=True)
class LeadImage:
    url: str
    length: int
    mime_type: str = RENDITION_TYPE


def _size(path: str) -> int:
    # RSS requires a length; 0 is the convention when the file cannot be measured
    # (a missing file must not take the whole feed down).
    try:
        return default_storage.size(path)
    except (OSError, NotImplementedError, ValueError):
        return 0


def lead_image(photo: Photo | None, base: str, *, with_length: bool = False) -> LeadImage | None:
    """The photo's default rendition; ``base`` is ``scheme://host`` for relative media URLs.

    The size comes from the rendition record when it has one, else from storage, and
    only when asked: sitemaps have no use for it.
    """
    rendition = photo.default_rendition if photo is not None else None
    if rendition is None:
        return None
    url = default_storage.url(rendition["path"])
    if url.startswith("/"):
        url = base + url
    length = rendition.get("bytes") or (_size(rendition["path"]) if with_length else 0)
    return LeadImage(url=url, length=length)
