"""Hypothesis profiles for every property test (tests/hostile/, tests/api/).

``ci`` (the default) is what ``make test`` runs: a fixed number of examples per test,
chosen from a seed derived from the test itself (``derandomize``), so two runs try the
same inputs and a failure reproduces; nothing is written to a ``.hypothesis`` folder.
``HYPOTHESIS_PROFILE=deep`` tries twenty times as many, fresh ones on every run, for
a longer hunt (``make hostile HYPOTHESIS_PROFILE=deep``).

Loaded from tests/conftest.py, before any test module builds its ``settings``.
"""

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_SCALE = {"ci": 1, "deep": 20}

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    # One database, one client and one set of articles serve every example of a test;
    # examples that write roll their writes back themselves.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
settings.register_profile("deep", parent=settings.get_profile("ci"), derandomize=False)
if PROFILE not in _SCALE:
    raise RuntimeError(f"HYPOTHESIS_PROFILE={PROFILE!r}: use one of {', '.join(_SCALE)}")
settings.load_profile(PROFILE)


def examples(ci: int) -> int:
    """How many examples a test tries: ``ci`` in the ci profile, more in deep."""
    return ci * _SCALE[PROFILE]
