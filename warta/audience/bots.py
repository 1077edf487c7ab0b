"""Which requests come from crawlers and other machines, judged by User-Agent."""

from crawlerdetect import CrawlerDetect

# Browsers send a couple of hundred characters; anything far longer is not a reader
# and is not worth running the crawler patterns over.
MAX_USER_AGENT = 1000

# One detector per process: it compiles its patterns once and caches recent verdicts
# (its LRU cache is thread-safe; the ``matches`` attribute it also sets is unused here).
_detector = CrawlerDetect()


def is_bot(user_agent: str) -> bool:
    """True for crawlers, headless browsers, HTTP libraries and an empty User-Agent."""
    user_agent = user_agent.strip()
    if not user_agent or len(user_agent) > MAX_USER_AGENT:
        return True
    return _detector.is_crawler(user_agent)
