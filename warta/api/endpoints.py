"""The read API's operations: thin adapters from parameters to selectors and back."""

from django.http import QueryDict
from ninja import Path, Query
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from warta.audience.selectors import popular_articles
from warta.common.keyset import InvalidCursor
from warta.newsroom.models import Article, Section
from warta.newsroom.selectors import corrections_of, tags_of

from . import representations
from .api import api
from .headers import READ_API_HEADERS
from .ninjs import article_ninjs
from .ninjs_schemas import Ninjs
from .params import InvalidSince, parse_since
from .schemas import ArticleDetail, ArticlePage, Error, PopularArticle
from .schemas import Section as SectionSchema
from .selectors import (
    ArticleFilters,
    ArticleGone,
    UnknownFilter,
    published_article,
    published_articles_page,
)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_ID = 2**63 - 1  # the largest primary key either database stores
SLUG = r"^[-a-zA-Z0-9_]+$"

NOT_MODIFIED = "Not modified: the `If-None-Match` ETag is current. No body."
ERRORS = {
    400: "A parameter is malformed, out of range or names nothing.",
    404: "No published article has this id.",
    410: "The article was withdrawn by the newsroom.",
}


ETAG_HEADER = {
    "description": "Strong validator of this answer; send it back in `If-None-Match`.",
    "schema": {"type": "string"},
}
IF_NONE_MATCH = {
    "in": "header",
    "name": "If-None-Match",
    "required": False,
    "description": "An ETag from an earlier answer: unchanged answers come back as 304.",
    "schema": {"type": "string"},
}


def _contract(ok, *errors: int) -> dict:
    """The responses of an operation, for ninja and for the OpenAPI document."""
    return {
        "response": {200: ok, 304: None, **{status: Error for status in errors}},
        "openapi_extra": {
            "parameters": [IF_NONE_MATCH],
            "responses": {
                200: {"headers": {"ETag": ETAG_HEADER}},
                304: {"description": NOT_MODIFIED, "headers": {"ETag": ETAG_HEADER}},
                **{status: {"description": ERRORS[status]} for status in errors},
            },
        },
    }


ARTICLE_ID = Path(..., ge=1, le=MAX_ID, description="The article's id (as in its URL).")


@api.get(
    "/articles",
    **_contract(ArticlePage, 400),
    url_name="articles",
    operation_id="list_articles",
    summary="Published articles, newest first",
    description=(
        "Filters combine with AND. Page with `cursor` (take `next`); never by offset. "
        + ERRORS[400]
    ),
    tags=["articles"],
)
@decorate_view(*READ_API_HEADERS)
def list_articles(
    request,
    section: str | None = Query(
        None, max_length=80, pattern=SLUG, description="Section slug, e.g. `politik`."
    ),
    tag: str | None = Query(None, max_length=100, pattern=SLUG, description="Tag slug."),
    reporter: str | None = Query(None, max_length=120, pattern=SLUG, description="Reporter slug."),
    since: str | None = Query(
        None,
        max_length=40,
        description=(
            "Published at or after: ISO 8601 date (`2024-02-14`, midnight in the site's "
            "zone) or date-time (`2024-02-14T07:00:00+07:00`; without an offset, the "
            "site's zone)."
        ),
    ),
    cursor: str | None = Query(
        None, max_length=64, description="Opaque position from a previous page's `next`."
    ),
    limit: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Articles per page."),
):
    try:
        filters = ArticleFilters(
            section=section,
            tag=tag,
            reporter=reporter,
            since=parse_since(since) if since else None,
        )
        page = published_articles_page(filters, cursor=cursor, size=limit)
    except InvalidCursor as exc:
        raise HttpError(400, "cursor: not a cursor this API gave out") from exc
    except (InvalidSince, UnknownFilter) as exc:
        raise HttpError(400, str(exc)) from exc
    links = representations.Links(request)
    return {
        "items": [
            representations.article_summary(links, article, list(article.tags.all()))
            for article in page.items
        ],
        "next": _next_url(request, page.next_cursor) if page.next_cursor else None,
        "next_cursor": page.next_cursor,
    }


def _next_url(request, next_cursor: str) -> str:
    query = QueryDict(mutable=True)
    for name in ("section", "tag", "reporter", "since", "limit"):
        if request.GET.get(name):
            query[name] = request.GET[name]
    query["cursor"] = next_cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _article(pk: int) -> Article:
    try:
        return published_article(pk)
    except ArticleGone as exc:
        raise HttpError(410, f"article {pk} was withdrawn") from exc
    except Article.DoesNotExist as exc:
        raise HttpError(404, f"no published article {pk}") from exc


@api.get(
    "/articles/{id}",
    **_contract(ArticleDetail, 400, 404, 410),
    url_name="article",
    operation_id="get_article",
    summary="One published article with its body and corrections",
    description=" ".join(ERRORS.values()),
    tags=["articles"],
)
@decorate_view(*READ_API_HEADERS)
def get_article(request, id: int = ARTICLE_ID):  # "id", as the path names it
    article = _article(id)
    # The page shows corrections only for articles that have any: no query otherwise.
    corrections = corrections_of(article) if article.last_corrected_at else []
    return representations.article_detail(
        representations.Links(request), article, tags_of(article), corrections
    )


@api.get(
    "/articles/{id}/ninjs",
    **_contract(Ninjs, 400, 404, 410),
    url_name="article-ninjs",
    operation_id="get_article_ninjs",
    summary="One published article as IPTC ninjs 2.0",
    description=(
        "The article in IPTC's News in JSON 2.0 "
        "(https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json). " + " ".join(ERRORS.values())
    ),
    tags=["articles"],
    by_alias=True,
    exclude_none=True,
)
@decorate_view(*READ_API_HEADERS)
def get_article_ninjs(request, id: int = ARTICLE_ID):
    article = _article(id)
    return article_ninjs(request, article, tags_of(article))


@api.get(
    "/sections",
    **_contract(list[SectionSchema]),
    url_name="sections",
    operation_id="list_sections",
    summary="Every section, in the newsroom's order",
    tags=["sections"],
)
@decorate_view(*READ_API_HEADERS)
def list_sections(request):
    links = representations.Links(request)
    return [representations.section(links, found) for found in Section.objects.all()]


@api.get(
    "/popular",
    **_contract(list[PopularArticle]),
    url_name="popular",
    operation_id="list_popular",
    summary="Populer: the most-read published articles of the last days",
    description=(
        "Ranked by views counted on the site in the last `WARTA_POPULAR_WINDOW_DAYS` days "
        "(default 7); topped up with the newest articles when few were read. Recomputed "
        "at most once a minute."
    ),
    tags=["articles"],
)
@decorate_view(*READ_API_HEADERS)
def list_popular(request):
    links = representations.Links(request)
    return [
        representations.popular_article(links, rank, link)
        for rank, link in enumerate(popular_articles(), start=1)
    ]
