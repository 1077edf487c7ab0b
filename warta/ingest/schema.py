"""One line of a JSON Lines import: its shape, checked by pydantic.

The model answers "is this line well formed?" and nothing else; whether its slug
clashes with another article, or its image file exists, is the importer's question.
Every problem becomes a short English reason an operator can act on.
"""

from datetime import datetime, timedelta
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from .names import name_slug


def _text(max_length: int | None = None, *, min_length: int = 1, strip: bool = True):
    return Annotated[
        str,
        StringConstraints(
            strict=True, strip_whitespace=strip, min_length=min_length, max_length=max_length
        ),
        AfterValidator(_storable),
    ]


def _storable(value: str) -> str:
    """Text every database stores as it is: PostgreSQL refuses NUL in text (SQLite would
    keep it and hand it to readers), and an unpaired surrogate (possible in the Python
    strings ``import_records`` takes; JSON parsing refuses it) is no UTF-8 at all."""
    if "\x00" in value:
        raise ValueError("must not contain a NUL character (\\u0000)")
    if not value.isascii():
        try:
            value.encode()
        except UnicodeEncodeError:
            raise ValueError("is not valid Unicode text (an unpaired surrogate)") from None
    return value


FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_OFFSET = timedelta(hours=14)


def _aware_datetime(value: object) -> datetime:
    """ISO 8601 with a UTC offset: a date without one means a different moment per server."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("not an ISO 8601 date and time") from None
    if not isinstance(value, datetime):
        raise ValueError("must be an ISO 8601 date and time string")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("has no UTC offset (write e.g. 2024-05-01T08:00:00+07:00)")
    # No zone is further from UTC, and PostgreSQL refuses offsets past 15:59.
    if abs(value.utcoffset()) > MAX_OFFSET:
        raise ValueError("has a UTC offset beyond ±14:00")
    # As the reader site's dates: no news outside these years, and converting a time
    # near year 1 or 9999 to UTC or the site's zone overflows.
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"must be between the years {FIRST_YEAR} and {LAST_YEAR}")
    return value


# Limits follow the model fields the values end up in (see newsroom/models.py).
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
MAX_ID = 2**63 - 1
MAX_VIEWS = 2**31 - 1
# The workflow's statuses (newsroom.models.Article.Status), as an export writes them.
STATUSES = ("draft", "submitted", "ready", "scheduled", "published", "withdrawn")


class CorrectionLine(BaseModel):
    """A Ralat or Hak Jawab published on the article, with its own time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["ralat", "hak_jawab"]
    at: Annotated[datetime, BeforeValidator(_aware_datetime)]
    body: _text(strip=False)


class ArticleLine(BaseModel):
    """One article as an import describes it; README's "Importing articles" is the prose version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[int, Field(strict=True, ge=1, le=MAX_ID)] | None = None
    slug: Annotated[
        str, StringConstraints(strict=True, min_length=1, max_length=300, pattern=SLUG_PATTERN)
    ]
    section: _text(80)
    title: _text(300)
    # The lead photo's caption; null: the article has no lead photo.
    caption: _text(500) | None
    credit: _text(120, min_length=0) = ""
    # The photo's text for blind readers; absent: a new photo has none, an existing
    # one keeps what the desk gave it.
    alt: _text(300, min_length=0) | None = None
    reporter: _text(120)
    published_at: Annotated[datetime, BeforeValidator(_aware_datetime)]
    lead: _text(min_length=0)
    paragraphs: list[_text(min_length=0, strip=False)] | None = None
    body: _text(min_length=0, strip=False) | None = None
    tags: list[_text(100)]
    views: Annotated[int, Field(strict=True, ge=0, le=MAX_VIEWS)] | None = None
    image: _text(1000) | None = None
    status: Literal[STATUSES] | None = None
    # How many saved versions the article has been through (here and at its source);
    # the versions themselves are not carried.
    revisions: Annotated[int, Field(strict=True, ge=0, le=MAX_VIEWS)] | None = None
    # Ralat and Hak Jawab; an import adds the ones the article lacks, never removes one.
    corrections: list[CorrectionLine] | None = None

    @field_validator("section", "reporter")
    @classmethod
    def _has_slug(cls, name: str) -> str:
        if not name_slug(name, 120):
            raise ValueError("needs at least one letter or digit")
        return name

    @field_validator("tags")
    @classmethod
    def _tags_have_slugs(cls, names: list[str]) -> list[str]:
        for name in names:
            if not name_slug(name, 100):
                raise ValueError(f"tag {name!r} needs at least one letter or digit")
        return names

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleLine":
        if (self.paragraphs is None) == (self.body is None):
            raise ValueError('give either "paragraphs" (plain text) or "body" (HTML), not both')
        return self

    @model_validator(mode="after")
    def _photo_needs_caption(self) -> "ArticleLine":
        if self.caption is None and (self.credit or self.alt or self.image):
            raise ValueError('"credit", "alt" and "image" need a "caption" (a lead photo)')
        return self


def reason(error: ValidationError) -> str:
    """All of a line's problems in one sentence, e.g. ``missing field "title"``."""
    return "; ".join(_describe(detail) for detail in error.errors(include_url=False))


def _describe(detail: dict) -> str:
    kind = detail["type"]
    loc = ".".join(str(part) for part in detail["loc"])
    if kind == "json_invalid":
        return f"invalid JSON ({detail['ctx']['error']})"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return "a line must be a JSON object"
    if kind == "missing":
        return f'missing field "{loc}"'
    if kind == "extra_forbidden":
        return f'unknown field "{loc}"'
    if kind == "string_too_short":
        return f"{loc}: must not be empty"
    if kind == "string_pattern_mismatch":
        return f"{loc}: use only letters, digits, hyphens and underscores"
    message = detail["msg"].removeprefix("Value error, ")
    if not loc:  # a whole-line check (model_validator)
        return message
    return f"{loc}: {message[:1].lower()}{message[1:]}"
