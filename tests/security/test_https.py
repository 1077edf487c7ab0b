"""WARTA_HTTPS=1: readers and editors reach the site over https only.

The settings are read from the warta.settings package itself, run in a process of its own with
the variables set, and then given to the test client; so these tests check what the
variable really switches on, not a copy of it.
"""

import json
import os
import secrets
import subprocess
import sys

import pytest
from csp.constants import NONCE

from tests.desk.people import make_user
from tests.factories import make_article
from tests.security.policy import csp
from warta.desk.roles import EDITOR

HTTPS_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
    "SILENCED_SYSTEM_CHECKS",
)
PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    f"values = {{name: getattr(settings, name, None) for name in {HTTPS_SETTINGS!r}}}; "
    # The policy's nonce placeholder travels as its repr, csp.constants.NONCE.
    "print(json.dumps(values, default=repr))"
)


def settings_with(tmp_path, **variables) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    env.update(
        DJANGO_SETTINGS_MODULE="warta.settings",
        WARTA_VAR_DIR=str(tmp_path),
        WARTA_SECRET_KEY=secrets.token_urlsafe(50),
        **variables,
    )
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def read_settings(tmp_path, **variables) -> dict:
    result = settings_with(tmp_path, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def https_settings(tmp_path_factory):
    return read_settings(
        tmp_path_factory.mktemp("https"), WARTA_HTTPS="1", WARTA_TRUSTED_PROXY_COUNT="1"
    )


@pytest.fixture
def over_https(settings, https_settings):
    """The test client's site with the settings WARTA_HTTPS=1 gives."""
    for name, value in https_settings.items():
        setattr(settings, name, value)
    settings.SECURE_PROXY_SSL_HEADER = tuple(https_settings["SECURE_PROXY_SSL_HEADER"])
    directives = https_settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            name: [NONCE if s == repr(NONCE) else s for s in sources]
            if isinstance(sources, list)
            else sources
            for name, sources in directives.items()
        }
    }
    return https_settings


def test_https_turns_on_redirects_hsts_and_secure_cookies(https_settings):
    assert https_settings["SECURE_SSL_REDIRECT"] is True
    assert https_settings["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert https_settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert https_settings["SECURE_HSTS_PRELOAD"] is False
    assert https_settings["SESSION_COOKIE_SECURE"] is True
    assert https_settings["CSRF_COOKIE_SECURE"] is True
    assert https_settings["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_without_https_cookies_work_over_plain_http(tmp_path):
    # The embedded default (`make run` on http://127.0.0.1:8000) must keep its logins.
    plain = read_settings(tmp_path)
    assert plain["SESSION_COOKIE_SECURE"] is False and plain["CSRF_COOKIE_SECURE"] is False
    assert plain["SECURE_SSL_REDIRECT"] is False and plain["SECURE_HSTS_SECONDS"] == 0
    assert "upgrade-insecure-requests" not in plain["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]


def test_hsts_options_come_from_the_environment(tmp_path):
    chosen = read_settings(
        tmp_path,
        WARTA_HTTPS="1",
        WARTA_TRUSTED_PROXY_COUNT="1",
        WARTA_HSTS_SECONDS="600",
        WARTA_HSTS_INCLUDE_SUBDOMAINS="0",
        WARTA_HSTS_PRELOAD="1",
    )
    assert chosen["SECURE_HSTS_SECONDS"] == 600
    assert chosen["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert chosen["SECURE_HSTS_PRELOAD"] is True
    # Asking for preloading, the site no longer needs the deploy check's reminder hidden.
    assert "security.W021" not in chosen["SILENCED_SYSTEM_CHECKS"]


def test_https_without_a_trusted_proxy_is_refused(tmp_path):
    # Warta speaks plain HTTP: with no proxy to say "https", every request would be
    # redirected to https and arrive as http again, forever.
    result = settings_with(tmp_path, WARTA_HTTPS="1")
    assert result.returncode != 0
    assert "WARTA_TRUSTED_PROXY_COUNT" in result.stderr


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, over_https):
    article = make_article()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{article.get_absolute_url()}"
    assert "Strict-Transport-Security" not in response  # meaningless over http


@pytest.mark.django_db
def test_https_answers_carry_hsts_and_upgrade_insecure_requests(client, over_https):
    for url in ("/", "/redaksi/login/", "/api/v1/articles"):
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        assert csp(response)["upgrade-insecure-requests"] == []


@pytest.mark.django_db
def test_https_at_the_proxy_counts_as_https(client, over_https):
    # deploy/nginx terminates TLS and tells the app with X-Forwarded-Proto.
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


def cookie_flags(morsel) -> dict:
    return {
        "secure": bool(morsel["secure"]),
        "httponly": bool(morsel["httponly"]),
        "samesite": morsel["samesite"],
        "path": morsel["path"],
    }


@pytest.mark.django_db
def test_desk_cookies_over_https_are_secure_httponly_and_same_site(client, over_https):
    make_user(EDITOR, "dewi")
    login = client.get("/redaksi/login/", secure=True)
    assert cookie_flags(login.cookies["csrftoken"]) == {
        "secure": True,
        "httponly": True,
        "samesite": "Lax",
        "path": "/redaksi/",
    }
    client.handler.enforce_csrf_checks = True
    answer = client.post(
        "/redaksi/login/?next=/redaksi/",
        {
            "username": "dewi",
            "password": "kata-sandi-panjang-sekali",
            "csrfmiddlewaretoken": login.context["csrf_token"],
        },
        secure=True,
        headers={"Origin": "https://testserver"},
    )
    assert answer.status_code == 302 and answer["Location"] == "/redaksi/"
    assert cookie_flags(answer.cookies["sessionid"]) == {
        "secure": True,
        "httponly": True,
        "samesite": "Lax",
        "path": "/redaksi/",
    }
    assert client.get("/redaksi/", secure=True).status_code == 200
