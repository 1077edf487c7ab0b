"""Mounted at /redaksi/akun/, ahead of the admin."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", admin.site.admin_view(views.home), name="home"),
    path("verifikasi/", admin.site.admin_view(views.verify), name="verify"),
    path("dua-langkah/", admin.site.admin_view(views.enrol), name="enrol"),
    path("dua-langkah/matikan/", admin.site.admin_view(views.disable), name="disable"),
]
