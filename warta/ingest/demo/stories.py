"""The demo record stream: import records composed from the desks' templates.

``demo_records`` yields plain dicts in the importer's record shape, one at a time,
so a million articles never sit in memory. Same seed and same ``now`` give the same
records. The stream is, in order: the seed article (fixed id, 2020), the regular
articles from oldest to newest (so ids grow with time, as in a real newsroom), the
newest a few minutes before ``now``, and last one article scheduled an hour ahead.

Template fields (``str.format``) every desk may use:

* ``{tokoh}`` the main voice with role ("Ketua KPU Agus Santoso"), ``{jabatan}`` the
  role, ``{nama}`` the name, ``{panggilan}`` the surname used after first mention;
* ``{ahli}``, ``{nama2}``, ``{panggilan2}``: the outside voice;
* ``{kota}``, ``{provinsi}``, ``{negara}``, ``{ibukota}``, ``{klub}``, ``{klub2}``;
* ``{hari}`` as Indonesian reports date things: "Sabtu (7/11)";
* ``{jumlah}``, ``{jumlah2}`` (counts), ``{nilai}`` (rupiah), ``{persen}``;
* and each desk's own ``slots``.
"""

import random
from collections.abc import Iterator
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from warta.common.dates import DAY_NAMES

from .desks import Angle, Desk, all_desks
from .images import TIMES
from .reference import reference_record
from .slugs import SlugRegistry
from .vocabulary import (
    CITIES,
    CLUBS,
    COUNTRIES,
    CREDITS,
    FIRST_NAMES,
    HEADLINE_LOWER,
    LAST_NAMES,
    REPORTERS,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
POPULAR_WINDOW = timedelta(days=7)
SCHEDULED_AHEAD = timedelta(hours=1)
# How often each desk publishes, relative to the others.
DESK_WEIGHTS = {
    "Politik": 5, "Hukum": 4, "Ekonomi": 4, "Nusantara": 4,
    "Dunia": 3, "Olahraga": 3, "Teknologi": 2,
}  # fmt: skip

# The first time a voice speaks it is introduced in full; later only by surname.
QUOTE_FIRST = (
    '"{q}," kata {tokoh} di {kota}, {hari}.',
    '{tokoh} menegaskan hal itu kepada wartawan. "{q}," ujarnya.',
    'Hal itu disampaikan {tokoh} saat ditemui wartawan. "{q}," katanya.',
)
QUOTE_AGAIN = (
    '"{q}," kata {panggilan}.',
    '"{q}," tegas {panggilan}.',
    'Menurut {panggilan}, pihaknya akan terus memantau perkembangan. "{q}," ucapnya.',
    '{panggilan} menambahkan, "{q}."',
)
EXPERT_FIRST = (
    'Sementara itu, {ahli} {nama2} menilai persoalan ini perlu disikapi serius. "{q}," '
    "kata {panggilan2}.",
    'Pandangan lain disampaikan {ahli} {nama2}. "{q}," ujarnya saat dihubungi terpisah.',
)
EXPERT_AGAIN = ('"{q}," lanjut {panggilan2}.', '{panggilan2} mengingatkan, "{q}."')
CLOSINGS = (
    "Hingga berita ini diturunkan, pihak-pihak terkait belum memberikan keterangan resmi.",
    "Warta masih berupaya meminta tanggapan dari pihak terkait.",
    "{panggilan} memastikan perkembangan selanjutnya akan disampaikan kepada publik.",
    "Perkembangan selanjutnya akan terus diperbarui.",
)
QUOTE_HEADLINES = 0.25  # the share of headlines that quote the main voice
VOICES = {"quote": (QUOTE_FIRST, QUOTE_AGAIN), "expert": (EXPERT_FIRST, EXPERT_AGAIN)}
# The order a story unfolds in; a short story stops early, then maybe closes.
PLAN = (
    "fact", "quote", "fact", "background", "expert", "quote",
    "fact", "background", "expert", "quote", "background",
)  # fmt: skip


def demo_records(
    count: int,
    *,
    seed: int = 0,
    now: datetime,
    zone: tzinfo = JAKARTA,
    image_names: list[str] | None = None,
) -> Iterator[dict]:
    """Yield ``count`` records (the seed article first, the scheduled one last).

    ``image_names`` are the pool's file names (see ``images.pool_names``), named
    ``<scene>-<time>.jpg``; without them records carry no image.
    """
    if count <= 0:
        return
    images = set(image_names or ())
    slugs = SlugRegistry()
    reference = reference_record(_pick_image(random.Random(seed), ("gedung",), images))
    slugs.claim(reference["slug"], 0)
    yield reference
    regular = max(count - 2, 0)
    writer = _Writer(random.Random(f"warta-demo:{seed}"), zone, images, slugs)
    first = 1
    for index, moment in enumerate(_timeline(regular, seed, now), start=first):
        views = writer.rng.random() if moment >= now - POPULAR_WINDOW else None
        yield writer.record(index, moment, views)
    if count >= 2:
        yield writer.record(regular + 1, _minute(now) + SCHEDULED_AHEAD, None)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _timeline(count: int, seed: int, now: datetime) -> Iterator[datetime]:
    """``count`` moments, oldest first, ending a few minutes before ``now``.

    Gaps of 5 to 40 minutes (mostly under 20): 1,500 articles span about two weeks.
    The gaps are drawn twice from the same seed, once to know where to start.
    """

    def gaps() -> Iterator[int]:
        rng = random.Random(f"warta-demo-time:{seed}")
        while True:
            yield rng.randint(5, 20) if rng.random() < 0.9 else rng.randint(21, 40)

    newest = _minute(now) - timedelta(minutes=2 + seed % 5)
    total = sum(gap for gap, _ in zip(gaps(), range(count - 1), strict=False))
    moment = newest - timedelta(minutes=total)
    steps = gaps()
    for i in range(count):
        if i:
            moment += timedelta(minutes=next(steps))
        yield moment


def _pick_image(rng: random.Random, scenes: tuple[str, ...], images: set[str]) -> str | None:
    if not images:
        return None
    name = f"{rng.choice(scenes)}-{rng.choice(TIMES)}.jpg"
    return name if name in images else sorted(images)[rng.randrange(len(images))]


def headline(text: str) -> str:
    """Indonesian headline case: every word capitalised except small linking words."""
    words = text.split(" ")
    return " ".join(
        word
        if (i and word in HEADLINE_LOWER) or not word[:1].islower()
        else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """Composes one record at a time from a shared seeded generator."""

    def __init__(
        self, rng: random.Random, zone: tzinfo, images: set[str], slugs: SlugRegistry
    ) -> None:
        self.rng = rng
        self.zone = zone
        self.images = images
        self.slugs = slugs
        self.desks = all_desks()
        self.weights = [DESK_WEIGHTS.get(desk.section, 1) for desk in self.desks]
        self.reporters: dict[str, list[str]] = {}
        for name, section, _bio in REPORTERS:
            self.reporters.setdefault(section, []).append(name)

    def record(self, index: int, moment: datetime, popularity: float | None) -> dict:
        rng = self.rng
        desk = rng.choices(self.desks, weights=self.weights)[0]
        angle = rng.choice(desk.angles)
        local = moment.astimezone(self.zone)
        ctx = self._context(desk, local)
        template = rng.choice(angle.titles)
        title = headline(template.format_map(ctx))
        said = None
        if rng.random() < QUOTE_HEADLINES:
            # "Surname: what they said", as portals headline a strong quote.
            said = rng.choice(desk.quotes).format_map(ctx)
            title = headline(f"{ctx['panggilan']}: {said}")
        caption = _sentence(rng.choice(desk.captions).format_map(ctx))
        record = {
            "slug": self.slugs.claim(slugify(title), index),
            "section": desk.section,
            "title": title,
            "caption": caption,
            "credit": rng.choice(CREDITS),
            "reporter": self._reporter(desk.section),
            "published_at": local.isoformat(timespec="seconds"),
            "lead": _sentence(rng.choice(angle.leads).format_map(ctx)),
            "paragraphs": self._paragraphs(desk, angle, ctx, said),
            "tags": self._tags(desk, angle, ctx, template),
        }
        image = _pick_image(rng, desk.scenes, self.images)
        if image:
            record["image"] = image
        if popularity is not None:
            record["views"] = _views(popularity, rng)
        return record

    def _context(self, desk: Desk, local: datetime) -> dict[str, str]:
        rng = self.rng
        city, province = rng.choice(CITIES)
        country, capital = rng.choice(COUNTRIES)
        club, club2 = rng.sample(CLUBS, 2)
        # Morning reports are about yesterday: "pada Sabtu (7/11)" in a Sunday paper.
        day = local.date() - timedelta(days=1 if local.hour < 10 else 0)
        ctx = {
            "kota": city,
            "provinsi": province,
            "negara": country,
            "ibukota": capital,
            "klub": club,
            "klub2": club2,
            "hari": f"{DAY_NAMES[day.weekday()]} ({day.day}/{day.month})",
            "jumlah": str(rng.randint(3, 250)),
            "jumlah2": str(rng.randint(2, 12)),
            "nilai": f"Rp {rng.randint(1, 99)},{rng.randint(1, 9)} "
            + rng.choice(("miliar", "miliar", "triliun")),
            "persen": f"{rng.randint(1, 12)},{rng.randint(0, 9)} persen",
        }
        for slot, values in desk.slots.items():
            ctx[slot] = rng.choice(values).format_map(ctx)
        surname, surname2 = rng.sample(LAST_NAMES, 2)
        name = f"{rng.choice(FIRST_NAMES)} {surname}"
        role = rng.choice(desk.roles).format_map(ctx)
        ctx.update(
            nama=name,
            panggilan=surname,
            jabatan=role,
            tokoh=f"{role} {name}",
            ahli=rng.choice(desk.experts).format_map(ctx),
            nama2=f"{rng.choice(FIRST_NAMES)} {surname2}",
            panggilan2=surname2,
        )
        return ctx

    def _reporter(self, section: str) -> str:
        own = self.reporters.get(section)
        if own and self.rng.random() < 0.85:
            return self.rng.choice(own)
        return self.rng.choice(REPORTERS)[0]

    def _paragraphs(
        self, desk: Desk, angle: Angle, ctx: dict[str, str], said: str | None
    ) -> list[str]:
        """5 to 12 paragraphs; ``said`` (a quote the headline used) is the first quoted."""
        rng = self.rng
        pools = {
            "fact": rng.sample(angle.facts, len(angle.facts)),
            "quote": rng.sample(desk.quotes, len(desk.quotes)),
            "background": rng.sample(desk.background, len(desk.background)),
            "expert": rng.sample(desk.expert_quotes, len(desk.expert_quotes)),
        }
        if said is not None:
            quotes = [q for q in pools["quote"] if q.format_map(ctx) != said]
            pools["quote"] = [*quotes, said]  # popped from the end: quoted first
        spoken: set[str] = set()
        closing = rng.random() < 0.6
        room = rng.randint(5, 12) - (1 if closing else 0)
        paragraphs = []
        for kind in PLAN:
            if len(paragraphs) >= room or not pools[kind]:
                continue
            text = pools[kind].pop().format_map(ctx)
            if kind in VOICES:
                first, again = VOICES[kind]
                form = rng.choice(again if kind in spoken else first)
                spoken.add(kind)
                text = form.format_map({**ctx, "q": text})
            paragraphs.append(_sentence(text))
        if closing or len(paragraphs) < 5:
            paragraphs.append(rng.choice(CLOSINGS).format_map(ctx))
        return paragraphs

    def _tags(self, desk: Desk, angle: Angle, ctx: dict[str, str], title: str) -> list[str]:
        rng = self.rng
        tags = [rng.choice(desk.tags), *rng.sample(angle.tags, min(len(angle.tags), 2))]
        for slot in ("partai", "lembaga", "klub", "startup", "turnamen", "forum", "negara"):
            if f"{{{slot}}}" in title:  # a name in the headline is worth a tag
                tags.append(ctx[slot])
        if rng.random() < 0.5:
            tags.append(ctx["provinsi"] if desk.section != "Dunia" else ctx["negara"])
        return list(dict.fromkeys(tags))[:5]


def _views(popularity: float, rng: random.Random) -> int:
    """A long-tailed count: about one recent article in a hundred is a runaway hit."""
    if popularity > 0.99:
        return rng.randint(8_000, 25_000)
    if popularity > 0.9:
        return rng.randint(1_500, 5_000)
    return int(rng.lognormvariate(5.0, 0.8))
