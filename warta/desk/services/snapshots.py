"""An article's content as plain data: what a revision stores and a diff compares."""

from django.utils import timezone

from warta.newsroom.models import Article

CONTENT_FIELDS = ("title", "slug", "lead", "body", "section_id", "reporter_id", "lead_photo_id")


def snapshot(article: Article, tag_ids: list[int] | None = None) -> dict:
    data = {field: getattr(article, field) for field in CONTENT_FIELDS}
    data["published_at"] = article.published_at.isoformat() if article.published_at else None
    if tag_ids is None:
        tag_ids = sorted(article.tags.values_list("pk", flat=True)) if article.pk else []
    data["tags"] = sorted(tag_ids)
    return data


def record_revision(article: Article, *, kind: str, author, at=None):
    """A revision holding the article's current content, as it stands in the database."""
    from ..models import Revision

    return Revision.objects.create(
        article=article,
        version=article.version,
        kind=kind,
        author=author,
        created_at=at or timezone.now(),
        content=snapshot(article),
    )
