"""`warta import` killed with SIGKILL while it rewrites an archive readers are reading."""

import pytest

from .rounds import import_kills

pytestmark = pytest.mark.crash

KILLS = 5


def test_a_killed_import_stores_all_of_its_file_or_none_and_running_it_again_finishes(
    installation, tmp_path, seed
):
    report = import_kills(installation, tmp_path, kills=KILLS, seed=seed)

    assert report.problems == [], "\n".join(report.rounds)
    assert report.survived == report.kills == KILLS
    # Most kills land inside the import's transaction (the point of the test).
    inside = sum("inside its transaction" in line for line in report.rounds)
    assert inside > KILLS // 2, report.rounds
