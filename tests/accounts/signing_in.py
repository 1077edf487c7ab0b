"""Signing in to the desk as a browser does: the login form, then the code page."""

import time

from django.test import Client
from django_otp.oath import TOTP

from warta.accounts.models import SecondFactorDevice

LOGIN = "/redaksi/login/"
VERIFY = "/redaksi/akun/verifikasi/"
ENROL = "/redaksi/akun/dua-langkah/"
ACCOUNT = "/redaksi/akun/"
PASSWORD = "kata-sandi-panjang-sekali"  # what tests/desk/people.make_user gives everyone


def sign_in(client: Client, username: str, password: str = PASSWORD, *, address="192.0.2.10"):
    """POST the desk's login form from ``address``; the answer."""
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/redaksi/"},
        REMOTE_ADDR=address,
    )


def code_of(device: SecondFactorDevice, *, steps_ahead: int = 0) -> str:
    """The code the user's authenticator app shows now (or ``steps_ahead`` 30-second
    steps later), computed from the device's secret as the app does."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enter_code(client: Client, code: str, *, url: str = VERIFY, address="192.0.2.10"):
    return client.post(url, {"token": code}, REMOTE_ADDR=address)


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def a_fresh_code(device: SecondFactorDevice) -> str:
    """A code the device has not accepted yet: the app's next one once this step was used."""
    device.refresh_from_db()
    for ahead in (0, 1):
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time() + ahead * device.step
        if totp.t() > device.last_t:
            return f"{totp.token():0{device.digits}d}"
    raise AssertionError("no fresh code within the tolerance window")
