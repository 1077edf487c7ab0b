"""Two editions of one archive as JSON Lines files: every article of the first
rewritten in the second (title, section, reporter, teras, body, tags), and new ones
added. An import killed part-way must leave each article wholly as one edition says;
the whole import commits as one, so all of them as the same edition."""

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.installations import Installation

SECTIONS = ("Nasional", "Politik", "Ekonomi", "Olahraga", "Teknologi")
REPORTERS = ("Sarah Meiliana Gunawan", "Bambang Wicaksono", "Dewi Lestari Putri")
TAGS = tuple(
    f"{topic} {place}"
    for topic in ("Banjir", "Pemilu", "Inflasi", "Timnas", "Gempa", "Korupsi")
    for place in ("Jakarta", "Bandung", "Medan", "Makassar", "Jayapura")
)


@dataclass(frozen=True)
class Edition:
    name: str
    path: Path
    lines: dict[int, dict]  # by article id

    def fingerprints(self) -> dict[int, tuple]:
        return {
            article_id: (
                line["slug"],
                line["title"],
                line["section"],
                line["reporter"],
                line["lead"],
                tuple(sorted(line["tags"])),
                line["paragraphs"][0],
            )
            for article_id, line in self.lines.items()
        }


def write_edition(
    folder: Path, name: str, ids: range, *, seed: int, status: str | None = None
) -> Edition:
    """Lines for ``ids``; another ``name`` (and seed) rewrites every field of them.
    ``status``: ``"draft"`` for articles readers do not see yet."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    lines = {}
    for article_id in ids:
        # Spread over two months, so the archive's month counts change with a batch.
        published = now - timedelta(days=1 + article_id % 60, minutes=article_id)
        lines[article_id] = {
            "id": article_id,
            "slug": f"berita-{article_id}",
            "section": rng.choice(SECTIONS),
            "title": f"Berita {article_id}, edisi {name}",
            "caption": f"Foto berita {article_id}",
            "credit": "Antara",
            "reporter": rng.choice(REPORTERS),
            "published_at": published.isoformat(),
            "lead": f"Teras berita {article_id} menurut edisi {name}.",
            "paragraphs": [
                f"Paragraf pembuka berita {article_id} ({name}, {rng.randrange(10**6)}).",
                "Warga menyambut kabar ini dengan gembira. " * rng.randrange(1, 8),
            ],
            "tags": rng.sample(TAGS, rng.randrange(1, 5)),
        }
        if status is not None:
            lines[article_id]["status"] = status
    path = folder / f"edisi-{name}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in lines.values():
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return Edition(name, path, lines)


def import_editions(installation: Installation, folder: Path, *editions: Edition) -> None:
    """``warta import`` of the editions' lines as one file (one command's start-up)."""
    path = folder / "-".join(edition.name for edition in editions)
    path.write_text("".join(edition.path.read_text(encoding="utf-8") for edition in editions))
    installation.warta("import", str(path))


def stored_fingerprints(installation: Installation, ids: list[int]) -> dict[int, tuple]:
    """What the database holds of these articles, as ``Edition.fingerprints`` does."""
    wanted = set(ids)
    articles = {
        row[0]: row[1:]
        for row in installation.query(
            "SELECT a.id, a.slug, a.title, s.name, r.name, a.lead, a.body "
            "FROM newsroom_article a "
            "JOIN newsroom_section s ON s.id = a.section_id "
            "JOIN newsroom_reporter r ON r.id = a.reporter_id"
        )
        if row[0] in wanted
    }
    tags: dict[int, list[str]] = {article_id: [] for article_id in articles}
    for article_id, tag in installation.query(
        "SELECT l.article_id, t.name FROM newsroom_article_tags l "
        "JOIN newsroom_tag t ON t.id = l.tag_id"
    ):
        if article_id in tags:
            tags[article_id].append(tag)
    return {
        article_id: (slug, title, section, reporter, lead, tuple(sorted(tags[article_id])),
                     _first_paragraph(body))
        for article_id, (slug, title, section, reporter, lead, body) in articles.items()
    }  # fmt: skip


def _first_paragraph(body: str) -> str:
    first = body.split("</p>", 1)[0]
    return first.removeprefix("<p>")
