"""The Content-Security-Policy in a real Chromium: the desk and its prose editor, and
the reader pages, work without a single violation, and the policy really is enforced.

Every page of a browser context reports its ``securitypolicyviolation`` events (through
a binding, so nothing is lost when a page navigates away), its console errors, the
warnings Chromium gives about a policy header it cannot read, and its uncaught
exceptions. The listener is installed by Playwright before
any script of the page runs, outside the page's policy.
"""

import re

import pytest

from .watching import settle, sign_in

pytestmark = pytest.mark.browser

TITLE = "Angin Kencang Tumbangkan Pohon di Jalan Protokol Makassar"
TYPED = "Petugas menebang dahan yang patah sejak pukul 06.00 WITA."


def assert_enforced(page, recorder, where: str) -> None:
    """An inline script injected into the page is refused, and the refusal is heard: the
    policy is in force and a violation would not go unnoticed."""
    ran = page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__inlineRan = true";
          document.head.append(script);
          return window.__inlineRan === true;
        }"""
    )
    page.wait_for_timeout(200)
    assert not ran, f"an injected inline script ran on {where}"
    assert [v["directive"] for v in recorder.violations] == ["script-src-elem"], where
    recorder.reset()


def test_the_desk_and_its_prose_editor_work_without_a_violation(served_site, watched, redaktur):
    page, recorder = watched
    base = served_site.base_url
    sign_in(page, base, redaktur)
    settle(page)
    recorder.assert_clean("the dashboard")

    page.goto(base + "/redaksi/newsroom/article/add/")
    editor_box = page.locator(".ProseMirror[contenteditable=true]")
    editor_box.wait_for()
    settle(page)
    recorder.assert_clean("the empty article form")
    assert_enforced(page, recorder, "the article form")

    page.fill("#id_title", TITLE)
    page.select_option("#id_section", label="Nusantara")
    page.select_option("#id_reporter", index=1)
    page.fill("#id_lead", "Sedikitnya dua belas pohon tumbang di pusat kota sejak dini hari.")
    editor_box.click()
    page.keyboard.type(TYPED)
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Tidak ada korban jiwa.")
    page.locator(".field-tags .select2-selection").click()
    page.keyboard.type("Bencana")
    page.locator(".select2-results__option", has_text="Bencana").first.click()

    # The lead photo is picked in the media library's popup window: the opener must
    # survive Cross-Origin-Opener-Policy for the popup to hand its choice back.
    with page.expect_popup() as opened:
        page.click("#lookup_id_lead_photo")
    popup = opened.value
    popup.wait_for_load_state()
    popup.locator("#result_list a[data-popup-opener]").first.click()
    page.wait_for_function("document.getElementById('id_lead_photo').value !== ''")
    recorder.assert_clean("the filled article form and the photo popup")

    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/change/$"))
    settle(page)
    recorder.assert_clean("the article's change form")
    article_id = int(re.search(r"/article/(\d+)/change/", page.url).group(1))
    [(body, photo)] = served_site.query(
        "SELECT body, lead_photo_id FROM newsroom_article WHERE id = ?", (article_id,)
    )
    assert TYPED in body and "<strong>Tidak ada korban jiwa.</strong>" in body
    assert photo is not None
    # The editor shows what was saved, so it came up again under the policy.
    assert TYPED in editor_box.inner_text()

    for path in (
        f"/redaksi/newsroom/article/{article_id}/revisi/",
        "/redaksi/newsroom/article/",
        "/redaksi/newsroom/photo/add/",
        f"/redaksi/newsroom/photo/{photo}/change/",
    ):
        page.goto(base + path)
        settle(page)
        recorder.assert_clean(path)

    # The signed preview opens from the desk in a tab of its own: a reader page.
    page.goto(f"{base}/redaksi/newsroom/article/{article_id}/change/")
    with page.context.expect_page() as preview:
        page.get_by_role("link", name="Buka pratinjau").click()
    preview_page = preview.value
    preview_page.wait_for_load_state("networkidle")
    assert TYPED in preview_page.locator(".story-body").inner_text()
    recorder.assert_clean("the preview")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/dunia/read/1",  # answers 301 to the article's own address
        "/nusantara",
        "/indeks",
        "/cari?q=banjir",
        "/ralat",
    ],
)
def test_reader_pages_run_without_a_violation(served_site, watched, path):
    page, recorder = watched
    response = page.goto(served_site.base_url + path)
    assert response.status == 200
    settle(page)
    recorder.assert_clean(path)
    assert_enforced(page, recorder, path)


def test_the_404_page_runs_without_a_violation(served_site, watched):
    page, recorder = watched
    response = page.goto(served_site.base_url + "/tidak-ada-halaman-ini")
    assert response.status == 404
    settle(page)
    # Chromium logs the 404 of the page itself as a console error; nothing else may be.
    recorder.errors = [e for e in recorder.errors if "status of 404" not in e]
    recorder.assert_clean("the 404 page")
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
