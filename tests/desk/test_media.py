"""The desk's media library at /redaksi/newsroom/photo/: upload, refuse, list, search."""

from io import BytesIO

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from tests.factories import make_photo
from warta.newsroom.models import Photo

from .people import make_user

pytestmark = pytest.mark.django_db

ADD = "/redaksi/newsroom/photo/add/"
LIST = "/redaksi/newsroom/photo/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def desk(client):
    user = User.objects.create_superuser("redaktur", "redaktur@example.id", "kata-sandi-panjang")
    client.force_login(user)
    return client


def stored_files(media) -> list:
    return sorted(p for p in media.rglob("*") if p.is_file())


def picture(fmt: str = "JPEG", size=(1400, 900), color="teal", **options) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt, **options)
    return buffer.getvalue()


def upload(data: bytes, name: str = "banjir.jpg", **fields) -> dict:
    form = {
        "caption": "Banjir merendam permukiman di Kampung Melayu, Jakarta Timur.",
        "credit": "Antara/Aprillio Akbar",
        "alt_text": "Warga menyeberangi genangan setinggi lutut.",
        "upload": SimpleUploadedFile(name, data, content_type="image/jpeg"),
    }
    form.update(fields)
    return {key: value for key, value in form.items() if value is not None}


def field_errors(response, field: str = "upload") -> list[str]:
    return list(response.context["adminform"].form.errors.get(field, []))


def results(response) -> list[str]:
    return [photo.caption for photo in response.context["cl"].result_list]


# --- uploading ------------------------------------------------------------------------


def test_a_good_upload_makes_a_photo_with_renditions(desk, media):
    response = desk.post(ADD, upload(picture()))

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.caption.startswith("Banjir merendam")
    assert (photo.credit, photo.alt_text) == (
        "Antara/Aprillio Akbar",
        "Warga menyeberangi genangan setinggi lutut.",
    )
    assert (photo.width, photo.height) == (1400, 900)
    assert [r["width"] for r in photo.renditions] == [480, 800, 1200]
    assert stored_files(media) == sorted(
        media / p for p in [photo.image.name, *(r["path"] for r in photo.renditions)]
    )


def test_a_reporter_may_upload(client, media):
    client.force_login(make_user("Reporter"))

    assert client.post(ADD, upload(picture())).status_code == 302
    assert Photo.objects.count() == 1


def test_an_upload_loses_its_gps(desk, media):
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (6.0, 12.0, 0.0)

    desk.post(ADD, upload(picture(exif=exif)))

    photo = Photo.objects.get()
    with Image.open(media / photo.image.name) as image:
        assert not image.getexif()


def _truncated() -> bytes:
    buffer = BytesIO()
    Image.effect_noise((800, 600), 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[:20_000]


REFUSED = {
    "truncated": (_truncated(), "rusak atau terpotong"),
    "html": (b"<!doctype html><html><body>Halo</body></html>", "Berkas bukan foto"),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', "bukan foto"),
    "gif": (picture("GIF"), "Berkas bukan foto"),
    "polyglot": (picture() + b"<html><script>alert(1)</script></html>", "kode HTML/SVG/skrip"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_file_is_refused_next_to_its_field_and_nothing_is_kept(desk, media, case):
    data, message = REFUSED[case]

    response = desk.post(ADD, upload(data, name="foto.jpg"))

    assert response.status_code == 200
    [error] = field_errors(response)
    assert message in error
    assert error in response.content.decode()
    assert Photo.objects.count() == 0
    assert stored_files(media) == []


def test_an_oversized_file_is_refused(desk, media, settings):
    settings.MAX_UPLOAD_BYTES = 50_000
    data = picture(size=(1400, 900))
    data += b"\0" * (80 * 1024 - len(data))  # a picture with trailing padding: 80 KB

    response = desk.post(ADD, upload(data))

    assert field_errors(response) == ["Berkas terlalu besar (80 KB); paling besar 49 KB."]
    assert Photo.objects.count() == 0 and stored_files(media) == []


def test_a_photo_needs_a_file_a_caption_and_a_credit(desk, media):
    response = desk.post(ADD, upload(picture(), caption="", credit="", upload=None))

    errors = response.context["adminform"].form.errors
    assert errors["upload"] == ["Pilih berkas foto yang akan diunggah."]
    assert errors["caption"] == ["Isi keterangan foto: siapa, apa, di mana, kapan."]
    assert errors["credit"] == ["Isi kredit foto (mis. Antara, Reuters, nama pewarta)."]
    assert Photo.objects.count() == 0 and stored_files(media) == []


def test_a_missing_credit_stores_nothing_even_with_a_good_file(desk, media):
    response = desk.post(ADD, upload(picture(), credit=""))

    assert response.status_code == 200
    assert Photo.objects.count() == 0 and stored_files(media) == []


# --- changing -------------------------------------------------------------------------


def test_the_caption_changes_without_a_new_file(desk, media):
    desk.post(ADD, upload(picture()))
    photo = Photo.objects.get()
    files = stored_files(media)

    response = desk.post(
        f"{LIST}{photo.pk}/change/",
        {"caption": "Keterangan baru", "credit": "Reuters", "alt_text": ""},
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.caption, photo.credit) == ("Keterangan baru", "Reuters")
    assert stored_files(media) == files


def test_a_new_file_replaces_the_picture(desk, media):
    desk.post(ADD, upload(picture()))
    photo = Photo.objects.get()

    response = desk.post(
        f"{LIST}{photo.pk}/change/",
        upload(picture("PNG", size=(500, 300)), name="ganti.jpg"),
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.image.name.endswith("/ganti.png")
    assert (photo.width, photo.height) == (500, 300)


def test_a_bad_replacement_keeps_the_old_picture(desk, media):
    desk.post(ADD, upload(picture()))
    photo = Photo.objects.get()
    files = stored_files(media)

    response = desk.post(f"{LIST}{photo.pk}/change/", upload(b"<html>", name="x.jpg"))

    assert response.status_code == 200 and field_errors(response)
    photo.refresh_from_db()
    assert photo.image.name.endswith("/banjir.jpg")
    assert stored_files(media) == files


def test_the_change_page_shows_the_picture(desk, media):
    desk.post(ADD, upload(picture()))
    photo = Photo.objects.get()

    page = desk.get(f"{LIST}{photo.pk}/change/").content.decode()

    assert photo.default_rendition["path"] in page
    assert "1400 × 900 px" in page


# --- the library ----------------------------------------------------------------------


def test_the_list_shows_thumbnails_and_searches_by_caption_and_credit(desk, media):
    desk.post(ADD, upload(picture(), caption="Banjir di Kampung Melayu"))
    desk.post(ADD, upload(picture(color="red"), caption="Gempa Cianjur", credit="Reuters"))
    banjir = Photo.objects.get(caption__startswith="Banjir")
    smallest = min(banjir.renditions, key=lambda r: r["width"])["path"]

    response = desk.get(LIST, {"q": "banjir"})
    assert results(response) == ["Banjir di Kampung Melayu"]
    assert smallest in response.content.decode()

    assert results(desk.get(LIST, {"q": "reuters"})) == ["Gempa Cianjur"]


def test_the_lead_photo_popup_searches_the_library(desk):
    make_photo(caption="Presiden meresmikan bendungan", credit="Setpres")
    make_photo(caption="Pasar Tanah Abang", credit="Antara")

    response = desk.get(LIST, {"_popup": "1", "_to_field": "id", "q": "bendungan"})

    assert response.status_code == 200
    assert results(response) == ["Presiden meresmikan bendungan"]


def test_the_article_form_picks_the_lead_photo_from_the_library(desk):
    page = desk.get("/redaksi/newsroom/article/add/").content.decode()

    assert 'id="lookup_id_lead_photo"' in page
    assert "/redaksi/newsroom/photo/?_to_field=id" in page


def test_the_list_costs_the_same_for_more_photos(desk, django_assert_max_num_queries):
    for n in range(3):
        make_photo(caption=f"Foto {n}")
    with django_assert_max_num_queries(12) as few:
        desk.get(LIST)
    for n in range(30):
        make_photo(caption=f"Foto lagi {n}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        desk.get(LIST)
