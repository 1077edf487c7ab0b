"""HTTP behaviour shared by every endpoint: ETag and 304, cache and CORS headers,
JSON 404 for unknown addresses, the OpenAPI document."""

import pytest
from django.conf import settings

from tests.factories import make_article
from warta.newsroom.models import Article

from .conftest import API, get_json

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/articles", "/articles/{id}", "/articles/{id}/ninjs", "/sections", "/popular"]


def url(endpoint: str, article: Article) -> str:
    return API + endpoint.format(id=article.pk)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_answer_has_a_strong_etag_that_gives_304(client, endpoint):
    article = make_article()
    first = client.get(url(endpoint, article))
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"') and not etag.startswith("W/")
    again = client.get(url(endpoint, article), headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert f"max-age={settings.PAGE_CACHE_SECONDS}" in again["Cache-Control"]
    assert again["Access-Control-Allow-Origin"] == "*"
    other = client.get(url(endpoint, article), headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_an_edit_changes_the_etag(client):
    article = make_article(title="Judul awal")
    etag = client.get(f"{API}/articles/{article.pk}")["ETag"]
    Article.objects.filter(pk=article.pk).update(title="Judul baru")
    changed = client.get(f"{API}/articles/{article.pk}", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.json()["title"] == "Judul baru" and changed["ETag"] != etag


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_answers_may_be_cached_publicly_and_read_from_any_origin(client, endpoint):
    response = client.get(url(endpoint, make_article()))
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", f"max-age={settings.PAGE_CACHE_SECONDS}"} <= directives
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Expose-Headers"] == "ETag"


def test_errors_are_readable_from_any_origin_and_not_cached_as_pages(client):
    response = client.get(f"{API}/articles?limit=0")
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Cache-Control" not in response


@pytest.mark.parametrize("path", ["/nope", "/articles/1/nope", "/", "/articles/"])
def test_unknown_addresses_under_the_api_answer_json_404(client, path):
    make_article()
    assert get_json(client, API + path, status=404) == {
        "detail": "no such endpoint; see /api/v1/openapi.json"
    }


def test_only_get_is_offered(client):
    article = make_article()
    response = client.post(f"{API}/articles/{article.pk}")
    assert response.status_code == 405


def test_the_openapi_document_describes_every_operation_and_answer(client):
    document = get_json(client, f"{API}/openapi.json")
    assert document["info"]["title"] == "Warta read API"
    assert document["info"]["version"] == "1"
    assert "cursor" in document["info"]["description"]
    operations = {path: spec["get"] for path, spec in document["paths"].items() if "get" in spec}
    assert set(operations) == {API + endpoint for endpoint in ENDPOINTS}
    for path, operation in operations.items():
        assert operation["summary"] and operation["operationId"]
        responses = operation["responses"]
        assert {"200", "304"} <= set(responses), path
        assert "ETag" in responses["200"]["headers"]
        for answer in responses.values():
            assert answer["description"]
        headers = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
        assert headers == ["If-None-Match"], path
        for parameter in operation["parameters"]:
            assert parameter["description"], (path, parameter["name"])
    list_articles = operations[f"{API}/articles"]
    assert {p["name"] for p in list_articles["parameters"]} == {
        "section", "tag", "reporter", "since", "cursor", "limit", "If-None-Match"
    }  # fmt: skip
    assert set(list_articles["responses"]) == {"200", "304", "400"}
    for single in (f"{API}/articles/{{id}}", f"{API}/articles/{{id}}/ninjs"):
        assert set(operations[single]["responses"]) == {"200", "304", "400", "404", "410"}
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["detail"]
