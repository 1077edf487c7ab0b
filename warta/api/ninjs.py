"""An article as IPTC ninjs 2.0 ("News in JSON"), for agencies and aggregators.

Mapping choices (see ``ninjs_schemas.py`` for the fields):

* ``uri`` is the RFC 4151 tag URI the RSS and Atom feeds use as guid, so a consumer
  that reads both sees one item; it survives changes of title, slug or section.
* ``firstcreated`` is the publication time, ``versioncreated`` the last change
  readers can see, ``contentcreated`` when the newsroom began the story (an imported
  archive story began no later than it was published).
* The section and the tags are ``subjects`` (rel ``section`` / ``tag``), the
  reporter is ``by``, the lead photo an association named ``featureimage`` with one
  rendition per stored WebP size, and the web page is the text's ``renditions``.
* ninjs 2.0 has no "withdrawn" pubstatus (only usable, withheld, canceled); a
  withdrawn article answers 410 like everywhere else on the API, so every ninjs
  document Warta serves is ``usable``.
"""

from django.conf import settings
from django.http.request import split_domain_port

from warta.common.dates import iso_with_offset
from warta.newsroom.models import Article, Photo, Tag
from warta.syndication.feeds import GUID_DATE

from .ninjs_schemas import NINJS_SCHEMA_URI
from .representations import PHOTO_TYPE, Links, modified_at


def tag_uri(request, kind: str, pk: int) -> str:
    # The same host part as the feeds' guid (the request's host without the port).
    domain, _ = split_domain_port(request.get_host())
    return f"tag:{domain or 'localhost'},{GUID_DATE}:{kind}:{pk}"


def _feature_image(request, links: Links, photo: Photo | None) -> list[dict] | None:
    if photo is None or not photo.renditions:
        return None
    renditions = sorted(photo.renditions, key=lambda rendition: rendition["width"])
    return [
        {
            "name": "featureimage",
            "type": "picture",
            "uri": tag_uri(request, "foto", photo.pk),
            "by": photo.credit or None,
            "descriptions": [
                {"role": "caption", "contenttype": "text/plain", "value": photo.caption},
                {"role": "alt", "contenttype": "text/plain", "value": photo.alt},
            ],
            "renditions": [
                {
                    "name": f"{rendition['width']}w",
                    "href": links.media(rendition["path"]),
                    "contenttype": PHOTO_TYPE,
                    "width": rendition["width"],
                    "height": rendition.get("height"),
                    "sizeinbytes": rendition.get("bytes"),
                }
                for rendition in renditions
            ],
        }
    ]


def article_ninjs(request, article: Article, tags: list[Tag]) -> dict:
    links = Links(request)
    subjects = [
        {
            "name": article.section.name,
            "rel": "section",
            "uri": links.page_of(article.section),
            "literal": article.section.slug,
        },
        *(
            {
                "name": tag.name,
                "rel": "tag",
                "uri": links.page_of(tag),
                "literal": tag.slug,
            }
            for tag in tags
        ),
    ]
    return {
        "uri": tag_uri(request, "artikel", article.pk),
        "standard": {"name": "ninjs", "version": "2.0", "schema": NINJS_SCHEMA_URI},
        "type": "text",
        "representationtype": "full",
        "version": str(article.version),
        "firstcreated": iso_with_offset(article.published_at),
        "versioncreated": iso_with_offset(modified_at(article)),
        "contentcreated": iso_with_offset(min(article.created_at, article.published_at)),
        "pubstatus": "usable",
        "language": "id",
        "copyrightholder": settings.SITE_NAME,
        "slugline": article.slug,
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": article.title}],
        "descriptions": (
            [{"role": "summary", "contenttype": "text/plain", "value": article.lead}]
            if article.lead
            else None
        ),
        "bodies": [{"role": "main", "contenttype": "text/html", "value": article.body}],
        "by": article.reporter.name,
        "subjects": subjects,
        "renditions": [
            {
                "name": "web",
                "href": links.absolute(article.get_absolute_url()),
                "contenttype": "text/html",
            }
        ],
        "associations": _feature_image(request, links, article.lead_photo),
        "altids": [{"role": "warta-id", "value": str(article.pk)}],
    }
