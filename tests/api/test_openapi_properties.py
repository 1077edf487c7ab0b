"""Property tests generated from the OpenAPI document (schemathesis): for any
parameters the document allows, and many it does not, no answer is a 5xx and every
answer matches the document (status, content type, body schema, headers)."""

from datetime import timedelta

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import make_article, make_reporter, make_section, make_tag
from tests.hostile.profiles import examples
from tests.hostile.tally import attempt
from warta.newsroom.models import Article

from .conftest import API

schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", get_wsgi_application())


@pytest.fixture
def newsroom(db, photo_with_renditions):
    """A handful of articles, one of each kind the API treats differently."""
    politik, dunia = make_section("Politik"), make_section("Dunia")
    ani = make_reporter("Ani")
    kpk = make_tag("KPK")
    for n in range(5):
        make_article(section=politik, reporter=ani, tags=[kpk], lead_photo=photo_with_renditions)
        make_article(section=dunia, published_at=timezone.now() - timedelta(days=n))
    make_article(status=Article.Status.WITHDRAWN)
    make_article(status=Article.Status.DRAFT)


@pytest.fixture
def wsgi_requests_in_the_test_transaction():
    # Django's WSGI handler closes the database connection around each request; the
    # test client stops that so requests see the test's transaction, and so do we.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_document(case, newsroom, wsgi_requests_in_the_test_transaction):
    # Every operation in the document is a test of its own; each case is counted
    # among the run's hostile inputs (tests/hostile/tally.py).
    with attempt("API (schemathesis)"):
        case.call_and_validate(
            checks=[
                not_a_server_error,
                status_code_conformance,
                content_type_conformance,
                response_headers_conformance,
                response_schema_conformance,
                negative_data_rejection,
            ]
        )
