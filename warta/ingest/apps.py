from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "warta.ingest"
    label = "ingest"
    verbose_name = "Impor"
