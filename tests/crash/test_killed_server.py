"""`warta serve` killed with SIGKILL while editors save and readers' views are counted."""

import pytest

from .rounds import server_kills

pytestmark = pytest.mark.crash

KILLS = 5


def test_every_kill_leaves_a_consistent_database_and_every_acknowledged_save(
    installation, tmp_path, seed
):
    report = server_kills(installation, tmp_path, kills=KILLS, seed=seed)

    assert report.problems == [], "\n".join(report.rounds)
    assert report.survived == report.kills == KILLS
    # The rounds did what they are for: saves and views before every kill.
    assert all("saves acknowledged 0," not in line for line in report.rounds), report.rounds
