"""The archive by month: how many articles readers can see in each month.

The sitemaps need each month's count to list its pages. Counted on request, that is
one COUNT per month of the archive: about 320 at a million articles (27 years of a
busy newsroom), the sitemap index's whole cost. So the months before the current one
are counted when their articles change and stored (``ArchiveMonth``); only the
current month is counted on request, where a scheduled article comes due by the
clock alone, with no event to recount it.

A stored count is of *live* articles (published, or scheduled) by their month in the
site's zone: once a month is over every scheduled article in it has come due, so for
the months it is read for, it is exactly what ``published()`` would count.
Receivers (``receivers.py``) recount the months an article is in and was in: the
desk's changes and every import batch.
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from warta.newsroom.models import Article

from .models import ArchiveMonth


def month_start(year: int, month: int) -> datetime:
    """Midnight of the month's first day in the site's zone."""
    return datetime(year, month, 1, tzinfo=timezone.get_current_timezone())


def next_month(start: datetime) -> datetime:
    return month_start(start.year + start.month // 12, start.month % 12 + 1)


def month_of(moment: datetime) -> date:
    """The month (its first day) a moment falls in, in the site's zone."""
    return timezone.localtime(moment).date().replace(day=1)


def live_between(start: datetime, end: datetime):
    """Articles published in [start, end) whose time has come, as ``published()``.

    One upper bound, the earlier of ``end`` and now: given two, SQLite bounds its index
    walk by the first (now) and reads every later month too.
    """
    now = timezone.now()
    live = Article.objects.filter(status__in=Article.LIVE_STATUSES, published_at__gte=start)
    return live.filter(published_at__lte=now) if now < end else live.filter(published_at__lt=end)


def archive_recount(*, months: Iterable[date]) -> None:
    """Count these months' live articles again and store the counts.

    Each month's row is locked while it is counted, so two changes committing at once
    are counted one after the other and the later count includes both.
    """
    with transaction.atomic():
        months = sorted(set(months))  # one order for every caller: no deadlocks
        list(ArchiveMonth.objects.select_for_update().filter(month__in=months))
        counted = []
        for month in months:
            start = month_start(month.year, month.month)
            count = Article.objects.filter(
                status__in=Article.LIVE_STATUSES,
                published_at__gte=start,
                published_at__lt=next_month(start),
            ).count()
            counted.append(ArchiveMonth(month=month, articles=count))
        ArchiveMonth.objects.bulk_create(
            counted, update_conflicts=True, unique_fields=["month"], update_fields=["articles"]
        )


def archive_recount_all() -> None:
    """Every month counted again from the articles, and months left empty dropped: a
    repair, for articles written past the desk and the importers (a shell, tests)."""
    with transaction.atomic():
        live = Article.objects.filter(status__in=Article.LIVE_STATUSES)
        months = {moment.date() for moment in live.datetimes("published_at", "month")}
        archive_recount(months=months | set(ArchiveMonth.objects.values_list("month", flat=True)))


def archive_months(*, year: int | None = None) -> dict[date, int]:
    """Months with published articles up to now (of one year, or all), newest first,
    with their counts: stored ones for past months, the current month counted now."""
    now = timezone.localtime()
    current = now.date().replace(day=1)
    stored = ArchiveMonth.objects.filter(month__lt=current, articles__gt=0)
    if year is not None:
        stored = stored.filter(month__gte=date(year, 1, 1), month__lt=date(year + 1, 1, 1))
    months = {current: 0} if year in (None, current.year) else {}
    if months:
        start = month_start(current.year, current.month)
        months[current] = live_between(start, next_month(start)).count()
    months.update(stored.order_by("-month").values_list("month", "articles"))
    return {month: count for month, count in months.items() if count}


def archive_years() -> list[int]:
    """Years with published articles, newest first."""
    years = {month.year for month in archive_months()}
    return sorted(years, reverse=True)
