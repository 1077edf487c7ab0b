"""The search app's tables: the index's documents, and the aliases editors keep.

Document rows are written by ``warta.search.indexing`` only; the engine-specific
index over them (an FTS5 table reading its text from these rows on SQLite, a GIN
index on PostgreSQL) is made by the migrations. ``section`` and ``published_at``
are copied so filters and the "not yet published" check run inside the engine's
query.
"""

from django.core.exceptions import ValidationError
from django.db import models

from warta.newsroom.models import Article

from .analysis import phrase

# An alias group is a handful of short names; these caps keep a pasted essay out.
MAX_ALIAS_CHARS = 2000
MAX_ALIAS_NAMES = 20
MAX_NAME_CHARS = 120
MAX_NAME_WORDS = 6


class SearchDocument(models.Model):
    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    section_id_copy = models.IntegerField(db_index=False)
    published_at = models.DateTimeField()
    stemmed_title = models.TextField()
    stemmed_tags = models.TextField(blank=True)
    stemmed_body = models.TextField(blank=True)
    # The article's updated_at when this row was written: a different value means stale.
    source_updated_at = models.DateTimeField()

    class Meta:
        verbose_name = "dokumen pencarian"
        verbose_name_plural = "dokumen pencarian"
        indexes = [
            # Covers the engine's join and filters: SQLite checks each match's date and
            # section in this index alone, never reading the stemmed text beside them.
            models.Index(
                fields=["article", "published_at", "section_id_copy"], name="search_doc_filters"
            )
        ]

    def __str__(self) -> str:
        return self.stemmed_title


class SearchAlias(models.Model):
    """Names that mean the same thing (``KPK`` and ``Komisi Pemberantasan Korupsi``):
    a search for any one of them finds articles that use any other.

    Aliases widen queries only, so the index never needs rebuilding when they change.
    """

    names = models.TextField(
        "nama",
        help_text=(
            "Satu nama per baris, minimal dua, misalnya “KPK” dan “Komisi Pemberantasan "
            "Korupsi”. Pencarian salah satu nama juga menemukan berita yang memakai nama "
            "lain. Nama yang terdiri atas beberapa kata dicari sebagai frasa utuh."
        ),
    )
    updated_at = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        verbose_name = "alias pencarian"
        verbose_name_plural = "alias pencarian"
        ordering = ["names"]

    def __str__(self) -> str:
        return " = ".join(self.name_list())

    def name_list(self) -> list[str]:
        return [line.strip() for line in self.names.splitlines() if line.strip()]

    def phrases(self) -> list[tuple[str, ...]]:
        """Each name as the stems the index holds (names without any are left out)."""
        return [p for p in (phrase(name) for name in self.name_list()) if p]

    def clean(self) -> None:
        if len(self.names) > MAX_ALIAS_CHARS:
            raise ValidationError(
                {"names": f"Terlalu panjang: paling banyak {MAX_ALIAS_CHARS} karakter."}
            )
        names = self.name_list()
        if len(names) < 2:
            raise ValidationError({"names": "Isikan minimal dua nama, satu nama per baris."})
        if len(names) > MAX_ALIAS_NAMES:
            raise ValidationError({"names": f"Paling banyak {MAX_ALIAS_NAMES} nama per alias."})
        problems, seen = [], {}
        for name in names:
            stems = phrase(name)
            if len(name) > MAX_NAME_CHARS:
                problems.append(f"“{name[:40]}…” terlalu panjang (maks. {MAX_NAME_CHARS} huruf).")
            elif not stems:
                problems.append(
                    f"“{name}” hanya berisi kata umum atau tanda baca, sehingga tidak bisa dicari."
                )
            elif len(stems) > MAX_NAME_WORDS:
                problems.append(f"“{name}” terlalu panjang (maks. {MAX_NAME_WORDS} kata).")
            elif stems in seen:
                problems.append(f"“{name}” sama dengan “{seen[stems]}” bagi pencarian.")
            else:
                seen[stems] = name
        for other in SearchAlias.objects.exclude(pk=self.pk).only("names"):
            for name, stems in zip(other.name_list(), map(phrase, other.name_list()), strict=True):
                if stems in seen:
                    problems.append(
                        f"“{seen[stems]}” sudah ada di alias lain (“{name}”); "
                        "gabungkan ke alias itu."
                    )
        if problems:
            raise ValidationError({"names": problems})
