"""``warta import`` (JSON Lines) fed hostile files: malformed JSON, partial lines,
wrong types, huge fields, odd Unicode, NUL bytes, duplicated ids, hostile image files.

The importer's promise (README, "Bad lines"; warta/ingest/importer.py): one
transaction holds the whole import, so without ``--skip-invalid`` a bad line stops
it with the line's number and reason and leaves the database, the media folder and
every existing article exactly as they were; with it, the good lines go in and each
bad line is listed. Nothing else may escape: no traceback, no half-written article.
"""

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from warta.ingest.importer import ImportAborted, import_lines
from warta.newsroom.models import Article

from .database import differences, snapshot
from .profiles import examples
from .strategies import NASTY, nasty, text
from .tally import attempt

pytestmark = pytest.mark.django_db

REQUIRED = ["slug", "section", "title", "caption", "reporter", "published_at", "lead", "tags"]
WITHOUT_NUL = [value for value in NASTY if "\x00" not in value]
NAMES = ["Politik", "Ékonomi & Bisnis", "Dunia", "Sarah Meiliana Gunawan", "KPK", "Bola 2026"]


@dataclass(frozen=True)
class Line:
    text: str
    good: bool | None  # None: a fuzzed line that may or may not be valid
    record: dict | None = None  # a good line's fields


# --- pictures the lines name --------------------------------------------------------------


@pytest.fixture
def files(tmp_path, settings):
    """A folder of image files, good and hostile, next to the import; a fresh MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    folder = tmp_path / "gambar"
    folder.mkdir()
    jpeg = BytesIO()
    Image.effect_noise((640, 400), 64).convert("RGB").save(jpeg, "JPEG")
    (folder / "foto.jpg").write_bytes(jpeg.getvalue())
    (folder / "potong.jpg").write_bytes(jpeg.getvalue()[:4000])
    (folder / "halaman.jpg").write_bytes(b"<!doctype html><script>alert(1)</script>")
    (folder / "poliglot.jpg").write_bytes(jpeg.getvalue() + b"<script>alert(1)</script>")
    (folder / "kosong.jpg").write_bytes(b"")
    os.mkfifo(folder / "pipa.jpg")  # opening it would wait for a writer for ever
    (folder / "lingkar.jpg").symlink_to(folder / "lingkar.jpg")
    (folder / "map.jpg").mkdir()
    return folder


GOOD_IMAGES = ["foto.jpg"]
BAD_IMAGES = [
    "potong.jpg", "halaman.jpg", "poliglot.jpg", "kosong.jpg", "pipa.jpg", "lingkar.jpg",
    "map.jpg", "tidak-ada.jpg", "/dev/zero", "/dev/null", "/etc/passwd", "../../../etc/hostname",
]  # fmt: skip


# --- lines --------------------------------------------------------------------------------

words = st.text(min_size=1, max_size=60).filter(lambda s: s.strip() and "\x00" not in s)
moments = st.builds(
    lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2999, 12, 30)),
    st.integers(min_value=-14 * 60, max_value=14 * 60),
).map(datetime.isoformat)


@st.composite
def good_records(draw, number: int, existing_ids: list[int]) -> dict:
    record = {
        "slug": f"uji-{number}-" + draw(st.from_regex(r"[a-zA-Z0-9_-]{0,40}", fullmatch=True)),
        "section": draw(st.sampled_from(NAMES)),
        "title": draw(st.one_of(words, st.sampled_from(["Judul", "  Spasi  ", "x" * 300]))),
        "caption": draw(words),
        "reporter": draw(st.sampled_from(NAMES)),
        "published_at": draw(moments),
        "lead": draw(st.one_of(st.just(""), words)),
        "tags": draw(st.lists(st.sampled_from(NAMES), max_size=4)),
    }
    if draw(st.booleans()):
        record["paragraphs"] = draw(st.lists(st.one_of(words, st.just("")), max_size=5))
    else:
        record["body"] = draw(st.one_of(words, st.sampled_from(WITHOUT_NUL), st.just("x" * 50_000)))
    if draw(st.booleans()):
        # Updates an article already there (which an aborted import must leave alone).
        record["id"] = draw(st.sampled_from(existing_ids)) if existing_ids else 10**9 + number
    if draw(st.booleans()):
        record["image"] = draw(st.sampled_from(GOOD_IMAGES))
    for optional, values in [("views", st.integers(0, 2**31 - 1)), ("credit", words)]:
        if draw(st.booleans()):
            record[optional] = draw(values)
    return record


WRONG_TYPES = st.sampled_from([0, -1, 1.5, True, [], {}, [1, 2], "", "  ", {"a": 1}])


@st.composite
def bad_lines(draw, number: int, existing_ids: list[int]) -> str:
    """A line that is certainly bad, and how."""
    record = draw(good_records(number, existing_ids))
    kind = draw(
        st.sampled_from(
            [
                "not json", "cut short", "not an object", "missing field", "wrong type",
                "unknown field", "too long", "nul", "no offset", "absurd date", "bad slug",
                "bad image", "bad id", "bad views",
            ]
        )
    )  # fmt: skip
    if kind == "not json":
        line = st.one_of(nasty, text).map(lambda s: s.replace("\n", " "))  # one line
        return draw(line.filter(lambda s: s.strip() and _not_json(s)))
    if kind == "cut short":
        whole = json.dumps(record)
        return whole[: draw(st.integers(1, len(whole) - 1))]
    if kind == "not an object":
        return json.dumps(draw(st.sampled_from([[], [record], 1, "berita", None, True])))
    if kind == "missing field":
        del record[draw(st.sampled_from(REQUIRED))]
    elif kind == "wrong type":
        field = draw(st.sampled_from([*REQUIRED, "paragraphs", "id", "views"]))
        # Values that happen to be right for the field are left out.
        right = {"lead": ("", "  "), "views": (0,)}.get(field, ())
        wrong = draw(
            WRONG_TYPES.filter(lambda v: not any(v == r and type(v) is type(r) for r in right))
        )
        if field in ("tags", "paragraphs") and wrong == []:
            wrong = "bukan daftar"
        record[field] = wrong
    elif kind == "unknown field":
        record[draw(st.sampled_from(["judul", "Title", "status_", "", "\x00"]))] = "x"
    elif kind == "too long":
        field, limit = draw(st.sampled_from([("title", 300), ("section", 80), ("tags", 100)]))
        long = "y" * (limit + draw(st.integers(1, 10_000)))
        record[field] = [long] if field == "tags" else long
    elif kind == "nul":
        field = draw(st.sampled_from(["title", "lead", "caption", "section", "tags"]))
        value = draw(words) + "\x00"
        record[field] = [value] if field == "tags" else value
    elif kind == "no offset":
        record["published_at"] = "2024-02-14T07:00:00"
    elif kind == "absurd date":
        record["published_at"] = draw(
            st.sampled_from(
                [
                    "0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-05:00",
                    "1899-12-31T23:00:00Z", "3000-01-01T00:00:00+00:00",
                    "2024-02-30T07:00:00+07:00", "kemarin", "",
                    "2024-02-14T07:00:00+16:00", "2024-02-14T07:00:00-14:01",
                ]
            )
        )  # fmt: skip
    elif kind == "bad slug":
        record["slug"] = draw(
            st.sampled_from(["", "spasi di tengah", "garis/miring", "é", "a" * 301])
        )
    elif kind == "bad image":
        record["image"] = draw(st.sampled_from(BAD_IMAGES))
    elif kind == "bad id":
        record["id"] = draw(st.sampled_from([0, -5, 2**63, "12", 1.0]))
    elif kind == "bad views":
        record["views"] = draw(st.sampled_from([-1, 2**31, 1.5, "100"]))
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


def _not_json(value: str) -> bool:
    try:
        json.loads(value)
    except ValueError:
        return True
    return False


fuzzed_records = st.dictionaries(
    st.sampled_from([*REQUIRED, "paragraphs", "body", "id", "views", "image", "status", "x"]),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | text,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
        max_leaves=6,
    ),
).map(json.dumps)


@st.composite
def import_files(draw, existing_ids: list[int]) -> list[Line]:
    lines = []
    for number in range(1, draw(st.integers(1, 8)) + 1):
        kind = draw(st.sampled_from(["good", "good", "bad", "fuzzed", "blank"]))
        if kind == "good":
            record = draw(good_records(number, existing_ids))
            ascii_only = draw(st.booleans())
            lines.append(Line(json.dumps(record, ensure_ascii=ascii_only), True, record))
        elif kind == "bad":
            lines.append(Line(draw(bad_lines(number, existing_ids)), False))
        elif kind == "fuzzed":
            lines.append(Line(draw(fuzzed_records), None))
        else:
            lines.append(Line(draw(st.sampled_from(["", "   ", "\t"])), None))
    # Each article once per file here: a later line for the same id would update it
    # (see test_a_file_naming_one_id_twice_updates_it_with_the_later_line).
    seen: set = set()
    for line in lines:
        if line.good:
            key = line.record.get("id", line.record["slug"])
            if key in seen:
                return draw(import_files(existing_ids))
            seen.add(key)
    return lines


def encoded(lines: list[Line], *, last_newline: bool) -> bytes:
    data = "\n".join(line.text for line in lines) + ("\n" if last_newline else "")
    return data.encode("utf-8", "surrogatepass")


def media_files(settings) -> list:
    return sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())


def _clear_media(settings) -> None:
    for path in media_files(settings):
        path.unlink()


# --- the properties -----------------------------------------------------------------------


@settings(max_examples=examples(20))
@given(data=st.data())
def test_a_file_with_a_bad_line_imports_nothing_and_names_the_line(newsroom, files, settings, data):
    existing = [article.pk for article in newsroom.live]
    lines = data.draw(import_files(existing), label="lines")
    raw = encoded(lines, last_newline=data.draw(st.booleans(), label="final newline"))
    first_bad = next((n for n, line in enumerate(lines, 1) if line.good is False), None)
    before = snapshot()

    with attempt("JSON Lines import"):
        try:
            with transaction.atomic():
                try:
                    report = import_lines(BytesIO(raw), base_dir=files)
                except ImportAborted as aborted:
                    assert aborted.reason and str(aborted).startswith(f"line {aborted.line_number}")
                    assert lines[aborted.line_number - 1].good is not True, aborted
                    if first_bad is not None:
                        assert aborted.line_number <= first_bad
                    assert differences(before, snapshot()) == []
                    assert media_files(settings) == []
                else:
                    assert first_bad is None, f"line {first_bad} was imported"
                    _assert_imported([line for line in lines if line.good], report)
                transaction.set_rollback(True)
        finally:
            _clear_media(settings)


@settings(max_examples=examples(15))
@given(data=st.data())
def test_skip_invalid_imports_every_good_line_and_lists_every_bad_one(
    newsroom, files, settings, data
):
    existing = [article.pk for article in newsroom.live]
    lines = data.draw(import_files(existing), label="lines")
    raw = encoded(lines, last_newline=data.draw(st.booleans(), label="final newline"))

    with attempt("JSON Lines import (--skip-invalid)"):
        try:
            with transaction.atomic():
                report = import_lines(BytesIO(raw), skip_invalid=True, base_dir=files)

                skipped = {error.line_number for error in report.skipped}
                assert all(error.reason for error in report.skipped)
                for number, line in enumerate(lines, 1):
                    if line.good is True:
                        assert number not in skipped, report.skipped
                    elif line.good is False:
                        assert number in skipped, f"bad line {number} was not listed"
                good = [line for line in lines if line.good]
                _assert_imported(good, report, fuzzed=sum(line.good is None for line in lines))
                transaction.set_rollback(True)
        finally:
            _clear_media(settings)


def _assert_imported(good: list[Line], report, fuzzed: int = 0) -> None:
    assert len(good) <= report.created + report.updated <= len(good) + fuzzed
    for line in good:
        article = Article.objects.get(slug=line.record["slug"])
        # As given, but for the whitespace around it (which engines define differently).
        assert article.title.strip() == line.record["title"].strip()


# --- cases worth naming ---------------------------------------------------------------------


def test_a_file_naming_one_id_twice_updates_it_with_the_later_line(db, files):
    first = {**_record("sekali"), "id": 424242}
    second = {**_record("dua-kali"), "id": 424242, "title": "Judul yang diperbarui"}

    report = import_lines([json.dumps(first), json.dumps(second)], base_dir=files)

    assert (report.created, report.updated) == (1, 1)
    article = Article.objects.get(pk=424242)
    assert (article.slug, article.title) == ("dua-kali", "Judul yang diperbarui")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"slug": "potong", "title": "Kabel putus di teng', "line 2: invalid JSON"),
        (b'{"slug": "nul", "title": "a\\u0000b"}', "line 2: "),
        (b"\xff\xfe{}", "line 2: not UTF-8 text"),
        (b"\x00" * 100, "line 2: invalid JSON"),
    ],
    ids=["partial last line", "NUL escape", "UTF-16 bytes", "NUL bytes"],
)
def test_the_command_refuses_a_bad_file_with_the_line_and_writes_nothing(
    newsroom, files, tmp_path, raw, reason
):
    path = tmp_path / "berita.jsonl"
    path.write_bytes(json.dumps(_record("baik")).encode() + b"\n" + raw)
    before = snapshot()

    with attempt("JSON Lines import (command)"), pytest.raises(CommandError) as refused:
        call_command("import", str(path))

    assert str(refused.value).startswith(f"Nothing imported: {reason}")
    assert differences(before, snapshot()) == []


def test_a_nul_in_any_text_is_a_bad_line_in_both_databases(db, files):
    """PostgreSQL cannot store NUL in text; SQLite would, and show it to readers."""
    with pytest.raises(ImportAborted) as refused:
        import_lines([json.dumps({**_record("nul"), "title": "Judul\x00"})], base_dir=files)

    assert str(refused.value) == "line 1: title: must not contain a NUL character (\\u0000)"


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-05:00", "1899-12-31T12:00:00Z"]
)
def test_a_date_outside_the_news_years_is_a_bad_line(db, files, moment):
    """Near year 1 or 9999 converting to UTC overflowed: a traceback, not a reason."""
    with pytest.raises(ImportAborted) as refused:
        import_lines([json.dumps({**_record("kuno"), "published_at": moment})], base_dir=files)

    assert str(refused.value) == "line 1: published_at: must be between the years 1900 and 2999"


@pytest.mark.parametrize("image", ["pipa.jpg", "/dev/zero", "map.jpg"])
def test_an_image_that_is_no_regular_file_is_refused_without_reading_it(db, files, image):
    with pytest.raises(ImportAborted) as refused:
        import_lines([json.dumps({**_record("pipa"), "image": image})], base_dir=files)

    assert f'image file "{image}" is not a regular file' in str(refused.value)


def _record(slug: str) -> dict:
    return {
        "slug": slug,
        "section": "Politik",
        "title": "Judul",
        "caption": "Keterangan",
        "reporter": "Ani Rahma",
        "published_at": datetime(2024, 2, 14, tzinfo=UTC).isoformat(),
        "lead": "Teras.",
        "paragraphs": ["Isi."],
        "tags": [],
    }
