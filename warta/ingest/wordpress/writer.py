"""Writing a batch of WordPress posts and attachments: a fixed handful of queries each.

A post is matched to its article by (site, post id) through ``WordPressPost``, so
importing the same export again updates the articles it made. Names go through the
JSON Lines importer's ``NameMap`` and tags through its ``replace_tags``.
"""

from django.utils import timezone

from warta.newsroom.models import Article, Photo, Reporter, Section, Tag
from warta.newsroom.signals import articles_imported

from .. import bulk_sql
from ..batch import replace_tags, write_articles
from ..models import LegacyUrl, WordPressImage, WordPressPost
from ..names import NameMap
from .content import plain_text
from .permalinks import category_keys, post_keys, tag_key
from .posts import Post
from .wxr import Channel, Item

# What a re-import overwrites; created_at, the lead photo and the desk's editor stay.
ARTICLE_FIELDS = [
    "section", "reporter", "title", "slug", "lead", "body", "status", "published_at",
    "updated_at",
]  # fmt: skip
PHOTO_CHUNK = 1000
# What an old address stands for: (article_id, section_id, tag_id), one of them set.
Target = tuple[int | None, int | None, int | None]
# How deep a chain of parent categories is followed (a loop in a broken export ends).
MAX_CATEGORY_DEPTH = 10


class PostWriter:
    """Writes the batches of one import; remembers names and old category addresses."""

    def __init__(self, channel: Channel, prefix: str) -> None:
        self.channel = channel
        self.prefix = prefix
        self.sections = NameMap(Section)
        self.reporters = NameMap(Reporter)
        self.tags = NameMap(Tag)
        # The archive addresses (/category/…, /tag/…) written so far in this run.
        self._archives: dict[str, Target] = {}
        # Archive addresses by nicename: a site has a few hundred, its posts name them
        # again and again.
        self._category_key_cache: dict[str, set[str]] = {}
        self._tag_key_cache: dict[str, str] = {}

    @property
    def site(self) -> str:
        return self.channel.site[:200]

    def write_posts(self, posts: list[Post]) -> tuple[int, int]:
        """Write the posts (one per post id); returns (created, updated)."""
        existing = dict(
            WordPressPost.objects.filter(
                site=self.site, post_id__in=[post.post_id for post in posts]
            ).values_list("post_id", "article_id")
        )
        statuses, dates = {}, {}
        for article_id, status, published_at in Article.objects.filter(
            id__in=existing.values()
        ).values_list("id", "status", "published_at"):
            statuses[article_id], dates[article_id] = status, published_at
        self.sections.ensure(post.section for post in posts)
        self.reporters.ensure(post.reporter for post in posts)
        self.tags.ensure(name for post in posts for _, name in post.other_categories + post.tags)
        slugs = self._slugs(posts, existing)
        now = timezone.now()
        articles = []
        for post in posts:
            article_id = existing.get(post.post_id)
            status = post.status
            if statuses.get(article_id) == Article.Status.WITHDRAWN:
                status = Article.Status.WITHDRAWN  # the newsroom's decision outlives the export
            articles.append(
                Article(
                    id=article_id,
                    section_id=self.sections.id(post.section),
                    reporter_id=self.reporters.id(post.reporter),
                    title=post.title,
                    slug=slugs[post.post_id],
                    lead=post.lead,
                    body=post.body,
                    status=status,
                    published_at=post.published_at,
                    updated_at=now,
                )
            )
        updated = [article for article in articles if article.id is not None]
        write_articles(
            updated, [article for article in articles if article.id is None], ARTICLE_FIELDS
        )
        bulk_sql.upsert(
            WordPressPost,
            ["site", "post_id", "article", "thumbnail_id"],
            [
                (self.site, post.post_id, article.id, post.thumbnail_id)
                for post, article in zip(posts, articles, strict=True)
            ],
            unique=["site", "post_id"],
            update=["thumbnail_id"],
        )
        tag_links = [
            (article.id, tag_id)
            for post, article in zip(posts, articles, strict=True)
            for tag_id in dict.fromkeys(
                self.tags.id(name) for _, name in post.other_categories + post.tags
            )
        ]
        replace_tags([article.id for article in updated], tag_links)
        self._write_old_addresses(posts, articles)
        # The articles as written and every tag they now have: the index needs to read
        # nothing back (the lead photo, set at the end, is not indexed).
        articles_imported.send(
            sender=PostWriter,
            views=[],
            article_ids=[article.id for article in articles],
            articles=articles,
            tag_links=tag_links,
            previously_published_at=[
                dates[article.id]
                for article in updated
                if dates.get(article.id, article.published_at) != article.published_at
            ],
        )
        return len(articles) - len(updated), len(updated)

    def _slugs(self, posts: list[Post], existing: dict[int, int]) -> dict[int, str]:
        """Each post's slug: its own when no other article has it, else
        ``<slug>-<post id>`` (the same on every re-run), else that with a counter."""
        candidates = {post.slug for post in posts} | {_with_id(post) for post in posts}
        owners = dict(Article.objects.filter(slug__in=candidates).values_list("slug", "id"))
        used: set[str] = set()
        chosen = {}
        for post in posts:
            own_id = existing.get(post.post_id)

            def free(slug: str, own_id=own_id) -> bool:
                return slug not in used and owners.get(slug, own_id) == own_id

            slug = post.slug if free(post.slug) else _with_id(post)
            counter = 1
            # The counter forms were not among the candidates: ask about each (rare).
            while not free(slug) or (
                counter > 1 and Article.objects.filter(slug=slug).exclude(id=own_id).exists()
            ):
                counter += 1
                slug = f"{_with_id(post)}-{counter}"
            used.add(slug)
            chosen[post.post_id] = slug
        return chosen

    def _write_old_addresses(self, posts: list[Post], articles: list[Article]) -> None:
        """Every old address of the batch's posts, and of the category and tag archives
        they name for the first time in this run. An address already known is pointed
        at its new target (a later export is the newer truth)."""
        targets: dict[str, Target] = {}
        for post, article in zip(posts, articles, strict=True):
            for key in post_keys(self.prefix, post.old_slug, post.link):
                targets[key] = (article.id, None, None)
            if post.section_nicename:
                section = (None, self.sections.id(post.section), None)
                for key in self._category_keys(post.section_nicename):
                    if self._archives.get(key) != section:
                        targets[key] = self._archives[key] = section
            archives = [
                (key, name)
                for nicename, name in post.other_categories
                for key in self._category_keys(nicename)
            ]
            archives += [(self._tag_key(nicename), name) for nicename, name in post.tags]
            for key, name in archives:
                if key not in self._archives:  # a section's page wins over a tag's
                    targets[key] = self._archives[key] = (None, None, self.tags.id(name))
        bulk_sql.upsert(
            LegacyUrl,
            ["path", "article", "section", "tag"],
            [(key, *target) for key, target in targets.items()],
            unique=["path"],
            update=["article", "section", "tag"],
        )

    def _category_keys(self, nicename: str) -> set[str]:
        """A category's archive addresses, through its parents (worked out once)."""
        keys = self._category_key_cache.get(nicename)
        if keys is None:
            chain = [nicename]
            while len(chain) < MAX_CATEGORY_DEPTH:
                category = self.channel.categories.get(chain[0])
                if category is None or not category.parent or category.parent in chain:
                    break
                chain.insert(0, category.parent)
            keys = self._category_key_cache[nicename] = category_keys(self.prefix, chain)
        return keys

    def _tag_key(self, nicename: str) -> str:
        key = self._tag_key_cache.get(nicename)
        if key is None:
            key = self._tag_key_cache[nicename] = tag_key(self.prefix, nicename)
        return key

    def write_images(self, items: list[Item]) -> None:
        """Record attachments (their old address, caption and alt text), file unfetched."""
        bulk_sql.upsert(
            WordPressImage,
            ["site", "attachment_id", "url", "title", "caption", "alt_text"],
            [
                (
                    self.site,
                    item.post_id,
                    item.attachment_url[:1000],
                    plain_text(item.title)[:500],
                    plain_text(item.excerpt)[:500],
                    plain_text(item.meta.get("_wp_attachment_image_alt", ""))[:300],
                )
                for item in {item.post_id: item for item in items}.values()
            ],
            unique=["site", "attachment_id"],
            update=["url", "title", "caption", "alt_text"],
        )

    def link_featured_images(self) -> int:
        """Give each post's article its featured image as lead photo; returns how many
        articles have one. Runs after the whole file: an attachment may follow its post.

        One Photo per attachment (WordPress's media library has one item, shared by the
        posts that use it), with its caption, title or file name as caption and no file.
        """
        wanted = WordPressPost.objects.filter(site=self.site, thumbnail_id__isnull=False)
        missing = (
            WordPressImage.objects.filter(
                site=self.site,
                photo__isnull=True,
                attachment_id__in=wanted.values("thumbnail_id"),
            )
            .order_by("pk")
            .values_list("pk", "url", "title", "caption", "alt_text")
        )
        while chunk := list(missing[:PHOTO_CHUNK]):
            photo_ids = bulk_sql.reserve_ids(Photo, len(chunk))
            bulk_sql.insert(
                Photo,
                ["id", "caption", "alt_text"],
                [
                    (photo_id, _caption(url, title, caption), alt_text)
                    for photo_id, (_, url, title, caption, alt_text) in zip(
                        photo_ids, chunk, strict=True
                    )
                ],
            )
            bulk_sql.update(
                WordPressImage,
                ["photo"],
                [(photo_id, row[0]) for row, photo_id in zip(chunk, photo_ids, strict=True)],
            )
        linked = 0
        last = 0
        while chunk := list(
            wanted.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "article_id", "thumbnail_id", "article__lead_photo_id")[:PHOTO_CHUNK]
        ):
            last = chunk[-1][0]
            photo_of = dict(
                WordPressImage.objects.filter(
                    site=self.site, attachment_id__in=[row[2] for row in chunk]
                ).values_list("attachment_id", "photo_id")
            )
            changed = []
            for _, article_id, thumbnail_id, current in chunk:
                photo_id = photo_of.get(thumbnail_id)
                if photo_id is None:
                    continue  # the attachment is not in this export (nor an earlier one)
                linked += 1
                if photo_id != current:
                    changed.append((photo_id, article_id))
            bulk_sql.update(Article, ["lead_photo"], changed)
        return linked


def _caption(url: str, title: str, caption: str) -> str:
    """A Photo needs a caption: the attachment's, else its title, else its file name."""
    name = url.rstrip("/").rsplit("/", 1)[-1]
    return (caption or title or name or "Foto")[:500]


def _with_id(post: Post) -> str:
    return f"{post.slug}-{post.post_id}"
