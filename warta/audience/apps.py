from django.apps import AppConfig


class AudienceConfig(AppConfig):
    name = "warta.audience"
    label = "audience"
    verbose_name = "Pembaca"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects signal receivers)
