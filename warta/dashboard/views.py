"""The desk's front page at /redaksi/: one's own work first, then the admin's app list."""

from django.contrib import admin
from django.shortcuts import render

from .selectors import dashboard_for


def home(request):
    context = {
        **admin.site.each_context(request),
        "title": admin.site.index_title,
        "subtitle": None,
        "app_list": admin.site.get_app_list(request),
        "dashboard": dashboard_for(user=request.user),
    }
    request.current_app = admin.site.name
    return render(request, "dashboard/home.html", context)
