"""Helpers for search tests: articles that are indexed as the desk would index them."""

import json

from warta.newsroom.models import Article
from warta.newsroom.signals import article_changed, article_written
from warta.search.selectors import search_articles


def changed(article: Article) -> Article:
    """Send what the desk sends when readers' view of an article changes:
    ``article_written`` inside its transaction, ``article_changed`` after the commit."""
    article_written.send(sender=Article, article_id=article.pk)
    article_changed.send(sender=Article, article_id=article.pk)
    return article


def import_line(slug: str, title: str, **fields) -> str:
    """One JSON Lines record for `warta import`, Ekonomi by default, tagged Pasar Modal."""
    record = {
        "slug": slug,
        "section": "Ekonomi",
        "title": title,
        "reporter": "Sarah",
        "published_at": "2024-02-14T07:00:00+07:00",
        "lead": "Teras berita.",
        "paragraphs": ["Isi berita."],
        "caption": "Foto",
        "tags": ["Pasar Modal"],
        **fields,
    }
    return json.dumps(record)


def found_titles(query: str) -> list[str]:
    return sorted(hit.article.title for hit in search_articles(query=query).hits)
