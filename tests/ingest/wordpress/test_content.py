"""A post's text in Warta's terms: wpautop paragraphs, shortcodes, teras, headline."""

import pytest

from warta.ingest.wordpress.content import autop, body_and_lead, headline, resolve_shortcodes


def test_blank_lines_make_paragraphs_and_single_breaks_make_br():
    assert autop("Satu.\n\nDua,\nlanjut.\r\n\r\n\r\nTiga.") == (
        "<p>Satu.</p>\n<p>Dua,<br>\nlanjut.</p>\n<p>Tiga.</p>"
    )


def test_block_elements_are_not_wrapped_and_text_after_them_is():
    text = "<h2>Subjudul</h2>Teks setelahnya.\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"

    assert autop(text) == (
        "<h2>Subjudul</h2>\n<p>Teks setelahnya.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    )


def test_a_body_already_in_paragraphs_stays_as_it_is():
    assert autop("<p>Satu.</p>\n<p>Dua.</p>") == "<p>Satu.</p>\n<p>Dua.</p>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A [caption id="x" width="300"]<img src="a.jpg"> Keterangan[/caption] B', "A  B"),
        ('A [gallery ids="1,2,3"] B', "A  B"),
        ('A [video src="v.mp4"][/video] B', "A  B"),
        (
            "[embed]https://www.youtube.com/watch?v=abc[/embed]",
            '<a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a>',
        ),
        (
            "Lihat:\nhttps://x.com/kpk/status/1\nSelesai.",
            'Lihat:\n<a href="https://x.com/kpk/status/1">https://x.com/kpk/status/1</a>\nSelesai.',
        ),
        ("Pasal [1] dan [Baca juga] tetap.", "Pasal [1] dan [Baca juga] tetap."),
    ],
    ids=["caption", "gallery", "video", "embed", "oembed-line", "plain-brackets"],
)
def test_shortcodes(text, expected):
    assert resolve_shortcodes(text) == expected


def test_the_excerpt_is_the_lead_as_plain_text_and_the_body_stays_whole():
    body, lead = body_and_lead("Satu.\n\nDua.", "Ringkasan <b>penting</b> &amp; singkat.")

    assert (body, lead) == ("<p>Satu.</p>\n<p>Dua.</p>", "Ringkasan penting & singkat.")


def test_without_an_excerpt_the_first_paragraph_moves_to_the_lead():
    body, lead = body_and_lead("Pertama <em>sekali</em>.\n\nKedua.\n\nKetiga.", "")

    assert lead == "Pertama sekali."
    assert body == "<p>Kedua.</p>\n<p>Ketiga.</p>"


def test_empty_paragraphs_left_as_spacing_are_dropped():
    body, lead = body_and_lead("<p>&nbsp;</p>\n<p>Satu.</p>\n<p> <br> </p>\n<p>Dua.</p>", "")

    assert (lead, body) == ("Satu.", "<p>Dua.</p>")


def test_an_empty_post_has_an_empty_body_and_lead():
    assert body_and_lead("", "") == ("", "")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Harga &#8220;BBM&#8221; naik", "Harga \u201cBBM\u201d naik"),
        ("  <b>Tebal</b>  judul ", "Tebal judul"),
        ("", "Tanpa judul"),
        ("x" * 400, "x" * 300),
    ],
)
def test_headlines_are_plain_text_within_the_models_limit(title, expected):
    assert headline(title) == expected
