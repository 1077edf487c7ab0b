"""The part of IPTC ninjs 2.0 (https://iptc.org/standards/ninjs/) that Warta fills.

Property names are ninjs's own, all lower case; empty properties are left out of
the answer, as the standard prefers to empty values.
"""

from datetime import datetime

from pydantic import BaseModel, Field

NINJS_SCHEMA_URI = "https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"


class Standard(BaseModel):
    name: str = "ninjs"
    version: str = "2.0"
    schema_uri: str = Field(NINJS_SCHEMA_URI, alias="schema")


class Text(BaseModel):
    """One headline, description or body."""

    role: str
    contenttype: str
    value: str


class Concept(BaseModel):
    """A subject: the section (rel ``section``) or a tag (rel ``tag``)."""

    name: str
    rel: str
    uri: str
    literal: str


class Rendition(BaseModel):
    name: str
    href: str
    contenttype: str
    width: int | None = None
    height: int | None = None
    sizeinbytes: int | None = None


class AltId(BaseModel):
    role: str
    value: str


class Association(BaseModel):
    """The lead photo: a picture with its caption, credit and renditions."""

    name: str
    type: str = "picture"
    uri: str
    by: str | None = None
    descriptions: list[Text]
    renditions: list[Rendition]


class Ninjs(BaseModel):
    uri: str = Field(
        description="Stable identifier (RFC 4151 tag URI), the same as the feeds' guid."
    )
    standard: Standard
    type: str = "text"
    representationtype: str = "full"
    version: str
    firstcreated: datetime = Field(description="When the article was first published.")
    versioncreated: datetime = Field(description="When this version was made.")
    contentcreated: datetime = Field(description="When the newsroom began the story.")
    pubstatus: str = Field("usable", description="Withdrawn articles answer 410 instead.")
    language: str = "id"
    copyrightholder: str
    slugline: str
    headlines: list[Text]
    descriptions: list[Text] | None = None
    bodies: list[Text]
    by: str
    subjects: list[Concept]
    renditions: list[Rendition] = Field(description="The article's web page.")
    associations: list[Association] | None = None
    altids: list[AltId]
