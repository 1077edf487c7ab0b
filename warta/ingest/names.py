"""Sections, reporters and tags named by an import: matched by slug, created on first use.

An import names them in plain words ("Politik", "Sarah Meiliana Gunawan"); the slug
Django would make of that name is the identity, so "Politik" and "politik" are one
section and an existing section keeps the name it already has.
"""

from collections.abc import Iterable
from functools import lru_cache

from django.db import models
from django.utils.text import slugify


@lru_cache(maxsize=65536)
def name_slug(name: str, max_length: int) -> str:
    """The slug that identifies ``name``; empty when the name has no letters or digits."""
    return slugify(name)[:max_length].strip("-")


class NameMap:
    """Slug → id for one of Section, Reporter or Tag, filled a batch at a time.

    Each batch asks once for the slugs it has not seen yet and creates the missing
    ones in one insert, so a large import runs no query per line.
    """

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        self.max_length = model._meta.get_field("slug").max_length
        self._ids: dict[str, int] = {}

    def slug(self, name: str) -> str:
        return name_slug(name, self.max_length)

    def ensure(self, names: Iterable[str]) -> None:
        """Make sure every name has a row; the first spelling seen names a new one."""
        missing: dict[str, str] = {}
        for name in names:
            slug = self.slug(name)
            if slug not in self._ids:
                missing.setdefault(slug, name)
        if not missing:
            return
        self._load(missing)
        new = [
            self.model(name=name, slug=slug)
            for slug, name in missing.items()
            if slug not in self._ids
        ]
        if new:
            # ignore_conflicts: a row someone else created meanwhile is simply reused.
            self.model.objects.bulk_create(new, ignore_conflicts=True)
            self._load({row.slug: row.name for row in new})

    def id(self, name: str) -> int:
        return self._ids[self.slug(name)]

    def _load(self, slugs: Iterable[str]) -> None:
        rows = self.model.objects.filter(slug__in=list(slugs)).values_list("slug", "id")
        self._ids.update(rows)
