"""The media library: photos reusable across articles, searchable by caption and credit.

The article form picks its lead photo through ``raw_id_fields``: the popup is this
admin's list, so searching by caption works there too. Uploading goes through the
services in ``newsroom.photos``, changing and deleting through ``services.photos``
(which enforce who may change which photo, see ``roles``); the form has already
checked the file.
"""

from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.utils.html import format_html

from warta.newsroom import photos
from warta.newsroom.models import Photo

from ..photo_forms import PhotoForm
from ..roles import may_change_photo
from ..services.photos import photo_change, photo_delete

THUMBNAIL_WIDTH = 96


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "caption", "credit", "size", "created_at"]
    list_display_links = ["thumbnail", "caption"]
    search_fields = ["caption", "credit"]
    show_full_result_count = False
    list_per_page = 50

    class Media:
        css = {"all": ["desk/desk.css"]}  # the preview's size, without inline styles

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["upload", "caption", "credit", "alt_text"]
        return ["preview", "size", "upload", "caption", "credit", "alt_text"]

    def get_readonly_fields(self, request, obj=None):
        return ["preview", "size"] if obj is not None else []

    # --- permissions: the table in desk/roles.py -------------------------------------
    # Without the permission for this photo the change form is shown read-only and a
    # POST to it answers 403 (Django's admin checks has_change_permission on POST).

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or may_change_photo(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or may_change_photo(request.user, obj, "newsroom.delete_photo")

    # --- saving through the services ------------------------------------------------

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        text = {"caption": data["caption"], "credit": data["credit"], "alt_text": data["alt_text"]}
        if change:
            photo_change(photo=obj, actor=request.user, file=data.get("upload"), **text)
            return
        photo = photos.photo_upload(file=data["upload"], uploaded_by=request.user, **text)
        # The admin goes on with ``obj`` (the message, the log entry, the redirect).
        for field in Photo._meta.concrete_fields:
            setattr(obj, field.attname, getattr(photo, field.attname))
        obj._state.adding, obj._state.db = False, photo._state.db

    def delete_model(self, request, obj):
        photo_delete(photo=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        # The list's bulk action checks the permission for the model only; each photo
        # is checked here, all or none deleted.
        with transaction.atomic():
            for photo in queryset:
                photo_delete(photo=photo, actor=request.user)

    @admin.display(description="Foto")
    def thumbnail(self, photo: Photo) -> str:
        if not photo.renditions:
            return "—"
        smallest = min(photo.renditions, key=lambda r: r["width"])
        height = round(smallest["height"] * THUMBNAIL_WIDTH / smallest["width"])
        return format_html(
            '<img src="{}{}" width="{}" height="{}" alt="" loading="lazy">',
            settings.MEDIA_URL,
            smallest["path"],
            THUMBNAIL_WIDTH,
            height,
        )

    @admin.display(description="Ukuran")
    def size(self, photo: Photo) -> str:
        if not photo.width:
            return "—"
        return f"{photo.width} × {photo.height} px"

    @admin.display(description="Pratinjau")
    def preview(self, photo: Photo) -> str:
        rendition = photo.default_rendition
        if rendition is None:
            return "Belum ada berkas gambar."
        return format_html(
            '<img src="{}{}" width="{}" height="{}" alt="{}" class="desk-photo-preview">',
            settings.MEDIA_URL,
            rendition["path"],
            rendition["width"],
            rendition["height"],
            photo.alt,
        )
