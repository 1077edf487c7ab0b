"""How many hostile inputs the run tried, and how many of them broke something.

Every property test counts each input it sends (an address, a beacon, an import
file, a form, an upload) under its area. A 5xx, an unexpected exception or a write
that should not have happened fails the test and is counted as broken too. The
totals print at the end of the pytest run (``pytest_terminal_summary``, hooked in
tests/conftest.py), e.g. for the closing note's "N hostile inputs, 0 server errors":

    hostile inputs: 2140 tried, 0 server errors or partial writes
      public addresses        640 tried, 0 broke
      ...
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

_tried: Counter[str] = Counter()
_broke: Counter[str] = Counter()


@contextmanager
def attempt(area: str) -> Iterator[None]:
    """One hostile input in ``area``; anything escaping the block counts it as broken."""
    _tried[area] += 1
    try:
        yield
    except BaseException:
        _broke[area] += 1
        raise


def no_server_error(response, what: str = "") -> None:
    """Fail on a 5xx (inside ``attempt``, which then counts the input as broken)."""
    status = response.status_code
    assert status < 500, f"{status} for {what or 'this request'}"


def totals() -> tuple[int, int]:
    return sum(_tried.values()), sum(_broke.values())


def pytest_terminal_summary(terminalreporter) -> None:
    if not _tried:
        return
    tried, broke = totals()
    terminalreporter.section("hostile inputs")
    terminalreporter.write_line(
        f"hostile inputs: {tried} tried, {broke} server errors or partial writes"
    )
    for area in sorted(_tried):
        terminalreporter.write_line(f"  {area:<28} {_tried[area]:>6} tried, {_broke[area]} broke")
