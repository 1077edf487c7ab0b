"""The article form's policy allows the prose editor's one inline stylesheet by its hash:
the hash must be that of the block the installed editor really adds to the page."""

import base64
import hashlib
from pathlib import Path

import django_prose_editor

from warta.desk.admin.articles import EDITOR_STYLE_HASH

STATIC = Path(django_prose_editor.__file__).parent / "static"
EDITOR_JS = STATIC / "django_prose_editor" / "editor.js"


def injected_stylesheet() -> str:
    """Tiptap's base stylesheet, as the bundled editor carries it: the template literal
    that starts with its first rule and that Tiptap writes into <style data-tiptap-style>."""
    source = EDITOR_JS.read_text(encoding="utf-8")
    assert "data-tiptap-style" in source, "the editor no longer injects its stylesheet"
    start = source.index("`.ProseMirror {") + 1
    return source[start : source.index("`", start)]


def test_the_allowed_hash_is_the_installed_editors_stylesheet():
    css = injected_stylesheet()
    assert "white-space: pre-wrap" in css  # the rule ProseMirror cannot do without
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    allowed = f"'sha256-{digest}'"
    assert allowed == EDITOR_STYLE_HASH, (
        f"django-prose-editor changed its stylesheet: allow {allowed} in "
        "warta/desk/admin/articles.py"
    )
