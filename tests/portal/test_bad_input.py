"""No input a reader can send gives a 500: odd ids, parameters, lengths, Unicode."""

import pytest

from tests.factories import make_article, make_reporter, make_section, make_tag

pytestmark = pytest.mark.django_db

LONG = "x" * 10_240
ODD = [
    "%00",
    "%F0%9F%98%80",
    "%E2%80%AE",
    "%C0%AF",
    "%FF%FE",
    "';DROP TABLE x;--",
    "ͣ̍̎͂",
    "..%2F..%2F",
]


@pytest.fixture
def site(db):
    article = make_article(
        section=make_section("Dunia"), tags=[make_tag("Uji")], reporter=make_reporter()
    )
    return article


PAGES = ["/", "/indeks", "/dunia", "/tag/uji", "/wartawan/sarah-meiliana-gunawan"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=999999",
        "page=-1",
        f"q={LONG}",
        "sebelum=abc",
        "sebelum=1_1",
        "sebelum=" + LONG,
        *[f"sebelum={o}" for o in ODD],
        *[f"x={o}" for o in ODD],
    ],
)
def test_list_pages_never_fail_on_odd_parameters(client, site, page, query):
    response = client.get(f"{page}?{query}")
    assert response.status_code in {200, 404}, response.status_code


@pytest.mark.parametrize(
    "value",
    ["garbage", "2026-13-01", "2026-02-30", "0000-01-01", "9999-12-31", "1-1-1", LONG, *ODD],
)
def test_a_bad_indeks_date_gets_a_clear_indonesian_message(client, site, value):
    response = client.get("/indeks", {"tanggal": value})
    assert response.status_code == 400
    assert "Tanggal tidak valid" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/dunia/read/2020/11/08/0/x",
        "/dunia/read/2020/13/40/1/x",
        "/dunia/read/abc",
        "/dunia/read/" + "9" * 40,
        "/tidak-ada",
        "/tag/tidak-ada",
        "/wartawan/tidak-ada",
        "/" + LONG,
        *["/dunia/read/2020/11/08/1/" + odd for odd in ODD],
        *["/" + odd for odd in ODD],
    ],
)
def test_unknown_addresses_get_the_indonesian_404(client, site, path):
    response = client.get(path)
    assert response.status_code in {404, 301}
    if response.status_code == 404:
        assert "Halaman tidak ditemukan" in response.content.decode()


def test_the_500_page_is_indonesian_and_needs_no_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Terjadi gangguan" in html and 'lang="id"' in html
