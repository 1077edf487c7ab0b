"""Editors keep the aliases in the desk; a Reporter may not."""

import pytest

from tests.desk.people import make_user
from warta.desk.roles import ADMIN, EDITOR, MANAGING_EDITOR, REPORTER
from warta.search.models import SearchAlias

pytestmark = pytest.mark.django_db

ADD = "/redaksi/search/searchalias/add/"
LIST = "/redaksi/search/searchalias/"


@pytest.mark.parametrize("role", [EDITOR, MANAGING_EDITOR, ADMIN])
def test_editors_add_and_list_aliases(client, role):
    client.force_login(make_user(role))
    response = client.post(ADD, {"names": "Jokowi\nJoko Widodo"})
    assert response.status_code == 302
    assert SearchAlias.objects.get().name_list() == ["Jokowi", "Joko Widodo"]
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "Jokowi = Joko Widodo" in listing.content.decode()


def test_a_reporter_is_refused(client):
    client.force_login(make_user(REPORTER))
    assert client.get(LIST).status_code == 403
    assert client.post(ADD, {"names": "Jokowi\nJoko Widodo"}).status_code == 403
    assert not SearchAlias.objects.exists()


@pytest.mark.parametrize(
    "names", ["", "KPK", "KPK\nkpk", "KPK\nyang", "KPK\n" + "x" * 10_240, "\x00\n\u202e"]
)
def test_bad_input_is_a_form_error_in_indonesian(client, names):
    client.force_login(make_user(EDITOR))
    response = client.post(ADD, {"names": names})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["names"]
    assert errors
    assert not SearchAlias.objects.exists()
