"""Mounted at /redaksi/ ahead of the admin, whose index page this replaces.

``admin_view`` gives it the admin's guard: staff only, never cached, CSRF-protected;
anyone else is sent to the desk's login page.
"""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("", admin.site.admin_view(views.home), name="home"),
]
