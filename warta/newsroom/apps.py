from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "warta.newsroom"
    label = "newsroom"
    verbose_name = "Redaksi"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects signal receivers)
