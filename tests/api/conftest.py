"""Helpers for the read-API tests: JSON answers and a photo stored with renditions."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import make_photo

API = "/api/v1"


def get_json(client, url: str, status: int = 200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@pytest.fixture
def photo_with_renditions(db):
    """A lead photo whose three WebP renditions exist in storage."""
    paths = [
        default_storage.save(f"photos/2026/01/api-{width}.webp", ContentFile(b"RIFF0000WEBP"))
        for width in (480, 800, 1200)
    ]
    photo = make_photo("Suasana sidang di Gedung KPK", "Antara")
    photo.alt_text = "Ruang sidang penuh wartawan"
    photo.renditions = [
        {"width": width, "height": width * 9 // 16, "path": path}
        for width, path in zip((480, 800, 1200), paths, strict=True)
    ]
    photo.save()
    yield photo
    for path in paths:
        default_storage.delete(path)
