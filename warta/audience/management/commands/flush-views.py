"""``warta flush-views``: move the views counted in Redis into the database.

Production mode runs one (or more: they are safe together) beside the app servers.
It runs a pass every ``BEACON_FLUSH_SECONDS`` (see ``warta/audience/flush.py``),
keeps going while Redis or the database is away, and on SIGTERM or Ctrl+C finishes
the pass it is in before exiting, though a kill at any moment loses nothing either.
"""

import logging
import signal
import threading

import redis
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections

from warta.audience.flush import flush_live_views

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Move the view counts waiting in Redis into the hourly counters in the database."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one pass, then exit")
        parser.add_argument(
            "--interval",
            type=float,
            default=settings.BEACON_FLUSH_SECONDS,
            help="seconds between passes (WARTA_BEACON_FLUSH_SECONDS)",
        )

    def handle(self, *args, once=False, interval=None, **options):
        if not settings.REDIS_URL:
            raise CommandError(
                "WARTA_REDIS_URL is not set: without Redis each app process writes its own "
                "views to the database, and there is nothing to flush."
            )
        if once:
            try:
                report = flush_live_views()
            except (redis.RedisError, DatabaseError) as exc:
                raise CommandError(f"Flushing views failed; they wait in Redis: {exc}") from exc
            self.stdout.write(f"{report.views} views in {report.batches} batches written.")
            return
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds")
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"Flushing views from Redis every {interval:g} s (Ctrl+C to stop)")
        self.stdout.flush()
        while not stop.is_set():
            self._pass(options["verbosity"])
            stop.wait(interval)

    def _pass(self, verbosity: int) -> None:
        # A long-running process has no request cycle to recycle its connection: drop
        # one that broke or aged out before each pass.
        close_old_connections()
        try:
            report = flush_live_views()
        except (redis.RedisError, DatabaseError):
            logger.warning("Flushing views failed; retrying next pass", exc_info=True)
            return
        finally:
            close_old_connections()
        if verbosity >= 2 and report.batches:
            self.stdout.write(f"{report.views} views in {report.batches} batches written.")
