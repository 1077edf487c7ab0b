"""Importing a WordPress export: the public entry point.

One transaction holds the whole import, so a file that turns out to be cut short or
malformed halfway leaves the database exactly as it was. Items stream through in
batches; only the export's header (authors, categories) is kept whole, so memory
stays flat however long the file is.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone

from .permalinks import site_prefix
from .posts import Post, post_from_item
from .writer import PostWriter
from .wxr import Channel, CountingReader, Item, read_wxr

BATCH_SIZE = 500


@dataclass
class WordPressReport:
    created: int = 0
    updated: int = 0
    featured_images: int = 0  # articles whose lead photo is the post's featured image
    images: int = 0  # attachments recorded
    # What was not imported, by kind: "page", "trash", "auto-draft", "nav_menu_item", ...
    skipped: Counter = field(default_factory=Counter)
    site: str = ""

    @property
    def imported(self) -> int:
        return self.created + self.updated


def import_wordpress(
    source: BinaryIO, *, progress: Callable[[int], None] | None = None
) -> WordPressReport:
    """Import a WXR file opened in binary mode; ``progress`` gets bytes read, in increments.

    Raises ``WxrError`` (nothing imported) for a file that is not a well-formed export.
    """
    return _Run(progress).run(source)


class _Run:
    def __init__(self, progress: Callable[[int], None] | None) -> None:
        self.progress = progress
        self.channel = Channel()
        self.report = WordPressReport()
        self.writer: PostWriter | None = None
        self.posts: dict[int, Post] = {}
        self.images: list[Item] = []

    def run(self, source: BinaryIO) -> WordPressReport:
        zone = timezone.get_current_timezone()
        with transaction.atomic():
            for item in read_wxr(CountingReader(source, self.progress), self.channel):
                if item.post_type == "attachment":
                    self.images.append(item)
                elif item.post_type != "post":
                    self.report.skipped[item.post_type] += 1
                elif (post := post_from_item(item, self.channel.authors, zone)) is None:
                    self.report.skipped[item.status or "no status"] += 1
                else:
                    # A post id twice in one export: the later item wins, as on a re-run.
                    self.posts[post.post_id] = post
                if len(self.posts) >= BATCH_SIZE or len(self.images) >= BATCH_SIZE:
                    self._flush()
            self._flush()
            if self.writer is not None:
                self.report.featured_images = self.writer.link_featured_images()
        self.report.site = self.channel.site
        return self.report

    def _flush(self) -> None:
        if not (self.posts or self.images):
            return
        if self.writer is None:
            # The header (site address, authors, categories) precedes the first item.
            self.writer = PostWriter(self.channel, site_prefix(self.channel.site))
        if self.posts:
            created, updated = self.writer.write_posts(list(self.posts.values()))
            self.report.created += created
            self.report.updated += updated
            self.posts = {}
        if self.images:
            self.writer.write_images(self.images)
            self.report.images += len({item.post_id for item in self.images})
            self.images = []
