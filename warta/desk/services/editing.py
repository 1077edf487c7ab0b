"""Saving an article's content: permission, sanitizing, no lost updates, a revision.

Every save names the version it was based on. If someone else saved in between, the
save is refused with ``StaleEdit``, which carries both versions so the desk can show
what the other person changed; nothing is overwritten.

A new time for a story readers see is checked by ``workflow.check_retime`` (never into
the future) and, when it moves, written to the audit log.
"""

import copy
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from warta.common.dates import listing_time, zone_label
from warta.common.sanitize import sanitize_body
from warta.newsroom.models import Article
from warta.newsroom.signals import article_changed, article_written

from ..models import Revision, StatusChange
from ..roles import Action, require
from ..workflow import check_retime
from .snapshots import snapshot

EDITABLE_FIELDS = (
    "title", "slug", "lead", "body", "section", "reporter", "lead_photo", "published_at",
)  # fmt: skip
PLACEMENT_FIELDS = ("is_headline", "is_editors_pick", "is_breaking")


class StaleEdit(Exception):
    """The article changed since the editor opened it."""

    def __init__(self, article: Article, base: Revision | None, current: Revision | None):
        self.article = article
        self.base = base
        self.current = current
        who = "orang lain"
        if current is not None and current.author is not None:
            who = current.author.get_full_name() or current.author.username
        super().__init__(
            f"Berita ini sudah diubah oleh {who} setelah Anda membukanya "
            f"(versi {article.version}, Anda menyunting versi {base.version if base else '?'})."
        )


@dataclass(frozen=True)
class SaveResult:
    article: Article
    revision: Revision


def article_save(
    *,
    article: Article,
    actor,
    data: dict,
    tags: list | None = None,
    base_version: int | None = None,
    kind: str = Revision.Kind.MANUAL,
) -> SaveResult:
    """Create (``article.pk`` is None) or update an article from cleaned form ``data``.

    ``data`` holds any of EDITABLE_FIELDS and PLACEMENT_FIELDS; changing placement
    needs the managing editor's permission. Raises PermissionDenied or StaleEdit.
    """
    creating = article.pk is None
    before = None  # the publication time before this save
    with transaction.atomic():
        if creating:
            require(actor, Action.WRITE)
            target = article
            target.created_by = actor
        else:
            target = Article.objects.select_for_update().get(pk=article.pk)
            require(actor, Action.WRITE, target)
            if base_version is not None and base_version != target.version:
                raise StaleEdit(
                    target,
                    _revision(target, base_version),
                    target.revisions.order_by("-version", "-created_at").first(),
                )
            target.version += 1
            before = target.published_at
            if kind == Revision.Kind.AUTOSAVE and target.status in Article.LIVE_STATUSES:
                return SaveResult(target, _store_live_draft(target, actor, data, tags))
            if "published_at" in data:
                check_retime(article=target, published_at=data["published_at"], now=timezone.now())
        placement = {f: data[f] for f in PLACEMENT_FIELDS if f in data}
        if any(getattr(target, f) != value for f, value in placement.items()):
            require(actor, Action.PLACE, target)
        for field in EDITABLE_FIELDS:
            if field in data:
                setattr(target, field, data[field])
        for field, value in placement.items():
            setattr(target, field, value)
        target.body = sanitize_body(target.body or "")
        if target.published_at is None:
            target.published_at = timezone.now()
        # Whole seconds, as the form shows and posts it: otherwise the next save of an
        # unchanged form reads as a move ("Waktu terbit 05:30 → 05:30" in a stale diff).
        target.published_at = target.published_at.replace(microsecond=0)
        target.save()
        if tags is not None:
            target.tags.set(tags)
        revision = Revision.objects.create(
            article=target,
            version=target.version,
            kind=kind,
            author=actor,
            content=snapshot(target),
        )
        if kind in (Revision.Kind.MANUAL, Revision.Kind.RESTORE):
            from .revisions import revisions_thin  # revisions builds on this module

            revisions_thin(target)
        # Scheduled articles too: readers will see them (the search index and the
        # archive's month counts hold them already), and a new date moves them.
        if target.status in Article.LIVE_STATUSES:
            if before is not None and _to_the_second(before) != _to_the_second(target.published_at):
                _log_retime(target, actor, before)
            moved = {}
            if before is not None and before != target.published_at:
                moved["previously_published_at"] = before
            article_written.send(sender=Article, article_id=target.pk, **moved)
            transaction.on_commit(
                lambda: article_changed.send(sender=Article, article_id=target.pk, **moved)
            )
    return SaveResult(target, revision)


def _to_the_second(moment):
    # The form posts whole seconds: a save that kept the time must not count as a move.
    return moment.replace(microsecond=0)


def _log_retime(article: Article, actor, before) -> None:
    """A live or scheduled article's new time moves it on the site (or when it appears):
    the audit log says who did it, as it does for a transition."""
    after = article.published_at
    StatusChange.objects.create(
        article=article,
        actor=actor,
        from_status=article.status,
        to_status=article.status,
        note=(
            f"Waktu terbit diubah: {listing_time(before)} {zone_label(before)} → "
            f"{listing_time(after)} {zone_label(after)}."
        ),
    )


def _revision(article: Article, version: int) -> Revision | None:
    return article.revisions.filter(version=version).order_by("-created_at").first()


def _store_live_draft(target: Article, actor, data: dict, tags: list | None) -> Revision:
    """An autosave of an article readers see, or will see at its scheduled time: the
    draft goes into a revision only, and what readers see stays as it is until a
    deliberate save (or a restore of this revision). The version still moves on, so
    the editor's next save is based on it and anyone else's stale save is refused."""
    target.save(update_fields=["version"])
    draft = copy.copy(target)
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(draft, field, data[field])
    draft.body = sanitize_body(draft.body or "")
    tag_ids = [tag.pk for tag in tags] if tags is not None else None
    return Revision.objects.create(
        article=target,
        version=target.version,
        kind=Revision.Kind.AUTOSAVE,
        author=actor,
        content=snapshot(draft, tag_ids),
    )
