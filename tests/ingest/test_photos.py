"""Lead photos with image files: stored and resized once, however many lines use them."""

import pytest

from warta.ingest.importer import import_lines
from warta.newsroom.models import Article, Photo

from .conftest import article_line, jsonl

pytestmark = pytest.mark.django_db


def _stored_files(media) -> list:
    return sorted(p for p in media.rglob("*") if p.is_file())


def _import(write_jsonl, *lines):
    path = write_jsonl(*lines)
    with path.open("rb") as file:
        return import_lines(file, base_dir=path.parent)


def test_an_image_is_stored_with_renditions(write_jsonl, picture, media):
    _import(write_jsonl, article_line(image=picture(size=(1000, 600))))

    photo = Article.objects.get().lead_photo
    assert (photo.width, photo.height) == (1000, 600)
    assert [r["width"] for r in photo.renditions] == [480, 800]
    assert (media / photo.image.name).is_file()
    assert all((media / r["path"]).is_file() for r in photo.renditions)


def test_an_absolute_image_path_works_from_anywhere(tmp_path, picture, media):
    path = tmp_path / picture()

    import_lines([jsonl(article_line(image=str(path)))], base_dir=media)

    assert Article.objects.get().lead_photo.width == 1000


def test_an_image_used_by_many_lines_is_stored_once(write_jsonl, picture, media):
    image = picture()
    lines = [article_line(slug=f"berita-{n}", caption=f"Foto {n}", image=image) for n in range(4)]

    _import(write_jsonl, *lines)

    photos = Photo.objects.all()
    assert len(photos) == 4
    assert len({photo.image.name for photo in photos}) == 1
    assert len(_stored_files(media)) == 3, "the original and two renditions"


def test_a_reimport_keeps_the_stored_image_and_updates_the_caption(write_jsonl, picture, media):
    image = picture()
    _import(write_jsonl, article_line(image=image, caption="Lama"))
    files = _stored_files(media)
    photo = Article.objects.get().lead_photo

    _import(write_jsonl, article_line(image=image, caption="Baru"))

    assert _stored_files(media) == files
    assert Photo.objects.get() == photo
    photo.refresh_from_db()
    assert photo.caption == "Baru"


def test_a_reimport_with_a_different_picture_replaces_the_photos_file(write_jsonl, picture, media):
    _import(write_jsonl, article_line(image=picture("a.jpg", color="red")))
    photo = Article.objects.get().lead_photo

    _import(write_jsonl, article_line(image=picture("b.png", size=(400, 300), color="blue")))

    assert Photo.objects.get() == photo
    photo.refresh_from_db()
    assert photo.image.name.endswith(".png")
    assert (photo.width, photo.height) == (400, 300)


def test_a_line_without_an_image_leaves_the_photos_picture_alone(write_jsonl, picture, media):
    _import(write_jsonl, article_line(image=picture()))
    name = Article.objects.get().lead_photo.image.name

    _import(write_jsonl, article_line(caption="Tanpa berkas"))

    photo = Photo.objects.get()
    assert (photo.image.name, photo.caption) == (name, "Tanpa berkas")
