from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "warta.search"
    label = "search"
    verbose_name = "Pencarian"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects signal receivers)
