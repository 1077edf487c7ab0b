"""Files that are not a clean WordPress export: refused with the position, nothing kept."""

from io import BytesIO

import pytest

from tests.ingest.conftest import table_counts
from warta.ingest.wordpress import WxrError, import_wordpress
from warta.newsroom.models import Article

from .conftest import post, wxr

pytestmark = pytest.mark.django_db


def _import(data: str | bytes):
    return import_wordpress(BytesIO(data.encode() if isinstance(data, str) else data))


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_file_cut_short_after_many_posts_names_its_end_and_imports_nothing():
    whole = wxr(*(post(n) for n in range(1, 1200)))
    cut = whole[: whole.index("<item>", len(whole) * 9 // 10) + 40]
    before = table_counts()

    with pytest.raises(WxrError) as error:
        _import(cut)

    last_line = cut.count("\n") + 1
    assert str(error.value).startswith(f"not well-formed XML at line {last_line}, column ")
    assert "Premature end of data" in str(error.value)
    assert table_counts() == before


def test_a_malformed_element_in_the_middle_names_its_line_and_column():
    text = wxr(post(101), post(102, "Rusak <b>di sini"), post(103)).replace(
        "<title>Rusak &lt;b&gt;di sini</title>", "<title>Rusak <b>di sini</title>"
    )
    line = _line_of(text, "<title>Rusak")
    column = text.splitlines()[line - 1].index("</title>") + len("</title>") + 1

    with pytest.raises(
        WxrError, match=rf"at line {line}, column {column}: Opening and ending tag mismatch"
    ):
        _import(text)

    assert not Article.objects.exists()


@pytest.mark.parametrize("bad_id", ["dua", "-5", "9" * 30, ""])
def test_an_item_whose_post_id_is_not_a_post_id_imports_nothing(bad_id):
    text = wxr(post(101), post(102)).replace("<wp:post_id>102<", f"<wp:post_id>{bad_id}<")

    with pytest.raises(WxrError, match=r"item 2 \('KPK tahan dua tersangka suap'\): wp:post_id"):
        _import(text)

    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Bukan WordPress</title>'
        "<item><title>x</title></item></channel></rss>",
        '<?xml version="1.0"?><html><body>halaman</body></html>',
        "",
    ],
    ids=["plain RSS", "HTML", "empty"],
)
def test_a_file_that_is_not_a_wordpress_export_is_refused(text):
    with pytest.raises(WxrError, match=r"not a WordPress export|not well-formed XML"):
        _import(text)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def test_an_entity_bomb_is_refused_before_anything_is_expanded():
    text = wxr(post(101, "&lol9;")).replace('<?xml version="1.0" encoding="UTF-8" ?>\n', "")
    text = BILLION_LAUGHS + text.replace("&amp;lol9;", "&lol9;")

    with pytest.raises(WxrError, match=r"refused: the file declares a DTD"):
        _import(text)

    assert not Article.objects.exists()


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kata sandi")
    text = wxr(post(101, "&xxe;")).replace(
        '<?xml version="1.0" encoding="UTF-8" ?>',
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    )

    with pytest.raises(WxrError, match=r"refused"):
        _import(text.replace("&amp;xxe;", "&xxe;"))

    assert not Article.objects.exists()


def test_an_undeclared_entity_is_an_error_with_its_position():
    text = wxr(post(101, "Harga&nbsp;naik")).replace("Harga&amp;nbsp;naik", "Harga&nbsp;naik")
    line = _line_of(text, "Harga&nbsp;")

    with pytest.raises(WxrError, match=rf"at line {line}, column \d+: Entity 'nbsp' not defined"):
        _import(text)
