"""Reading a WordPress export (WXR 1.0–1.2) as a stream of plain records.

The file is parsed incrementally (libxml2 through lxml) and each ``<item>`` is
dropped from the tree as soon as it has been read, so a 1 GB export needs no more
memory than a small one. Exports never declare a DTD; a file that does is refused
at its first element, and the parser is set never to expand entities nor fetch
anything, so neither an entity bomb (billion laughs) nor an external entity (XXE)
can do harm before that.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

WP_NAMESPACE_PREFIX = "http://wordpress.org/export/"
# The elements a channel holds that the import reads (and the ones it drops unread,
# wp:tag and wp:term, so that they do not pile up in memory).
CHANNEL_CHILDREN = [
    "item", "link", "{*}wxr_version", "{*}base_site_url", "{*}base_blog_url",
    "{*}author", "{*}category", "{*}tag", "{*}term",
]  # fmt: skip
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}


class WxrError(ValueError):
    """The file is not a readable WordPress export; nothing was imported."""


@dataclass(frozen=True)
class Author:
    login: str
    name: str


@dataclass(frozen=True)
class Category:
    """A category declared in the export's header; ``parent`` is the parent's nicename."""

    nicename: str
    name: str
    parent: str


@dataclass(frozen=True)
class Term:
    """A category or tag on an item: ``<category domain="post_tag" nicename="kpk">KPK``."""

    nicename: str
    name: str


@dataclass
class Item:
    """One ``<item>``: a post, a page, an attachment, a menu entry, ..."""

    number: int  # 1-based position among the export's items, for messages
    post_id: int
    post_type: str
    status: str
    title: str
    slug: str  # wp:post_name as exported: percent-encoded, may be empty for drafts
    link: str
    date: str  # wp:post_date, the site's local time
    date_gmt: str
    pub_date: str
    creator: str
    content: str
    excerpt: str
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str = ""


@dataclass
class Channel:
    """The export's header, filled as the stream passes it (it precedes the items)."""

    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    version: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)

    @property
    def site(self) -> str:
        """The site's address: the export's identity for re-imports."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


def _local_name(tag: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 (a memo)
    """``{http://wordpress.org/export/1.2/}post_id`` → ``wp:post_id``, for every WXR version."""
    name = cache.get(tag)
    if name is None:
        if tag.startswith("{"):
            uri, local = tag[1:].split("}", 1)
            if uri.startswith(WP_NAMESPACE_PREFIX):
                prefix = "excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"
            else:
                prefix = NAMESPACES.get(uri, uri)
            name = f"{prefix}:{local}"
        else:
            name = tag
        cache[tag] = name
    return name


def read_wxr(source: BinaryIO, channel: Channel) -> Iterator[Item]:
    """The export's items, in file order; ``channel`` is filled from the header.

    Raises WxrError naming the line and column of the first thing that is not
    well-formed XML, including a file cut short.
    """
    events = etree.iterparse(
        source,
        events=("end",),
        # Only what the channel holds directly: libxml2 skips the rest of the events
        # in C, which makes reading several times faster than walking every element.
        tag=CHANNEL_CHILDREN,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    channel_seen = False
    number = 0
    try:
        for _, element in events:
            if not channel_seen:
                _refuse_a_dtd(element)
            parent = element.getparent()
            if parent is None or parent.tag != "channel":
                continue  # an item's own <link> or <category>, or not an export at all
            channel_seen = True
            name = _local_name(element.tag)
            if name == "item":
                number += 1
                if not channel.version:
                    raise WxrError(
                        "not a WordPress export: no <wp:wxr_version> before the first item"
                    )
                yield _item(element, number)
            elif name == "wp:author":
                author = _author(element)
                channel.authors[author.login] = author
            elif name == "wp:category":
                category = _category(element)
                channel.categories[category.nicename] = category
            else:
                _header(channel, name, element)
            # Done with it: dropping it from the tree keeps memory flat.
            parent.remove(element)
    except etree.XMLSyntaxError as exc:
        raise WxrError(_syntax_error(exc)) from None
    if events.root is not None:
        _refuse_a_dtd(events.root)
    if not channel_seen:
        raise WxrError("not a WordPress export: no <channel> with WordPress elements")
    if not channel.version:
        raise WxrError("not a WordPress export: no <wp:wxr_version>")


def _refuse_a_dtd(element: etree._Element) -> None:
    if element.getroottree().docinfo.internalDTD is not None:
        raise WxrError(
            "refused: the file declares a DTD; WordPress exports never do, and "
            "its entities could exhaust the machine or read local files"
        )


def _syntax_error(exc: etree.XMLSyntaxError) -> str:
    """Where and what, from libxml2's fatal error (the exception's own message and
    position are sometimes a vaguer consequence of it, e.g. "no element found" at 0:0)."""
    # The log may also hold errors of earlier parses in this thread: the last is ours.
    fatal = exc.error_log.filter_from_fatals()
    if fatal:
        line, column, message = fatal[-1].line, fatal[-1].column, fatal[-1].message
    else:
        (line, column), message = exc.position, exc.msg
    message = re.sub(r"(, line \d+)?, column \d+$", "", message.strip())
    return f"not well-formed XML at line {line}, column {column}: {message}"


def _header(channel: Channel, name: str, element: etree._Element) -> None:
    text = (element.text or "").strip()
    if name == "link":
        channel.link = text
    elif name == "wp:base_site_url":
        channel.base_site_url = text
    elif name == "wp:base_blog_url":
        channel.base_blog_url = text
    elif name == "wp:wxr_version":
        channel.version = text


def _children(element: etree._Element) -> dict[str, str]:
    """Simple child elements by name (the first of each), their text stripped."""
    found: dict[str, str] = {}
    for child in element:
        found.setdefault(_local_name(child.tag), (child.text or "").strip())
    return found


def _author(element: etree._Element) -> Author:
    fields = _children(element)
    login = fields.get("wp:author_login", "")
    full_name = " ".join(
        part
        for part in (fields.get("wp:author_first_name"), fields.get("wp:author_last_name"))
        if part
    )
    return Author(login, fields.get("wp:author_display_name") or full_name or login)


def _category(element: etree._Element) -> Category:
    fields = _children(element)
    return Category(
        nicename=fields.get("wp:category_nicename", ""),
        name=fields.get("wp:cat_name", ""),
        parent=fields.get("wp:category_parent", ""),
    )


def _item(element: etree._Element, number: int) -> Item:
    fields: dict[str, str] = {}
    categories: list[Term] = []
    tags: list[Term] = []
    meta: dict[str, str] = {}
    for child in element:
        name = _local_name(child.tag)
        if name == "category":
            term = Term(child.get("nicename", ""), (child.text or "").strip())
            domain = child.get("domain")
            if domain == "category":
                categories.append(term)
            elif domain == "post_tag":
                tags.append(term)
        elif name == "wp:postmeta":
            pair = _children(child)
            meta.setdefault(pair.get("wp:meta_key", ""), pair.get("wp:meta_value", ""))
        elif name not in fields:
            # Bodies keep their whitespace: blank lines are paragraph breaks (wpautop).
            text = child.text or ""
            fields[name] = text if name in ("content:encoded", "excerpt:encoded") else text.strip()
    raw_id = fields.get("wp:post_id", "")
    if not (raw_id.isascii() and raw_id.isdigit() and len(raw_id) <= 18):
        title = fields.get("title", "")
        raise WxrError(f"item {number} ({title!r}): wp:post_id {raw_id!r} is not a post id")
    return Item(
        number=number,
        post_id=int(raw_id),
        post_type=fields.get("wp:post_type", "post"),
        status=fields.get("wp:status", ""),
        title=fields.get("title", ""),
        slug=fields.get("wp:post_name", ""),
        link=fields.get("link", ""),
        date=fields.get("wp:post_date", ""),
        date_gmt=fields.get("wp:post_date_gmt", ""),
        pub_date=fields.get("pubDate", ""),
        creator=fields.get("dc:creator", ""),
        content=fields.get("content:encoded", ""),
        excerpt=fields.get("excerpt:encoded", ""),
        categories=categories,
        tags=tags,
        meta=meta,
        attachment_url=fields.get("wp:attachment_url", ""),
    )


class CountingReader:
    """A binary file that reports how many bytes have been read, for a progress bar."""

    def __init__(self, raw: BinaryIO, progress: Callable[[int], None] | None) -> None:
        self.raw = raw
        self.progress = progress

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        if self.progress and data:
            self.progress(len(data))
        return data
