"""``warta import-wordpress`` with hostile exports: mangled XML, odd field values,
and the entity tricks (billion laughs, XXE, parameter entities, external DTDs).

The promise (README, "Moving from WordPress"): the whole import is one transaction;
a file that is cut short or not well-formed imports nothing and names the place; a
file declaring a DTD is refused and no entity is ever expanded or fetched.
"""

import re
from datetime import UTC, datetime
from io import BytesIO
from xml.sax.saxutils import escape

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.wordpress.conftest import attachment, post, wxr
from warta.ingest.models import WordPressPost
from warta.ingest.wordpress import WxrError, import_wordpress
from warta.newsroom.models import Article

from .database import differences, snapshot
from .profiles import examples
from .strategies import NASTY, nasty, text
from .tally import attempt

pytestmark = pytest.mark.django_db

# What WordPress writes in date fields, and what a broken plugin or a hand edit might.
WP_DATES = [
    "2024-05-14 07:30:00", "0000-00-00 00:00:00", "0001-01-01 00:00:00", "9999-12-31 23:59:59",
    "2024-02-30 07:00:00", "2024-05-14T07:30:00", "", "kemarin",
]  # fmt: skip
# The helper writes nicenames into an attribute as they are.
attribute = st.builds(lambda value: escape(value, {'"': "&quot;"}), st.deferred(lambda: values))
STATUSES = ["publish", "future", "draft", "pending", "private", "trash", "auto-draft", "inherit"]
# XML 1.0 cannot carry most control characters even escaped: text with them tests
# only the parser, which the byte mutations below do anyway.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
values = st.one_of(nasty, text, st.sampled_from(["", "x" * 5_000])).map(
    lambda value: _ILLEGAL.sub("", value)
)


def mostly(usual: st.SearchStrategy, odd: st.SearchStrategy) -> st.SearchStrategy:
    """``usual`` four times in five: posts that get past the status and type checks."""
    return st.integers(0, 4).flatmap(lambda n: odd if n == 4 else usual)


@st.composite
def hostile_posts(draw, post_id: int) -> str:
    return post(
        post_id,
        draw(values),
        draw(st.one_of(st.none(), values, st.sampled_from(["%e6%97%a5", "a" * 400]))),
        status=draw(mostly(st.sampled_from(STATUSES[:5]), st.sampled_from(STATUSES) | values)),
        date=draw(st.sampled_from(WP_DATES)),
        date_gmt=draw(st.sampled_from(WP_DATES)),
        creator=draw(st.sampled_from(["sarah", "budi", "tidak-ada"]) | values),
        categories=draw(st.lists(st.tuples(attribute, values), max_size=3)),
        tags=draw(st.lists(st.tuples(attribute, values), max_size=3)),
        content=draw(st.one_of(values, st.sampled_from(NASTY[-12:]))),
        excerpt=draw(values),
        thumbnail=draw(st.sampled_from([None, 9, 10**30])),
        post_type=draw(mostly(st.just("post"), st.sampled_from(["page", "attachment"]) | values)),
        link=draw(st.sampled_from([None, "https://lama.example.com/?p=1", "/" + "x" * 2_000])),
    )


@st.composite
def exports(draw) -> bytes:
    items = [draw(hostile_posts(n)) for n in range(101, 101 + draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        items.append(attachment(9, url=draw(st.sampled_from(["", "x" * 1_500, "javascript:1"]))))
    site = draw(st.sampled_from(["https://lama.example.com", "", "https://" + "a" * 300]))
    data = wxr(*items, site=site).encode("utf-8", "surrogatepass")
    cut = draw(st.sampled_from(["whole"] * 3 + ["truncated", "byte inserted", "byte dropped"]))
    at = draw(st.integers(0, len(data) - 1))
    if cut == "truncated":
        data = data[:at]
    elif cut == "byte inserted":
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at:]
    elif cut == "byte dropped":
        data = data[:at] + data[at + 1 :]
    return data


@settings(max_examples=examples(20))
@given(data=exports())
def test_any_export_imports_whole_or_not_at_all(newsroom, data):
    before = snapshot()
    posts_before = WordPressPost.objects.count()

    with attempt("WordPress import"), transaction.atomic():
        try:
            report = import_wordpress(BytesIO(data))
        except WxrError as refused:
            assert str(refused)
            assert differences(before, snapshot()) == []
        else:
            assert WordPressPost.objects.count() == posts_before + report.created
            assert not Article.objects.filter(title="").exists()
        transaction.set_rollback(True)


SECRET = "kata-sandi-rahasia-redaksi"
NINE_LEVELS = "".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(2, 10)
)  # fmt: skip
DTD_TRICKS = {
    "billion laughs": f'<!DOCTYPE rss [<!ENTITY lol1 "lol">{NINE_LEVELS}]>',
    "quadratic blowup": f'<!DOCTYPE rss [<!ENTITY a "{"a" * 50_000}">]>',
    "XXE file": '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    "XXE network": '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/">]>',
    "parameter entity": '<!DOCTYPE rss [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>',
    "parameter laughs": ("<!DOCTYPE rss [<!ENTITY % a \"<!ENTITY b 'bbbbbbbbbb'>\"> %a; %a; %a;]>"),
    "external DTD": '<!DOCTYPE rss SYSTEM "file://{secret}">',
    "public DTD": '<!DOCTYPE rss PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://127.0.0.1:9/x.dtd">',
}
USES = {
    "billion laughs": "&lol9;",
    "quadratic blowup": "&a;" * 2_000,
    "XXE file": "&xxe;",
    "XXE network": "&xxe;",
}


@pytest.mark.parametrize("trick", DTD_TRICKS)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_declared_dtd_is_refused_and_no_entity_is_expanded_or_read(db, tmp_path, trick, encoding):
    secret = tmp_path / "rahasia.txt"
    secret.write_text(SECRET)
    use = USES.get(trick, "Judul biasa")
    text = wxr(post(101, "JUDUL"), post(102, "JUDUL")).replace(
        "<title>JUDUL</title>", f"<title>{use}</title>"
    )
    text = text.replace(
        '<?xml version="1.0" encoding="UTF-8" ?>',
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
        + DTD_TRICKS[trick].format(secret=secret),
    )
    path = tmp_path / "ekspor.xml"
    path.write_bytes(text.encode(encoding))
    before = snapshot()

    with attempt("WordPress import (DTD tricks)"), pytest.raises(CommandError) as refused:
        call_command("import-wordpress", str(path))

    assert str(refused.value).startswith("Nothing imported:")
    assert "refused" in str(refused.value) or "not well-formed" in str(refused.value)
    assert differences(before, snapshot()) == []
    assert not Article.objects.filter(title__contains=SECRET).exists()


@pytest.mark.parametrize("date", ["9999-12-31 23:59:59", "0001-01-01 00:00:00"])
def test_a_post_dated_where_no_news_is_falls_back_to_its_pubdate(db, date):
    """Converting such a date to UTC overflowed: a traceback instead of an import."""
    with attempt("WordPress import (named cases)"):
        report = import_wordpress(BytesIO(wxr(post(101, date=date, date_gmt=date)).encode()))

    assert report.created == 1
    # The helper's <pubDate>: Tue, 14 May 2024 00:30:00 +0000.
    assert Article.objects.get().published_at == datetime(2024, 5, 14, 0, 30, tzinfo=UTC)
