from django.apps import AppConfig


class EdgeConfig(AppConfig):
    name = "warta.edge"
    label = "edge"
    verbose_name = "Tembolok halaman"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects signal receivers)
