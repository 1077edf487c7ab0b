"""The second factor: a TOTP code, required of Admin, Redaktur Pelaksana and
superusers, optional for everyone else. A session that has passed the password but not
the code reaches nothing on the desk but the code (or enrolment) page."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from axes.models import AccessFailureLog
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from tests.desk.forms import change_form_data
from tests.desk.people import make_user, role_group
from tests.factories import make_article, make_reporter, make_section
from warta.accounts.models import SecondFactorDevice
from warta.desk.roles import ADMIN, EDITOR, MANAGING_EDITOR, REPORTER
from warta.newsroom.models import Article

from .signing_in import (
    ACCOUNT,
    ENROL,
    PASSWORD,
    VERIFY,
    code_of,
    enter_code,
    is_signed_in,
    sign_in,
)

pytestmark = pytest.mark.django_db


def clock():
    """A clock the test moves forward (time-machine), starting now."""
    return time_machine.travel(datetime.now(tz=UTC), tick=True)


def enrolled(user) -> SecondFactorDevice:
    return SecondFactorDevice.objects.create(user=user, name="Ponsel", confirmed=True)


def make_superuser() -> User:
    return User.objects.create_superuser("pemilik", "pemilik@example.id", PASSWORD)


REQUIRED = {
    "admin": lambda: make_user(ADMIN),
    "managing editor": lambda: make_user(MANAGING_EDITOR),
    "superuser": make_superuser,
}


@pytest.fixture(params=REQUIRED.values(), ids=REQUIRED.keys())
def required_user(request):
    return request.param()


@pytest.fixture
def draft():
    return make_article(
        title="Draf yang tidak boleh disentuh",
        status=Article.Status.SUBMITTED,
        section=make_section("Nusantara"),
        reporter=make_reporter(),
    )


def desk_answers(client, draft) -> dict[str, int]:
    """What each desk address answers this client: every kind of page and every kind
    of write, the dashboard and the admin's user list included."""
    change = f"/redaksi/newsroom/article/{draft.pk}/"
    answers = {}
    for url in (
        "/redaksi/",
        "/redaksi/newsroom/article/",
        f"{change}change/",
        f"{change}revisi/",
        "/redaksi/auth/user/",
        "/redaksi/axes/accessattempt/",
        ACCOUNT,
        "/redaksi/password_change/",
    ):
        answers[f"GET {url}"] = client.get(url)
    answers["POST change"] = client.post(f"{change}change/", change_form_data(draft, title="X"))
    answers["POST publish"] = client.post(f"{change}alur/publish/")
    answers["POST autosave"] = client.post(
        f"{change}autosave/",
        json.dumps(change_form_data(draft, title="Y")),
        content_type="application/json",
        headers={"Accept": "application/json"},
    )
    answers["POST add"] = client.post(
        "/redaksi/newsroom/article/add/", change_form_data(draft, title="Baru", slug="baru")
    )
    answers["POST password"] = client.post(
        "/redaksi/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "Sandi-Baru-9x!",
            "new_password2": "Sandi-Baru-9x!",
        },
    )
    return answers


def assert_held_at(answers: dict, page: str, draft, user) -> None:
    for what, response in answers.items():
        if what == "POST autosave":
            assert response.status_code == 403, what
            assert "dua langkah" in response.json()["error"]
        else:
            assert response.status_code == 302, what
            assert response["Location"].startswith(page), what
    draft.refresh_from_db()
    assert (draft.title, draft.status, draft.version) == (
        "Draf yang tidak boleh disentuh",
        Article.Status.SUBMITTED,
        1,
    )
    assert not Article.objects.filter(slug="baru").exists()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# --- required roles -------------------------------------------------------------------


def test_a_required_user_without_a_device_is_taken_to_enrolment_and_held_there(
    client, required_user, draft
):
    response = sign_in(client, required_user.username)
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == f"{ENROL}?next=%2Fredaksi%2F"
    assert_held_at(desk_answers(client, draft), ENROL, draft, required_user)


def test_enrolment_shows_a_qr_code_and_the_secret_and_confirms_with_a_code(client):
    admin = make_user(ADMIN)
    sign_in(client, admin.username)
    page = client.get(f"{ENROL}?next=/redaksi/newsroom/article/")
    html = page.content.decode()
    assert page.status_code == 200
    device = SecondFactorDevice.objects.get(user=admin, confirmed=False)
    # The QR code is inline SVG: no script, no style attribute, nothing fetched.
    svg = re.search(r'<figure class="accounts-qr".*?</figure>', html, re.S).group(0)
    assert "<svg" in svg
    assert "<script" not in svg and "style=" not in svg and "href" not in svg
    secret = re.search(r'class="accounts-secret">([A-Z2-7 ]+)<', html).group(1)
    assert len(secret.replace(" ", "")) == 32
    # Reloading keeps the same secret the app scanned.
    assert secret in client.get(ENROL).content.decode()

    with clock() as traveller:
        wrong = enter_code(client, "000000", url=f"{ENROL}?next=/redaksi/newsroom/article/")
        assert wrong.status_code == 200 and "Kode tidak cocok" in wrong.content.decode()
        assert client.get("/redaksi/")["Location"].startswith(ENROL)

        traveller.shift(timedelta(seconds=2))  # a wrong code makes the next wait a second
        response = enter_code(
            client, code_of(device), url=f"{ENROL}?next=/redaksi/newsroom/article/"
        )
    assert response.status_code == 302
    assert response["Location"] == "/redaksi/newsroom/article/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/redaksi/").status_code == 200


def test_a_required_user_with_a_device_must_enter_a_code_before_anything(
    client, required_user, draft
):
    device = enrolled(required_user)
    sign_in(client, required_user.username)
    assert is_signed_in(client)
    assert_held_at(desk_answers(client, draft), VERIFY, draft, required_user)

    response = enter_code(client, code_of(device))
    assert response.status_code == 302
    answers = desk_answers(client, draft)
    assert answers["GET /redaksi/"].status_code == 200
    for what, response in answers.items():
        assert not response.get("Location", "").startswith((VERIFY, ENROL)), what
    draft.refresh_from_db()
    assert draft.title == "X"


def test_the_code_page_sends_on_to_where_the_editor_was_going(client):
    admin = make_user(ADMIN)
    device = enrolled(admin)
    sign_in(client, admin.username)
    held = client.get("/redaksi/newsroom/section/")
    assert held["Location"] == f"{VERIFY}?next=%2Fredaksi%2Fnewsroom%2Fsection%2F"
    response = enter_code(client, code_of(device), url=held["Location"])
    assert response["Location"] == "/redaksi/newsroom/section/"


def test_the_code_page_never_sends_elsewhere(client):
    admin = make_user(ADMIN)
    device = enrolled(admin)
    sign_in(client, admin.username)
    response = enter_code(client, code_of(device), url=f"{VERIFY}?next=https://jahat.example/")
    assert response["Location"] == "/redaksi/"


def test_verifying_gives_the_session_a_new_key(client):
    admin = make_user(ADMIN)
    device = enrolled(admin)
    sign_in(client, admin.username)
    before = client.cookies["sessionid"].value
    enter_code(client, code_of(device))
    assert client.cookies["sessionid"].value != before
    assert client.get("/redaksi/").status_code == 200


def test_a_used_code_is_refused(client):
    admin = make_user(ADMIN)
    device = enrolled(admin)
    sign_in(client, admin.username)
    code = code_of(device)
    assert enter_code(client, code).status_code == 302
    client.post("/redaksi/logout/")

    other = type(client)()
    sign_in(other, admin.username)
    again = enter_code(other, code)
    assert again.status_code == 200
    assert "sudah pernah dipakai" in again.content.decode()
    assert other.get("/redaksi/")["Location"].startswith(VERIFY)


def test_wrong_codes_are_throttled_then_lock_the_account(client):
    admin = make_user(ADMIN)
    device = enrolled(admin)
    with clock() as traveller:
        sign_in(client, admin.username)
        assert "Kode tidak cocok" in enter_code(client, "111111").content.decode()
        # The device makes the next try wait (1 s, then 2, 4, 8…), without a verdict.
        throttled = enter_code(client, code_of(device))
        assert "Terlalu banyak kode yang salah" in throttled.content.decode()
        assert client.get("/redaksi/")["Location"].startswith(VERIFY)

        limit = settings.AXES_FAILURE_LIMIT
        for n in range(2, limit):
            traveller.shift(timedelta(seconds=2**n))
            assert "Kode tidak cocok" in enter_code(client, "111111").content.decode()
        traveller.shift(timedelta(seconds=2**limit))
        locked = enter_code(client, "111111")
        assert locked.status_code == 429
        assert "dikunci sementara" in locked.content.decode()
        assert not is_signed_in(client)  # the half-signed-in session is over

        failures = AccessFailureLog.objects.filter(username=admin.username)
        assert failures.count() == limit
        assert set(failures.values_list("path_info", flat=True)) == {VERIFY}
        # Even the right password and code are refused until the lock lifts.
        traveller.shift(timedelta(minutes=1))
        assert sign_in(client, admin.username).status_code == 429


def test_code_page_input_that_is_no_code_is_refused_without_counting(client):
    admin = make_user(ADMIN)
    enrolled(admin)
    sign_in(client, admin.username)
    for token in ("", "abc", "12345", "1234567", "١٢٣٤٥٦", "\x00" * 6, "9" * 500):
        response = enter_code(client, token)
        assert response.status_code == 200, token
    assert not AccessFailureLog.objects.exists()


def test_a_required_user_cannot_switch_the_second_factor_off(client):
    admin = make_user(ADMIN)
    device = enrolled(admin)
    client.force_login(admin)
    response = client.post("/redaksi/akun/dua-langkah/matikan/", {"token": code_of(device)})
    assert response.status_code == 403
    assert SecondFactorDevice.objects.filter(user=admin).exists()


def test_a_verified_user_may_replace_their_authenticator(client):
    admin = make_user(ADMIN)
    old = enrolled(admin)
    client.force_login(admin)
    client.get(ENROL)
    new = SecondFactorDevice.objects.get(user=admin, confirmed=False)
    assert enter_code(client, code_of(new), url=ENROL).status_code == 302
    assert list(SecondFactorDevice.objects.filter(user=admin)) == [new]
    assert not SecondFactorDevice.objects.filter(pk=old.pk).exists()


def test_an_unverified_session_cannot_enrol_a_new_authenticator(client):
    admin = make_user(ADMIN)
    enrolled(admin)
    sign_in(client, admin.username)
    assert client.get(ENROL)["Location"].startswith(VERIFY)
    assert not SecondFactorDevice.objects.filter(user=admin, confirmed=False).exists()


def test_a_promotion_to_a_required_role_applies_at_the_next_request(client):
    reporter = make_user(REPORTER, "rina")
    client.force_login(reporter)
    assert client.get("/redaksi/").status_code == 200
    reporter.groups.set([role_group(ADMIN)])
    assert client.get("/redaksi/")["Location"].startswith(ENROL)


# --- optional for other roles ----------------------------------------------------------


@pytest.mark.parametrize("role", [REPORTER, EDITOR])
def test_other_roles_sign_in_with_the_password_alone(client, role):
    user = make_user(role)
    assert sign_in(client, user.username).status_code == 302
    assert client.get("/redaksi/").status_code == 200
    assert "Belum aktif" in client.get(ACCOUNT).content.decode()


def test_an_editor_may_enrol_then_needs_codes_then_may_switch_it_off(client):
    editor = make_user(EDITOR, "sari")
    sign_in(client, editor.username)
    assert "Aktifkan verifikasi dua langkah" in client.get(ACCOUNT).content.decode()
    client.get(ENROL)
    device = SecondFactorDevice.objects.get(user=editor)
    assert enter_code(client, code_of(device), url=ENROL)["Location"] == ACCOUNT
    assert "Aktif sejak" in client.get(ACCOUNT).content.decode()

    # From now on the password alone is not enough.
    later = type(client)()
    sign_in(later, editor.username)
    assert later.get("/redaksi/")["Location"].startswith(VERIFY)
    assert enter_code(later, code_of(device, steps_ahead=1)).status_code == 302
    assert later.get("/redaksi/").status_code == 200

    # Switching it off takes a current code.
    wrong = later.post("/redaksi/akun/dua-langkah/matikan/", {"token": "000000"})
    assert wrong.status_code == 200 and SecondFactorDevice.objects.filter(user=editor).exists()
    with time_machine.travel(timedelta(minutes=2)):
        off = later.post("/redaksi/akun/dua-langkah/matikan/", {"token": code_of(device)})
    assert off["Location"] == ACCOUNT
    assert not SecondFactorDevice.objects.filter(user=editor).exists()
    third = type(client)()
    sign_in(third, editor.username)
    assert third.get("/redaksi/").status_code == 200


# --- recovery ------------------------------------------------------------------------


def test_an_admin_resets_someones_device_in_the_desk(client):
    editor = make_user(MANAGING_EDITOR, "dewi")
    device = enrolled(editor)
    their_browser = type(client)()
    their_browser.force_login(editor)
    assert their_browser.get("/redaksi/").status_code == 200

    client.force_login(make_user(ADMIN, "admin"))
    listing = client.get("/redaksi/accounts/secondfactordevice/")
    assert listing.status_code == 200 and "dewi" in listing.content.decode()
    assert (
        client.get(f"/redaksi/accounts/secondfactordevice/{device.pk}/change/").status_code == 200
    )
    response = client.post(
        f"/redaksi/accounts/secondfactordevice/{device.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not SecondFactorDevice.objects.filter(user=editor).exists()
    # Their open session, verified with that device, must enrol again.
    assert their_browser.get("/redaksi/")["Location"].startswith(ENROL)


def test_the_desk_never_shows_a_devices_secret(client):
    device = enrolled(make_user(MANAGING_EDITOR, "dewi"))
    client.force_login(make_user(ADMIN, "admin"))
    page = client.get(f"/redaksi/accounts/secondfactordevice/{device.pk}/change/")
    assert device.key not in page.content.decode()
    assert "otpauth" not in page.content.decode()
    assert client.get("/redaksi/otp_totp/totpdevice/").status_code == 404


def test_only_admins_see_the_devices(client):
    client.force_login(make_user(EDITOR))
    assert client.get("/redaksi/accounts/secondfactordevice/").status_code == 403


def test_warta_otp_reset_lets_a_locked_out_last_admin_back_in(client, capsys):
    admin = make_user(ADMIN, "satu-satunya")
    enrolled(admin)
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, admin.username, "salah", address=f"198.51.100.{n + 1}")
    assert sign_in(client, admin.username).status_code == 429

    call_command("otp-reset", "satu-satunya")
    assert "satu-satunya" in capsys.readouterr().out
    assert not SecondFactorDevice.objects.filter(user=admin).exists()
    assert sign_in(client, admin.username).status_code == 302
    assert client.get("/redaksi/")["Location"].startswith(ENROL)


def test_warta_otp_reset_names_an_unknown_user(db):
    with pytest.raises(CommandError, match="tidak-ada"):
        call_command("otp-reset", "tidak-ada")


def test_the_role_table_and_the_gate_agree():
    # warta/desk/roles.py's table: required for exactly these two roles.
    from warta.desk.roles import SECOND_FACTOR_REQUIRED

    assert set(SECOND_FACTOR_REQUIRED) == {ADMIN, MANAGING_EDITOR}
    assert Group.objects.filter(name__in=SECOND_FACTOR_REQUIRED).count() == 2
