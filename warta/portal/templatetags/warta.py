"""Template filters: Indonesian dates and JSON-LD. No queries happen here."""

import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from warta.common import dates

register = template.Library()

# As django.utils.html.json_script: keep "</script>" and friends out of the JSON.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def tanggal(moment):
    """``Senin, 05 Januari 2026 | 16:47``"""
    return dates.listing_time(moment) if moment else ""


@register.filter
def dateline(moment):
    """``MINGGU, 08 NOVEMBER 2020 | 08:06 WIB``"""
    return dates.dateline_time(moment) if moment else ""


@register.filter
def iso(moment):
    return dates.iso_with_offset(moment) if moment else ""


@register.filter
def jsonld(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def site_name():
    return settings.SITE_NAME


@register.simple_tag
def media_url(path):
    return f"{settings.MEDIA_URL}{path}"
