"""Query parameters the schemas cannot check alone."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from warta.common.dates import parse_day, site_zone

# The same bounds as a reader's date filter: no news outside them, and date
# arithmetic near year 1 or 9999 overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_OFFSET = timedelta(hours=14)


class InvalidSince(ValueError):
    pass


def parse_since(raw: str) -> datetime:
    """``since`` as an aware moment; raises InvalidSince with a message for the client.

    A date means midnight in the site's zone (the newsroom's day); so does a time
    without an offset.
    """
    day = parse_day(raw)
    if day is not None:
        return datetime.combine(day, time.min, tzinfo=site_zone())
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        moment = None
    if moment is None or not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InvalidSince(
            "since: expected an ISO 8601 date or date-time between "
            f"{FIRST_YEAR} and {LAST_YEAR}, e.g. 2024-02-14 or 2024-02-14T07:00:00+07:00"
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, site_zone())
    elif abs(moment.utcoffset()) > MAX_OFFSET:
        # No zone is further from UTC, and PostgreSQL refuses offsets past 15:59.
        raise InvalidSince("since: the UTC offset must be between -14:00 and +14:00")
    return moment
