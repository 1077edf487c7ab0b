"""Everything in the content model can be managed in the admin at /redaksi/."""

import pytest
from django.contrib.auth.models import User

from tests.factories import make_article, make_photo, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = User.objects.create_superuser("redaktur", "redaktur@example.id", "kata-sandi-panjang")
    client.force_login(user)
    return client


def test_the_login_page_speaks_indonesian(client):
    response = client.get("/redaksi/login/")
    assert response.status_code == 200
    assert "Masuk" in response.content.decode()


@pytest.mark.parametrize("model", ["section", "reporter", "tag", "photo", "article"])
def test_every_model_has_a_list_and_an_add_page(editor_client, model):
    make_article(tags=[make_tag()], lead_photo=make_photo())
    assert editor_client.get(f"/redaksi/newsroom/{model}/").status_code == 200
    assert editor_client.get(f"/redaksi/newsroom/{model}/add/").status_code == 200


def test_an_article_change_page_opens(editor_client):
    article = make_article()
    assert editor_client.get(f"/redaksi/newsroom/article/{article.pk}/change/").status_code == 200


def test_desk_cookies_stay_on_the_desk(client):
    User.objects.create_superuser("redaktur", "redaktur@example.id", "kata-sandi-panjang")
    client.get("/redaksi/login/")
    response = client.post(
        "/redaksi/login/",
        {"username": "redaktur", "password": "kata-sandi-panjang", "next": "/redaksi/"},
    )
    assert response.status_code == 302
    assert client.cookies["sessionid"]["path"] == "/redaksi/"
    assert client.cookies["csrftoken"]["path"] == "/redaksi/"
