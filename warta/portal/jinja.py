"""The Jinja2 environment for reader pages: Indonesian dates, JSON-LD, URLs.

Reader pages render with Jinja2 rather than Django's template language: the same
dumb templates, compiled to Python, render several times faster, and the article page
is the page the whole portal is judged by. The desk (Django admin) keeps Django's
templates. No filter here runs a query.
"""

import functools
import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import Truncator
from jinja2 import Environment
from markupsafe import Markup

from warta.common import dates

# As django.utils.html.json_script: keep "</script>" and friends out of the JSON.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def tanggal(moment) -> str:
    """``Senin, 05 Januari 2026 | 16:47``"""
    return dates.listing_time(moment) if moment else ""


def dateline(moment) -> str:
    """``MINGGU, 08 NOVEMBER 2020 | 08:06 WIB``"""
    return dates.dateline_time(moment) if moment else ""


def iso(moment) -> str:
    return dates.iso_with_offset(moment) if moment else ""


def jsonld(data) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def truncatewords(text: str, count: int) -> str:
    return Truncator(text).words(count)


@functools.cache
def _fixed_url(name: str) -> str:
    return reverse(name)


def url(name: str, **kwargs) -> str:
    # Addresses without arguments (the Indeks, ...) never change while the process runs.
    return reverse(name, kwargs=kwargs) if kwargs else _fixed_url(name)


# Hashed static names come from the manifest written at deploy time; looking each one
# up once per process is enough (in DEBUG, files change while the server runs).
_static = static if settings.DEBUG else functools.cache(static)


def media_url(path: str) -> str:
    return f"{settings.MEDIA_URL}{path}"


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals.update(static=_static, url=url, media_url=media_url)
    env.filters.update(
        tanggal=tanggal, dateline=dateline, iso=iso, jsonld=jsonld, truncatewords=truncatewords
    )
    return env
