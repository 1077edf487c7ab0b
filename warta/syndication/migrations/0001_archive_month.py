from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

# Frozen copy of Article.LIVE_STATUSES as it was when this migration was made.
LIVE_STATUSES = ("scheduled", "published")


def count_months(apps, schema_editor):
    """Every month's live articles, counted once: later the receivers keep it."""
    Article = apps.get_model("newsroom", "Article")
    ArchiveMonth = apps.get_model("syndication", "ArchiveMonth")
    zone = timezone.get_current_timezone()
    rows = (
        Article.objects.using(schema_editor.connection.alias)
        .filter(status__in=LIVE_STATUSES)
        .annotate(month=TruncMonth("published_at", tzinfo=zone))
        .values("month")
        .annotate(articles=Count("id"))
        .order_by()
    )
    ArchiveMonth.objects.using(schema_editor.connection.alias).bulk_create(
        ArchiveMonth(month=timezone.localtime(row["month"], zone).date(), articles=row["articles"])
        for row in rows
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("newsroom", "0002_workflow_desk"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArchiveMonth",
            fields=[
                ("month", models.DateField(primary_key=True, serialize=False, verbose_name="bulan")),
                ("articles", models.PositiveIntegerField(verbose_name="jumlah berita")),
            ],
            options={
                "verbose_name": "bulan arsip",
                "verbose_name_plural": "bulan arsip",
            },
        ),
        migrations.RunPython(count_months, migrations.RunPython.noop),
    ]
