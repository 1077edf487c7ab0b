"""Reading the index: a page of search results, ranked, with snippets."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from markupsafe import Markup

from warta.newsroom.models import Article, Section

from .analysis import plain_text
from .backends import Filters, backend
from .query import parse_query
from .snippets import snippet

PAGE_SIZE = 20
# Results are ranked among the best MAX_RESULTS matches: a reader never pages past
# them, and ranking stays a bounded amount of work for any query.
MAX_RESULTS = 400
MAX_PAGES = MAX_RESULTS // PAGE_SIZE
# Recency boost: a story published now counts up to (1 + RECENCY_WEIGHT) times its
# relevance; the boost halves every RECENCY_HALF_LIFE_DAYS.
RECENCY_WEIGHT = 0.5
RECENCY_HALF_LIFE_DAYS = 30.0


@dataclass(frozen=True)
class Hit:
    article: Article
    snippet: Markup


@dataclass(frozen=True)
class SearchPage:
    terms: list[str]  # every stem the query (aliases included) can match
    hits: list[Hit] = field(default_factory=list)
    number: int = 1
    total: int = 0  # capped at MAX_RESULTS

    @property
    def has_next(self) -> bool:
        return self.number * PAGE_SIZE < self.total

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def _score(relevance: float, published_at, now) -> float:
    age_days = max((now - published_at).total_seconds(), 0.0) / 86400
    return relevance * (1 + RECENCY_WEIGHT * 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS))


def search_articles(
    *,
    query: str,
    section: Section | None = None,
    since: date | None = None,
    until: date | None = None,
    page: int = 1,
) -> SearchPage:
    """Live articles matching ``query`` (any text at all), best first, one page."""
    parsed = parse_query(query)
    terms = parsed.stems
    page = min(max(page, 1), MAX_PAGES)
    if not parsed:
        return SearchPage(terms=terms, number=page)
    now = timezone.now()
    filters = Filters(now=now, section_id=section.pk if section else None, since=since, until=until)
    matches = backend().match(parsed, filters, MAX_RESULTS)
    ranked = sorted(
        matches, key=lambda row: (-_score(row[1], row[2], now), -row[2].timestamp(), -row[0])
    )
    ids = [row[0] for row in ranked[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
    # The article has the last word (is_live, published()'s twin): a document can never
    # show what readers may not see. Checked in Python because, given published()'s
    # conditions, SQLite walks its status index over every live article (30 ms at
    # 100,000) instead of fetching these twenty by id.
    found = {
        article.pk: article
        for article in Article.objects.filter(pk__in=ids)
        .for_listing("body", "status")  # the body for the snippet
        .order_by()
        if article.is_live
    }
    hits = [
        Hit(article=found[pk], snippet=snippet(_text(found[pk]), terms))
        for pk in ids
        if pk in found
    ]
    return SearchPage(terms=terms, hits=hits, number=page, total=len(ranked))


def _text(article: Article) -> str:
    return f"{article.lead}\n{plain_text(article.body)}"
