"""Signed preview links: a draft, shown exactly as readers will see it.

The link is the credential. Whoever holds it (another editor, a lawyer reading a
sensitive story) sees the article without logging in, until the link expires
(``PREVIEW_MAX_AGE_SECONDS``, 24 hours by default). Nothing is stored: the token is
the article's id and version, signed with ``SECRET_KEY`` and a salt of its own and
timestamped, so rotating the secret key revokes every link at once.

A link always shows the article's *current* content, not the version it was made
from: it is shared so that someone can check the story as it stands now, and an editor
who fixes a typo should not have to send a new link. The signed version says only
whether the story was edited after the link was made (``Preview.is_outdated``), so the
page can tell the reader.

A withdrawn article is never previewed: it was pulled, often for legal reasons, and a
link handed out earlier must not keep showing it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from warta.newsroom.models import Article

_SALT = "warta.desk.preview"
_DEFAULT_MAX_AGE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Preview:
    article: Article
    linked_version: int  # the article's version when the link was made

    @property
    def is_outdated(self) -> bool:
        return self.article.version != self.linked_version


def max_age_seconds() -> int:
    return getattr(settings, "PREVIEW_MAX_AGE_SECONDS", _DEFAULT_MAX_AGE_SECONDS)


def preview_token(article: Article) -> str:
    """A URL-safe token that opens ``article`` for ``max_age_seconds()`` from now."""
    return signing.TimestampSigner(salt=_SALT).sign(f"{article.pk}.{article.version}")


def preview_for(token: str) -> Preview | None:
    """The previewed article and the version it was linked at; None for any bad token.

    Bad means tampered, malformed, expired, made with another key, or pointing at an
    article that is gone or withdrawn. Never raises, whatever the string.
    """
    if not isinstance(token, str) or len(token) > 200:
        return None
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=max_age_seconds())
        pk_text, version_text = value.split(".")
        pk, version = int(pk_text), int(version_text)
    except (signing.BadSignature, ValueError):
        # BadSignature covers SignatureExpired; ValueError a malformed timestamp or value.
        return None
    article = (
        Article.objects.select_related("section", "reporter", "lead_photo")
        .exclude(status=Article.Status.WITHDRAWN)
        .filter(pk=pk)
        .first()
    )
    return Preview(article, version) if article is not None else None


def article_for_preview(token: str) -> Article | None:
    """The article a preview token opens, in its current state; None for any bad token."""
    preview = preview_for(token)
    return preview.article if preview is not None else None
