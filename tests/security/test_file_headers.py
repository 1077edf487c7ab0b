"""Files (static assets, uploaded photos) opened on their own run no script, are never
framed and never sniffed: whether the app serves them or nginx does."""

import shutil
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.security.policy import assert_file_headers
from warta.common.security_headers import FILE_HEADERS

PORTAL_STATIC = Path(__file__).resolve().parents[2] / "warta" / "portal" / "static"


def test_static_files_served_by_the_app_carry_the_file_headers(client, settings, tmp_path):
    # WhiteNoise reads STATIC_ROOT when the client's first request builds the middleware.
    settings.STATIC_ROOT = tmp_path
    shutil.copytree(PORTAL_STATIC, tmp_path, dirs_exist_ok=True)
    for name in ("portal/warta.css", "portal/warta.js", "portal/favicon.svg"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200, name
        assert_file_headers(response, name)


@pytest.mark.django_db
def test_uploaded_media_served_by_the_app_carry_the_file_headers(client):
    # An "image" that is really HTML: opened directly it must neither render as a page
    # (nosniff keeps it an image) nor run anything (the policy allows nothing).
    name = f"foto/uji-{uuid.uuid4().hex}.jpg"
    target = Path(settings.MEDIA_ROOT) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"\xff\xd8\xff\xe0<html><script>alert(1)</script></html>")
    try:
        response = client.get(f"/media/{name}")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert_file_headers(response, name)
    finally:
        target.unlink()


def nginx_locations(config: str) -> dict[str, list[str]]:
    """The directives each ``location`` block holds itself (not those of a block nested
    in it), by the block's match. Blocks open at a line ending in ``{`` and close at a
    line that is ``}``, as ``warta nginx-config`` writes them."""
    locations, stack = {}, []
    for line in config.splitlines():
        line = line.strip()
        if line.endswith("{"):
            stack.append(line.removeprefix("location ").removesuffix("{").strip())
            locations.setdefault(stack[-1], [])
        elif line == "}":
            stack.pop()
        elif stack and line and not line.startswith("#"):
            locations[stack[-1]].append(line)
    return locations


def test_nginx_serves_files_with_the_same_headers(settings):
    settings.CACHE_REFRESH_SECRET = "REPLACE-WITH-THE-REFRESH-SECRET"
    out = StringIO()
    call_command(
        "nginx-config",
        "--public-url=https://warta.example",
        "--upstream=10.0.0.11:8000",
        stdout=out,
    )
    locations = nginx_locations(out.getvalue())
    hashed = next(match for match in locations if match.startswith("~"))
    for match in ("/static/", hashed, "/media/"):
        for name, value in FILE_HEADERS.items():
            # nginx applies a location's own add_header lines only, so each must say it.
            assert f'add_header {name} "{value}" always;' in locations[match], (match, name)
    # Pages keep the headers the app gave them: nginx adds no policy of its own there.
    assert not any("Content-Security-Policy" in line for line in locations["/"])
