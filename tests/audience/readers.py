"""Test data for the audience tests: browsers' User-Agents and a stored-views helper."""

from django.db.models import Sum

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
