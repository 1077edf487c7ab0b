"""Soft edit locks: others see who is editing; the lock expires on its own."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article
from warta.desk.locks import LOCK_SECONDS, lock_acquire, lock_holder, lock_release
from warta.desk.roles import EDITOR, REPORTER

from .people import make_user

pytestmark = pytest.mark.django_db


def _named(username, first, last):
    user = make_user(EDITOR, username)
    user.first_name, user.last_name = first, last
    user.save()
    return user


def test_the_first_editor_holds_the_lock_until_it_expires(clock_driven_cache):
    budi, sari = _named("budi", "Budi", "Santoso"), _named("sari", "Sari", "Dewi")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert lock_acquire(1, budi).name == "Budi Santoso"
        assert lock_acquire(1, sari).name == "Budi Santoso"
        clock.shift(timedelta(seconds=LOCK_SECONDS - 10))
        assert lock_acquire(1, budi).user_id == budi.pk  # a heartbeat refreshes it
        clock.shift(timedelta(seconds=LOCK_SECONDS - 10))
        assert lock_holder(1).user_id == budi.pk
        clock.shift(timedelta(seconds=20))
        assert lock_holder(1) is None
        assert lock_acquire(1, sari).user_id == sari.pk


def test_release_frees_only_ones_own_lock():
    budi, sari = _named("budi", "Budi", "Santoso"), _named("sari", "Sari", "Dewi")
    lock_acquire(1, budi)
    lock_release(1, sari)
    assert lock_holder(1).user_id == budi.pk
    lock_release(1, budi)
    assert lock_holder(1) is None


def test_the_banner_names_the_other_editor_and_goes_when_the_lock_expires(
    client, clock_driven_cache
):
    article = make_article()
    budi, sari = _named("budi", "Budi", "Santoso"), _named("sari", "Sari", "Dewi")
    url = f"/redaksi/newsroom/article/{article.pk}/change/"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.force_login(budi)
        client.post(f"/redaksi/newsroom/article/{article.pk}/kunci/")
        assert "sedang disunting" not in client.get(url).content.decode()  # not to himself
        client.force_login(sari)
        assert "Berita ini sedang disunting oleh <strong>Budi Santoso</strong>" in (
            client.get(url).content.decode()
        )
        clock.shift(timedelta(seconds=LOCK_SECONDS + 1))
        assert "sedang disunting" not in client.get(url).content.decode()


def test_heartbeat_answers_who_holds_the_lock(client):
    article = make_article()
    budi, sari = _named("budi", "Budi", "Santoso"), _named("sari", "Sari", "Dewi")
    url = f"/redaksi/newsroom/article/{article.pk}/kunci/"
    client.force_login(budi)
    assert client.post(url).json() == {"holder": None, "mine": True}
    client.force_login(sari)
    assert client.post(url).json() == {"holder": "Budi Santoso", "mine": False}
    client.force_login(budi)
    assert client.post(url, {"lepas": "1"}).json() == {"holder": None, "mine": False}
    assert lock_holder(article.pk) is None


def test_only_someone_who_may_edit_takes_the_lock(client):
    article = make_article()
    client.force_login(make_user(REPORTER))
    assert client.post(f"/redaksi/newsroom/article/{article.pk}/kunci/").status_code == 403
    assert lock_holder(article.pk) is None
