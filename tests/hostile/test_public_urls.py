"""Every public address, with hostile paths, query strings and methods: never a 5xx,
never a cookie, and reading a page never writes to the database."""

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.desk.people import make_user
from warta.desk.roles import EDITOR

from .database import differences, snapshot
from .profiles import examples
from .routes import DESK, DESK_PARAMS, PUBLIC, path_strategy, url_patterns
from .strategies import query_strings, text
from .tally import attempt, no_server_error

pytestmark = pytest.mark.django_db

ODD_METHODS = [
    "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "BREW",
    "get", "M-SEARCH",
]  # fmt: skip
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "multipart/form-data",
    "application/json",
    "text/plain;charset=UTF-8",
    "text/plain; charset=utf-16",
    "application/octet-stream",
    "text/html; charset=nonsense",
    "",
    ";;;",
]


def test_every_public_route_has_a_strategy():
    """A route added to the site must be listed in routes.PUBLIC with the query
    parameters its view reads; a route removed must leave the list too."""
    public = {pattern for pattern in url_patterns() if not pattern.startswith(DESK)}
    assert public == set(PUBLIC), (
        f"not fuzzed: {sorted(public - set(PUBLIC))}; gone: {sorted(set(PUBLIC) - public)}"
    )


def test_reading_any_address_never_fails_sets_a_cookie_or_writes(client, newsroom):
    """Every public route gets hostile GETs and HEADs of its own (one Hypothesis run
    per route, so none is left out and a failure shrinks within its route)."""
    for pattern in sorted(PUBLIC):
        read_hostile_addresses(client, newsroom, pattern)


def read_hostile_addresses(client, newsroom, pattern: str) -> None:
    @settings(max_examples=examples(4))
    @given(
        path=path_strategy(pattern, newsroom),
        query=query_strings(PUBLIC[pattern]),
        method=st.sampled_from(["GET", "HEAD"]),
    )
    def read(path, query, method):
        url = f"{path}?{query}" if query else path
        before = snapshot()

        with attempt("public addresses: GET, HEAD"):
            response = client.generic(method, url)

            no_server_error(response, f"{method} {url} ({pattern})")
            assert not response.cookies, f"{method} {url} set {list(response.cookies)}"
            assert differences(before, snapshot()) == [], f"{method} {url} wrote"

    read()


@settings(max_examples=examples(40))
@given(data=st.data())
def test_unexpected_methods_and_bodies_never_fail_or_write(newsroom, data):
    """As a browser or a scanner would send them: with CSRF checks on, as in production."""
    client = Client(enforce_csrf_checks=True)
    pattern = data.draw(st.sampled_from(sorted(PUBLIC)), label="pattern")
    path = data.draw(path_strategy(pattern, newsroom), label="path")
    method = data.draw(st.sampled_from(ODD_METHODS), label="method")
    body = data.draw(st.one_of(st.binary(max_size=3000), text.map(str.encode)), label="body")
    content_type = data.draw(st.sampled_from(CONTENT_TYPES), label="content type")
    before = snapshot()

    with attempt("public addresses: other methods"):
        response = client.generic(method, path, body, content_type)

        no_server_error(response, f"{method} {path}")
        assert differences(before, snapshot()) == []


@settings(max_examples=examples(30))
@given(data=st.data())
def test_no_desk_address_fails_or_writes_for_a_stranger(newsroom, data):
    """Anonymous requests to the desk, any method: sent to the login page or refused."""
    client = Client(enforce_csrf_checks=True)
    pattern = data.draw(
        st.sampled_from(sorted(p for p in url_patterns() if p.startswith(DESK))), label="pattern"
    )
    path = data.draw(path_strategy(pattern, newsroom), label="path")
    method = data.draw(st.sampled_from(["GET", "HEAD", *ODD_METHODS]), label="method")
    before = snapshot()

    with attempt("desk addresses: strangers"):
        response = client.generic(method, path, b"csrfmiddlewaretoken=x&username=a&password=b")

        no_server_error(response, f"{method} {path}")
        # The login page itself is the one desk page a stranger may read.
        allowed = {301, 302, 400, 403, 404, 405} | ({200} if pattern == "redaksi/login/" else set())
        assert response.status_code in allowed, response.status_code
        assert differences(before, snapshot()) == []


@pytest.mark.parametrize(
    "since", ["2024-02-14T07:00:00+16:00", "2024-02-14T07:00:00-23:59", "2024-02-14T07:00:00+14:01"]
)
def test_an_api_since_with_an_offset_no_zone_has_is_a_400(client, since):
    """PostgreSQL refuses offsets past 15:59: such a ``since`` was a 500 there."""
    with attempt("public addresses: named cases"):
        response = client.get("/api/v1/articles", {"since": since})

        assert response.status_code == 400
        assert response.json() == {
            "detail": "since: the UTC offset must be between -14:00 and +14:00"
        }


@settings(max_examples=examples(25))
@given(data=st.data())
def test_no_desk_address_fails_or_writes_when_a_redaktur_reads_it(redaktur, newsroom, data):
    """Signed in, GET and HEAD with the admin's own parameters (search, ordering,
    filters, popups, page) gone wrong; reading the desk writes nothing either."""
    pattern = data.draw(
        st.sampled_from(sorted(p for p in url_patterns() if p.startswith(DESK))), label="pattern"
    )
    path = data.draw(path_strategy(pattern, newsroom), label="path")
    query = data.draw(query_strings(DESK_PARAMS), label="query")
    method = data.draw(st.sampled_from(["GET", "HEAD"]), label="method")
    url = f"{path}?{query}" if query else path
    before = snapshot()

    with attempt("desk addresses: a Redaktur reading"):
        response = redaktur.generic(method, url)

        no_server_error(response, f"{method} {url}")
        wrote = differences(before, snapshot())
        assert [d for d in wrote if not d.startswith(WRITES_ON_READ.get(pattern, ()))] == []


# The one desk page a read may write from: enrolling a second factor keeps one pending
# (unconfirmed) authenticator per user, made on the page's first view (warta/accounts).
WRITES_ON_READ = {"redaksi/akun/dua-langkah/": ("otp_totp_totpdevice", "accounts_")}


@pytest.fixture
def redaktur(client, db):
    client.force_login(make_user(EDITOR, "redaktur-baca"))
    return client


@pytest.mark.parametrize("term", ["\x00", "KP\x00K", "%", "_", "' OR '1'='1", "x" * 5000])
def test_the_desks_tag_lookup_answers_any_typed_text(redaktur, newsroom, term):
    """The article form's tag field asks /redaksi/autocomplete/ as the editor types;
    PostgreSQL refused a NUL in the search (a 500)."""
    query = {"app_label": "newsroom", "model_name": "article", "field_name": "tags"}

    with attempt("desk addresses: a Redaktur reading"):
        response = redaktur.get("/redaksi/autocomplete/", {**query, "term": term})

        assert response.status_code == 200
        assert response.json()["pagination"] == {"more": False}


@pytest.mark.parametrize("object_id", ["abc", "%25", "1.5", "-1", "99999999999999999999"])
def test_an_article_the_desk_cannot_have_is_a_404(redaktur, object_id):
    """The change form looked the article up with whatever the address held: "abc"
    raised in the lookup (a 500)."""
    with attempt("desk addresses: a Redaktur reading"):
        response = redaktur.get(f"/redaksi/newsroom/article/{object_id}/change/")

        assert response.status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("page", ["change", "delete"])
def test_an_empty_to_field_is_refused_on_every_desk_object_page(redaktur, newsroom, method, page):
    """Django's admin took ``_to_field=`` (empty) for a field name: a 500 on every
    change and delete page; any field the page may not name is refused, so is this."""
    tag = newsroom.live[0].tags.get()
    url = f"/redaksi/newsroom/tag/{tag.pk}/{page}/"
    before = snapshot()

    with attempt("desk addresses: a Redaktur reading"):
        if method == "get":
            response = redaktur.get(url, {"_to_field": ""})
        else:
            response = redaktur.post(url, {"_to_field": "", "name": "KPK", "slug": "kpk"})

        assert response.status_code == 400
        assert differences(before, snapshot()) == []
