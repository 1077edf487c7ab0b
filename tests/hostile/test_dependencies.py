"""No installed dependency has a known vulnerability: pip-audit over this environment,
against PyPI's advisory data (``-s pypi``; PyPI publishes the OSV advisories of each
release), Warta's own editable install left out."""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from importlib.metadata import version

import pytest

# pip-audit's PyPI service reads this JSON document for every installed release.
PROBE = "https://pypi.org/pypi/pip-audit/{}/json"


def pypi_refusal() -> str | None:
    """Why pip-audit's PyPI service cannot work from here, or None when it can."""
    url = PROBE.format(version("pip-audit"))
    try:
        with urllib.request.urlopen(url, timeout=15) as answer:
            json.load(answer)
    except urllib.error.HTTPError as refused:
        return f"PyPI answers {refused.code} for a release's JSON document ({url})"
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as failed:
        return f"PyPI is unreachable ({failed})"
    return None


@pytest.mark.skipif(
    bool(os.environ.get("WARTA_TEST_DATABASE_URL")),
    reason="the dependency audit runs once per `make test`, in the embedded-default pass",
)
def test_no_installed_dependency_has_a_known_vulnerability():
    refusal = pypi_refusal()
    if refusal:
        pytest.skip(f"pip-audit cannot ask PyPI: {refusal}")

    result = subprocess.run(
        [
            sys.executable, "-m", "pip_audit", "--vulnerability-service", "pypi",
            "--skip-editable", "--format", "json", "--progress-spinner", "off",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip

    assert result.stdout, result.stderr
    report = json.loads(result.stdout)
    vulnerable = [
        f"{dependency['name']} {dependency['version']}: "
        + ", ".join(f"{v['id']} (fixed in {', '.join(v['fix_versions']) or '—'})" for v in vulns)
        for dependency in report["dependencies"]
        if (vulns := dependency.get("vulns"))
    ]
    unaudited = [
        f"{dependency['name']}: {dependency['skip_reason']}"
        for dependency in report["dependencies"]
        if dependency.get("skip_reason") and dependency["name"] != "warta"
    ]
    assert vulnerable == [], "upgrade (and pin the floor in pyproject.toml): " + "; ".join(
        vulnerable
    )
    assert unaudited == [], "could not be audited: " + "; ".join(unaudited)
