"""The benchmark corpus: N invented articles as JSON Lines, the importer's format.

Deterministic: the same seed and day give the same file, byte for byte. Dates are
spread over the 30 days before the start of today (Jakarta time), so every article
is already published and the last 7 days feed the Populer ranking.
"""

import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import vocabulary as v

JAKARTA = timezone(timedelta(hours=7))
SEED = 20201108
REPORTER_COUNT = 25
TAG_POOL_SIZE = 300
TAGS_PER_ARTICLE = 3
DAYS_BACK = 30
SHARE_WITH_VIEWS = 0.4
SHARE_WITH_HTML_BODY = 0.1  # as a WordPress export would send it, through the sanitizer
SMALL_WORDS = frozenset({"di", "ke", "dan", "yang", "untuk", "atau", "pada", "dengan", "soal"})


@dataclass(frozen=True)
class Corpus:
    path: Path
    articles: int
    size: int
    reporters: int
    tags: int


def write_corpus(path: Path, count: int, *, seed: int = SEED) -> Corpus:
    rng = random.Random(seed)
    anchor = datetime.now(JAKARTA).replace(hour=0, minute=0, second=0, microsecond=0)
    reporters = _people(rng, REPORTER_COUNT)
    newsmakers = _people(rng, 200)
    tags = _tag_pool(rng, newsmakers)
    # A few tags are everywhere (KPK, DPR ...), most are rare: a Zipf-like weighting.
    tag_weights = [1 / (rank + 1) ** 0.9 for rank in range(len(tags))]
    slugs: set[str] = set()
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            line = _article(rng, anchor, reporters, newsmakers, tags, tag_weights, slugs)
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    return Corpus(path, count, path.stat().st_size, len(reporters), len(tags))


def _people(rng: random.Random, count: int) -> list[str]:
    names = [f"{first} {last}" for first in v.FIRST_NAMES for last in v.LAST_NAMES]
    return rng.sample(names, count)


def _tag_pool(rng: random.Random, newsmakers: list[str]) -> list[str]:
    topics = [_headline(issue) for issues in v.ISSUES.values() for issue in issues]
    places = [city for city, _ in v.CITIES] + sorted({province for _, province in v.CITIES})
    pool = list(dict.fromkeys([*v.INSTITUTIONS, *topics, *places, *v.COUNTRIES]))
    pool += [name for name in newsmakers if name not in pool][: TAG_POOL_SIZE - len(pool)]
    rng.shuffle(pool)
    return pool[:TAG_POOL_SIZE]


def _article(rng, anchor, reporters, newsmakers, tags, tag_weights, slugs) -> dict:
    section = rng.choice(v.SECTIONS)
    city, province = rng.choice(v.CITIES)
    context = {
        "tokoh": rng.choice(newsmakers),
        "lembaga": rng.choice(v.INSTITUTIONS),
        "kota": city,
        "provinsi": province,
        "negara": rng.choice(v.COUNTRIES),
        "isu": rng.choice(v.ISSUES[section]),
    }
    context["peran"] = rng.choice(v.ROLES).format(**context)
    published = anchor - timedelta(seconds=rng.randrange(60, DAYS_BACK * 86400))
    title = rng.choice(v.TITLES).format(**{**context, "isu": _headline(context["isu"])})
    paragraphs = [_paragraph(rng, context, published) for _ in range(rng.randint(6, 10))]
    line = {
        "slug": _unique_slug(title, slugs),
        "section": section,
        "title": title,
        "caption": rng.choice(v.CAPTIONS).format(**context),
        "credit": rng.choice(v.CREDITS),
        "reporter": rng.choice(reporters),
        "published_at": published.isoformat(),
        "lead": rng.choice(v.LEADS).format(**context),
        "tags": _tags_for(rng, context, tags, tag_weights),
    }
    if rng.random() < SHARE_WITH_HTML_BODY:
        line["body"] = "\n".join(_html_paragraph(rng, text) for text in paragraphs)
    else:
        line["paragraphs"] = paragraphs
    if rng.random() < SHARE_WITH_VIEWS:
        line["views"] = min(int(rng.lognormvariate(6, 1.4)), 2_000_000)
    return line


def _paragraph(rng: random.Random, context: dict, published: datetime) -> str:
    sentences = []
    for template in rng.sample(v.SENTENCES, rng.randint(2, 3)):
        numbers = {
            "hari": v.DAYS[published.weekday()],
            "tanggal": f"{published.day}/{published.month}",
            "angka": f"{rng.randint(2, 950) * 10:,}".replace(",", "."),
            "angka2": rng.randint(3, 40),
            "persen": rng.randint(2, 35),
            "miliar": rng.randint(5, 900),
        }
        sentences.append(template.format(**context, **numbers))
    text = " ".join(sentences)
    return text[0].upper() + text[1:]


def _html_paragraph(rng: random.Random, text: str) -> str:
    if rng.random() < 0.15:
        first, _, rest = text.partition(" ")
        return f'<p><strong>{first}</strong> {rest} <a href="https://example.org/">Baca</a></p>'
    return f"<p>{text}</p>"


def _tags_for(rng, context: dict, tags: list[str], weights: list[float]) -> list[str]:
    chosen = [name for name in (context["lembaga"], _headline(context["isu"])) if name in tags]
    while len(chosen) < TAGS_PER_ARTICLE:
        name = rng.choices(tags, weights)[0]
        if name not in chosen:
            chosen.append(name)
    return chosen[:TAGS_PER_ARTICLE]


def _headline(phrase: str) -> str:
    """Headline case as Indonesian portals write it; acronyms (KPK, BBM) stay as they are."""
    words = phrase.split()
    return " ".join(
        word if word.isupper() or (word in SMALL_WORDS and i) else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def _unique_slug(title: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:280]
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug
