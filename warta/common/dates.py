"""Indonesian dates and times as the portal prints them.

Two formats, exactly as Indonesian portals print them:

* the article dateline, upper case with the zone label:
  ``MINGGU, 08 NOVEMBER 2020 | 08:06 WIB``
* list items (Populer, UPDATE, Terkini): ``Senin, 05 Januari 2026 | 16:47``

Day and month names are fixed Indonesian words, not the C library's locale, so the
output never depends on what locales the server has installed.
"""

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from django.utils import timezone

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Indonesia's three legal time zones and the IANA zones that observe each.
ZONE_LABELS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}
# Fallback by UTC offset, for zones named differently (e.g. Etc/GMT-7).
OFFSET_LABELS = {7 * 3600: "WIB", 8 * 3600: "WITA", 9 * 3600: "WIT"}


def zone_label(moment: datetime, zone: tzinfo | None = None) -> str:
    """The label readers know for the zone: WIB, WITA or WIT; else the zone's own name."""
    zone = zone or timezone.get_default_timezone()
    key = getattr(zone, "key", None)
    if key in ZONE_LABELS:
        return ZONE_LABELS[key]
    local = moment.astimezone(zone)
    offset = local.utcoffset()
    if offset is not None and int(offset.total_seconds()) in OFFSET_LABELS:
        return OFFSET_LABELS[int(offset.total_seconds())]
    return local.tzname() or "UTC"


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    # The site has one zone (settings.TIME_ZONE); the default zone is looked up once,
    # unlike the per-request "current" zone, which costs a context-local lookup per date.
    return timezone.localtime(moment, zone or timezone.get_default_timezone())


def day_date(moment: datetime, zone: tzinfo | None = None) -> str:
    """``Minggu, 08 November 2020`` in the site's zone."""
    local = _local(moment, zone)
    return (
        f"{DAY_NAMES[local.weekday()]}, {local.day:02d} {MONTH_NAMES[local.month - 1]} {local.year}"
    )


def listing_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """``Senin, 05 Januari 2026 | 16:47``: the format of Populer, UPDATE and lists."""
    local = _local(moment, zone)
    return f"{day_date(local, local.tzinfo)} | {local.hour:02d}:{local.minute:02d}"


def dateline_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """``MINGGU, 08 NOVEMBER 2020 | 08:06 WIB``: the article page's dateline."""
    local = _local(moment, zone)
    return f"{listing_time(local, local.tzinfo)} {zone_label(local, local.tzinfo)}".upper()


def iso_with_offset(moment: datetime, zone: tzinfo | None = None) -> str:
    """ISO 8601 in the site's zone with its offset, for ``<time datetime>`` and JSON-LD."""
    return _local(moment, zone).isoformat(timespec="seconds")


def site_zone() -> ZoneInfo:
    return timezone.get_default_timezone()


def parse_day(raw: str) -> date | None:
    """A ``YYYY-MM-DD`` date from a reader's query string, or None for anything else.

    Outside 1900–2999 there is no news, and date arithmetic near year 1 or 9999 would
    overflow, so those count as invalid too.
    """
    if len(raw) != 10 or not raw.isascii():
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return None
    return day if 1900 <= day.year <= 2999 else None
