"""Indonesian dates: the two formats the portal prints, in WIB, WITA and WIT."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from warta.common import dates

JAKARTA = ZoneInfo("Asia/Jakarta")


def test_the_seed_dateline():
    moment = datetime(2020, 11, 8, 8, 6, tzinfo=JAKARTA)
    assert dates.dateline_time(moment, JAKARTA) == "MINGGU, 08 NOVEMBER 2020 | 08:06 WIB"


def test_the_seed_list_format():
    moment = datetime(2026, 1, 5, 16, 47, tzinfo=JAKARTA)
    assert dates.listing_time(moment, JAKARTA) == "Senin, 05 Januari 2026 | 16:47"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (5, "Senin"),
        (6, "Selasa"),
        (7, "Rabu"),
        (8, "Kamis"),
        (9, "Jumat"),
        (10, "Sabtu"),
        (11, "Minggu"),
    ],
)
def test_every_day_name(day, name):
    moment = datetime(2026, 1, day, 12, 0, tzinfo=JAKARTA)
    assert dates.listing_time(moment, JAKARTA).startswith(f"{name}, {day:02d} Januari 2026")


@pytest.mark.parametrize(
    ("month", "name"),
    list(
        enumerate(
            [
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
            ],
            start=1,
        )
    ),
)
def test_every_month_name(month, name):
    moment = datetime(2025, month, 15, 9, 5, tzinfo=JAKARTA)
    assert f" 15 {name} 2025 | 09:05" in dates.listing_time(moment, JAKARTA)
    assert f" 15 {name.upper()} 2025 | 09:05 WIB" in dates.dateline_time(moment, JAKARTA)


@pytest.mark.parametrize(
    ("zone", "label", "clock"),
    [
        ("Asia/Jakarta", "WIB", "08:06"),
        ("Asia/Pontianak", "WIB", "08:06"),
        ("Asia/Makassar", "WITA", "09:06"),
        ("Asia/Jayapura", "WIT", "10:06"),
    ],
)
def test_indonesian_zone_labels(zone, label, clock):
    moment = datetime(2020, 11, 8, 1, 6, tzinfo=UTC)  # 08:06 in Jakarta
    assert (
        dates.dateline_time(moment, ZoneInfo(zone)) == f"MINGGU, 08 NOVEMBER 2020 | {clock} {label}"
    )


def test_other_zones_fall_back_to_their_own_name():
    moment = datetime(2020, 11, 8, 1, 6, tzinfo=UTC)
    assert dates.dateline_time(moment, ZoneInfo("Europe/Amsterdam")).endswith("02:06 CET")


def test_a_utc_moment_is_shown_in_the_site_zone(settings):
    settings.TIME_ZONE = "Asia/Makassar"
    moment = datetime(2026, 1, 4, 23, 30, tzinfo=UTC)  # already Monday in Makassar
    assert dates.listing_time(moment) == "Senin, 05 Januari 2026 | 07:30"
    assert dates.dateline_time(moment).endswith("07:30 WITA")


def test_iso_keeps_the_offset():
    moment = datetime(2020, 11, 8, 1, 6, tzinfo=UTC)
    assert dates.iso_with_offset(moment, JAKARTA) == "2020-11-08T08:06:00+07:00"


def test_midnight_and_single_digits_are_zero_padded():
    moment = datetime(2026, 3, 1, 0, 4, tzinfo=JAKARTA) + timedelta(seconds=59)
    assert dates.listing_time(moment, JAKARTA) == "Minggu, 01 Maret 2026 | 00:04"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-01-05", "2026-01-05"),
        ("2026-02-30", None),
        ("0001-01-01", None),
        ("9999-12-31", None),
        ("2026-1-5", None),
        ("２０２６-０１-０５", None),
        ("", None),
        ("x" * 10_000, None),
    ],
)
def test_parse_day_accepts_only_plain_iso_dates_of_our_era(raw, expected):
    day = dates.parse_day(raw)
    assert (day.isoformat() if day else None) == expected
