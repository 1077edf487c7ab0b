"""Where a lead photo lives, as machines outside the site must be told: an absolute
URL of its default WebP rendition, its size in pixels and, for RSS enclosures, in bytes.

Feeds and sitemaps read photos as plain rows (the ``renditions`` list), not as models:
a sitemap page holds hundreds of them.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.core.files.storage import default_storage
from django.utils.encoding import filepath_to_uri

from warta.newsroom.models import Photo

RENDITION_TYPE = "image/webp"


@dataclass(frozen=True)
class LeadImage:
    url: str
    length: int
    mime_type: str = RENDITION_TYPE
    width: int | None = None
    height: int | None = None


class _StoredRenditions(NamedTuple):
    # What Photo.default_rendition reads, without building a Photo per row.
    renditions: list


def _size(path: str) -> int:
    # RSS requires a length; 0 is the convention when the file cannot be measured
    # (a missing file must not take the whole feed down).
    try:
        return default_storage.size(path)
    except (OSError, NotImplementedError, ValueError):
        return 0


class MediaAddresses:
    """Absolute URLs of stored files; ``base`` is ``scheme://host`` for a relative
    storage URL. The storage is asked for its address once, not per file."""

    def __init__(self, base: str):
        root = default_storage.url("")
        self._root = base + root if root.startswith("/") else root

    def lead_image(self, renditions, *, with_length: bool = False) -> LeadImage | None:
        """The default rendition of a photo with these ``renditions`` (None: no photo).

        The size in bytes comes from the rendition record when it has one, else from
        storage, and only when asked: sitemaps have no use for it.
        """
        if not renditions:
            return None
        rendition = Photo.default_rendition.fget(_StoredRenditions(renditions))
        path = rendition["path"]
        length = rendition.get("bytes") or (_size(path) if with_length else 0)
        return LeadImage(
            url=self._root + filepath_to_uri(path),
            length=length,
            width=rendition.get("width"),
            height=rendition.get("height"),
        )
