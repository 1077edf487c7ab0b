"""WordPress migration: ``warta import-wordpress FILE.xml`` (README, "Moving from WordPress").

- ``wxr``: the export read as a stream of records, defused, positions in errors;
- ``posts``: one post as an article (status, time, section, tags, reporter);
- ``content``: wpautop, shortcodes, sanitized body and teras;
- ``writer``: batches written in bulk (``warta.ingest.bulk_sql``), featured images
  linked at the end;
- ``permalinks``: every old address of a post or category, as a lookup key
  (``warta.ingest.legacy_urls`` answers them with 301s);
- ``importer``: the one transaction around it all.
"""

from .importer import WordPressReport, import_wordpress
from .wxr import WxrError

__all__ = ["WordPressReport", "WxrError", "import_wordpress"]
