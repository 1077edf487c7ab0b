from django.conf import settings
from django.contrib import admin

admin.site.site_header = f"Redaksi {settings.SITE_NAME}"
admin.site.site_title = f"Redaksi {settings.SITE_NAME}"
admin.site.index_title = "Meja redaksi"
