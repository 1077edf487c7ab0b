"""The article change form as a browser posts it, for desk tests."""

from warta.newsroom.models import Article


def change_form_data(article: Article, **overrides) -> dict:
    local = article.published_at.astimezone()
    return {
        "title": article.title,
        "slug": article.slug,
        "section": article.section_id,
        "reporter": article.reporter_id,
        "lead": article.lead,
        "body": article.body,
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
        "base_version": article.version,
        **overrides,
    }
