"""SQL pieces the two backends share: the filters on the document table."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from warta.search.models import SearchDocument

DOCUMENTS = SearchDocument._meta.db_table


def filter_sql(filters) -> tuple[str, list]:
    """``AND ...`` conditions on the document table ``d`` and their parameters."""
    sql, params = ["d.published_at <= %s"], [filters.now]
    if filters.section_id is not None:
        sql.append("d.section_id_copy = %s")
        params.append(filters.section_id)
    zone = timezone.get_current_timezone()
    if filters.since is not None:
        sql.append("d.published_at >= %s")
        params.append(datetime.combine(filters.since, time.min, tzinfo=zone))
    if filters.until is not None:
        sql.append("d.published_at < %s")
        params.append(datetime.combine(filters.until, time.min, tzinfo=zone) + timedelta(1))
    return " AND ".join(sql), params
