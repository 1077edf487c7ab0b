from django.apps import AppConfig


class RelatedConfig(AppConfig):
    name = "warta.related"
    label = "related"
    verbose_name = "Baca Juga"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects signal receivers)
