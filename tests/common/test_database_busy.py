"""A save that cannot get the database in time is told to retry (503), not a 500."""

import json

import psycopg
import pytest
from django.db import OperationalError
from django.test import RequestFactory

from warta.common.database_busy import MESSAGE, RETRY_AFTER_SECONDS, server_error


def answer_to(error: Exception, accept: str = "text/html"):
    request = RequestFactory().post("/redaksi/newsroom/article/1/autosave/", HTTP_ACCEPT=accept)
    try:
        raise error
    except Exception:  # noqa: BLE001 - Django calls handler500 inside its own except
        return server_error(request)


def sqlite_locked() -> OperationalError:
    return OperationalError("database is locked")


def postgres_lock_timeout() -> OperationalError:
    error = OperationalError("canceling statement due to lock timeout")
    error.__cause__ = psycopg.errors.LockNotAvailable("lock timeout")
    return error


@pytest.mark.parametrize("busy", [sqlite_locked, postgres_lock_timeout])
def test_the_autosave_hears_busy_in_json_and_tries_again(busy):
    response = answer_to(busy(), accept="application/json")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == {"error": MESSAGE}


def test_a_form_save_gets_an_indonesian_page_saying_nothing_was_lost():
    response = answer_to(sqlite_locked())

    assert response.status_code == 503
    page = response.content.decode()
    assert "Sedang sibuk" in page
    assert "belum tersimpan" in page and "Tidak ada yang hilang" in page
    assert "<script" not in page and "style=" not in page  # the strict CSP holds


@pytest.mark.django_db
def test_any_other_error_is_still_a_500():
    assert answer_to(OperationalError("no such table: newsroom_article")).status_code == 500
    assert answer_to(ValueError("bug")).status_code == 500
