"""The search box (``/cari``) with operator soup for both engines (SQLite FTS5 in the
embedded default, PostgreSQL tsquery in production mode): never an error, operators
never change what a word finds, and editors' aliases with odd names break nothing."""

import pytest
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.desk.people import make_user
from warta.desk.roles import EDITOR
from warta.search.aliases import forget_aliases
from warta.search.models import SearchAlias
from warta.search.selectors import search_articles

from .database import differences, snapshot
from .profiles import examples
from .strategies import NASTY, OPERATORS, encoded, operator_soup, text
from .tally import attempt, no_server_error

pytestmark = pytest.mark.django_db

# Operators without a letter or digit in them: what is left of a query once they are
# dropped must find exactly what the bare words find.
SYMBOLS = [op for op in OPERATORS if not any(ch.isalnum() for ch in op)]
TITLE_WORDS = ["KPK", "periksa", "saksi", "pembangunan", "jalan", "Banjir", "Kampung"]
dates = st.one_of(st.sampled_from(NASTY), st.dates().map(str), text)


def hit_ids(query: str, **filters) -> list[int]:
    return [hit.article.pk for hit in search_articles(query=query, **filters).hits]


@settings(max_examples=examples(40))
@given(
    query=st.one_of(operator_soup, text),
    section=st.one_of(st.sampled_from(["politik", "dunia", ""]), text),
    since=dates,
    until=dates,
    page=st.one_of(st.sampled_from(["1", "2", "0", "-1", "20", "21", "9999"]), text),
)
def test_the_search_page_answers_any_query(client, newsroom, query, section, since, until, page):
    params = {"q": query, "rubrik": section, "dari": since, "sampai": until, "halaman": page}
    url = "/cari?" + "&".join(f"{name}={encoded(value)}" for name, value in params.items())
    before = snapshot()

    with attempt("search box"):
        response = client.get(url)

        no_server_error(response, url[:200])
        assert response.status_code == 200
        assert differences(before, snapshot()) == []


@settings(max_examples=examples(30))
@given(data=st.data())
def test_operators_around_words_find_what_the_words_find(newsroom, data):
    article = data.draw(st.sampled_from(newsroom.live), label="article")
    title_words = article.title.split()
    words = data.draw(st.lists(st.sampled_from(title_words), min_size=1, max_size=3), label="words")
    around = data.draw(
        st.lists(st.lists(st.sampled_from(SYMBOLS), max_size=3).map("".join), min_size=6),
        label="operators",
    )
    plain = " ".join(words)
    noisy = " ".join(f"{around[i]}{word}{around[-1 - i]}" for i, word in enumerate(words))

    with attempt("search engine"):
        assert article.pk in hit_ids(plain), f"{plain!r} finds {article.title!r}"
        assert hit_ids(noisy) == hit_ids(plain), noisy


@pytest.fixture
def desk(client, db):
    client.force_login(make_user(EDITOR, "redaktur-alias"))
    return client


@settings(max_examples=examples(20))
@given(
    names=st.lists(st.one_of(operator_soup, text, st.sampled_from(TITLE_WORDS)), max_size=4),
    query=st.one_of(operator_soup, text, st.sampled_from(TITLE_WORDS)),
)
def test_aliases_with_odd_names_never_break_the_desk_or_a_search(desk, newsroom, names, query):
    """An alias posted through the desk's own form (Pencarian → Alias pencarian); what
    the desk accepts then widens searches for its names and anything else."""
    before = snapshot()
    with attempt("search aliases"):
        try:
            with transaction.atomic():
                response = desk.post(
                    "/redaksi/search/searchalias/add/", {"names": "\n".join(["KPK", *names])}
                )

                no_server_error(response, f"alias {names!r:.200}")
                if response.status_code == 302:
                    for name in [*SearchAlias.objects.get().name_list(), query]:
                        hit_ids(name)
                        hit_ids(f'"{name}" OR {name}*')
                else:
                    assert response.status_code == 200
                    assert response.context["adminform"].form.errors
                    assert differences(before, snapshot()) == []
                transaction.set_rollback(True)
        finally:
            forget_aliases()
