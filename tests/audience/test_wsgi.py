"""Integration tests: gunicorn's entry point answers the beacon before Django, identically."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import RequestFactory

from tests.factories import make_article
from warta.audience.wsgi import with_beacon

from .readers import CHROME, flush_views, unflushed_views, views_of
from .test_visitors import BOTS

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 5, 10, tzinfo=UTC)


@pytest.fixture
def article(time_machine):
    time_machine.move_to(NOON, tick=False)
    return make_article(published_at=NOON - timedelta(hours=2))


def _not_django(environ, start_response):
    raise AssertionError(f"{environ['PATH_INFO']} reached Django")


def _call(application, environ) -> tuple[int, dict[str, str], bytes]:
    answered = {}

    def start_response(status, headers):
        answered["status"] = int(status.split()[0])
        answered["headers"] = dict(headers)

    body = b"".join(application(environ, start_response))
    return answered["status"], answered["headers"], body


def _environ(method="post", path="/b", body="", **extra):
    factory = RequestFactory()
    request = getattr(factory, method)(
        path, data=body, content_type="text/plain", **{"HTTP_USER_AGENT": CHROME, **extra}
    )
    return request.environ


def test_a_beacon_never_reaches_django(article):
    status, headers, body = _call(with_beacon(_not_django), _environ(body=str(article.id)))
    assert (status, body) == (204, b"")
    assert headers["Cache-Control"] == "no-store"
    assert "Content-Length" not in headers  # a 204 has no body to measure
    flush_views()
    assert views_of(article) == 1


@pytest.mark.parametrize(
    ("method", "body", "extra", "status"),
    [
        ("post", "abc", {}, 400),
        ("post", "1" * 100, {}, 400),
        ("get", "", {}, 405),
        ("put", "5", {}, 405),
        ("post", "5", {"HTTP_USER_AGENT": BOTS["curl"]}, 204),
    ],
    ids=["garbage", "too-long", "get", "put", "bot"],
)
def test_the_shortcut_answers_as_the_django_view_does(client, method, body, extra, status):
    environ = _environ(method, body=body, **extra)
    shortcut_status, headers, _ = _call(with_beacon(_not_django), environ)
    via_django = getattr(client, method)(
        "/b", data=body, content_type="text/plain", **{"HTTP_USER_AGENT": CHROME, **extra}
    )
    assert shortcut_status == via_django.status_code == status
    assert headers.get("Allow") == via_django.headers.get("Allow")
    if status != 204:
        assert headers["Content-Length"] == "0"
    assert unflushed_views() == 0


def test_every_other_path_goes_to_django():
    def django(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    for path in ("/", "/b/", "/bb", "/redaksi/"):
        assert _call(with_beacon(django), _environ("get", path)) == (
            200,
            {"Content-Type": "text/plain"},
            path.encode(),
        )


def test_gunicorn_loads_the_shortcut():
    from warta import wsgi

    status, _, _ = _call(wsgi.application, _environ("get"))
    assert status == 405
