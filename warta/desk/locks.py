"""Soft edit locks: "Berita ini sedang disunting oleh NAMA".

A lock only warns; it never blocks a save. What prevents lost updates is the version
check in ``services.editing.article_save``. The lock lives in the shared cache (every
worker process sees it) and expires on its own a little after the editor's page stops
sending heartbeats (autosave.js sends one every 30 seconds), so a closed laptop or a
lost connection frees the article without anyone having to release it.
"""

from dataclasses import dataclass

from django.core.cache import cache

LOCK_SECONDS = 120


@dataclass(frozen=True)
class LockHolder:
    user_id: int
    name: str


def lock_acquire(article_id: int, user) -> LockHolder:
    """Take or refresh the lock for ``user``; returns whoever holds it afterwards.

    When someone else holds a live lock it is left alone and that person is returned.
    """
    mine = {"user_id": user.pk, "name": _display_name(user)}
    key = _key(article_id)
    # Only ``add`` takes a lock: it is atomic in every cache backend (SET NX on Redis),
    # so of two editors opening the article at once on two app servers, one gets it.
    # A lock that expires between two calls is simply taken again the same way.
    for _attempt in range(3):
        if cache.add(key, mine, LOCK_SECONDS):
            return LockHolder(**mine)
        current = cache.get(key)
        if current is None:
            continue
        if current.get("user_id") != user.pk:
            return LockHolder(**current)
        # Ours: a heartbeat keeps it alive. ``touch`` never overwrites a lock someone
        # else took after ours lapsed, as a ``set`` would.
        if cache.touch(key, LOCK_SECONDS):
            return LockHolder(**current)
    return lock_holder(article_id) or LockHolder(**mine)


def lock_holder(article_id: int) -> LockHolder | None:
    current = cache.get(_key(article_id))
    return LockHolder(**current) if current else None


def lock_release(article_id: int, user) -> None:
    """Give the lock up when leaving the page; someone else's lock is left alone."""
    key = _key(article_id)
    current = cache.get(key)
    if current is not None and current.get("user_id") == user.pk:
        cache.delete(key)


def _key(article_id: int) -> str:
    return f"desk:lock:article:{article_id}"


def _display_name(user) -> str:
    return user.get_full_name() or user.get_username()
