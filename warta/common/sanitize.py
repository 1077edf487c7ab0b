"""The one allow-list for article HTML.

Article bodies come from editors, imports and WordPress exports; whatever arrives,
readers get only these tags and attributes. Scripts, event handlers, inline styles,
iframes and ``javascript:`` URLs are dropped by nh3 (ammonia), which parses HTML the
way browsers do instead of pattern-matching it.
"""

import html

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "a", "ul", "ol", "li",
    "blockquote", "h2", "h3", "figure", "figcaption", "sub", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_body(raw_html: str) -> str:
    """Article body HTML reduced to the allow-list; links get rel=noopener."""
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def paragraphs_to_html(paragraphs: list[str]) -> str:
    """Plain-text paragraphs (as in imports) as escaped ``<p>`` elements."""
    return "\n".join(f"<p>{html.escape(text.strip())}</p>" for text in paragraphs if text.strip())
