from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "warta.portal"
    label = "portal"
    verbose_name = "Situs pembaca"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects signal receivers)
