"""Pasting a story from Google Docs or Word into the desk's editor, in a real Chromium
under the article form's Content-Security-Policy: bold, italics, lists and headings
survive as the body's own elements, nothing turns bold by accident, and the policy
reports no violation (desk/static/desk/paste.js)."""

import re

import pytest

from .watching import settle, sign_in

pytestmark = pytest.mark.browser

# What Chrome puts on the clipboard when copying from a Google Docs document: one
# <b style="font-weight:normal"> wrapper around everything, and every piece of
# formatting in a span's style.
GOOGLE_DOCS = (
    '<meta charset="utf-8"><b style="font-weight:normal;" '
    'id="docs-internal-guid-5f1c2a7e-7fff-3b1d-91c4-0d2e6f8a9b10">'
    '<h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;">'
    '<span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;'
    "background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;"
    'text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">'
    "Jalur Evakuasi Disiapkan</span></h1>"
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">'
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'background-color:transparent;font-weight:400;font-style:normal;white-space:pre-wrap;">'
    "Hujan deras sejak </span>"
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'background-color:transparent;font-weight:700;font-style:normal;white-space:pre-wrap;">'
    "Senin malam</span>"
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'background-color:transparent;font-weight:400;font-style:normal;white-space:pre-wrap;">'
    " merendam permukiman, </span>"
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'background-color:transparent;font-weight:400;font-style:italic;white-space:pre-wrap;">'
    "kata petugas BPBD</span>"
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'background-color:transparent;font-weight:400;font-style:normal;white-space:pre-wrap;">'
    ".</span></p><br>"
    '<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;">'
    '<li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;'
    'color:#000000;font-weight:400;font-style:normal;" aria-level="1">'
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" '
    'role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;'
    'font-weight:400;font-style:normal;white-space:pre-wrap;">Kemang</span></p></li>'
    '<li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;'
    'color:#000000;font-weight:400;font-style:normal;" aria-level="1">'
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" '
    'role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;'
    'font-weight:400;font-style:normal;white-space:pre-wrap;">Cipinang Melayu</span></p></li>'
    "</ul></b>"
)

# Word's clipboard HTML: Office namespaces, a style sheet, conditional comments, and
# bullets typed into each list paragraph inside mso-list:Ignore spans.
_WORD_BULLET = (
    "<p class=MsoListParagraphCxSp{place} style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
    "<![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;"
    "mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "
    '"Times New Roman"\'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>'
    "<![endif]><span lang=IN>{text}<o:p></o:p></span></p>\r\n"
)
WORD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word" '
    'xmlns="http://www.w3.org/TR/REC-html40"><head>'
    '<meta http-equiv=Content-Type content="text/html; charset=utf-8">'
    "<meta name=ProgId content=Word.Document>"
    '<meta name=Generator content="Microsoft Word 15">'
    '<style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}'
    " @list l0:level1 {mso-level-number-format:bullet;mso-level-text:\\F0B7;} --></style>"
    "</head><body lang=IN style='tab-interval:36.0pt'>\r\n<!--StartFragment-->\r\n"
    "<h1><span lang=IN>Gempa Guncang Garut<o:p></o:p></span></h1>\r\n"
    "<p class=MsoNormal><span lang=IN>Gempa </span><b><span lang=IN style='mso-bidi-font-weight:"
    "normal'>magnitudo 5,2</span></b><span lang=IN> mengguncang </span><i><span lang=IN>"
    "Garut</span></i><span lang=IN> pagi tadi.<o:p></o:p></span></p>\r\n"
    + _WORD_BULLET.format(place="First", text="Rumah rusak")
    + _WORD_BULLET.format(place="Last", text="Jalan retak")
    + "<p class=MsoNormal><span lang=IN>Warga diminta waspada.<o:p></o:p></span></p>\r\n"
    "<!--EndFragment-->\r\n</body></html>"
)

PASTE = """(html) => {
  const editor = document.querySelector(".ProseMirror[contenteditable=true]");
  editor.focus();
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", "teks");
  editor.dispatchEvent(new ClipboardEvent("paste",
    {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def _paste_and_save(served_site, watched, redaktur, title: str, html: str) -> str:
    page, recorder = watched
    base = served_site.base_url
    sign_in(page, base, redaktur)
    page.goto(base + "/redaksi/newsroom/article/add/")
    page.locator(".ProseMirror[contenteditable=true]").wait_for()
    settle(page)
    page.fill("#id_title", title)
    page.select_option("#id_reporter", index=1)
    page.evaluate(PASTE, html)
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/change/$"))
    settle(page)
    recorder.assert_clean("pasting into the article form")
    article_id = int(re.search(r"/article/(\d+)/change/", page.url).group(1))
    [(body,)] = served_site.query("SELECT body FROM newsroom_article WHERE id = ?", (article_id,))
    return body


def test_a_story_pasted_from_google_docs_keeps_its_formatting(served_site, watched, redaktur):
    body = _paste_and_save(served_site, watched, redaktur, "Tempel dari Google Docs", GOOGLE_DOCS)
    assert body == (
        "<h2>Jalur Evakuasi Disiapkan</h2>"
        "<p>Hujan deras sejak <strong>Senin malam</strong> merendam permukiman, "
        "<em>kata petugas BPBD</em>.</p>"
        "<ul><li><p>Kemang</p></li><li><p>Cipinang Melayu</p></li></ul>"
    )


def test_a_story_pasted_from_word_keeps_its_formatting(served_site, watched, redaktur):
    body = _paste_and_save(served_site, watched, redaktur, "Tempel dari Word", WORD)
    assert body == (
        "<h2>Gempa Guncang Garut</h2>"
        "<p>Gempa <strong>magnitudo 5,2</strong> mengguncang <em>Garut</em> pagi tadi.</p>"
        "<ul><li><p>Rumah rusak</p></li><li><p>Jalan retak</p></li></ul>"
        "<p>Warga diminta waspada.</p>"
    )
    assert "·" not in body
