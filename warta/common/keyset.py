"""Keyset ("seek") pagination for newest-first lists.

Page N of an OFFSET list makes the database walk past every earlier row, so deep
pages of a big archive get slower and slower. A keyset page instead starts right
after the last item the reader saw (its time and id), which an index finds at once
on any page. The cursor is opaque to readers: ``<microseconds>_<id>``.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

# Cursors beyond these bounds cannot come from a real page; refusing them early keeps
# odd input away from datetime arithmetic and the database driver.
_MAX_MICROS = 253402300799 * 10**6  # 9999-12-31
_MAX_ID = 2**63 - 1


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class Cursor:
    moment: datetime
    pk: int

    def encode(self) -> str:
        micros = int(self.moment.timestamp()) * 10**6 + self.moment.microsecond
        return f"{micros}_{self.pk}"

    @classmethod
    def decode(cls, raw: str) -> "Cursor":
        micros_text, sep, pk_text = raw.partition("_")
        if not sep or not micros_text.isascii() or not pk_text.isascii():
            raise InvalidCursor(raw)
        if not (micros_text.isdigit() and pk_text.isdigit()):
            raise InvalidCursor(raw)
        micros, pk = int(micros_text), int(pk_text)
        if micros > _MAX_MICROS or pk > _MAX_ID:
            raise InvalidCursor(raw)
        moment = datetime.fromtimestamp(micros // 10**6, tz=UTC).replace(microsecond=micros % 10**6)
        return cls(moment, pk)


@dataclass(frozen=True)
class KeysetPage:
    items: list
    next_cursor: str | None
    is_first: bool


def newest_shown(cursor: str | None) -> datetime:
    """The latest moment a page after ``cursor`` can show: now, or the cursor's own
    moment when that is earlier; raises InvalidCursor.

    Filter the list by this single upper bound rather than by now and the cursor apart:
    of two upper bounds on the same indexed column SQLite seeks by the first it is given
    and filters by the other, so a deep page would walk every newer row of the index.
    """
    now = timezone.now()
    return min(now, Cursor.decode(cursor).moment) if cursor else now


def keyset_page(
    queryset: QuerySet, cursor: str | None, size: int, time_field: str = "published_at"
) -> KeysetPage:
    """One page of ``queryset`` (newest first) after ``cursor``; raises InvalidCursor."""
    ordered = queryset.order_by(f"-{time_field}", "-pk")
    if cursor:
        after = Cursor.decode(cursor)
        ordered = ordered.filter(
            Q(**{f"{time_field}__lt": after.moment})
            | Q(**{time_field: after.moment, "pk__lt": after.pk})
        )
    rows = list(ordered[: size + 1])
    items = rows[:size]
    next_cursor = None
    if len(rows) > size:
        last = items[-1]
        next_cursor = Cursor(getattr(last, time_field), last.pk).encode()
    return KeysetPage(items=items, next_cursor=next_cursor, is_first=not cursor)
