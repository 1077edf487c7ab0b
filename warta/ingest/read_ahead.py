"""Reading ahead: the next batch of lines is read and checked while this one is written.

A batch costs Python first (reading, parsing and checking its lines; ``warta demo``
makes them up) and then the database (writing it). In one thread the two take turns,
each idle while the other works. psycopg releases the GIL while it waits for the
server, so a second thread can prepare the next batch meanwhile (bench/README.md,
"One million articles").

The thread only reads and computes: every database query stays in the caller's
thread and transaction. At most ``depth`` batches wait, so memory stays flat; an
error in the thread is raised in the caller, and the thread stops when the caller
stops reading (an aborted import).
"""

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_END = object()
# How often a thread blocked on a full queue looks whether the caller has stopped.
POLL_SECONDS = 0.1


def read_ahead(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """``items`` as they are, each made in a background thread ahead of its turn."""
    waiting: queue.Queue = queue.Queue(maxsize=depth)
    stopped = threading.Event()

    def hand_over(item, error=None) -> bool:
        while not stopped.is_set():
            try:
                waiting.put((item, error), timeout=POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not hand_over(item):
                    return
        except BaseException as exc:  # raised again in the caller's thread
            hand_over(_END, exc)
            return
        hand_over(_END)

    thread = threading.Thread(target=produce, name="warta-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item, error = waiting.get()
            if item is _END:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stopped.set()
        thread.join()
