"""GET /api/v1/articles/{id}: the whole article, 404 and 410, bad ids, query counts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_tag
from warta.newsroom.models import Article, Correction

from .conftest import API, get_json

pytestmark = pytest.mark.django_db


def test_an_article_has_its_body_tags_and_the_list_fields(client):
    article = make_article(
        title="Banjir Jakarta", body="<p>Air naik.</p>", tags=[make_tag("Banjir")]
    )
    listed = get_json(client, f"{API}/articles")["items"][0]
    found = get_json(client, f"{API}/articles/{article.pk}")
    assert found == {**listed, "body": "<p>Air naik.</p>", "corrections": []}


def test_corrections_come_oldest_first_with_their_own_time(client):
    article = make_article()
    now = timezone.now()
    for kind, body, ago in [
        (Correction.Kind.REPLY, "<p>Hak jawab.</p>", 1),
        (Correction.Kind.CORRECTION, "<p>Ralat nama.</p>", 2),
    ]:
        Correction.objects.create(
            article=article, kind=kind, body=body, created_at=now - timedelta(hours=ago)
        )
    Article.objects.filter(pk=article.pk).update(last_corrected_at=now)
    corrections = get_json(client, f"{API}/articles/{article.pk}")["corrections"]
    assert [(c["kind"], c["body"]) for c in corrections] == [
        ("ralat", "<p>Ralat nama.</p>"),
        ("hak_jawab", "<p>Hak jawab.</p>"),
    ]
    assert all(c["created_at"].endswith("+07:00") for c in corrections)


@pytest.mark.parametrize("suffix", ["", "/ninjs"])
def test_a_withdrawn_article_is_gone(client, suffix):
    article = make_article(status=Article.Status.WITHDRAWN)
    body = get_json(client, f"{API}/articles/{article.pk}{suffix}", status=410)
    assert body == {"detail": f"article {article.pk} was withdrawn"}


@pytest.mark.parametrize("suffix", ["", "/ninjs"])
@pytest.mark.parametrize(
    "status, published_in",
    [
        (Article.Status.DRAFT, timedelta(0)),
        (Article.Status.READY, timedelta(0)),
        (Article.Status.SCHEDULED, timedelta(days=1)),
    ],
)
def test_what_readers_cannot_see_yet_is_not_found(client, suffix, status, published_in):
    article = make_article(status=status, published_at=timezone.now() + published_in)
    body = get_json(client, f"{API}/articles/{article.pk}{suffix}", status=404)
    assert body == {"detail": f"no published article {article.pk}"}


def test_an_id_nobody_used_is_not_found(client):
    assert get_json(client, f"{API}/articles/424242", status=404)["detail"]


@pytest.mark.parametrize("suffix", ["", "/ninjs"])
@pytest.mark.parametrize(
    "raw_id", ["abc", "0", "-3", "1.5", "99999999999999999999999999", "%F0%9F%93%B0", "1e3"]
)
def test_ids_that_are_not_article_ids_get_400(client, raw_id, suffix):
    body = get_json(client, f"{API}/articles/{raw_id}{suffix}", status=400)
    assert body["detail"].startswith("id: ")


def test_an_article_costs_two_queries_and_one_more_with_corrections(
    client, django_assert_max_num_queries
):
    plain = make_article(tags=[make_tag("A"), make_tag("B")])
    corrected = make_article()
    Correction.objects.create(article=corrected, kind=Correction.Kind.CORRECTION, body="<p>R</p>")
    Article.objects.filter(pk=corrected.pk).update(last_corrected_at=timezone.now())
    with django_assert_max_num_queries(2):  # the article with its relations, its tags
        get_json(client, f"{API}/articles/{plain.pk}")
    with django_assert_max_num_queries(3):
        get_json(client, f"{API}/articles/{corrected.pk}")
    with django_assert_max_num_queries(2):
        get_json(client, f"{API}/articles/{plain.pk}/ninjs")
