"""The command line as a user runs it: exit codes and exactly what is printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dprk_it_tutor import cli, paths
from dprk_it_tutor.content import load_course
from dprk_it_tutor.progress import STORE_FILENAME, ProgressStore

GOOD_LESSON = """\
---
id: sample
title: A sample lesson
order: 1
summary: A short lesson used by the tests.
objectives:
  - Read a lesson
minutes: 2
---

## One

First step.

## Two

Second step.
"""


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_prints_the_installed_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("dprk-it-tutor 0.")


def test_list_prints_lessons_in_order_with_status(capsys) -> None:
    course = load_course([paths.builtin_course_dir()])
    code, out, _ = run("list", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["#", "id", "status", "quiz", "title"]
    for number, (line, lesson) in enumerate(zip(lines[1:], course.lessons, strict=True), start=1):
        assert line.split()[:2] == [str(number), lesson.id]
        assert "not started" in line and line.endswith(lesson.title)


def test_list_shows_progress_from_the_data_dir_given(tmp_path: Path, capsys) -> None:
    course = load_course([paths.builtin_course_dir()])
    lesson = course.lessons[0]
    with ProgressStore.open(tmp_path) as store:
        store.visit_step(lesson.id, 1)
    code, out, _ = run("list", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    assert "in progress" in out.splitlines()[1]
    code, out, _ = run("--data-dir", str(tmp_path / "other"), "list", capsys=capsys)
    assert "in progress" not in out


def test_validate_passes_on_the_shipped_course(capsys) -> None:
    code, out, err = run("validate", capsys=capsys)
    assert code == 0
    assert out == ""
    assert err.startswith("0 error(s), 0 warning(s)")


def test_validate_reports_each_problem_as_path_line_col_and_exits_1(tmp_path: Path, capsys) -> None:
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "good.md").write_text(GOOD_LESSON)
    broken = tmp_path / "lessons" / "broken.md"
    broken.write_text(
        GOOD_LESSON.replace("id: sample", "id: other").replace("order: 1", "order: first")
    )
    code, out, err = run("validate", str(tmp_path), capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{broken}:4:8: error: 'order' must be a whole number, not text",
    ]
    assert err.startswith("1 error(s), 0 warning(s); 1 lesson(s)")


def test_validate_names_a_path_that_does_not_exist(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope"
    code, out, _ = run("validate", str(missing), capsys=capsys)
    assert code == 1
    assert (
        out.strip() == f"{missing}:1:1: error: no such lesson (.md) or quiz (.yaml) file or folder"
    )


def test_control_characters_in_content_never_reach_the_terminal(tmp_path: Path, capsys) -> None:
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "a.md").write_text(
        GOOD_LESSON.replace("order: 1", "order: \x1b[31mred")
    )
    code, out, _ = run("validate", str(tmp_path), capsys=capsys)
    assert code == 1
    assert "\x1b" not in out


def test_a_damaged_progress_store_is_kept_aside_with_one_clear_line(tmp_path: Path, capsys) -> None:
    (tmp_path / STORE_FILENAME).write_bytes(b"this is not a database" * 100)
    code, out, err = run("list", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    assert "origins" in out  # the command still does its work, on a fresh store
    (aside,) = tmp_path.glob(f"{STORE_FILENAME}.damaged-*[0-9]")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert err == (
        f"dprk-it-tutor: warning: the progress file {tmp_path / STORE_FILENAME} was damaged "
        f"(file is not a database); it was kept as {aside} and a new, empty progress file "
        "was started\n"
    )


def test_unknown_flag_exits_2_with_a_usage_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dprk_it_tutor", "--frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "unrecognized arguments: --frobnicate" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dprk_it_tutor", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "validate" in result.stdout and "list" in result.stdout


def test_validate_says_when_a_folder_holds_no_content(tmp_path: Path, capsys) -> None:
    code, out, _ = run("validate", str(tmp_path), capsys=capsys)
    assert code == 1
    assert (
        out.strip()
        == f"{tmp_path}:1:1: error: no lesson (.md) or quiz (.yaml) files in this folder"
    )


def test_a_reader_that_stops_early_ends_the_output_quietly(tmp_path: Path) -> None:
    """`dprk-it-tutor list | head -1`: the closed pipe is not a traceback. The reader here goes
    away before the first line is written, so the write always finds the pipe closed."""
    command = [sys.executable, "-m", "dprk_it_tutor", "--data-dir", str(tmp_path), "list"]
    writer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.close()
    err = writer.stderr.read().decode()
    writer.wait(timeout=30)
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert writer.returncode in (0, 141)


def test_progress_prints_a_table_and_totals(tmp_path: Path, capsys) -> None:
    course = load_course([paths.builtin_course_dir()])
    with ProgressStore.open(tmp_path, profile="Ana") as store:
        store.visit_step(course.lessons[0].id, 1)
        store.add_study_time("visit", course.lessons[0].id, 3600 + 5 * 60 + 30)
    code, out, _ = run("progress", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Learner: Ana · 1-day streak · longest 1"
    assert lines[2].split() == [
        "#",
        "id",
        "status",
        "step",
        "best",
        "last",
        "tries",
        "time",
        "title",
    ]
    first = lines[3].split()
    assert first[:2] == ["1", course.lessons[0].id] and "in progress" in lines[3]
    assert f"1/{course.lessons[0].step_count}" in first and "1h05m" in first
    second = ["not", "started", f"0/{course.lessons[1].step_count}", "-", "-", "0", "-"]
    assert lines[4].split()[2:9] == second  # no time spent in the second lesson
    assert lines[-1].startswith(f"Completed 0 of {len(course.lessons)} lessons (0%), 1 in progress")
    assert lines[-1].endswith("time spent: 1h 05m.")


def test_progress_json_is_parseable_and_in_teaching_order(tmp_path: Path, capsys) -> None:
    course = load_course([paths.builtin_course_dir()])
    code, out, _ = run("progress", "--json", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert [lesson["id"] for lesson in data["lessons"]] == [lesson.id for lesson in course.lessons]
    assert data["totals"]["lessons"] == len(course.lessons)


# -- a store that cannot be written ---------------------------------------------------------------

# Runs the CLI with every attempt to open a file for writing failing as on a read-only disk.
READ_ONLY_CLI = """
import errno, os, sys
real_open = os.open
def read_only(path, flags, *args):
    if flags & (os.O_WRONLY | os.O_RDWR):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
    return real_open(path, flags, *args)
os.open = read_only
from dprk_it_tutor.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", [["list"], ["progress"], ["progress", "--json"]])
def test_commands_name_a_data_folder_that_cannot_be_made_in_one_line(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "blocker").write_text("a file where the folder should be")
    data = tmp_path / "blocker" / "data"
    result = subprocess.run(
        [sys.executable, "-m", "dprk_it_tutor", "--data-dir", str(data), *command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"dprk-it-tutor: error: cannot create the progress store at {data / STORE_FILENAME}: "
        "Not a directory\n"
    )


@pytest.mark.parametrize("command", [["list"], ["progress", "--json"]])
def test_commands_name_a_read_only_store_in_one_line(tmp_path: Path, command: list[str]) -> None:
    with ProgressStore.open(tmp_path) as store:
        store.visit_step("origins", 1)
    result = subprocess.run(
        [sys.executable, "-c", READ_ONLY_CLI, "--data-dir", str(tmp_path), *command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"dprk-it-tutor: error: cannot write to the progress store at {tmp_path / STORE_FILENAME}: "
        "Read-only file system\n"
    )


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list:
    """The apps the CLI starts, recorded instead of run."""
    from dprk_it_tutor.tui.app import TutorApp

    apps: list = []

    def record(app: TutorApp) -> None:  # the store is closed once run returns: look now
        apps.append(
            (
                app.progress.store.saving,
                app.progress.store.not_saved_reason,
                app.progress.lesson_records(),
            )
        )

    monkeypatch.setattr(TutorApp, "run", record)
    return apps


@pytest.mark.parametrize("command", ["run", "review"])
def test_the_app_still_starts_without_saving_when_the_store_cannot_be_made(
    tmp_path: Path, capsys, started: list, command: str
) -> None:
    (tmp_path / "blocker").write_text("a file where the folder should be")
    data = tmp_path / "blocker" / "data"
    code, out, err = run("--data-dir", str(data), command, capsys=capsys)
    assert (code, out) == (0, "")
    assert err == (
        f"dprk-it-tutor: warning: cannot create the progress store at {data / STORE_FILENAME}: "
        "Not a directory; progress will not be saved in this session\n"
    )
    ((saving, reason, _),) = started
    assert saving is False
    assert "Not a directory" in reason


def test_the_app_starts_from_a_copy_of_a_read_only_store(
    tmp_path: Path, capsys, started: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from dprk_it_tutor.progress import store as store_module

    with ProgressStore.open(tmp_path) as store:
        store.visit_step("origins", 2)

    def read_only(*args: object, **kwargs: object) -> int:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path))

    monkeypatch.setattr(store_module.os, "open", read_only)
    code, _, err = run("--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    assert err.count("\n") == 1 and "Read-only file system" in err
    ((saving, _, records),) = started
    assert saving is False
    assert records["origins"].current_step == 2


def test_the_app_refuses_a_store_from_a_newer_version(
    tmp_path: Path, capsys, started: list
) -> None:
    import sqlite3

    with sqlite3.connect(tmp_path / STORE_FILENAME) as db:
        db.execute("PRAGMA user_version = 999")
    code, out, err = run("--data-dir", str(tmp_path), "run", capsys=capsys)
    assert (code, out, started) == (1, "", [])
    assert err.startswith("dprk-it-tutor: error: the progress store was written by a newer")
    assert err.count("\n") == 1
