"""The site as `warta serve` serves it: production settings behind gunicorn."""

import re
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def fetch(url: str):
    try:
        return urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_css_and_js_have_hashed_names_and_far_future_caching(served_site):
    html = fetch(served_site.base_url + "/dunia/read/1").read().decode()
    for pattern in (
        r'href="(/static/portal/warta\.[0-9a-f]{12}\.css)"',
        r'src="(/static/portal/warta\.[0-9a-f]{12}\.js)"',
    ):
        asset = re.search(pattern, html)
        assert asset, f"no hashed asset for {pattern}"
        cache_control = fetch(served_site.base_url + asset.group(1)).headers["Cache-Control"]
        assert "immutable" in cache_control and "max-age=315360000" in cache_control


def test_debug_is_off_so_errors_show_the_indonesian_pages(served_site):
    response = fetch(served_site.base_url + "/tidak-ada-di-sini")
    assert response.status == 404
    body = response.read().decode()
    assert "Halaman tidak ditemukan" in body
    assert "Traceback" not in body and "URLconf" not in body


def test_reader_pages_set_no_cookies(served_site):
    for path in ("/", "/dunia/read/1", "/indeks", "/dunia"):
        response = fetch(served_site.base_url + path)
        assert response.headers.get("Set-Cookie") is None, path


def test_generated_photos_are_served_as_webp_renditions(served_site):
    html = fetch(served_site.base_url + "/dunia/read/1").read().decode()
    image = re.search(r'<img src="(/media/[^"]+\.webp)" srcset="([^"]+)"', html)
    assert image, "the seed article shows no WebP rendition"
    assert {"480w", "800w", "1200w"} <= set(re.findall(r"\d+w", image.group(2)))
    response = fetch(served_site.base_url + image.group(1))
    assert response.status == 200 and response.headers["Content-Type"] == "image/webp"
