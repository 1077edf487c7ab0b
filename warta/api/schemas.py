"""What the read API answers, as typed schemas: they validate every answer and
become the OpenAPI document. Plain pydantic models: validating a 100-article page
through ninja's Schema (built for reading Django models) costs several times more."""

from datetime import datetime

from pydantic import BaseModel, Field


class Error(BaseModel):
    detail: str = Field(description="What was wrong, in English.")


class SectionRef(BaseModel):
    slug: str
    name: str
    url: str = Field(description="The section's page on the site (absolute URL).")


class ReporterRef(BaseModel):
    slug: str
    name: str
    url: str = Field(description="The reporter's page on the site (absolute URL).")


class TagRef(BaseModel):
    slug: str
    name: str


class Image(BaseModel):
    url: str = Field(description="Absolute URL of the default WebP rendition.")
    content_type: str = "image/webp"
    width: int | None = None
    height: int | None = None
    caption: str
    credit: str
    alt: str


class ArticleSummary(BaseModel):
    id: int
    title: str
    lead: str = Field(description="The standfirst (teras), plain text.")
    url: str = Field(description="The article's page on the site (absolute URL).")
    api_url: str = Field(description="This article in the API (absolute URL).")
    ninjs_url: str = Field(description="This article as IPTC ninjs 2.0 (absolute URL).")
    section: SectionRef
    reporter: ReporterRef
    tags: list[TagRef]
    image: Image | None = Field(description="The lead photo, when the article has one.")
    published_at: datetime = Field(description="ISO 8601 with the site zone's offset.")
    modified_at: datetime = Field(
        description="Last change readers can see (edit, correction); never before published_at."
    )


class Correction(BaseModel):
    kind: str = Field(description='"ralat" (correction) or "hak_jawab" (right of reply).')
    body: str = Field(description="HTML.")
    created_at: datetime


class ArticleDetail(ArticleSummary):
    body: str = Field(description="HTML, reduced to the site's allow-list.")
    corrections: list[Correction] = Field(description="Ralat and Hak Jawab, oldest first.")


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next: str | None = Field(
        description="Absolute URL of the next page (same filters), or null on the last page."
    )
    next_cursor: str | None = Field(
        description="The opaque cursor inside `next`, for clients that build URLs themselves."
    )


class Section(BaseModel):
    slug: str
    name: str
    description: str
    url: str = Field(description="The section's page on the site (absolute URL).")
    articles_url: str = Field(description="The section's articles in the API (absolute URL).")
    rss_url: str
    atom_url: str


class PopularArticle(BaseModel):
    rank: int = Field(description="1 is the most read.")
    id: int
    title: str
    url: str = Field(description="The article's page on the site (absolute URL).")
    api_url: str
    published_at: datetime
