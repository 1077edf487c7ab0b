"""Which articles are related to an article: shared tags, shared words, newer first.

Each candidate scores a point per shared tag plus its text similarity scaled to the
best match's (so the closest text is worth about one shared tag), and the sum is
boosted for recent stories the way search boosts them. An article with few
neighbours is filled up with the newest stories of its own section, so the block
is never a lonely line.
"""

from collections import Counter
from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from warta.newsroom.models import Article, Tag
from warta.search.analysis import plain_text, stems
from warta.search.similar import similar_documents

# How many are shown, at least and at most, when the archive has that many.
SHOWN = 5
# How many are stored: a few spare, so a withdrawn one leaves the block full.
STORED = 8
# How many candidates each way (tags, text) are scored; both come from indexes.
CANDIDATES = 40
# Terms of the "more like this" query: every title and tag stem, and the body's
# most repeated stems; more would only add common words.
BODY_TERMS = 8
MAX_TERMS = 24
MIN_TERM_CHARS = 3
# A story published now counts up to (1 + RECENCY_WEIGHT) times; the boost halves
# every RECENCY_HALF_LIFE_DAYS (the search page's numbers).
RECENCY_WEIGHT = 0.5
RECENCY_HALF_LIFE_DAYS = 30.0


def find_related(article: Article, *, now: datetime | None = None) -> list[int]:
    """Ids of the articles related to ``article``, best first, at most ``STORED``.

    Only articles readers may see now are considered, never the article itself.
    """
    now = now or timezone.now()
    tags = list(Tag.objects.filter(articles=article.pk).values_list("id", "name"))
    shared_tags = _sharing_tags(article.pk, [tag_id for tag_id, _ in tags])
    text = dict(
        similar_documents(
            similarity_terms(article, [name for _, name in tags]),
            exclude_id=article.pk,
            limit=CANDIDATES,
        )
    )
    best_text = max(text.values(), default=0.0) or 1.0
    live = Article.objects.published(now).filter(pk__in=shared_tags.keys() | text.keys())
    scored = [
        (
            (shared_tags.get(pk, 0) + text.get(pk, 0.0) / best_text)
            * _recency_boost(published_at, now),
            published_at,
            pk,
            title,
        )
        for pk, published_at, title in live.values_list("pk", "published_at", "title")
    ]
    scored.sort(reverse=True)
    headlines = {_headline_key(article.title)}
    found = _distinct_headlines(((pk, title) for *_, pk, title in scored), headlines, STORED)
    if len(found) < SHOWN:
        newest = _newest(article, now, exclude=found, count=STORED)
        found += _distinct_headlines(newest, headlines, SHOWN - len(found))
    return found


def _distinct_headlines(candidates, taken: set[str], count: int) -> list[int]:
    """The first ``count`` ids of ``(id, title)`` candidates, one per headline: a story
    filed twice (a wire copy and its rewrite, a re-run) would otherwise fill the block
    with the same line. ``taken`` holds the headlines already used and grows."""
    found = []
    for pk, title in candidates:
        key = _headline_key(title)
        if key not in taken:
            taken.add(key)
            found.append(pk)
            if len(found) == count:
                break
    return found


def _headline_key(title: str) -> str:
    return " ".join(title.casefold().split())


def similarity_terms(article: Article, tag_names: list[str]) -> list[str]:
    """The stems that characterise an article: its title, its tags, its repeated words."""
    title = stems(article.title).split()
    tagged = stems(" ".join(tag_names)).split()
    body = Counter(stems(f"{article.lead}\n{plain_text(article.body)}").split())
    repeated = [term for term, count in body.most_common(BODY_TERMS * 3) if count > 1]
    terms = [
        term
        for term in dict.fromkeys([*title, *tagged, *repeated[:BODY_TERMS]])
        if len(term) >= MIN_TERM_CHARS and not term.isdigit()
    ]
    return terms[:MAX_TERMS]


def _sharing_tags(article_id: int, tag_ids: list[int]) -> dict[int, int]:
    """Live articles sharing tags with this one: id -> how many, most first."""
    if not tag_ids:
        return {}
    through = Article.tags.through
    rows = (
        through.objects.filter(tag_id__in=tag_ids, article__status__in=Article.LIVE_STATUSES)
        .exclude(article_id=article_id)
        .values("article_id")
        .annotate(shared=Count("tag_id"))
        .order_by("-shared", "-article_id")
        .values_list("article_id", "shared")[:CANDIDATES]
    )
    return dict(rows)


def _recency_boost(published_at: datetime, now: datetime) -> float:
    age_days = max((now - published_at).total_seconds(), 0.0) / 86400
    return 1 + RECENCY_WEIGHT * 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)


def _newest(article: Article, now: datetime, *, exclude: list[int], count: int) -> list:
    """``(id, title)`` of the newest stories of the article's section, then of the site."""
    taken = [article.pk, *exclude]
    live = Article.objects.published(now).exclude(pk__in=taken).latest_first()
    found = list(live.in_section(article.section_id).values_list("pk", "title")[:count])
    if len(found) < count:
        live = live.exclude(pk__in=[pk for pk, _ in found])
        found += live.values_list("pk", "title")[: count - len(found)]
    return found
