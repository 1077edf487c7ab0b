"""Events other apps react to. Declared here so the apps that listen need not
import each other (see STYLE.md: dependencies run one way)."""

from django.dispatch import Signal

# Sent inside the import transaction, once per batch, so listeners' writes commit
# or roll back with the articles. ``views`` is a list of
# ``(article_id, published_at, count)`` for articles that carried a historical count;
# ``article_ids`` lists every article the batch wrote. Optional, for listeners that
# would otherwise read back what was just written: ``articles``, those Article
# instances exactly as written, and ``tag_links``, ``(article_id, tag_id)`` for every
# tag they now have. A sender gives both or neither. Also optional,
# ``previously_published_at``: the publication times the batch's updated articles had
# before, where the batch changed them (the archive's months they left).
articles_imported = Signal()

# Sent inside the transaction that changes what readers may see of an article, just
# before it commits, with ``article_changed``'s kwargs: data kept in the database and
# derived from the article (the search index, the archive's month counts) is written
# in the same transaction, so a crash between the commit and the receivers cannot
# leave it behind the article (tests/crash/).
article_written = Signal()

# Sent after the transaction commits whenever what readers may see of an article
# changes (published, scheduled, withdrawn, edited while live or scheduled, corrected). Apps that
# cache lists or pages drop what they hold. kwargs: article_id; and, when the change
# moved the article in time (rescheduled, its date edited, a scheduled article
# published now), ``previously_published_at``: its publication time before.
article_changed = Signal()
