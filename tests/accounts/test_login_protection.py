"""Brute-force protection of the desk login: repeated failures lock the account tried
(from whatever address) and the address trying (whatever account), for a cool-off,
with a record Admins read in the desk and can clear."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings

from tests.desk.people import make_user
from warta.accounts.lockout import client_address
from warta.desk.roles import ADMIN, EDITOR, REPORTER

from .signing_in import PASSWORD, is_signed_in, sign_in

pytestmark = pytest.mark.django_db

ACCOUNT_LIMIT = settings.AXES_FAILURE_LIMIT
CLIENT_LIMIT = settings.LOGIN_CLIENT_FAILURE_LIMIT
COOL_OFF = settings.AXES_COOLOFF_TIME
MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def locked_out(response) -> bool:
    return response.status_code == 429 and "dikunci sementara" in response.content.decode()


@pytest.fixture
def editor():
    return make_user(EDITOR, "sari")


def test_a_wrong_password_is_refused_and_recorded(client, editor):
    response = sign_in(client, "sari", "salah-tebak")
    assert response.status_code == 200
    assert not is_signed_in(client)
    (attempt,) = AccessAttempt.objects.all()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (
        "sari",
        "192.0.2.10",
        1,
    )
    assert "salah-tebak" not in attempt.post_data  # the password is never stored


def test_wrong_passwords_from_rotating_addresses_lock_the_account(client, editor):
    for n in range(ACCOUNT_LIMIT - 1):
        assert sign_in(client, "sari", "salah", address=f"198.51.100.{n + 1}").status_code == 200
    assert locked_out(sign_in(client, "sari", "salah", address="198.51.100.99"))

    # The right password from yet another address is refused too.
    response = sign_in(client, "sari", PASSWORD, address="203.0.113.50")
    assert locked_out(response)
    assert not is_signed_in(client)
    # Other accounts from those addresses are not affected.
    make_user(REPORTER, "budi")
    assert sign_in(client, "budi", address="198.51.100.1").status_code == 302


def test_failures_across_usernames_lock_the_address(client, editor):
    for n in range(CLIENT_LIMIT):
        # Each name stays under the account limit; the address does not.
        sign_in(client, f"tebakan-{n}", "salah", address="198.51.100.7")
    assert locked_out(sign_in(client, "sari", PASSWORD, address="198.51.100.7"))
    assert not is_signed_in(client)
    # The account itself is not locked: from elsewhere, the editor signs in.
    assert sign_in(client, "sari", address="192.0.2.33").status_code == 302
    assert is_signed_in(client)


def test_the_address_lock_waits_for_its_own_higher_limit(client, editor):
    for n in range(CLIENT_LIMIT - 1):
        sign_in(client, f"tebakan-{n}", "salah", address="198.51.100.7")
    # A newsroom behind one office address: colleagues' typos do not lock everyone out.
    assert sign_in(client, "sari", address="198.51.100.7").status_code == 302


def test_the_lock_lifts_once_the_failures_age_out(client, editor):
    with time_machine.travel(MORNING, tick=True) as traveller:
        for n in range(ACCOUNT_LIMIT):
            sign_in(client, "sari", "salah", address=f"198.51.100.{n + 1}")
        traveller.shift(COOL_OFF - timedelta(minutes=1))
        assert locked_out(sign_in(client, "sari", PASSWORD))

        traveller.shift(timedelta(minutes=1, seconds=1))
        assert sign_in(client, "sari", PASSWORD).status_code == 302
        assert is_signed_in(client)


def test_whoever_keeps_guessing_stays_locked_out(client, editor):
    with time_machine.travel(MORNING, tick=True) as traveller:
        for n in range(ACCOUNT_LIMIT):
            sign_in(client, "sari", "salah", address=f"198.51.100.{n + 1}")
        traveller.shift(COOL_OFF - timedelta(minutes=1))
        for n in range(ACCOUNT_LIMIT):
            assert locked_out(sign_in(client, "sari", "tebak", address=f"203.0.113.{n + 1}"))

        traveller.shift(timedelta(minutes=2))
        assert locked_out(sign_in(client, "sari", PASSWORD))
        traveller.shift(COOL_OFF)
        assert sign_in(client, "sari", PASSWORD).status_code == 302


def test_the_lockout_page_says_in_indonesian_when_to_retry(client, editor):
    for _ in range(ACCOUNT_LIMIT):
        response = sign_in(client, "sari", "salah")
    text = response.content.decode()
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in text
    assert "Silakan coba lagi setelah pukul" in text
    assert "menit lagi" in text
    assert "Hubungi Admin" in text
    assert 0 < int(response["Retry-After"]) <= COOL_OFF.total_seconds()
    assert "Account locked" not in text


def test_the_audit_records_failures_lockouts_and_successes(client, editor):
    for n in range(ACCOUNT_LIMIT):
        sign_in(client, "sari", "salah", address=f"198.51.100.{n + 1}")
    failures = list(AccessFailureLog.objects.filter(username="sari").order_by("attempt_time"))
    assert len(failures) == ACCOUNT_LIMIT
    assert [f.locked_out for f in failures] == [False] * (ACCOUNT_LIMIT - 1) + [True]
    assert {f.ip_address for f in failures} == {f"198.51.100.{n + 1}" for n in range(ACCOUNT_LIMIT)}

    make_user(REPORTER, "budi")
    sign_in(client, "budi", address="192.0.2.44")
    (success,) = AccessLog.objects.filter(username="budi")
    assert success.ip_address == "192.0.2.44"


def test_admins_read_the_records_in_the_desk_and_others_do_not(client, editor):
    for _ in range(ACCOUNT_LIMIT):
        sign_in(client, "sari", "salah")
    admin = make_user(ADMIN, "admin")
    client.force_login(admin)
    for page in ("accessattempt", "accessfailurelog", "accesslog"):
        response = client.get(f"/redaksi/axes/{page}/")
        assert response.status_code == 200, page
    assert "sari" in client.get("/redaksi/axes/accessattempt/").content.decode()

    client.force_login(make_user(REPORTER, "budi"))
    assert client.get("/redaksi/axes/accessattempt/").status_code == 403


def test_an_admin_unlocks_an_account_by_deleting_its_attempts(client, editor):
    for n in range(ACCOUNT_LIMIT):
        sign_in(client, "sari", "salah", address=f"198.51.100.{n + 1}")
    assert locked_out(sign_in(client, "sari", PASSWORD))

    admin_client = type(client)()
    admin_client.force_login(make_user(ADMIN, "admin"))
    ids = [
        str(pk) for pk in AccessAttempt.objects.filter(username="sari").values_list("pk", flat=True)
    ]
    response = admin_client.post(
        "/redaksi/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="sari").exists()

    assert sign_in(client, "sari", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_forged_forwarded_for_hops_do_not_escape_the_address_lock(client, settings, editor):
    settings.TRUSTED_PROXY_COUNT = 1  # nginx in front appends the address it saw
    for n in range(CLIENT_LIMIT):
        client.post(
            "/redaksi/login/",
            {"username": f"tebakan-{n}", "password": "salah"},
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    response = client.post(
        "/redaksi/login/",
        {"username": "sari", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert locked_out(response)


def test_without_trusted_proxies_forwarded_for_is_ignored(client, editor):
    sign_in_from = {"REMOTE_ADDR": "198.51.100.8", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    client.post("/redaksi/login/", {"username": "sari", "password": "salah"}, **sign_in_from)
    assert AccessAttempt.objects.get().ip_address == "198.51.100.8"


@pytest.mark.parametrize(
    ("remote", "counted_as"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("bukan-alamat", None),
    ],
)
def test_an_ipv6_client_is_counted_by_its_64_network(rf, remote, counted_as):
    assert client_address(rf.get("/", REMOTE_ADDR=remote)) == counted_as


def test_an_ipv6_client_cannot_rotate_addresses_within_its_network(client, editor):
    for n in range(CLIENT_LIMIT):
        sign_in(client, f"tebakan-{n}", "salah", address=f"2001:db8:1:2::{n + 1:x}")
    assert locked_out(sign_in(client, "sari", PASSWORD, address="2001:db8:1:2::ffff"))


def test_a_login_with_no_username_or_odd_input_is_no_error(client, editor):
    for data in (
        {},
        {"username": ""},
        {"username": "\x00", "password": "\x00"},
        {"username": "ü" * 500, "password": "x" * 5000},
        {"username": "a" * 151, "password": "x"},
        {"username": "sari", "password": "x" * 100_000},
    ):
        response = client.post("/redaksi/login/", data, REMOTE_ADDR="192.0.2.10")
        assert response.status_code == 200, data
        assert not is_signed_in(client)
    # Only the attempt on a name an account could have counted.
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["sari"]


def test_odd_headers_are_recorded_not_fatal(client, editor):
    response = client.post(
        "/redaksi/login/",
        {"username": "sari", "password": "salah"},
        REMOTE_ADDR="192.0.2.10",
        HTTP_USER_AGENT="Mozilla\x00/5.0 " + "x" * 1000,
        HTTP_ACCEPT="text/html\x00",
    )
    assert response.status_code == 200
    attempt = AccessAttempt.objects.get()
    assert attempt.user_agent.startswith("Mozilla\ufffd/5.0") and len(attempt.user_agent) == 255
