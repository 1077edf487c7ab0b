"""Unique slugs for a stream of any length, in a fixed 2 MB of memory.

A slug is the title's ``slugify`` and gets a ``-<n>`` suffix (``n`` the record's
position in the stream) only when needed. "Needed" is decided by a Bloom filter of
the slugs handed out so far: it can say "maybe seen" of a new slug (a harmless
extra suffix, about 0.5% of the time at a million records) but never "not seen"
of a used one. Uniqueness does not rest on the filter alone:

* a bare slug never ends in a number (those always get the suffix), and
* a suffixed slug always does, and its last number is the record's position,

so two suffixed slugs differ in that number, and no bare slug equals a suffixed one.
"""

import hashlib

BITS = 1 << 24  # 2 MB
HASHES = 3
MAX_LENGTH = 200  # leaves room for the suffix under Article.slug's 300


class SlugRegistry:
    def __init__(self) -> None:
        self._bits = bytearray(BITS // 8)

    def claim(self, base: str, position: int) -> str:
        """The slug for record ``position``: ``base`` if unused, else ``base-<position>``."""
        base = _trim(base) or "berita"
        if base.rsplit("-", 1)[-1].isdigit() or self._maybe_seen(base):
            slug = f"{base}-{position}"
        else:
            slug = base
        self._add(slug)
        return slug

    def _positions(self, slug: str) -> list[int]:
        digest = hashlib.blake2b(slug.encode(), digest_size=4 * HASHES).digest()
        return [int.from_bytes(digest[4 * i : 4 * i + 4], "little") % BITS for i in range(HASHES)]

    def _maybe_seen(self, slug: str) -> bool:
        return all(self._bits[p >> 3] & (1 << (p & 7)) for p in self._positions(slug))

    def _add(self, slug: str) -> None:
        for p in self._positions(slug):
            self._bits[p >> 3] |= 1 << (p & 7)


def _trim(slug: str) -> str:
    """Cut a long slug at a word boundary."""
    if len(slug) <= MAX_LENGTH:
        return slug
    return slug[:MAX_LENGTH].rsplit("-", 1)[0]
