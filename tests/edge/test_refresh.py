"""An article's change reaches every cache node at once, without ever holding up the
editor: publishing, editing and withdrawing send a refresh request with the secret
header for each address the article has (or had), after the commit."""

import logging
import socket
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.desk.people import make_user
from tests.factories import make_article, make_section, make_tag
from warta.desk.roles import EDITOR
from warta.desk.services.editing import article_save
from warta.desk.services.transitions import article_publish, article_withdraw
from warta.edge.addresses import article_addresses
from warta.edge.refresh import refresh_article
from warta.newsroom.models import Article

from .conftest import SECRET

pytestmark = pytest.mark.django_db
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def editor():
    return make_user(EDITOR)


def ready_article(**kwargs) -> Article:
    return make_article(status=Article.Status.READY, tags=[make_tag()], **kwargs)


def api_paths(article: Article) -> list[str]:
    return [f"/api/v1/articles/{article.pk}", f"/api/v1/articles/{article.pk}/ninjs"]


def test_publishing_refreshes_the_articles_page_and_its_api_answers(
    fake_node, editor, django_capture_on_commit_callbacks
):
    article = ready_article()
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, actor=editor)
    article.refresh_from_db()
    expected = [article.get_absolute_url(), *api_paths(article)]
    assert fake_node.received(3) == [(path, SECRET) for path in expected]


def test_an_edit_that_moves_the_article_refreshes_its_old_address_too(
    fake_node, editor, django_capture_on_commit_callbacks
):
    article = ready_article(
        slug="judul-lama",
        section=make_section("Politik"),
        published_at=datetime(2024, 5, 1, 9, 0, tzinfo=JAKARTA),
    )
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, actor=editor)
    article.refresh_from_db()
    old_url = article.get_absolute_url()
    fake_node.received(3)
    with django_capture_on_commit_callbacks(execute=True):
        article_save(
            article=article,
            actor=editor,
            data={"slug": "judul-baru", "section": make_section("Hukum")},
            base_version=article.version,
        )
    article.refresh_from_db()
    refreshed = [path for path, _ in fake_node.received(4)]
    assert article.get_absolute_url() == refreshed[0]
    assert old_url in refreshed
    assert refreshed[2:] == api_paths(article)


def test_withdrawing_refreshes_the_page_so_the_cache_stores_the_410(
    fake_node, editor, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        article_withdraw(article=article, actor=editor)
    assert fake_node.received(3)[0] == (article.get_absolute_url(), SECRET)


def test_nothing_is_sent_before_the_commit(fake_node, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article_publish(article=ready_article(), actor=editor)
    assert fake_node.nothing_more()
    assert len(callbacks) >= 1


def test_a_slow_node_never_holds_up_the_save(fake_node, editor, django_capture_on_commit_callbacks):
    fake_node.answering.clear()  # the node takes every request and answers none yet
    article = ready_article()
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, actor=editor)
    article.refresh_from_db()
    # The save has returned while the node is still holding the first request.
    assert fake_node.received(1) == [(article.get_absolute_url(), SECRET)]
    assert article.status == Article.Status.PUBLISHED
    fake_node.answering.set()
    assert len(fake_node.received(2)) == 2


def test_a_node_that_is_down_is_logged_and_the_save_goes_through(
    settings, editor, caplog, django_capture_on_commit_callbacks
):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.CACHE_NODES = [f"http://127.0.0.1:{port}"]
    settings.CACHE_REFRESH_SECRET = SECRET
    settings.CACHE_REFRESH_REPEAT_SECONDS = 0
    article = ready_article()
    with caplog.at_level(logging.WARNING, logger="warta.edge.refresh"):
        with django_capture_on_commit_callbacks(execute=True):
            article_publish(article=article, actor=editor)
        [outcome] = [future.result(timeout=30) for future in refresh_article(article.pk)]
    assert outcome is False
    assert f"127.0.0.1:{port}" in caplog.text
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_every_node_gets_the_refresh(settings, editor):
    from .conftest import FakeNode

    nodes = [FakeNode(), FakeNode()]
    try:
        settings.CACHE_NODES = [node.url for node in nodes]
        settings.CACHE_REFRESH_SECRET = SECRET
        settings.CACHE_REFRESH_REPEAT_SECONDS = 0
        article = make_article()
        assert all(future.result(timeout=30) for future in refresh_article(article.pk))
        for node in nodes:
            assert [path for path, _ in node.received(3)] == article_addresses(article.pk)
    finally:
        for node in nodes:
            node.stop()


def test_the_refresh_is_sent_again_a_moment_later(fake_node, settings):
    # A reader's request answered just before the commit may store the old page after
    # the first refresh; the second puts the new page back.
    settings.CACHE_REFRESH_REPEAT_SECONDS = 0.1
    article = make_article()
    refresh_article(article.pk)
    paths = [path for path, _ in fake_node.received(6)]
    assert paths == article_addresses(article.pk) * 2


def test_without_nodes_nothing_is_sent(settings):
    settings.CACHE_NODES = []
    assert refresh_article(make_article().pk) == []


def test_an_article_that_no_longer_exists_has_no_addresses():
    assert article_addresses(10**9) == []
