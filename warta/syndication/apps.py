from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "warta.syndication"
    label = "syndication"
    verbose_name = "Sindikasi"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the signal receivers)
