"""`Article.objects.published()`: what readers may see, and when."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article
from warta.newsroom.models import Article
from warta.newsroom.selectors import article_for_reading

pytestmark = pytest.mark.django_db


def test_published_means_status_published_and_time_come():
    now = timezone.now()
    live = make_article(title="Terbit", published_at=now - timedelta(minutes=1))
    make_article(title="Draf", status=Article.Status.DRAFT, published_at=now - timedelta(hours=1))
    make_article(title="Ditarik", status=Article.Status.WITHDRAWN)
    make_article(title="Nanti", published_at=now + timedelta(minutes=10))
    assert list(Article.objects.published()) == [live]


def test_a_future_article_becomes_published_at_its_time_without_any_job():
    due = timezone.now() + timedelta(hours=3)
    scheduled = make_article(published_at=due)
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()
    with time_machine.travel(due - timedelta(seconds=1), tick=False):
        assert not Article.objects.published().filter(pk=scheduled.pk).exists()
    with time_machine.travel(due, tick=False):
        assert Article.objects.published().filter(pk=scheduled.pk).exists()


@pytest.mark.parametrize(
    ("status", "offset"),
    [
        (Article.Status.PUBLISHED, -60),
        (Article.Status.PUBLISHED, 60),
        (Article.Status.DRAFT, -60),
        (Article.Status.WITHDRAWN, -60),
    ],
)
def test_is_live_and_the_reading_selector_agree_with_published(status, offset):
    article = make_article(status=status, published_at=timezone.now() + timedelta(seconds=offset))
    in_queryset = Article.objects.published().filter(pk=article.pk).exists()
    assert article.is_live == in_queryset
    assert (article_for_reading(article.pk) is not None) == in_queryset


def test_latest_first_breaks_ties_by_id():
    moment = timezone.now() - timedelta(hours=1)
    first, second = make_article(published_at=moment), make_article(published_at=moment)
    assert list(Article.objects.published().latest_first()) == [second, first]


def test_caption_with_credit_reads_like_the_seed():
    from tests.factories import make_photo

    photo = make_photo("Presiden Rusia, Vladimir Putin dan Presiden Turki, Recep Tayyip Erdogan")
    assert photo.caption_with_credit.endswith("Recep Tayyip Erdogan/Net")
    assert make_photo("Tanpa kredit", credit="").caption_with_credit == "Tanpa kredit"


def _live_from(article: Article):
    return Article.objects.values_list("live_from", flat=True).get(pk=article.pk)


def test_the_database_keeps_live_from_in_step_with_status_and_date():
    article = make_article(status=Article.Status.DRAFT)
    assert _live_from(article) is None
    Article.objects.filter(pk=article.pk).update(status=Article.Status.SCHEDULED)
    assert _live_from(article) == article.published_at
    later = article.published_at + timedelta(days=1)
    Article.objects.filter(pk=article.pk).update(published_at=later)
    assert _live_from(article) == later
    Article.objects.filter(pk=article.pk).update(status=Article.Status.WITHDRAWN)
    assert _live_from(article) is None
