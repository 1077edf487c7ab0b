"""The media library: photos reusable across articles, searchable by caption."""

from django.contrib import admin

from warta.newsroom.models import Photo


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["caption", "credit", "width", "height", "created_at"]
    search_fields = ["caption", "credit"]
    show_full_result_count = False
