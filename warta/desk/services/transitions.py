"""Moving an article through the workflow (see ``desk.workflow`` for the table).

Each function checks the actor's permission (PermissionDenied → HTTP 403), the
article's current status and, for publishing, the ready-to-publish check; then it
changes the status and writes the audit log in one transaction, and tells the rest
of the system after the commit.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from warta.newsroom.models import Article
from warta.newsroom.signals import article_changed, article_written

from .. import readiness, workflow
from ..models import Revision, StatusChange
from ..roles import require
from .snapshots import record_revision


class NotReady(ValueError):
    """Publishing is blocked by the ready-to-publish check."""

    def __init__(self, problems: list[readiness.Problem]):
        self.problems = problems
        super().__init__("Belum siap terbit: " + " ".join(p.message for p in problems))


def article_transition(
    *, article: Article, actor, name: str, note: str = "", when: datetime | None = None
) -> Article:
    """Apply the transition called ``name``; returns the article as saved."""
    step = workflow.transition_named(name)
    with transaction.atomic():
        # Lock the article row only; the photo is read, not changed (and PostgreSQL cannot
        # lock the nullable side of an outer join).
        locked = (
            Article.objects.select_for_update(of=("self",))
            .select_related("lead_photo")
            .get(pk=article.pk)
        )
        require(actor, step.action, locked)
        workflow.check(step, locked.status)
        now = timezone.now()
        before = locked.published_at
        if step.target in (Article.Status.SCHEDULED, Article.Status.PUBLISHED):
            blockers = readiness.blocking(locked)
            if blockers:
                raise NotReady(blockers)
        if step.target == Article.Status.SCHEDULED:
            if when is None or when <= now:
                raise workflow.InvalidTransition("Waktu terbit jadwal harus di masa depan.")
            locked.published_at = when
        elif step.name == "publish":
            locked.published_at = now
        previous = locked.status
        locked.status = step.target
        if step.target in (Article.Status.SCHEDULED, Article.Status.PUBLISHED):
            locked.editor = actor
        locked.save(update_fields=["status", "published_at", "editor", "updated_at"])
        StatusChange.objects.create(
            article=locked,
            actor=actor,
            at=now,
            from_status=previous,
            to_status=step.target,
            note=note,
        )
        if step.target in (Article.Status.SCHEDULED, Article.Status.PUBLISHED):
            # Every version readers saw is kept forever (thinning never touches these).
            record_revision(locked, kind=Revision.Kind.PUBLISHED, author=actor, at=now)
        moved = {"previously_published_at": before} if before != locked.published_at else {}
        article_written.send(sender=Article, article_id=locked.pk, **moved)
        transaction.on_commit(
            lambda: article_changed.send(sender=Article, article_id=locked.pk, **moved)
        )
    return locked


def article_submit(*, article: Article, actor, note: str = "") -> Article:
    return article_transition(article=article, actor=actor, name="submit", note=note)


def article_approve(*, article: Article, actor, note: str = "") -> Article:
    return article_transition(article=article, actor=actor, name="approve", note=note)


def article_send_back(*, article: Article, actor, note: str = "") -> Article:
    return article_transition(article=article, actor=actor, name="send_back", note=note)


def article_schedule(*, article: Article, actor, when: datetime, note: str = "") -> Article:
    return article_transition(article=article, actor=actor, name="schedule", note=note, when=when)


def article_publish(*, article: Article, actor, note: str = "") -> Article:
    return article_transition(article=article, actor=actor, name="publish", note=note)


def article_withdraw(*, article: Article, actor, note: str = "") -> Article:
    return article_transition(article=article, actor=actor, name="withdraw", note=note)
