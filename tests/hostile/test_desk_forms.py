"""The desk's forms under random values, posted by a logged-in Redaktur (and the login
form by strangers): never a 5xx, and input the desk refuses leaves the database as it
was. What it accepts is rolled back after each example."""

import itertools
import json

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.desk.people import make_user
from tests.factories import make_article, make_photo, make_tag
from warta.desk.roles import EDITOR
from warta.newsroom.models import Article, Correction

from .database import differences, snapshot
from .profiles import examples
from .strategies import NASTY, nasty, numbers, slug_shaped, text
from .tally import attempt, no_server_error

pytestmark = pytest.mark.django_db

ADD = "/redaksi/newsroom/article/add/"
html = st.one_of(
    text,
    st.lists(
        st.sampled_from(NASTY + ["<p>", "</p>", "<a href='x'>", "<h2>", "&amp;"]), max_size=8
    ).map("".join),
)
# Dates at the ends of what Python and the databases hold, where conversions overflow.
EDGE_DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01", "2026-02-29", "1900-01-01"]
dates = st.one_of(st.sampled_from(EDGE_DATES), st.dates().map(str), nasty, text)
moments = st.one_of(
    st.tuples(
        st.sampled_from(EDGE_DATES), st.sampled_from(["00:00", "23:59:59", "07:00+16:00"])
    ).map("T".join),
    st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
)
times = st.one_of(
    st.sampled_from(["07:00:00", "23:59:59", "24:00:00", "7", "", "25:61", "-1:00"]), text
)


@pytest.fixture
def desk(client, db):
    client.force_login(make_user(EDITOR, "redaktur-meja"))
    return client


def field_values(newsroom, name: str) -> st.SearchStrategy:
    """Real choices for a form's select fields, and garbage for them."""
    real = {
        "section": [1, *(a.section_id for a in newsroom.live)],
        "reporter": [a.reporter_id for a in newsroom.live],
        "lead_photo": [a.lead_photo_id for a in newsroom.live if a.lead_photo_id],
    }[name]
    return st.one_of(st.sampled_from(real).map(str), numbers, nasty, st.just(""))


FORM_FIELDS = [
    "title", "slug", "section", "reporter", "lead", "body", "tags", "lead_photo",
    "published_at_0", "published_at_1", "base_version",
]  # fmt: skip


def hostile_values(newsroom, name: str) -> st.SearchStrategy:
    live = newsroom.live[0]
    return {
        "title": st.one_of(text, st.just("x" * 301)),
        "slug": st.one_of(slug_shaped, text, st.sampled_from([live.slug, "x" * 301])),
        "section": field_values(newsroom, "section"),
        "reporter": field_values(newsroom, "reporter"),
        "lead": text,
        "body": html,
        "tags": st.lists(st.one_of(numbers, nasty), max_size=3),
        "lead_photo": field_values(newsroom, "lead_photo"),
        "published_at_0": dates,
        "published_at_1": times,
        "base_version": st.one_of(numbers, nasty),
    }[name]


@st.composite
def article_forms(draw, newsroom, version: int | None, field: str) -> dict:
    """A form the desk would take with ``field`` made hostile (and perhaps one more),
    so each field's refusal is met rather than only the first one's."""
    live = newsroom.live[0]
    form = {
        "title": "Banjir rendam Kampung Melayu",
        "slug": f"banjir-{draw(st.integers(1, 10**6))}",
        "section": str(live.section_id),
        "reporter": str(live.reporter_id),
        "lead": "Teras berita.",
        "body": "<p>Isi berita.</p>",
        "tags": [str(tag.pk) for tag in live.tags.all()],
        "lead_photo": "",
        "published_at_0": "2026-01-05",
        "published_at_1": "00:00:00",
        "base_version": str(version or ""),
    }
    for name in [field, *draw(st.lists(st.sampled_from(FORM_FIELDS), max_size=1))]:
        form[name] = draw(hostile_values(newsroom, name), label=name)
    # Each one time in ten (Hypothesis starts from 0: the plain form comes first).
    if draw(st.integers(0, 9)) == 9:
        del form[draw(st.sampled_from(FORM_FIELDS))]
    # A Redaktur's form never carries placement; a forged one is refused whole (403).
    if draw(st.integers(0, 9)) == 9:
        form["is_headline"] = "on"
    if draw(st.integers(0, 9)) == 9:
        form[draw(st.sampled_from(["_continue", "_addanother", "_saveasnew"]))] = "1"
    return form


def posted(desk, url: str, form, **kwargs):
    """Post, and roll back whatever the desk accepted; what it refused must have
    written nothing."""
    before = snapshot()
    with transaction.atomic():
        response = desk.post(url, form, **kwargs)
        no_server_error(response, f"POST {url} {form!r:.300}")
        accepted = response.status_code == 302 and differences(before, snapshot())
        if not accepted:
            assert differences(before, snapshot()) == [], (response.status_code, form)
        transaction.set_rollback(True)
    return response, bool(accepted)


def test_the_article_form_refuses_bad_values_without_a_trace(desk, newsroom):
    """Each field of the form gets hostile values of its own (one Hypothesis run per
    field), the rest of the form as the desk would take it."""
    for field in FORM_FIELDS:
        post_hostile_forms(desk, newsroom, field)


def post_hostile_forms(desk, newsroom, field: str) -> None:
    @settings(max_examples=examples(3))
    @given(data=st.data())
    def post(data):
        article = data.draw(
            st.sampled_from([None, *newsroom.live, newsroom.draft]), label="article"
        )
        url = ADD if article is None else f"/redaksi/newsroom/article/{article.pk}/change/"
        form = data.draw(article_forms(newsroom, article and article.version, field), label="form")

        with attempt("desk: article form"):
            response, accepted = posted(desk, url, form)

            assert response.status_code in {200, 302, 403}, response.status_code
            if response.status_code == 200:
                assert response.context["adminform"].form.errors

    post()


@settings(max_examples=examples(20))
@given(data=st.data())
def test_a_correction_is_published_only_when_it_is_one(desk, newsroom, data):
    article = data.draw(st.sampled_from(newsroom.articles), label="article")
    form = {
        "kind": data.draw(st.one_of(st.sampled_from(["ralat", "hak_jawab"]), nasty, text)),
        "body": data.draw(st.one_of(html, st.just("<p>Yang benar: Rabu.</p>"))),
    }
    before = Correction.objects.count()

    with attempt("desk: corrections"):
        with transaction.atomic():
            response, accepted = posted(
                desk, f"/redaksi/newsroom/article/{article.pk}/ralat/", form
            )
            assert response.status_code == 302
        if accepted:
            assert article in newsroom.live and form["kind"] in {"ralat", "hak_jawab"}
        assert Correction.objects.count() == before


@settings(max_examples=examples(25))
@given(data=st.data())
def test_autosave_and_workflow_endpoints_answer_any_body(desk, newsroom, data):
    article = data.draw(st.sampled_from(newsroom.articles), label="article")
    endpoint = data.draw(
        st.sampled_from(
            [
                "autosave",
                "kunci",
                "alur/publish",
                "alur/schedule",
                "alur/withdraw",
                "alur/tidak-ada",
                "revisi/1/pulihkan",
            ]
        )
    )
    url = f"/redaksi/newsroom/article/{article.pk}/{endpoint}/"
    as_json = data.draw(st.booleans(), label="as JSON")
    values = data.draw(
        st.dictionaries(
            st.sampled_from(["base_version", "title", "body", "when", "note", "lepas", "slug"]),
            st.one_of(text, numbers, moments, st.just(str(article.version))),
        ),
        label="fields",
    )
    body = data.draw(
        st.one_of(st.just(json.dumps(values)), text, st.sampled_from(["[]", "null", "1"])),
        label="JSON body",
    )

    with attempt("desk: autosave, lock, workflow"):
        if as_json:
            response, _ = posted(desk, url, body, content_type="application/json")
        else:
            response, _ = posted(desk, url, values)

        assert response.status_code in {200, 302, 400, 403, 404, 405, 409}, response.status_code


_addresses = itertools.count(1)


@settings(max_examples=examples(15))
@given(
    username=st.one_of(text, st.just("redaktur"), nasty),
    password=st.one_of(text, nasty),
    next_url=st.one_of(
        st.sampled_from(["//evil.example/", "https://evil.example/", "/redaksi/", "javascript:1"]),
        text,
    ),
)
def test_the_login_form_answers_any_credentials(newsroom, username, password, next_url):
    """Strangers, each from an address of their own: refused, never signed in (the
    newsroom fixture's Redaktur is "redaktur", with another password)."""
    client = Client(REMOTE_ADDR=f"198.51.{next(_addresses) % 250}.{next(_addresses) % 250}")
    before = snapshot()

    with attempt("desk: login"):
        response = client.post(
            "/redaksi/login/", {"username": username, "password": password, "next": next_url}
        )

        no_server_error(response, f"login {username!r:.80}")
        assert not response.wsgi_request.user.is_authenticated
        # Refused sign-ins are recorded (django-axes' audit tables); nothing else moves.
        assert [d for d in differences(before, snapshot()) if not d.startswith("axes_")] == []


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00", "9999-12-31T23:59", "2030-01-01T07:00+16:00", "2030-02-30T07:00"]
)
def test_scheduling_for_a_time_no_news_has_is_refused_with_a_message(desk, when):
    """Year 9999 overflowed (a 500) and an offset of 16 hours went to a database that
    cannot hold it (PostgreSQL refuses past 15:59); the form's own message answers."""
    ready = make_article(
        status=Article.Status.READY,
        tags=[make_tag("KPK")],
        lead_photo=make_photo("Gedung KPK di Jakarta", "Antara"),
    )
    before = snapshot()

    with attempt("desk: article form"):
        response = desk.post(f"/redaksi/newsroom/article/{ready.pk}/alur/schedule/", {"when": when})

        assert response.status_code == 302
        assert differences(before, snapshot()) == []
        ready.refresh_from_db()
        assert ready.status == Article.Status.READY
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        assert messages == ["Isi waktu terbit jadwal dengan benar."]


@pytest.mark.parametrize("tag", ["9999999999999999999", "../../etc/passwd", "1.5", "-1", "٣"])
def test_a_tag_that_can_be_no_id_is_refused_next_to_its_field(desk, tag):
    """Validating a number past 64 bits (SQLite) and showing the form again with a
    value that is no number (the autocomplete widget) both raised: a 500."""
    article = make_article(tags=[make_tag("KPK")])
    form = {
        "title": "Judul", "slug": "judul-baru", "section": article.section_id,
        "reporter": article.reporter_id, "lead": "Teras.", "body": "<p>Isi.</p>",
        "tags": [tag], "published_at_0": "2026-01-05", "published_at_1": "07:00:00",
    }  # fmt: skip
    before = snapshot()

    with attempt("desk: article form"):
        response = desk.post(ADD, form)

        assert response.status_code == 200
        [error] = response.context["adminform"].form.errors["tags"]
        assert error.endswith("bukan nilai yang valid.") or "pilihan yang valid" in error, error
        assert differences(before, snapshot()) == []
