"""The demo newsroom's desks: one module of story templates per section.

A desk is data, not code: who speaks (roles and experts), what they talk about
(slots such as ``{isu}``), and a few *angles*, each a set of headlines, leads and
fact paragraphs that belong together. ``stories.py`` picks an angle, fills the slots
and strings paragraphs together; templates use ``str.format`` fields listed in
``stories.py`` (``{nama}``, ``{panggilan}``, ``{kota}``, ``{hari}``, ``{nilai}``, ...).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Angle:
    """One kind of story a desk writes, e.g. "KPK names a suspect"."""

    titles: tuple[str, ...]
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Desk:
    section: str
    scenes: tuple[str, ...]  # picture scenes (images.PAINTERS keys) that suit the desk
    slots: dict[str, tuple[str, ...]]
    roles: tuple[str, ...]  # the main voice; may use slots, e.g. "Pelatih {klub}"
    experts: tuple[str, ...]  # a second, outside voice
    angles: tuple[Angle, ...]
    quotes: tuple[str, ...]  # said by the main voice, without the closing punctuation
    expert_quotes: tuple[str, ...]
    background: tuple[str, ...]  # context paragraphs that fit any angle
    captions: tuple[str, ...]
    tags: tuple[str, ...]


def all_desks() -> tuple[Desk, ...]:
    from . import dunia, ekonomi, hukum, nusantara, olahraga, politik, teknologi

    return tuple(
        module.DESK for module in (politik, hukum, ekonomi, nusantara, dunia, olahraga, teknologi)
    )
