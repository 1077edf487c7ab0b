"""Moves the views counted in Redis into the hourly buckets, each exactly once.

One pass (``flush_live_views``), run by ``warta flush-views`` every
``BEACON_FLUSH_SECONDS``:

1. claim: every ``hour:`` hash, the current hour's too, is renamed to a uniquely
   named batch and listed in ``batches`` by one atomic script; views arriving later
   start a fresh hash;
2. for each listed batch (those just claimed, and any a crashed pass left behind):
   in one database transaction, record the batch's name in ``FlushedViewBatch`` and
   add its counts to the buckets; a name already recorded means an earlier pass
   committed it and died before step 3, so nothing is added again;
3. delete the batch from Redis.

A kill at any point therefore neither loses nor doubles a view: before the commit
the batch is still in Redis and is written by the next pass; after it, the recorded
name stops a second write. Two workers running at once are safe too: the second to
insert a name waits for the first's transaction and then finds it recorded.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import counters, live_counts
from .models import FlushedViewBatch

logger = logging.getLogger(__name__)

# A recorded name matters only while its batch may still be in Redis, that is until
# the next pass that can reach Redis; a day is far beyond that, and keeps the table
# small (one row per hour hash per pass).
KEEP_RECORDS = timedelta(days=1)


@dataclass(frozen=True)
class FlushReport:
    batches: int  # batches settled in this pass
    views: int  # views added by them (ids that are not published articles included)


def flush_live_views() -> FlushReport:
    """One pass: claim the open hours, then write and delete every waiting batch.

    Raises ``redis.RedisError`` or ``django.db.DatabaseError`` when either is away;
    whatever was not settled stays in Redis for the next pass.
    """
    live_counts.claim_open_hours()
    batches = views = 0
    for batch in live_counts.claimed_batches():
        counts = live_counts.batch_views(batch)
        if _write_once(batch, counts):
            views += sum(counts.values())
        live_counts.forget_batch(batch)
        batches += 1
    FlushedViewBatch.objects.filter(flushed_at__lt=timezone.now() - KEEP_RECORDS).delete()
    return FlushReport(batches=batches, views=views)


def _write_once(batch: live_counts.Batch, counts: dict[int, int]) -> bool:
    """Add the batch's counts unless its name is already recorded; True if added."""
    hour = batch.hour
    rows = [(article_id, hour, views) for article_id, views in counts.items()]
    with transaction.atomic():
        try:
            with transaction.atomic():
                FlushedViewBatch.objects.create(
                    name=batch.name, views=sum(counts.values()), flushed_at=timezone.now()
                )
        except IntegrityError:
            logger.info("View batch %s was written before; deleting it only", batch.name)
            return False
        for start in range(0, len(rows), counters.BATCH_ROWS):
            counters.add_views(rows[start : start + counters.BATCH_ROWS])
    return True
