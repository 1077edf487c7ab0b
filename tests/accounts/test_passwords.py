"""Django's password validators guard every desk password: one's own change, an Admin
creating or resetting an account, `warta deskuser`; their messages are Indonesian."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from tests.desk.people import make_user
from warta.desk.roles import ADMIN, EDITOR

from .signing_in import PASSWORD

pytestmark = pytest.mark.django_db

WEAK = {
    "12345678": ["Kata sandi ini terlalu umum.", "seluruhnya terdiri dari angka"],
    "ab1": ["Kata sandi terlalu pendek", "setidaknya 8 karakter"],
    "sari-redaksi": ["terlalu mirip dengan nama pengguna"],
}
STRONG = "Hujan-Deras-Sore-7!"


def text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("weak", WEAK)
def test_ones_own_change_refuses_a_weak_password_in_indonesian(client, weak):
    editor = make_user(EDITOR, "sari-redaksi")
    client.force_login(editor)
    response = client.post(
        "/redaksi/password_change/",
        {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak},
    )
    assert response.status_code == 200
    for message in WEAK[weak]:
        assert message in text(response)
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_ones_own_change_accepts_a_strong_password(client):
    editor = make_user(EDITOR, "sari")
    client.force_login(editor)
    response = client.post(
        "/redaksi/password_change/",
        {"old_password": PASSWORD, "new_password1": STRONG, "new_password2": STRONG},
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(STRONG)


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(ADMIN, "admin"))
    return client


@pytest.mark.parametrize("weak", WEAK)
def test_an_admin_cannot_create_an_account_with_a_weak_password(admin_client, weak):
    response = admin_client.post(
        "/redaksi/auth/user/add/",
        {
            "username": "sari-redaksi",
            "usable_password": "true",
            "password1": weak,
            "password2": weak,
        },
    )
    assert response.status_code == 200
    for message in WEAK[weak]:
        assert message in text(response)
    assert not User.objects.filter(username="sari-redaksi").exists()


def test_an_admin_creates_an_account_with_a_strong_password(admin_client):
    response = admin_client.post(
        "/redaksi/auth/user/add/",
        {"username": "sari", "usable_password": "true", "password1": STRONG, "password2": STRONG},
    )
    assert response.status_code == 302
    assert User.objects.get(username="sari").check_password(STRONG)


def test_an_admin_cannot_reset_someones_password_to_a_weak_one(admin_client):
    editor = make_user(EDITOR, "sari")
    response = admin_client.post(
        f"/redaksi/auth/user/{editor.pk}/password/",
        {"usable_password": "true", "password1": "12345678", "password2": "12345678"},
    )
    assert response.status_code == 200
    assert "Kata sandi ini terlalu umum." in text(response)
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_deskuser_refuses_a_weak_password_in_indonesian(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("12345678\n"))
    with pytest.raises(CommandError, match="terlalu umum"):
        call_command("deskuser", "sari", "--role", EDITOR, "--password-stdin")
    assert not User.objects.filter(username="sari").exists()
