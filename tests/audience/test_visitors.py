"""Unit tests: who is a bot, who is the client, who is the same visitor."""

import pytest
from django.test import RequestFactory

from warta.audience.bots import is_bot
from warta.audience.visitors import client_ip, visitor_key

from .readers import ANDROID, CHROME, FIREFOX

BOTS = {
    "googlebot": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "bingbot": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "headless": (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
        "(KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"
    ),
    "curl": "curl/8.5.0",
    "empty": "",
    "blank": "   ",
    "huge": "Mozilla/5.0 " + "x" * 5000,
}


@pytest.mark.parametrize("user_agent", BOTS.values(), ids=BOTS.keys())
def test_bots_are_recognised(user_agent):
    assert is_bot(user_agent)


@pytest.mark.parametrize(
    "user_agent", [CHROME, FIREFOX, ANDROID], ids=["chrome", "firefox", "android"]
)
def test_browsers_are_readers(user_agent):
    assert not is_bot(user_agent)


def _request(remote="198.51.100.1", forwarded=None, ua=CHROME):
    """A beacon request's WSGI environ (``request.META``), what the functions read."""
    extra = {"REMOTE_ADDR": remote, "HTTP_USER_AGENT": ua}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/b", **extra).META


def test_client_ip_ignores_forwarded_for_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(forwarded="1.2.3.4")) == "198.51.100.1"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the leftmost hop was forged by the client
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.2", "1.2.3.4"),
        (2, "1.2.3.4", "1.2.3.4"),  # fewer hops than proxies: best guess
        (1, "not-an-ip", "198.51.100.1"),
        (1, "", "198.51.100.1"),
        (1, "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_client_ip_takes_the_hop_our_proxies_added(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_visitor_is_ip_and_user_agent():
    same = visitor_key(_request())
    assert visitor_key(_request()) == same
    assert visitor_key(_request(remote="198.51.100.2")) != same
    assert visitor_key(_request(ua=FIREFOX)) != same
    assert "198.51.100.1" not in same
