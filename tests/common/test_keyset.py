"""Keyset pagination: cursors round-trip, and odd cursors are refused, not crashed on."""

from datetime import UTC, datetime

import pytest

from warta.common.keyset import Cursor, InvalidCursor


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
