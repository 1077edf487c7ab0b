"""What each person sees first on the desk: the lists of the dashboard at /redaksi/.

One query per list, whatever the archive's size, and plain SQL both SQLite and
PostgreSQL run: the counts are ``Sum`` aggregates over the hourly view buckets, joined
with the articles they count.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from warta.desk.roles import Action, may
from warta.newsroom.models import Article

S = Article.Status
LIST_LENGTH = 10
POPULAR_HOURS = 24


@dataclass(frozen=True)
class Dashboard:
    drafts: list[Article]
    awaiting_review: list[Article]
    reviews_all: bool  # the whole newsroom's queue (editors), or the user's own
    scheduled: list[Article]
    published_today: list[Article]  # each with ``views``: counted so far
    most_read: list[Article]  # each with ``views``: counted in the last POPULAR_HOURS


def dashboard_for(*, user, now: datetime | None = None, limit: int = LIST_LENGTH) -> Dashboard:
    now = now or timezone.now()
    reviews_all = may(user, Action.PUBLISH)
    return Dashboard(
        drafts=articles_drafted_by(user=user, limit=limit),
        awaiting_review=articles_awaiting_review(user=user, reviews_all=reviews_all, limit=limit),
        reviews_all=reviews_all,
        scheduled=articles_scheduled(now=now, limit=limit),
        published_today=articles_published_today(now=now, limit=limit),
        most_read=articles_most_read(now=now, limit=limit),
    )


def articles_drafted_by(*, user, limit: int = LIST_LENGTH) -> list[Article]:
    """The user's own drafts (written by them, or under their byline), last edited first."""
    return list(_rows().filter(_own(user), status=S.DRAFT).order_by("-updated_at", "-id")[:limit])


def articles_awaiting_review(*, user, reviews_all: bool, limit: int = LIST_LENGTH) -> list[Article]:
    """Submitted and ready articles, the longest waiting first.

    Editors (who may publish) see the newsroom's queue; anyone else only their own
    articles in it, to know where they stand.
    """
    queue = _rows().filter(status__in=(S.SUBMITTED, S.READY))
    if not reviews_all:
        queue = queue.filter(_own(user))
    return list(queue.order_by("updated_at", "id")[:limit])


def articles_scheduled(*, now: datetime, limit: int = LIST_LENGTH) -> list[Article]:
    """Scheduled articles whose time has not come yet, the soonest first."""
    return list(
        _rows()
        .filter(status=S.SCHEDULED, published_at__gt=now)
        .order_by("published_at", "id")[:limit]
    )


def articles_published_today(*, now: datetime, limit: int = LIST_LENGTH) -> list[Article]:
    """Published since midnight in the newsroom's time zone, newest first, with views."""
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return list(
        _rows()
        .published(now)
        .filter(published_at__gte=midnight)
        .annotate(views=Coalesce(Sum("view_hours__views"), 0))
        .order_by("-published_at", "-id")[:limit]
    )


def articles_most_read(
    *, now: datetime, hours: int = POPULAR_HOURS, limit: int = LIST_LENGTH
) -> list[Article]:
    """The published articles read most in the last ``hours``, with their views.

    Filtering the join before annotating sums only the buckets inside the window and
    lets the (hour, article) index pick them; buckets starting before the window are
    left out, as Populer does, so no counted view is older than it.
    """
    return list(
        _rows()
        .published(now)
        .filter(view_hours__hour__gte=now - timedelta(hours=hours))
        .annotate(views=Sum("view_hours__views"))
        .filter(views__gt=0)
        .order_by("-views", "-id")[:limit]
    )


def _rows() -> QuerySet:
    """Just what a dashboard row shows: title, section, byline, status and times."""
    return Article.objects.select_related("section", "reporter").only(
        "id",
        "title",
        "status",
        "published_at",
        "updated_at",
        "section__name",
        "reporter__name",
    )


def _own(user) -> Q:
    return Q(created_by=user) | Q(reporter__user=user)
