"""Redis going away is a cache miss, not an error: the backend behind WARTA_REDIS_URL
answers as an empty cache while Redis is down, says so once in the log, and uses
Redis again when it is back. Against a redis-server of the test's own, killed by PID.
"""

import logging

import pytest

from warta.common import redis_cache
from warta.common.redis_cache import ForgivingRedisCache


@pytest.fixture
def cache(own_redis, monkeypatch):
    # Try Redis again at once after a failure, so the test needs no waiting.
    monkeypatch.setattr(redis_cache, "RETRY_AFTER_SECONDS", 0)
    return ForgivingRedisCache(
        own_redis.url,
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )


def test_with_redis_up_it_is_django_s_redis_cache(cache):
    cache.set("a", {"x": 1}, 60)
    assert cache.get("a") == {"x": 1}
    assert cache.add("a", 2) is False
    assert cache.get_many(["a", "b"]) == {"a": {"x": 1}}
    cache.set("n", 1, 60)
    assert cache.incr("n") == 2


def test_with_redis_gone_every_call_answers_as_an_empty_cache(cache, own_redis, caplog):
    cache.set("a", "kept", 60)
    cache.set("n", 1, 60)
    own_redis.kill()
    with caplog.at_level(logging.WARNING, logger="warta.common.redis_cache"):
        assert cache.get("a") is None
        assert cache.get("a", "default") == "default"
        assert cache.get_many(["a", "n"]) == {}
        assert cache.has_key("a") is False
        assert cache.add("a", "new") is True  # absent, as far as anyone can tell
        assert cache.set("a", "dropped", 60) is None
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.touch("a") is False
        assert cache.delete("a") is False
        assert cache.delete_many(["a", "b"]) is None
        assert cache.get_or_set("c", lambda: "computed", 60) == "computed"
        with pytest.raises(ValueError):
            cache.incr("n")
        assert cache.clear() is False
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1  # once per outage, not once per call
    assert f"127.0.0.1:{own_redis.port}" in warnings[0].getMessage()


def test_when_redis_is_back_it_is_used_again(cache, own_redis, caplog):
    own_redis.kill()
    assert cache.get("a") is None
    own_redis.start()  # the same port, empty
    with caplog.at_level(logging.WARNING, logger="warta.common.redis_cache"):
        cache.set("a", "stored", 60)
        assert cache.get("a") == "stored"
    assert any("answers again" in r.getMessage() for r in caplog.records)


def test_after_a_failure_redis_is_left_alone_for_a_moment(cache, own_redis, monkeypatch):
    # A Redis host that vanished from the network would cost every call its timeout;
    # after one failure the cache does not ask again until RETRY_AFTER_SECONDS passed.
    monkeypatch.setattr(redis_cache, "RETRY_AFTER_SECONDS", 3600)
    own_redis.kill()
    assert cache.get("a") is None
    own_redis.start()
    cache.set("a", "not stored", 60)
    assert cache.get("a") is None
    monkeypatch.setattr(redis_cache, "RETRY_AFTER_SECONDS", 0)
    cache._down_until = 0.0
    cache.set("a", "stored", 60)
    assert cache.get("a") == "stored"


def test_the_log_never_shows_a_password_from_the_url(own_redis, caplog):
    cache = ForgivingRedisCache(
        f"redis://:geheim-sekali@127.0.0.1:{own_redis.port}/0", {"OPTIONS": {}}
    )
    own_redis.kill()
    with caplog.at_level(logging.WARNING, logger="warta.common.redis_cache"):
        cache.get("a")
    assert "geheim" not in caplog.text and f"127.0.0.1:{own_redis.port}/0" in caplog.text
