"""The view beacon (``POST /b``, warta/audience/beacon.py) under hostile bodies,
headers and methods, through Django's view and through the WSGI shortcut gunicorn
serves it by: never a 5xx, and a view is counted only for a beacon that names a
published article, once."""

import io
import itertools
from collections import Counter

import pytest
from django.db.models import Sum
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.audience.readers import ANDROID, CHROME, FIREFOX, flush_views
from warta.audience import beacon, buffer
from warta.audience.bots import is_bot
from warta.audience.models import ArticleViewHour
from warta.audience.wsgi import with_beacon

from .profiles import examples
from .strategies import nasty, text
from .tally import attempt, no_server_error

pytestmark = pytest.mark.django_db

BROWSERS = [CHROME, FIREFOX, ANDROID]
USER_AGENTS = st.one_of(
    st.sampled_from(BROWSERS),
    st.sampled_from(["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", ""]),
    text,
)
CONTENT_TYPES = st.sampled_from(
    [
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "application/json",
        "multipart/form-data; boundary=--x",
        "application/octet-stream",
        "text/plain; charset=utf-16",
        "",
    ]
)
# Each example is a different reader, so neither the rate limit nor de-duplication
# decides for it: whether it counts depends on the beacon alone.
_readers = itertools.count(1)


def next_reader() -> str:
    n = next(_readers)
    return f"2001:db8::{n // 65536:x}:{n % 65536:x}"


@pytest.fixture(autouse=True)
def _no_waiting_views(monkeypatch):
    buffer.discard_pending()
    monkeypatch.setattr(beacon, "_redis_back_at", 0.0)
    monkeypatch.setattr(beacon, "_redis_down", False)
    yield
    buffer.discard_pending()


def stored_views() -> Counter:
    """Views per article in the database, after everything waiting is flushed."""
    flush_views()
    rows = ArticleViewHour.objects.values_list("article_id").annotate(total=Sum("views"))
    return Counter(dict(rows))


def valid_bodies(article_id: int) -> st.SearchStrategy[bytes]:
    """The forms browsers send: ``sendBeacon("/b", id)`` and a form post."""
    return st.sampled_from(
        [f"{article_id}", f" {article_id}\n", f"id={article_id}", f"v=1&id={article_id}"]
    ).map(str.encode)


hostile_bodies = st.one_of(
    st.binary(max_size=200),
    text.map(lambda value: value.encode("utf-8", "surrogatepass")),
    nasty.map(str.encode),
    st.integers().map(lambda n: str(n).encode()),
    st.sampled_from([b"9" * 65, b"1" * 10_000, b"id=1&id=", b"\x00" * 64]),
)


@settings(max_examples=examples(40))
@given(data=st.data())
def test_a_beacon_counts_once_for_a_published_article_and_never_otherwise(client, newsroom, data):
    target = data.draw(st.sampled_from(newsroom.articles), label="article")
    body = data.draw(st.one_of(valid_bodies(target.pk), hostile_bodies), label="body")
    user_agent = data.draw(USER_AGENTS, label="user agent")
    content_type = data.draw(CONTENT_TYPES, label="content type")
    before = stored_views()

    with attempt("view beacon"):
        # generic(): the body goes out as these bytes, whatever the charset says.
        response = client.generic(
            "POST",
            "/b",
            body,
            content_type,
            HTTP_USER_AGENT=user_agent,
            REMOTE_ADDR=next_reader(),
        )

        no_server_error(response, f"beacon {body[:80]!r}")
        assert response.status_code in {204, 400}, response.status_code
        counted = stored_views() - before
        if response.status_code != 204 or is_bot(user_agent):
            assert counted == Counter()
        else:
            # The one article counted is the one the body names, if readers see it.
            assert sum(counted.values()) <= 1
            for article_id in counted:
                assert str(article_id).encode() in body
        if body in {f"{target.pk}".encode(), f"id={target.pk}".encode()}:
            assert response.status_code == 204
            live = target in newsroom.live and not is_bot(user_agent)
            assert counted == (Counter({target.pk: 1}) if live else Counter())


def _start_response(answers: list):
    def start_response(status, headers, exc_info=None):
        answers.append((status, headers))

    return start_response


@settings(max_examples=examples(60))
@given(data=st.data())
def test_the_wsgi_shortcut_answers_any_request_without_a_server_error(newsroom, data):
    """What gunicorn hands the shortcut: the raw environ, headers as the client wrote
    them (Content-Length that lies, forged X-Forwarded-For), behind 0 to 2 proxies."""
    body = data.draw(st.one_of(valid_bodies(newsroom.live[0].pk), hostile_bodies), label="body")
    declared = data.draw(
        st.one_of(
            st.just(str(len(body))),
            st.sampled_from(["", "-1", "0", "abc", "1e3", "99999999999999999999", " 5 "]),
            st.integers(min_value=0, max_value=10**6).map(str),
        ),
        label="Content-Length",
    )
    environ = {
        "REQUEST_METHOD": data.draw(st.sampled_from(["POST", "GET", "HEAD", "PUT", "post"])),
        "PATH_INFO": "/b",
        "CONTENT_LENGTH": declared,
        "CONTENT_TYPE": data.draw(CONTENT_TYPES, label="content type"),
        "HTTP_USER_AGENT": data.draw(USER_AGENTS, label="user agent"),
        "REMOTE_ADDR": data.draw(
            st.sampled_from([next_reader(), "", "unknown", "999.1.1.1", "::1%eth0"]),
            label="REMOTE_ADDR",
        ),
        "HTTP_X_FORWARDED_FOR": data.draw(
            st.one_of(
                st.lists(st.one_of(st.ip_addresses().map(str), nasty), max_size=4).map(", ".join),
                text,
            ),
            label="X-Forwarded-For",
        ),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "https",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "443",
    }
    proxies = data.draw(st.integers(min_value=0, max_value=2), label="trusted proxies")
    answers: list = []

    def django_would_answer(environ, start_response):  # only /b is asked here
        raise AssertionError("the beacon went past the shortcut")

    with attempt("view beacon (WSGI shortcut)"), override_settings(TRUSTED_PROXY_COUNT=proxies):
        with_beacon(django_would_answer)(environ, _start_response(answers))

        [(status, headers)] = answers
        assert int(status.split()[0]) in {204, 400, 405, 429}, status
        assert ("Cache-Control", "no-store") in headers
