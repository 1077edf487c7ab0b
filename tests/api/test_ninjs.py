"""GET /api/v1/articles/{id}/ninjs: IPTC ninjs 2.0, checked against the schema
subset in ninjs-2.0-subset.schema.json and field by field."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.common.dates import site_zone
from warta.newsroom.models import Article

from .conftest import API, get_json

pytestmark = pytest.mark.django_db

NINJS_SUBSET = json.loads((Path(__file__).parent / "ninjs-2.0-subset.schema.json").read_text())
VALIDATOR = Draft202012Validator(NINJS_SUBSET)


def valid_ninjs(document: dict) -> dict:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []
    return document


def test_the_schema_subset_refuses_what_ninjs_refuses():
    # The fixture must be able to fail, or the tests below prove nothing.
    Draft202012Validator.check_schema(NINJS_SUBSET)
    assert not VALIDATOR.is_valid({"uri": "tag:x,2026:artikel:1"})  # required fields missing
    bad_status = {"pubstatus": "withdrawn", "headline": "not a ninjs property"}
    messages = " ".join(error.message for error in VALIDATOR.iter_errors(bad_status))
    assert "'withdrawn' is not one of" in messages
    assert "'headline' was unexpected" in messages


@pytest.fixture
def story(photo_with_renditions):
    return make_article(
        title="KPK periksa saksi",
        slug="kpk-periksa-saksi",
        section=make_section("Hukum"),
        reporter=make_reporter("Sarah Meiliana Gunawan"),
        lead="Teras berita.",
        body="<p>Isi <strong>berita</strong>.</p>",
        tags=[make_tag("KPK")],
        lead_photo=photo_with_renditions,
        published_at=datetime(2026, 2, 14, 7, 0, tzinfo=site_zone()),
    )


def test_an_article_as_ninjs_field_by_field(client, story, photo_with_renditions):
    document = valid_ninjs(get_json(client, f"{API}/articles/{story.pk}/ninjs"))
    page = f"http://testserver/hukum/read/2026/02/14/{story.pk}/kpk-periksa-saksi"
    assert document["uri"] == f"tag:testserver,2026:artikel:{story.pk}"
    assert document["standard"] == {
        "name": "ninjs",
        "version": "2.0",
        "schema": "https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json",
    }
    assert (document["type"], document["representationtype"]) == ("text", "full")
    assert (document["pubstatus"], document["language"]) == ("usable", "id")
    assert document["version"] == str(story.version)
    assert document["firstcreated"] == "2026-02-14T07:00:00+07:00"
    assert document["contentcreated"] == "2026-02-14T07:00:00+07:00"
    assert datetime.fromisoformat(document["versioncreated"]).utcoffset() == timedelta(hours=7)
    assert document["copyrightholder"] == "Warta"
    assert document["slugline"] == "kpk-periksa-saksi"
    assert document["headlines"] == [
        {"role": "main", "contenttype": "text/plain", "value": "KPK periksa saksi"}
    ]
    assert document["descriptions"] == [
        {"role": "summary", "contenttype": "text/plain", "value": "Teras berita."}
    ]
    assert document["bodies"] == [
        {"role": "main", "contenttype": "text/html", "value": "<p>Isi <strong>berita</strong>.</p>"}
    ]
    assert document["by"] == "Sarah Meiliana Gunawan"
    assert document["subjects"] == [
        {"name": "Hukum", "rel": "section", "uri": "http://testserver/hukum", "literal": "hukum"},
        {"name": "KPK", "rel": "tag", "uri": "http://testserver/tag/kpk", "literal": "kpk"},
    ]
    assert document["renditions"] == [{"name": "web", "href": page, "contenttype": "text/html"}]
    assert document["altids"] == [{"role": "warta-id", "value": str(story.pk)}]
    [picture] = document["associations"]
    assert picture["name"] == "featureimage" and picture["type"] == "picture"
    assert picture["uri"] == f"tag:testserver,2026:foto:{photo_with_renditions.pk}"
    assert picture["by"] == "Antara"
    assert picture["descriptions"][0]["value"] == "Suasana sidang di Gedung KPK"
    assert [(r["width"], r["height"], r["contenttype"]) for r in picture["renditions"]] == [
        (480, 270, "image/webp"),
        (800, 450, "image/webp"),
        (1200, 675, "image/webp"),
    ]
    assert all(
        r["href"].startswith("http://testserver/media/photos/") for r in picture["renditions"]
    )


def test_an_article_without_photo_or_lead_leaves_those_fields_out(client):
    article = make_article(lead="")
    document = valid_ninjs(get_json(client, f"{API}/articles/{article.pk}/ninjs"))
    assert "associations" not in document and "descriptions" not in document


def test_the_uri_is_the_feeds_guid_and_survives_renaming(client):
    article = make_article(title="Judul awal")
    before = get_json(client, f"{API}/articles/{article.pk}/ninjs")["uri"]
    Article.objects.filter(pk=article.pk).update(title="Judul baru", slug="judul-baru")
    after = get_json(client, f"{API}/articles/{article.pk}/ninjs")
    assert after["uri"] == before
    assert after["headlines"][0]["value"] == "Judul baru"
    feed = client.get("/feed/rss").content.decode()
    assert f'<guid isPermaLink="false">{before}</guid>' in feed
