"""The editorial workflow: the one place that says how an article's status may change.

    Draf ──submit──▶ Diajukan ──approve──▶ Siap terbit ──schedule──▶ Terjadwal
      ▲                 │  ▲                  │   │                    │
      └────send_back────┘  └────send_back─────┘   └──publish──▶ Terbit ◀┘ (by time)
                                                                  │
                           Ditarik ◀──────────withdraw────────────┘

A scheduled article becomes visible by itself when its time comes (see
``ArticleQuerySet.published``); no transition, cron or worker is involved. Editors
may also publish or schedule straight from Diajukan, as busy desks do.

Editing the time of a story readers already see (``check_retime``) may move it back,
to correct the time, but never into the future: that would take the story off the
site, an unpublishing that only "withdraw" may do, with its entry in the audit log.
"""

from dataclasses import dataclass
from datetime import datetime

from warta.newsroom.models import Article

from .roles import Action

S = Article.Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the desk's button
    sources: tuple[str, ...]
    target: str
    action: Action  # the permission it needs


TRANSITIONS = {
    t.name: t
    for t in (
        Transition("submit", "Ajukan ke redaktur", (S.DRAFT,), S.SUBMITTED, Action.WRITE),
        Transition("approve", "Tandai siap terbit", (S.SUBMITTED,), S.READY, Action.PUBLISH),
        Transition(
            "send_back", "Kembalikan ke penulis", (S.SUBMITTED, S.READY), S.DRAFT, Action.PUBLISH
        ),
        Transition(
            "schedule", "Jadwalkan", (S.SUBMITTED, S.READY), S.SCHEDULED, Action.PUBLISH
        ),
        Transition(
            "publish", "Terbitkan sekarang", (S.SUBMITTED, S.READY, S.SCHEDULED), S.PUBLISHED,
            Action.PUBLISH,
        ),
        Transition(
            "unschedule", "Batalkan jadwal", (S.SCHEDULED,), S.READY, Action.PUBLISH
        ),
        Transition(
            "withdraw", "Tarik berita", (S.PUBLISHED, S.SCHEDULED), S.WITHDRAWN, Action.PUBLISH
        ),
        Transition("restore", "Kembalikan ke draf", (S.WITHDRAWN,), S.DRAFT, Action.PUBLISH),
    )
}  # fmt: skip


class InvalidTransition(ValueError):
    """The article's status does not allow this transition."""


def transition_named(name: str) -> Transition:
    try:
        return TRANSITIONS[name]
    except KeyError:
        raise InvalidTransition(f"Tidak ada tindakan bernama {name!r}.") from None


def available_transitions(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if status in t.sources]


def check(transition: Transition, status: str) -> None:
    if status not in transition.sources:
        raise InvalidTransition(
            f"Tindakan “{transition.label}” tidak berlaku untuk berita berstatus {S(status).label}."
        )


RETIME_REFUSED = (
    "Berita ini sudah tampil bagi pembaca; waktu terbit di masa depan akan "
    "menyembunyikannya sampai waktu itu. Isi waktu yang tidak melewati sekarang. Untuk "
    "menurunkan berita dari situs, gunakan tombol “Tarik berita”."
)


def check_retime(*, article, published_at: datetime | None, now: datetime) -> None:
    """Refuse moving ``article`` (as stored) from readers' sight into the future."""
    if published_at is None or article.pk is None or article.status not in Article.LIVE_STATUSES:
        return
    if article.published_at <= now < published_at:
        raise InvalidTransition(RETIME_REFUSED)
