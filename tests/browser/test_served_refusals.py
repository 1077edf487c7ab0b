"""What gunicorn refuses before Django sees it still gets the site's own page.

No browser is needed here, but the served site is: these requests only exist at the
socket, in front of the WSGI application (warta/portal/refusals.py).
"""

import http.client
from urllib.parse import urlsplit

import pytest

LONG_QUERY = "q=" + "a" * 10_240


def _get(served_site, target: str, headers: dict | None = None):
    address = urlsplit(served_site.base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", target, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def test_a_10_kb_query_string_gets_the_sites_indonesian_page(served_site):
    status, headers, body = _get(served_site, f"/indeks?{LONG_QUERY}")
    assert status == 414
    assert '<html lang="id"' in body
    assert "Alamat terlalu panjang" in body
    assert "URI Too Long" not in body  # gunicorn's own page
    assert "default-src" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_a_query_string_gunicorn_accepts_is_the_ordinary_page(served_site):
    status, _, body = _get(served_site, "/indeks?" + "q=" + "a" * 7_000)
    assert status == 200
    assert "Indeks" in body


def test_too_many_header_bytes_get_the_sites_page_too(served_site):
    headers = {f"X-Isian-{number}": "b" * 100 for number in range(120)}
    status, _, body = _get(served_site, "/", headers)
    assert status == 431
    assert '<html lang="id"' in body


@pytest.mark.parametrize("target", ["/", "/indeks"])
def test_the_server_keeps_answering_after_a_refusal(served_site, target):
    _get(served_site, f"/?{LONG_QUERY}")
    status, _, _ = _get(served_site, target)
    assert status == 200
