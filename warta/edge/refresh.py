"""Fresh at once: when an article changes, every cache node fetches its pages again.

Called after the change is committed (``article_changed`` is sent on commit), so the
node's fetch reads the new state. The requests go out from a small thread pool: an
editor's save never waits for a cache node, and a node that is down or slow is only
logged. Each refresh is repeated ``CACHE_REFRESH_REPEAT_SECONDS`` later, because a
reader's request that the app answered just before the commit, or from a replica a
moment behind the primary, may reach the cache after our refresh and store the old
page again; the repeat puts the new one back.
"""

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings

from .addresses import article_addresses
from .nodes import NginxNode

logger = logging.getLogger(__name__)

# Enough for a handful of nodes refreshed in parallel; more changes just queue.
_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="warta-edge-refresh")


def cache_nodes() -> list[NginxNode]:
    return [
        NginxNode(url, settings.CACHE_REFRESH_SECRET, settings.CACHE_REFRESH_TIMEOUT)
        for url in settings.CACHE_NODES
    ]


def refresh_article(article_id: int) -> list[Future]:
    """Ask every cache node to fetch the article's pages again; returns at once."""
    nodes = cache_nodes()
    if not nodes:
        return []
    paths = article_addresses(article_id)
    if not paths:
        return []
    futures = refresh_paths(nodes, paths)
    if settings.CACHE_REFRESH_REPEAT_SECONDS:
        repeat = threading.Timer(
            settings.CACHE_REFRESH_REPEAT_SECONDS, refresh_paths, (nodes, paths)
        )
        repeat.daemon = True
        repeat.start()
    return futures


def refresh_paths(nodes: list[NginxNode], paths: list[str]) -> list[Future]:
    return [_pool.submit(_refresh_node, node, paths) for node in nodes]


def _refresh_node(node: NginxNode, paths: list[str]) -> bool:
    try:
        node.refresh(paths)
    except Exception as exc:  # a node's failure is logged, never the editor's problem
        logger.warning("cache node %s could not refresh %s: %s", node.base_url, paths, exc)
        return False
    return True
