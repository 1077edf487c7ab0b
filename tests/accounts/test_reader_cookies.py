"""Reader pages never set a cookie, not even for a browser signed in to the desk.

Browsers send the desk's cookies only under /redaksi/ (their path); Django's test
client sends them everywhere, so these tests are the harder case: the session arrives
on every reader page, and still nothing reads, renews or sets it there, nor holds a
half-signed-in Admin at the code page.
"""

import pytest

from tests.audience.readers import CHROME
from tests.desk.people import make_user
from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.accounts.models import SecondFactorDevice
from warta.desk.roles import ADMIN

from .signing_in import VERIFY, code_of, enter_code, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(
        title="DPR sahkan undang-undang pemilu",
        section=make_section("Politik"),
        reporter=make_reporter("Rina Wulandari"),
        tags=[make_tag("Pemilu")],
    )


def reader_answers(client, article) -> dict:
    day = article.published_at.date().isoformat()
    answers = {
        url: client.get(url, HTTP_USER_AGENT=CHROME)
        for url in (
            "/",
            article.get_absolute_url(),
            "/politik",
            "/tag/pemilu",
            "/cari?q=pemilu",
            "/indeks",
            f"/indeks?tanggal={day}",
            "/ralat",
            "/feed/rss",
            "/feed/atom",
            "/sitemap.xml",
            "/api/v1/articles",
        )
    }
    answers["beacon"] = client.post(
        "/b", data=str(article.pk), content_type="text/plain", HTTP_USER_AGENT=CHROME
    )
    return answers


def assert_no_cookie(answers: dict) -> None:
    for url, response in answers.items():
        assert response.status_code in (200, 204), url
        assert "Set-Cookie" not in response and not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_a_fully_signed_in_admin_reading_the_site_gets_no_cookie(client, article):
    admin = make_user(ADMIN, "admin")
    device = SecondFactorDevice.objects.create(user=admin, confirmed=True)
    sign_in(client, "admin")
    enter_code(client, code_of(device))
    session = client.cookies["sessionid"].value
    assert client.get("/redaksi/").status_code == 200

    assert_no_cookie(reader_answers(client, article))
    # The desk session went through untouched.
    assert client.cookies["sessionid"].value == session
    assert client.get("/redaksi/").status_code == 200


def test_an_admin_who_owes_the_code_still_reads_the_site(client, article):
    admin = make_user(ADMIN, "admin")
    SecondFactorDevice.objects.create(user=admin, confirmed=True)
    sign_in(client, "admin")
    assert client.get("/redaksi/")["Location"].startswith(VERIFY)

    assert_no_cookie(reader_answers(client, article))


def test_an_anonymous_reader_gets_no_cookie(client, article):
    assert_no_cookie(reader_answers(client, article))
