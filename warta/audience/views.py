"""The view beacon: ``navigator.sendBeacon("/b", String(articleId))``.

A view is counted here, not when the page renders, so pages served from a cache still
count. The request path touches only the cache or Redis (rate limit, de-duplication,
the count); whether the id names a published article is settled when the counts are
written (see ``counters.add_views``), so a beacon costs no database query. Under
gunicorn ``wsgi.py`` answers ``/b`` before Django does; this view serves the same
answers to Django's own handler (the test client, ``runserver``).
"""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .beacon import answer


@csrf_exempt
def beacon(request: HttpRequest) -> HttpResponse:
    result = answer(request.META, request.read)
    response = HttpResponse(status=result.status)
    for name, value in result.headers:
        response[name] = value
    response["Cache-Control"] = "no-store"
    return response
