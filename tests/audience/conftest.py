"""Fixtures for the audience tests: a clean view buffer and a beacon sender."""

import pytest

from warta.audience import buffer

from .readers import CHROME, READER_IP


@pytest.fixture(autouse=True)
def _empty_buffer():
    buffer.discard_pending()
    yield
    buffer.discard_pending()


@pytest.fixture
def send_beacon(client):
    """POST a beacon body the way ``navigator.sendBeacon`` does."""

    def send(body, *, ua=CHROME, ip=READER_IP, content_type="text/plain;charset=UTF-8", **extra):
        return client.post(
            "/b",
            data=body,
            content_type=content_type,
            HTTP_USER_AGENT=ua,
            REMOTE_ADDR=ip,
            **extra,
        )

    return send
