"""An article's revision history: thinning, diffs, restoring, and what changed under you.

Every save writes a revision (``editing.article_save``). Autosaves come every 30 seconds
while someone types, so once a newer deliberate save exists (manual, restore or
published) the autosaves before it are deleted: the history stays short on a busy desk.
Published and correction revisions are never thinned: every version readers saw stays.

A diff is shown in the admin, so every piece of content is escaped before the
``<del>``/``<ins>`` marks are put around it.
"""

import difflib
import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from warta.newsroom.models import Article, Photo, Reporter, Section, Tag

from ..models import Revision
from . import editing

Kind = Revision.Kind
# Saves someone made on purpose; the autosaves before the newest of them are dropped.
DELIBERATE_KINDS = (Kind.MANUAL, Kind.RESTORE, Kind.PUBLISHED)

# Shown in this order; keys are those of ``snapshots.snapshot``.
FIELD_LABELS = {
    "title": "Judul",
    "lead": "Teras",
    "body": "Isi",
    "section_id": "Rubrik",
    "reporter_id": "Wartawan",
    "lead_photo_id": "Foto utama",
    "tags": "Tag",
    "published_at": "Waktu terbit",
    "slug": "Slug",
}
_RELATED = {"section_id": Section, "reporter_id": Reporter, "lead_photo_id": Photo, "tags": Tag}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    # Old and new together: removed text in <del>, added text in <ins>, all escaped.
    html: SafeString


# --- reading the history ------------------------------------------------------------


def revision_history(article: Article) -> QuerySet[Revision]:
    return article.revisions.select_related("author").order_by("-version", "-created_at", "-id")


def pending_live_draft(article: Article) -> tuple[Revision, Revision] | None:
    """For a live article whose newest revision is an autosave (a draft readers do not
    see yet): ``(what readers see, the draft)``, to offer a diff and a restore."""
    if article.status not in Article.LIVE_STATUSES:
        return None
    newest = revision_history(article).first()
    if newest is None or newest.kind != Kind.AUTOSAVE:
        return None
    shown = revision_history(article).exclude(kind=Kind.AUTOSAVE).first()
    return (shown, newest) if shown is not None else None


# --- thinning and restoring ---------------------------------------------------------


def revisions_thin(article: Article) -> int:
    """Delete the autosaves older than the newest deliberate save; returns how many."""
    newest = (
        article.revisions.filter(kind__in=DELIBERATE_KINDS)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    if newest is None:
        return 0
    deleted, _ = article.revisions.filter(kind=Kind.AUTOSAVE, version__lt=newest).delete()
    return deleted


class RestoreImpossible(ValueError):
    """The revision names something that no longer exists (a rubrik, a reporter)."""


def revision_restore(
    *, article: Article, revision: Revision, actor, base_version: int | None = None
) -> editing.SaveResult:
    """Save ``revision``'s content as a new RESTORE revision of ``article``.

    Goes through ``article_save``, so the permission table and the version check apply
    (PermissionDenied, StaleEdit). The publication time of a live or scheduled article is
    left alone: it belongs to the workflow, and restoring text should not move the story
    on the front page. A slug another article took since is left as it is now.
    """
    if revision.article_id != article.pk:
        raise ValueError("Revisi ini bukan milik berita ini.")
    content = revision.content
    data = {field: content.get(field) or "" for field in ("title", "lead", "body")}
    slug = content.get("slug")
    if slug and not Article.objects.filter(slug=slug).exclude(pk=article.pk).exists():
        data["slug"] = slug
    for field, model, label in (
        ("section", Section, "Rubrik"),
        ("reporter", Reporter, "Wartawan"),
    ):
        found = model.objects.filter(pk=content.get(f"{field}_id")).first()
        if found is None:
            raise RestoreImpossible(f"{label} pada revisi ini sudah tidak ada.")
        data[field] = found
    data["lead_photo"] = Photo.objects.filter(pk=content.get("lead_photo_id")).first()
    if article.status not in Article.LIVE_STATUSES and content.get("published_at"):
        data["published_at"] = parse_datetime(content["published_at"])
    tags = list(Tag.objects.filter(pk__in=content.get("tags") or []))
    return editing.article_save(
        article=article,
        actor=actor,
        data=data,
        tags=tags,
        base_version=base_version,
        kind=Kind.RESTORE,
    )


# --- what changed -------------------------------------------------------------------


def revision_diff(a: Revision, b: Revision) -> list[FieldChange]:
    """What changed from ``a`` to ``b``, field by field (unchanged fields left out)."""
    return content_diff(a.content, b.content)


def content_diff(before: dict, after: dict) -> list[FieldChange]:
    changed = [f for f in FIELD_LABELS if not _same(f, before.get(f), after.get(f))]
    names = _related_names(changed, before, after)
    changes = []
    for field in changed:
        old, new = before.get(field), after.get(field)
        if field == "body":
            html = _block_diff(old or "", new or "")
        elif field in ("title", "lead", "slug"):
            html = _word_diff(old or "", new or "")
        elif field == "tags":
            old_names = [names[Tag].get(pk, _gone(pk)) for pk in old or []]
            new_names = [names[Tag].get(pk, _gone(pk)) for pk in new or []]
            html = _list_diff(old_names, new_names)
        elif field == "published_at":
            html = _swap(_local_time(old), _local_time(new))
        else:
            model = _RELATED[field]
            html = _swap(_name(names[model], old), _name(names[model], new))
        changes.append(FieldChange(field, FIELD_LABELS[field], html))
    return changes


@dataclass(frozen=True)
class StaleChanges:
    """Why a save based on ``base_version`` was refused, and what the others changed."""

    base_version: int
    current_version: int
    authors: list[str]
    base: Revision | None
    current: Revision | None
    changes: list[FieldChange]

    @property
    def message(self) -> str:
        who = " dan ".join(self.authors) if self.authors else "orang lain"
        return (
            f"Berita ini sudah diubah oleh {who} sejak Anda membukanya (Anda menyunting "
            f"versi {self.base_version}, kini versi {self.current_version}). Lihat perubahan "
            "mereka, salin tulisan Anda yang masih diperlukan, lalu buka versi terbaru."
        )


def stale_changes(article: Article, base_version: int) -> StaleChanges:
    """Compare the revision an editor started from with the newest one.

    The base may have been an autosave thinned away since; the nearest older revision
    stands in for it (the diff then shows a little more than strictly changed).
    """
    history = revision_history(article)
    current = history.first()
    base = history.filter(version__lte=base_version).first()
    later = history.filter(version__gt=base_version).order_by("version", "created_at", "id")
    authors = []
    for revision in later:
        name = _user_name(revision.author)
        if name not in authors:
            authors.append(name)
    changes = revision_diff(base, current) if base and current and base != current else []
    return StaleChanges(base_version, article.version, authors, base, current, changes)


# --- rendering a diff ---------------------------------------------------------------

_TOKEN = re.compile(r"<[^>]*>|\s+|[^\s<]+")
_BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|ul|ol|blockquote)>|<br\s*/?>)", re.IGNORECASE)


def _word_diff(old: str, new: str) -> SafeString:
    return mark_safe(_marked(_TOKEN.findall(old), _TOKEN.findall(new), ""))


def _block_diff(old: str, new: str) -> SafeString:
    """Paragraph by paragraph; a rewritten paragraph shows its changed words."""
    old_lines, new_lines = _blocks(old), _blocks(new)
    out = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append('<div class="desk-diff-same">…</div>')
        elif op == "replace" and i2 - i1 == j2 - j1:
            for a, b in zip(old_lines[i1:i2], new_lines[j1:j2], strict=True):
                out.append(f"<div>{_word_diff(a, b)}</div>")
        else:
            out.extend(f"<div><del>{escape(line)}</del></div>" for line in old_lines[i1:i2])
            out.extend(f"<div><ins>{escape(line)}</ins></div>" for line in new_lines[j1:j2])
    return mark_safe("".join(out))


def _blocks(html: str) -> list[str]:
    return [line.strip() for line in _BLOCK_END.sub("\\1\n", html).splitlines() if line.strip()]


def _list_diff(old: list[str], new: list[str]) -> SafeString:
    return mark_safe(_marked(old, new, ", "))


def _marked(old: list[str], new: list[str], joiner: str) -> str:
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(joiner.join(old[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(joiner.join(old[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(joiner.join(new[j1:j2]))}</ins>")
    return joiner.join(out) if joiner else "".join(out)


def _swap(old: str, new: str) -> SafeString:
    parts = [f"<del>{escape(old)}</del>" if old else "", f"<ins>{escape(new)}</ins>" if new else ""]
    return mark_safe(" → ".join(p for p in parts if p))


def _related_names(changed: list[str], before: dict, after: dict) -> dict:
    """One query per related model that changed: its names by id."""
    names = {}
    for field in changed:
        model = _RELATED.get(field)
        if model is None:
            continue
        ids = set()
        for content in (before, after):
            value = content.get(field)
            ids.update(value if isinstance(value, list) else [value] if value else [])
        names[model] = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}
    return names


def _name(names: dict, pk) -> str:
    if pk is None:
        return ""
    return names.get(pk, _gone(pk))


def _gone(pk) -> str:
    return f"#{pk} (sudah dihapus)"


def _same(field: str, old, new) -> bool:
    if field != "published_at" or not (old and new):
        return old == new
    # One moment, to the second the form shows: snapshots differ in their UTC offset
    # and older ones in microseconds the form never posted back.
    old_moment, new_moment = parse_datetime(old), parse_datetime(new)
    if old_moment is None or new_moment is None:
        return old == new
    return old_moment.replace(microsecond=0) == new_moment.replace(microsecond=0)


def _local_time(value: str | None) -> str:
    moment = parse_datetime(value) if value else None
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "d-m-Y H:i")


def _user_name(user) -> str:
    if user is None:
        return "orang lain"
    return user.get_full_name() or user.get_username()
