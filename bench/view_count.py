"""The beacon benchmark's view of the site, run as a child with the sandbox's settings.

``python bench/view_count.py OUT.json ids N``: up to N published article ids.
``python bench/view_count.py OUT.json totals``: views stored in the hourly counters,
and views still waiting in Redis.
"""

import json
import sys

import django


def main(out: str, what: str, *args: str) -> None:
    django.setup()
    from django.db.models import Sum

    from warta.audience import live_counts
    from warta.audience.models import ArticleViewHour
    from warta.newsroom.models import Article

    if what == "ids":
        ids = Article.objects.published().order_by("id").values_list("id", flat=True)
        result = {"ids": list(ids[: int(args[0])])}
    else:
        stored = ArticleViewHour.objects.aggregate(total=Sum("views"))["total"] or 0
        result = {"stored": stored, "waiting_in_redis": live_counts.waiting_views()}
    with open(out, "w") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main(*sys.argv[1:])
