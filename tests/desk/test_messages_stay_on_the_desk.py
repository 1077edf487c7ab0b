"""The desk's messages never become a cookie that readers' pages would receive."""

import pytest
from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory


@pytest.mark.django_db
def test_a_desk_message_is_kept_in_the_session_not_in_a_site_wide_cookie():
    def view(request):
        messages.success(request, "Berita disimpan.")
        return HttpResponse()

    handler = SessionMiddleware(MessageMiddleware(view))
    response = handler(RequestFactory().post("/redaksi/newsroom/article/1/change/"))

    assert "messages" not in response.cookies
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["path"] == "/redaksi/"
