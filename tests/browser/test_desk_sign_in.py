"""An Admin's first sign-in in Chromium against `warta serve`: password, enrolment of an
authenticator app from the secret the page shows, the desk; then the code page at the
next sign-in. No console error and no Content-Security-Policy violation on the way."""

import base64
import re
import time

import pytest
from django_otp.oath import TOTP

pytestmark = pytest.mark.browser

PASSWORD = "kata-sandi-admin-yang-panjang"


def code_for(secret_text: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the secret as the enrolment page prints it."""
    secret = secret_text.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def watch(page) -> list[str]:
    problems = []

    def console(message):
        # The site has no favicon.ico (a browser asks for one by itself); anything else counts.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            problems.append(f"{message.text} {message.location['url']}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation",
            (e) => console.error("CSP " + e.violatedDirective + " " + e.blockedURI));"""
    )
    return problems


def sign_in(page, base: str, username: str) -> None:
    page.goto(base + "/redaksi/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def test_an_admin_enrols_at_the_first_sign_in_and_enters_codes_after(served_site, browser):
    served_site.warta("deskuser", "ratna", "--role", "Admin", "--password-stdin", stdin=PASSWORD)
    base = served_site.base_url
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    problems = watch(page)

    sign_in(page, base, "ratna")
    page.wait_for_url(re.compile(r"/redaksi/akun/dua-langkah/"))
    assert page.locator(".accounts-qr svg").is_visible()
    secret = page.inner_text(".accounts-secret")
    page.goto(base + "/redaksi/newsroom/article/")  # nothing else opens yet
    assert "/redaksi/akun/dua-langkah/" in page.url

    used = code_for(secret)
    page.fill("#id_token", used)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/redaksi/newsroom/article/$"))
    page.click("#logout-form button")

    sign_in(page, base, "ratna")
    page.wait_for_url(re.compile(r"/redaksi/akun/verifikasi/"))
    page.fill("#id_token", used)  # a code is accepted once
    page.click("input[type=submit]")
    assert "sudah pernah dipakai" in page.inner_text("#content-main")
    time.sleep(1.1)  # a refused code makes the next try wait a second
    page.fill("#id_token", code_for(secret, steps_ahead=1))
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/redaksi/$"))
    assert "Keamanan akun" in page.inner_text("#akun-saya")
    context.close()
    assert problems == []
