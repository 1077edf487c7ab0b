"""A WordPress post's text as Warta keeps it: headline, teras (lead) and body HTML.

WordPress stores bodies the way its editor wrote them: paragraphs as blank lines
(``wpautop`` adds the ``<p>`` tags only when a page is shown), shortcodes in square
brackets, inline images. Warta stores finished, sanitized HTML (the one allow-list
in ``warta.common.sanitize``), so the body is given its paragraphs here, shortcodes
are resolved, and the result goes through the same sanitizer as every other body.
"""

import html
import re

import nh3

from warta.common.sanitize import sanitize_body

MAX_TITLE_LENGTH = 300
UNTITLED = "Tanpa judul"

# Elements wpautop never wraps in <p>; it puts blank lines around them instead.
_BLOCKS = (
    "address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|form|"
    "h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|"
    "tr|ul"
)
_BLOCK_OPEN = re.compile(rf"(<(?:{_BLOCKS})(?=[\s/>])[^>]*>)", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"(</(?:{_BLOCKS})>)", re.IGNORECASE)
_STARTS_WITH_BLOCK = re.compile(rf"^</?(?:{_BLOCKS})(?=[\s/>])", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Shortcodes whose media Warta does not migrate into bodies (the allow-list has no
# <img>, <video> or <audio>: pictures go through the media library). Enclosing forms
# go with their content, a caption included: a caption without its picture says nothing.
_DROPPED = "caption|wp_caption|gallery|playlist|video|audio"
_DROPPED_ENCLOSING = re.compile(rf"\[({_DROPPED})\b[^\]]*\].*?\[/\1\]", re.IGNORECASE | re.DOTALL)
_DROPPED_SINGLE = re.compile(rf"\[(?:{_DROPPED})\b[^\]]*\]", re.IGNORECASE)
_EMBED = re.compile(r"\[embed\b[^\]]*\]\s*(https?://[^\s\[<]+)\s*\[/embed\]", re.IGNORECASE)
# A URL alone on its line is an oEmbed in WordPress (a video, a post): keep it as a link.
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
# WordPress editors leave ``<p>&nbsp;</p>`` as spacing; Warta's publishing check
# refuses empty paragraphs, so they go.
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\xa0|<br>)*</p>\n?")


def headline(title: str) -> str:
    """The post's title as plain text (exports carry entities and, rarely, tags)."""
    text = plain_text(title)
    return text[:MAX_TITLE_LENGTH].strip() or UNTITLED


def plain_text(markup: str) -> str:
    """Text without tags or entities, whitespace collapsed."""
    if "<" in markup or "&" in markup:  # most names and titles have neither: skip the parse
        markup = html.unescape(nh3.clean(markup, tags=set()))
    return " ".join(markup.split())


def body_and_lead(content: str, excerpt: str) -> tuple[str, str]:
    """The sanitized body and the teras: the excerpt when the post has one, else the
    body's first paragraph, which then leaves the body so readers do not read it twice."""
    body = _EMPTY_PARAGRAPH.sub("", sanitize_body(autop(resolve_shortcodes(content)))).strip()
    lead = plain_text(excerpt)
    if lead:
        return body, lead
    for match in _FIRST_PARAGRAPH.finditer(body):
        text = plain_text(match.group(1))
        if text:
            rest = body[: match.start()] + body[match.end() :]
            return rest.strip(), text
    return body, ""


def resolve_shortcodes(content: str) -> str:
    content = _DROPPED_ENCLOSING.sub("", content)
    content = _DROPPED_SINGLE.sub("", content)
    content = _EMBED.sub(lambda m: _link(m.group(1)), content)
    return _BARE_URL_LINE.sub(lambda m: _link(m.group(1)), content)


def _link(url: str) -> str:
    escaped = html.escape(url)
    return f'<a href="{escaped}">{escaped}</a>'


def autop(text: str) -> str:
    """WordPress's ``wpautop``, in short: blank lines make paragraphs, single line
    breaks inside one become ``<br>``, block elements are left as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BLOCK_OPEN.sub(r"\n\n\1", text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", text)
    chunks = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _STARTS_WITH_BLOCK.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(chunks)
