"""Keyset pagination: cursors round-trip, and odd cursors are refused, not crashed on."""

from datetime import UTC, datetime

import pytest
import time_machine

from warta.common.keyset import Cursor, InvalidCursor, newest_shown

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def test_cursor_round_trip_keeps_microseconds():
    cursor = Cursor(datetime(2026, 1, 5, 9, 47, 3, 123456, tzinfo=UTC), 42)
    assert Cursor.decode(cursor.encode()) == cursor


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "abc",
        "1_",
        "_1",
        "1-2",
        "-1_2",
        "1_-2",
        "١٢_٣",
        "9" * 40 + "_1",
        "1_" + "9" * 40,
        "1_2_3",
    ],
)
def test_odd_cursors_are_refused(raw):
    with pytest.raises(InvalidCursor):
        Cursor.decode(raw)


@time_machine.travel(NOW, tick=False)
def test_a_first_page_shows_up_to_now():
    assert newest_shown(None) == NOW


@time_machine.travel(NOW, tick=False)
def test_a_later_page_shows_nothing_newer_than_its_cursor():
    earlier = Cursor(datetime(2025, 3, 1, 8, 30, tzinfo=UTC), 7)
    assert newest_shown(earlier.encode()) == earlier.moment


@time_machine.travel(NOW, tick=False)
def test_a_cursor_from_the_future_shows_nothing_newer_than_now():
    later = Cursor(datetime(2027, 1, 1, tzinfo=UTC), 7)
    assert newest_shown(later.encode()) == NOW


def test_an_odd_cursor_gives_no_bound():
    with pytest.raises(InvalidCursor):
        newest_shown("abc")
