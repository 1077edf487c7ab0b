"""SQL pieces the two backends share: the filters on the document table."""

from datetime import datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from warta.search.models import SearchDocument

DOCUMENTS = SearchDocument._meta.db_table


def filter_sql(filters) -> tuple[str, list]:
    """``AND ...`` conditions on the document table ``d`` and their parameters."""
    # Moments as the ORM stores them: SQLite compares dates as UTC text, and a
    # midnight in Jakarta written with its offset sorts as the wrong day there.
    moment = connection.ops.adapt_datetimefield_value
    sql, params = ["d.published_at <= %s"], [moment(filters.now)]
    if filters.section_id is not None:
        sql.append("d.section_id_copy = %s")
        params.append(filters.section_id)
    zone = timezone.get_current_timezone()
    if filters.since is not None:
        sql.append("d.published_at >= %s")
        params.append(moment(datetime.combine(filters.since, time.min, tzinfo=zone)))
    if filters.until is not None:
        sql.append("d.published_at < %s")
        until = datetime.combine(filters.until, time.min, tzinfo=zone) + timedelta(1)
        params.append(moment(until))
    return " AND ".join(sql), params
