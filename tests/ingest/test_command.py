"""``warta import FILE``: its output, its errors and its exit status."""

from io import StringIO

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from warta.newsroom.models import Article

from .conftest import article_line

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("import", *args, stdout=out, no_color=True)
    return out.getvalue()


def test_the_command_prints_a_summary(write_jsonl):
    path = write_jsonl(article_line(slug="satu"), article_line(slug="dua"))
    _run(str(path))
    path = write_jsonl(article_line(slug="satu"), article_line(slug="tiga"))

    assert _run(str(path)) == "Imported 2 articles: 1 created, 1 updated\n"


def test_skip_invalid_lists_the_bad_lines(write_jsonl):
    path = write_jsonl(article_line(slug="satu"), "{rusak", article_line(title=""))

    output = _run(str(path), "--skip-invalid")

    assert output == (
        "Imported 1 articles: 1 created, 0 updated\n"
        "Skipped 2 bad lines:\n"
        "  line 2: invalid JSON (key must be a string at line 1 column 2)\n"
        "  line 3: title: must not be empty\n"
    )


def test_a_bad_line_fails_with_its_number_and_reason_and_imports_nothing(write_jsonl):
    path = write_jsonl(article_line(slug="satu"), article_line(views=-1))

    with pytest.raises(CommandError) as error:
        _run(str(path))

    assert str(error.value) == (
        "Nothing imported: line 2: views: input should be greater than or equal to 0"
    )
    assert not Article.objects.exists()


def test_a_failed_import_exits_non_zero_without_a_traceback(write_jsonl, capsys):
    path = write_jsonl(article_line(published_at="2024-02-14"))

    with pytest.raises(SystemExit) as exit:
        ManagementUtility(["warta", "import", str(path)]).execute()

    assert exit.value.code != 0
    stderr = capsys.readouterr().err
    assert "line 1: published_at: has no UTC offset" in stderr
    assert "Traceback" not in stderr


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"tidak-ada\.jsonl: no such file"):
        _run(str(tmp_path / "tidak-ada.jsonl"))


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"title": "Berita dari Café"}\n'.encode("latin-1"))

    with pytest.raises(CommandError, match=r"line 1: not UTF-8 text"):
        _run(str(path))
