from xml.etree import ElementTree

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import make_photo

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def parse(response) -> ElementTree.Element:
    assert response.status_code == 200, response.status_code
    return ElementTree.fromstring(response.content)


@pytest.fixture
def photo_with_rendition(db):
    """A photo whose default rendition exists in storage (12 bytes)."""
    path = default_storage.save("photos/2026/01/uji-800.webp", ContentFile(b"RIFF0000WEBP"))
    photo = make_photo("Suasana sidang", "Antara")
    photo.renditions = [{"width": 800, "height": 450, "path": path}]
    photo.save()
    yield photo
    default_storage.delete(path)
