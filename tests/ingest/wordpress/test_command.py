"""``warta import-wordpress FILE``: its output, its errors and its exit status."""

from io import StringIO

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from tests.ingest.conftest import table_counts
from warta.newsroom.models import Article

from .conftest import attachment, post, wxr

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("import-wordpress", *args, stdout=out, no_color=True)
    return out.getvalue()


def test_the_command_prints_a_summary_and_a_rerun_updates(write_wxr):
    path = write_wxr(
        wxr(
            post(101, thumbnail=900),
            post(102),
            post(103, status="trash"),
            post(104, post_type="page"),
            attachment(900),
        )
    )

    first = _run(str(path))
    second = _run(str(path))

    assert first == (
        "Imported 2 posts from https://lama.example.com: 2 created, 0 updated\n"
        "Featured images: 1 articles linked to 1 recorded attachments (files not copied)\n"
        "Not imported: 1 page, 1 trash\n"
    )
    assert second.startswith(
        "Imported 2 posts from https://lama.example.com: 0 created, 2 updated\n"
    )
    assert Article.objects.count() == 2


def test_the_command_runs_from_the_warta_console_command(write_wxr, capsys):
    path = write_wxr(wxr(post(101)))

    ManagementUtility(["warta", "import-wordpress", str(path)]).execute()

    assert "Imported 1 posts" in capsys.readouterr().out


def test_a_truncated_file_fails_with_its_position_and_imports_nothing(write_wxr):
    whole = wxr(post(101), post(102))
    path = write_wxr(whole[: whole.index("<wp:post_id>102")])
    before = table_counts()

    with pytest.raises(CommandError) as error:
        _run(str(path))

    assert str(error.value).startswith(f"Nothing imported: {path}: not well-formed XML at line ")
    assert table_counts() == before


def test_a_failed_import_exits_non_zero_without_a_traceback(write_wxr, capsys):
    # (Django closes the database connection after a command run this way: no queries
    # after it here, the test above checks the database.)
    path = write_wxr(wxr(post(101))[:-20])

    with pytest.raises(SystemExit) as exit:
        ManagementUtility(["warta", "import-wordpress", str(path)]).execute()

    assert exit.value.code != 0
    stderr = capsys.readouterr().err
    assert "Nothing imported: " in stderr and "not well-formed XML at line " in stderr
    assert "Traceback" not in stderr


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"tidak-ada\.xml: no such file"):
        _run(str(tmp_path / "tidak-ada.xml"))


def test_a_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"is a folder, not a file"):
        _run(str(tmp_path))
