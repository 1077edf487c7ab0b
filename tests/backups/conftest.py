"""Backups are made and restored by ``warta`` commands in installations of their own."""

import pytest

from tests.installations import Installations


@pytest.fixture
def installations(tmp_path):
    made = Installations(tmp_path)
    yield made
    made.drop_databases()
