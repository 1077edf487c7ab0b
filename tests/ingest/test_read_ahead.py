"""Reading ahead: batches come in order, errors reach the importer, and the thread
never outlives the import."""

import itertools
import threading

import pytest

from warta.ingest.read_ahead import read_ahead


def read_ahead_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "warta-read-ahead"]


def test_items_come_in_order_and_all_of_them():
    assert list(read_ahead(iter(range(100)), depth=2)) == list(range(100))
    assert read_ahead_threads() == []


def test_an_error_while_reading_is_raised_to_the_caller_after_the_items_before_it():
    def source():
        yield "satu"
        yield "dua"
        raise ValueError("baris rusak")

    received = []
    with pytest.raises(ValueError, match="baris rusak"):
        for item in read_ahead(source()):
            received.append(item)
    assert received == ["satu", "dua"]
    assert read_ahead_threads() == []


def test_a_caller_that_stops_reading_stops_the_thread():
    made = itertools.count()
    items = read_ahead((next(made) for _ in itertools.repeat(None)), depth=2)

    assert [next(items) for _ in range(3)] == [0, 1, 2]
    items.close()

    assert read_ahead_threads() == []
    # Read ahead by at most the queue and the one item waiting to go in.
    assert next(made) <= 3 + 2 + 1
