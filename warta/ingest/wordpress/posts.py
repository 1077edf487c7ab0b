"""One WordPress post as a Warta article: status, time, section, tags, reporter, text.

The decisions a migrating newsroom would otherwise make by hand live here:

- status: ``publish`` → published, ``future`` → scheduled (it appears at its time),
  ``pending`` → submitted (waiting for an editor, as in WordPress), ``draft`` and
  ``private`` → draft (readers must not see private posts); ``trash``,
  ``auto-draft`` and anything else are not imported;
- time: ``wp:post_date_gmt``; for posts never published WordPress writes
  ``0000-00-00 00:00:00`` there, so then ``wp:post_date`` in the newsroom's zone,
  then ``pubDate``, then the moment of the import;
- the first category is the section (rubrik), further categories become tags so
  nothing an editor filed is lost; a post without any is filed under "Umum";
- the author (``dc:creator``, a login) is the reporter, by the display name the
  export's ``<wp:author>`` gives it.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from urllib.parse import unquote

from django.utils import timezone
from django.utils.text import slugify

from warta.newsroom.models import Article

from ..names import name_slug
from .content import body_and_lead, headline, plain_text
from .wxr import Author, Item, Term

STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.SCHEDULED,
    "pending": Article.Status.SUBMITTED,
    "draft": Article.Status.DRAFT,
    "private": Article.Status.DRAFT,
}
DEFAULT_SECTION = "Umum"
DEFAULT_REPORTER = "Redaksi"
FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_OFFSET = timedelta(hours=14)
# Room left at the end of a slug for the ``-<post id>`` that tells clashing slugs apart.
SLUG_LENGTH = 280


@dataclass(frozen=True)
class Post:
    """What the writer needs of one post, already in Warta's terms."""

    post_id: int
    status: str
    published_at: datetime
    title: str
    slug: str
    old_slug: str  # wp:post_name as exported (percent-encoded), for the old addresses
    lead: str
    body: str
    section: str
    section_nicename: str
    reporter: str
    # (nicename, tag name): categories beyond the first become tags, so nothing an
    # editor filed is lost; the nicenames make their old /category/ and /tag/ addresses.
    other_categories: tuple[tuple[str, str], ...]
    tags: tuple[tuple[str, str], ...]
    thumbnail_id: int | None
    link: str


def post_from_item(item: Item, authors: dict[str, Author], zone: tzinfo) -> Post | None:
    """The post as an article, or None for what is not imported (see module doc)."""
    status = STATUSES.get(item.status)
    if status is None:
        return None
    local_date = _wp_date(item.date, zone)
    published_at = _wp_date(item.date_gmt, UTC) or local_date or _rfc822(item.pub_date)
    categories = [(term, name) for term in item.categories if (name := _term_name(term))]
    tags = [(term, name) for term in item.tags if (name := _term_name(term))]
    body, lead = body_and_lead(item.content, item.excerpt)
    author = authors.get(item.creator)
    title = headline(item.title)
    return Post(
        post_id=item.post_id,
        status=status,
        published_at=published_at or timezone.now(),
        title=title,
        slug=_slug(item, title),
        old_slug=item.slug,
        lead=lead,
        body=body,
        section=categories[0][1][:80] if categories else DEFAULT_SECTION,
        section_nicename=categories[0][0].nicename if categories else "",
        reporter=_reporter(item.creator, author),
        other_categories=tuple((term.nicename, name[:100]) for term, name in categories[1:]),
        tags=tuple((term.nicename, name[:100]) for term, name in tags),
        thumbnail_id=_number(item.meta.get("_thumbnail_id", "")),
        link=item.link,
    )


def _reporter(login: str, author: Author | None) -> str:
    """The author's display name, else the login; a name that makes no slug (the
    reporter's identity and address) cannot name a reporter."""
    for name in (author.name if author else "", login):
        name = plain_text(name)[:120]
        if name_slug(name, 120):
            return name
    return DEFAULT_REPORTER


def _term_name(term: Term) -> str:
    """A category's or tag's name, as long as it can make a slug (the name's identity);
    a name in a script slugify cannot spell falls back to its nicename."""
    name = plain_text(term.name)
    if name_slug(name, 100):
        return name
    fallback = unquote(term.nicename, errors="replace")
    return fallback if name_slug(fallback, 100) else ""


def _slug(item: Item, title: str) -> str:
    """An ASCII slug like every other Warta slug: the post's own, else its title's."""
    for source in (unquote(item.slug, errors="replace"), title):
        slug = slugify(source)[:SLUG_LENGTH].strip("-")
        if slug:
            return slug
    return f"wp-{item.post_id}"


def _wp_date(text: str, zone: tzinfo) -> datetime | None:
    """``2024-05-14 07:30:00`` in ``zone``; None for ``0000-00-00 00:00:00`` or junk."""
    if len(text) != len("2024-05-14 07:30:00"):
        return None  # fromisoformat would also take other shapes; WordPress writes this one
    try:
        return _plausible(datetime.fromisoformat(text).replace(tzinfo=zone))
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _plausible(parsed) if parsed.tzinfo else None


def _plausible(moment: datetime) -> datetime | None:
    """The moment, or None when no news has it: outside the reader site's years (near
    year 1 or 9999 converting it to UTC overflows), or with a UTC offset no zone has
    (PostgreSQL refuses one past 15:59)."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR or abs(moment.utcoffset()) > MAX_OFFSET:
        return None
    return moment


def _number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
