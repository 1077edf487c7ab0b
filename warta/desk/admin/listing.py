"""The article list at archive scale: a bounded count and a cheap reporter filter.

Django's changelist counts every article a filter matches, to print the total and
number the pages: at a million articles that COUNT was most of the list's cost, and
it grows with the archive. Here counting stops at ``COUNT_LIMIT`` ("lebih dari
1.000 berita"): the first 20 pages are numbered, and a search or a filter finds
the rest. Counting 10,001 of a section's published articles took 40 ms at a
million articles; 1,001 take 4 ms, as they do at 10,000.

The title search (``?q=``) is an ``ILIKE '%…%'``, which no B-tree can answer: on
PostgreSQL a trigram index (desk migration 0003) finds the matching titles instead
of a scan of every article (1.4 s at a million articles). A search is not counted at
all: counting a word in 1 % of a million titles to 1,001 read 10,000 trigram matches
(15 ms). Its page is read together with one row more, which says whether there is a
next page ("lebih dari 50 hasil", and one page further numbered as the editor goes);
on PostgreSQL the newest titles are walked in an index that holds them (desk
migration 0004), without reading the articles themselves.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import PAGE_VAR, SEARCH_VAR, ChangeList
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property

from warta.newsroom.models import Article, Reporter

COUNT_LIMIT = 1_000


class BoundedCountPaginator(Paginator):
    """Counts at most ``COUNT_LIMIT + 1`` rows: a count above the limit means "more"."""

    count_limit = COUNT_LIMIT

    @cached_property
    def count(self) -> int:
        # Unordered: any index may answer, not only the one the list is sorted by.
        return self.object_list.order_by()[: self.count_limit + 1].count()

    @property
    def count_is_bounded(self) -> bool:
        return self.count > self.count_limit

    @property
    def limit_label(self) -> str:
        return f"{self.count_limit:,}".replace(",", ".")  # Indonesian: 1.000


class TitleSearchPaginator(Paginator):
    """A searched list, never counted: the requested page's ids and one more are read
    in one walk, so the count is known up to the end of this page, and bounded."""

    def __init__(self, object_list, per_page, page_number: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.page_number = max(page_number, 1)

    @cached_property
    def _ids(self) -> list[int]:
        start = (self.page_number - 1) * self.per_page
        return list(
            self.object_list.values_list("pk", flat=True)[start : start + self.per_page + 1]
        )

    @cached_property
    def count(self) -> int:
        return (self.page_number - 1) * self.per_page + len(self._ids)

    @property
    def count_is_bounded(self) -> bool:
        return len(self._ids) > self.per_page

    @property
    def limit_label(self) -> str:
        return f"{self.page_number * self.per_page:,}".replace(",", ".")

    @property
    def past_the_end(self) -> bool:
        """Asked for a page after the last: its count would be a guess."""
        return self.page_number > 1 and not self._ids

    def page(self, number):
        number = self.validate_number(number)
        if number != self.page_number:  # Django asks for the page it was built for
            return super().page(number)
        # By id: the rows of this page only, not the search walked again.
        rows = self.object_list.filter(pk__in=self._ids[: self.per_page])
        return Page(rows, number, self)


def list_paginator(request, queryset, per_page, **kwargs) -> Paginator:
    """The article list's paginator: bounded counting, or none for a title search."""
    if not request.GET.get(SEARCH_VAR, "").strip():
        return BoundedCountPaginator(queryset, per_page, **kwargs)
    try:
        page_number = int(request.GET.get(PAGE_VAR, 1))
    except ValueError:
        page_number = 1
    return TitleSearchPaginator(queryset, per_page, page_number, **kwargs)


class ArticleChangeList(ChangeList):
    """A title search is always paged: its count stops at the page being read, so
    Django's "show all" (offered up to 200) would list every match of the archive."""

    def get_results(self, request):
        searching = bool(self.query.strip())
        if searching:
            self.show_all = False
        super().get_results(request)
        if searching:
            self.can_show_all = False
            if self.paginator.past_the_end:  # as Django answers any page past the end
                raise IncorrectLookupParameters


class ReporterListFilter(admin.RelatedFieldListFilter):
    """Reporters who have any article, by name. Django's RelatedOnlyFieldListFilter
    asks for the distinct reporters of all articles, which reads the whole table; one
    probe of the (reporter, ...) index per reporter answers the same."""

    def field_choices(self, field, request, model_admin):
        has_articles = Exists(Article.objects.filter(reporter=OuterRef("pk")))
        return [
            (reporter.pk, str(reporter))
            for reporter in Reporter.objects.filter(has_articles).order_by("name").only("name")
        ]
