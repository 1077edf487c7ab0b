"""Test data for the audience tests: browsers' User-Agents and stored-views helpers.

The helpers work in both modes the suite runs in (tests/settings.py): the embedded
default, where counted views wait in the process buffer, and production mode, where
they wait in Redis for the flush worker.
"""

from django.conf import settings
from django.db.models import Sum

from warta.audience import buffer, flush, live_counts
from warta.audience.models import ArticleViewHour

CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
)
READER_IP = "203.0.113.7"


def views_of(article) -> int:
    """Views stored for ``article`` (after a flush)."""
    total = ArticleViewHour.objects.filter(article=article).aggregate(total=Sum("views"))
    return total["total"] or 0


def flush_views() -> None:
    """Write every counted view to the database, wherever it waits."""
    buffer.flush_views()
    if settings.REDIS_URL:
        flush.flush_live_views()


def unflushed_views() -> int:
    """Views counted and not yet written to the database."""
    waiting = buffer.pending_views()
    if settings.REDIS_URL:
        waiting += live_counts.waiting_views()
    return waiting
