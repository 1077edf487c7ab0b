"""Which addresses show an article on its own: what a cache node must fetch again.

Its page at its current address, and at the addresses its recent revisions had: an
edit that changes the slug, the section or the date moves the page, and the old
address must stop showing the old text (it now answers 301 to the new one). Also the
read API's representations of the article. Lists that show the article are left to
their short cache lifetime (see warta.common.http_cache).
"""

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from warta.desk.models import Revision
from warta.newsroom.models import Article, Section

# An article changes address rarely; the few newest revisions cover every address it
# had lately (each save and each publication makes one).
REVISIONS_LOOKED_AT = 5


def article_addresses(article_id: int) -> list[str]:
    """Paths (no host) of every representation of the article a cache may hold."""
    article = Article.objects.select_related("section").filter(pk=article_id).first()
    if article is None:
        return []
    paths = [article.get_absolute_url()]
    for path in _earlier_addresses(article):
        if path not in paths:
            paths.append(path)
    paths.append(reverse("api:article", kwargs={"id": article_id}))
    paths.append(reverse("api:article-ninjs", kwargs={"id": article_id}))
    return paths


def _earlier_addresses(article: Article) -> list[str]:
    contents = list(
        Revision.objects.filter(article=article)
        .exclude(kind=Revision.Kind.AUTOSAVE)  # a draft never reached readers
        .order_by("-created_at", "-id")
        .values_list("content", flat=True)[:REVISIONS_LOOKED_AT]
    )
    places = {
        (content.get("section_id"), content.get("slug"), content.get("published_at"))
        for content in contents
    }
    section_ids = {section_id for section_id, _, _ in places} - {article.section_id}
    section_slugs = {article.section_id: article.section.slug}
    section_slugs.update(Section.objects.filter(pk__in=section_ids).values_list("pk", "slug"))
    paths = []
    for section_id, slug, published_at in sorted(places, key=str):
        if section_id not in section_slugs or not slug or not published_at:
            continue
        local = timezone.localtime(datetime.fromisoformat(published_at))
        paths.append(
            reverse(
                "portal:article",
                kwargs={
                    "section": section_slugs[section_id],
                    "year": local.year,
                    "month": local.month,
                    "day": local.day,
                    "pk": article.pk,
                    "slug": slug,
                },
            )
        )
    return paths
