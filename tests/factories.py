"""Factories for the content model: small, explicit, one per entity."""

import itertools
from datetime import datetime, timedelta

from django.utils import timezone

from warta.newsroom.models import Article, Photo, Reporter, Section, Tag

_counter = itertools.count(1)


def make_section(name: str = "Dunia", slug: str | None = None, position: int = 0) -> Section:
    section, _ = Section.objects.get_or_create(
        slug=slug or name.lower(), defaults={"name": name, "position": position}
    )
    return section


def make_reporter(name: str = "Sarah Meiliana Gunawan", slug: str | None = None) -> Reporter:
    reporter, _ = Reporter.objects.get_or_create(
        slug=slug or name.lower().replace(" ", "-"), defaults={"name": name}
    )
    return reporter


def make_tag(name: str = "Nagorno-Karabakh") -> Tag:
    tag, _ = Tag.objects.get_or_create(slug=name.lower().replace(" ", "-"), defaults={"name": name})
    return tag


def make_photo(caption: str = "Ilustrasi", credit: str = "Net") -> Photo:
    return Photo.objects.create(caption=caption, credit=credit)


def make_article(
    *,
    title: str | None = None,
    section: Section | None = None,
    reporter: Reporter | None = None,
    published_at: datetime | None = None,
    status: str = Article.Status.PUBLISHED,
    tags: list[Tag] = (),
    lead_photo: Photo | None = None,
    lead: str = "Teras berita.",
    body: str = "<p>Isi berita.</p>",
    slug: str | None = None,
) -> Article:
    n = next(_counter)
    title = title or f"Berita nomor {n}"
    article = Article.objects.create(
        title=title,
        slug=slug or f"berita-{n}",
        section=section or make_section(),
        reporter=reporter or make_reporter(),
        # Each new article a second older than the last: lists have a stable order, and
        # every default date stays recent however many articles a test session makes.
        published_at=published_at or timezone.now() - timedelta(seconds=n),
        status=status,
        lead=lead,
        body=body,
        lead_photo=lead_photo,
    )
    if tags:
        article.tags.set(tags)
    return article
