from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "warta.portal"
    label = "portal"
    verbose_name = "Situs pembaca"
