"""`export`, `import` and `reset` as a user runs them: what is printed, exit codes, files written."""

from __future__ import annotations

import csv
import io
import json
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dprk_it_tutor import cli
from dprk_it_tutor.progress.export_format import CSV_COLUMNS
from dprk_it_tutor.progress.store import ProgressStore, ReviewCard


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def study(data: Path, lesson: str = "origins") -> None:
    with ProgressStore.open(data) as store:
        store.visit_step(lesson, 1)
        attempt = store.start_attempt(lesson, 3, ["q1"])
        store.record_answer(attempt, "q1", "b", 1.0, seconds=2.0)
        store.finish_attempt(attempt, 1.0, True)
        store.save_review(ReviewCard("q1", lesson, "{}", "2030-01-01"), 4)
        store.add_study_time(f"visit-{lesson}", lesson, 5.0)


def history(data: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The full export of ``data``, without the moment it was written."""
    code, out, _ = run("export", "--data-dir", str(data), capsys=capsys)
    assert code == 0
    document = json.loads(out)
    del document["exported_at"]
    return document


# -- export ---------------------------------------------------------------------------------------


def test_export_prints_json_with_every_section(tmp_path: Path, capsys) -> None:
    study(tmp_path, "a-lesson-not-in-the-course")
    code, out, err = run("export", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0 and err == ""
    document = json.loads(out)
    assert list(document) == [
        "format",
        "version",
        "exported_at",
        "profile",
        "lessons",
        "attempts",
        "review_cards",
        "review_log",
        "study_time",
        "activity_days",
        "settings",
    ]
    assert document["lessons"][0]["lesson_id"] == "a-lesson-not-in-the-course"
    assert document["attempts"][0]["answers"][0]["response"] == "b"


def test_export_csv_prints_the_documented_header_and_events(tmp_path: Path, capsys) -> None:
    study(tmp_path)
    code, out, _ = run("export", "--format", "csv", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == list(CSV_COLUMNS)
    assert out.splitlines()[0] == (
        "event,at,lesson_id,step,attempt_uid,attempt_kind,question_id,response,score,passed,"
        "hint_used,rating,seconds"
    )
    assert [row[0] for row in rows[1:]] == [
        "step_seen",
        "attempt_started",
        "answer",
        "attempt_finished",
        "review",
        "study_time",
    ]


def test_export_to_a_file_replaces_it_whole_and_says_where(tmp_path: Path, capsys) -> None:
    study(tmp_path / "data")
    target = tmp_path / "out.json"
    target.write_text("an older export")
    code, out, err = run(
        "export", "-o", str(target), "--data-dir", str(tmp_path / "data"), capsys=capsys
    )
    assert code == 0 and out == ""
    assert err == f"exported the history of learner 'default' to {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "dprk-it-tutor-export"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.json"]  # no temporary left


def test_export_into_a_missing_folder_is_one_line(tmp_path: Path, capsys) -> None:
    target = tmp_path / "nowhere" / "out.json"
    code, out, err = run("export", "-o", str(target), "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 1 and out == ""
    assert (
        err == f"dprk-it-tutor: error: cannot write in {target.parent}: No such file or directory\n"
    )


# -- import ---------------------------------------------------------------------------------------


def test_import_merges_and_a_second_import_changes_nothing(tmp_path: Path, capsys) -> None:
    study(tmp_path / "mine", "origins")
    study(tmp_path / "theirs", "methods")
    exported = tmp_path / "theirs.json"
    run("export", "-o", str(exported), "--data-dir", str(tmp_path / "theirs"), capsys=capsys)
    code, out, _ = run("import", str(exported), "--data-dir", str(tmp_path / "mine"), capsys=capsys)
    assert code == 0
    assert out == (
        "imported into learner 'default': 1 attempt(s), 1 answer(s), 1 lesson(s), 1 step(s) seen, "
        "1 reading visit(s), 1 review card(s), 1 review(s), 0 day(s) of study, 0 setting(s); "
        "1 already present\n"  # the day of study, shared by both
    )
    merged = history(tmp_path / "mine", capsys)
    assert sorted(a["lesson_id"] for a in merged["attempts"]) == ["methods", "origins"]
    code, out, _ = run("import", str(exported), "--data-dir", str(tmp_path / "mine"), capsys=capsys)
    assert code == 0 and out.endswith(" 0 setting(s); 8 already present\n")
    assert out.startswith("imported into learner 'default': 0 attempt(s), 0 answer(s), 0 lesson(s)")
    assert history(tmp_path / "mine", capsys) == merged


def test_export_and_import_end_to_end_as_separate_processes(tmp_path: Path) -> None:
    study(tmp_path / "old")
    exported = tmp_path / "history.json"

    def tutor(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "dprk_it_tutor", *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    written = tutor("--data-dir", str(tmp_path / "old"), "export", "-o", str(exported))
    assert written.returncode == 0, written.stderr
    imported = tutor("--data-dir", str(tmp_path / "new"), "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("imported into learner 'default': 1 attempt(s), 1 answer(s)")
    old, new = (
        json.loads(tutor("--data-dir", str(tmp_path / name), "export").stdout)
        for name in ("old", "new")
    )
    del old["exported_at"], new["exported_at"]
    assert old == new


def bad_files(tmp_path: Path) -> list[tuple[Path, str]]:
    """Each bad file, and the one line the learner is told about it."""
    cases: list[tuple[Path, str]] = []

    def write(name: str, content: bytes | str, message: str) -> None:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        cases.append((path, f"{path}{message}"))

    cases.append((tmp_path / "missing.json", f"{tmp_path / 'missing.json'}: no such file"))
    (tmp_path / "folder").mkdir()
    cases.append((tmp_path / "folder", f"{tmp_path / 'folder'}: is a folder, not an export file"))
    write("latin1.json", b'{\n  "profile": "J\xf6rg"}', ":2:16: not UTF-8 text (byte 0xf6)")
    write(
        "broken.json",
        '{\n  "format": "dprk-it-tutor-export"\n  "version": 1}',
        ":3:3: not valid JSON: Expecting ',' delimiter",
    )
    write("nan.json", '{"score": NaN}', ": not valid JSON: NaN is not a number JSON allows")
    write(
        "sheet.csv",
        ",".join(CSV_COLUMNS) + "\n",
        ": a CSV export is for spreadsheets; import reads the JSON export (dprk-it-tutor export --format json)",
    )
    write(
        "other.json",
        '{"lessons": []}',
        ': not a dprk-it-tutor export (no "format": "dprk-it-tutor-export")',
    )
    write("list.json", "[]", ': not a dprk-it-tutor export (no "format": "dprk-it-tutor-export")')
    write(
        "newer.json",
        '{"format": "dprk-it-tutor-export", "version": 2}',
        ": export version 2 is newer than this dprk-it-tutor reads (version 1); upgrade dprk-it-tutor to import it",
    )
    attempt = {
        "uid": "u",
        "lesson_id": "origins",
        "kind": "quiz",
        "started_at": "t",
        "finished_at": "t",
        "seed": 1,
        "question_ids": [],
        "score": "full marks",
        "passed": True,
        "answers": [],
    }
    document = {"format": "dprk-it-tutor-export", "version": 1, "attempts": [attempt]}
    write("typed.json", json.dumps(document), ": attempts[0].score must be a number")
    return cases


def test_every_kind_of_bad_file_is_one_line_and_changes_nothing(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    study(data)
    before = history(data, capsys)
    (tmp_path / "files").mkdir()
    for path, message in bad_files(tmp_path / "files"):
        code, out, err = run("import", str(path), "--data-dir", str(data), capsys=capsys)
        assert (code, out, err) == (1, "", f"dprk-it-tutor: error: {message}\n"), path.name
    assert history(data, capsys) == before


# -- reset ----------------------------------------------------------------------------------------


def test_reset_with_yes_backs_up_and_the_backup_restores_everything(tmp_path: Path, capsys) -> None:
    study(tmp_path)
    before = history(tmp_path, capsys)
    code, out, err = run("reset", "--yes", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0 and err == ""
    (backup,) = (tmp_path / "backups").iterdir()
    assert out.splitlines() == [
        f"backup written to {backup}",
        "reset all progress of learner 'default': 1 lesson(s), 1 step(s) seen, 1 attempt(s) with "
        "1 answer(s), 1 review card(s), 1 reading visit(s), the review log, days of study and "
        "settings removed",
    ]
    assert history(tmp_path, capsys)["attempts"] == []
    code, _, _ = run("import", str(backup), "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    assert history(tmp_path, capsys) == before


@pytest.mark.parametrize("typed", ["yes\n", "yes"])
def test_reset_asks_first_and_yes_confirms(tmp_path: Path, capsys, monkeypatch, typed: str) -> None:
    study(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    code, out, err = run("reset", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    assert err.startswith(
        "Reset all progress of learner 'default'? A backup is written first. Type 'yes' to confirm: "
    )
    assert out.startswith("backup written to ")
    assert history(tmp_path, capsys)["lessons"] == []


@pytest.mark.parametrize("typed", ["no\n", "y\n", "YES please\n", ""])
def test_anything_but_yes_resets_nothing(tmp_path: Path, capsys, monkeypatch, typed: str) -> None:
    study(tmp_path)
    before = history(tmp_path, capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    code, out, err = run("reset", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 1 and out == ""
    assert err.endswith(
        "Type 'yes' to confirm: \nnothing was reset\n" if not typed else "nothing was reset\n"
    )
    assert history(tmp_path, capsys) == before
    assert not (tmp_path / "backups").exists()


def test_reset_of_one_lesson_leaves_the_others(tmp_path: Path, capsys, monkeypatch) -> None:
    study(tmp_path, "origins")
    study(tmp_path, "a-lesson-not-in-the-course")
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    code, out, err = run("reset", "--lesson", "origins", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    assert err.startswith("Reset the progress of learner 'default' in lesson 'origins'?")
    assert out.splitlines()[1].startswith(
        "reset lesson 'origins' of learner 'default': 1 lesson(s)"
    )
    left = history(tmp_path, capsys)
    assert [lesson["lesson_id"] for lesson in left["lessons"]] == ["a-lesson-not-in-the-course"]
    assert [attempt["lesson_id"] for attempt in left["attempts"]] == ["a-lesson-not-in-the-course"]
    code, _, _ = run(
        "reset",
        "--yes",
        "--lesson",
        "a-lesson-not-in-the-course",
        "--data-dir",
        str(tmp_path),
        capsys=capsys,
    )
    assert code == 0 and history(tmp_path, capsys)["lessons"] == []


def test_reset_of_an_unknown_lesson_names_the_closest(tmp_path: Path, capsys) -> None:
    study(tmp_path)
    code, out, err = run(
        "reset", "--yes", "--lesson", "origns", "--data-dir", str(tmp_path), capsys=capsys
    )
    assert (code, out) == (1, "")
    assert err == (
        "dprk-it-tutor: error: no lesson 'origns' in the course or in the progress of learner "
        "'default' (did you mean 'origins'?)\n"
    )
    assert not (tmp_path / "backups").exists()


def test_reset_of_a_lesson_never_opened_does_nothing(tmp_path: Path, capsys) -> None:
    code, out, _ = run("reset", "--lesson", "origins", "--data-dir", str(tmp_path), capsys=capsys)
    assert code == 0
    assert out == "lesson 'origins' has no progress to reset; nothing was reset\n"
    assert not (tmp_path / "backups").exists()
