"""Helpers for import tests: article lines as dicts, JSONL files, small pictures."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from PIL import Image


def article_line(**fields) -> dict:
    """A complete, valid line; keyword arguments override or (as None) remove fields."""
    line = {
        "slug": "pemilu-2024-dimulai",
        "section": "Politik",
        "title": "Pemilu 2024 dimulai",
        "caption": "Warga antre di TPS",
        "credit": "Antara",
        "reporter": "Sarah Meiliana Gunawan",
        "published_at": "2024-02-14T07:00:00+07:00",
        "lead": "Pemungutan suara dimulai serentak.",
        "paragraphs": ["Paragraf pertama.", "Paragraf kedua."],
        "tags": ["Pemilu", "KPU"],
    }
    line.update(fields)
    return {key: value for key, value in line.items() if value is not None}


def jsonl(*lines: dict | str) -> str:
    """File text: dicts become JSON, strings are written as they are (bad lines)."""
    return "".join(
        (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
        for line in lines
    )


def table_counts() -> dict[str, int]:
    """Rows in every table the project has, through tables included."""
    return {
        model._meta.db_table: model.objects.count()
        for model in apps.get_models(include_auto_created=True)
    }


@pytest.fixture
def write_jsonl(tmp_path):
    def write(*lines: dict | str, name: str = "articles.jsonl") -> Path:
        path = tmp_path / name
        path.write_text(jsonl(*lines), encoding="utf-8")
        return path

    return write


@pytest.fixture
def picture(tmp_path):
    """Make a small picture next to the import file, in the format its name says."""

    def make(name: str = "tps.jpg", size=(1000, 600), color="teal") -> str:
        Image.new("RGB", size, color).save(tmp_path / name)
        return name

    return make


@pytest.fixture
def media(settings, tmp_path):
    """A fresh, empty MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT
